"""`make check` picks the pages a change touched from git, or the ones PAGES names."""

from __future__ import annotations

import subprocess
from pathlib import Path

from scripts.check_changed import changed_pages


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True, capture_output=True
    )


def committed(repo: Path, files: dict[str, str], branch: str = "main") -> None:
    """Write `files` into a new git repository at `repo` and commit them on `branch`."""
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    git(repo, "init", "-q", "-b", branch)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "start")


def test_the_pages_changed_against_main_committed_or_not(tmp_path):
    names = ("docs/a.md", "docs/b.md", "docs/c.md", "docs/includes/abbreviations.md", "README.md")
    committed(tmp_path, dict.fromkeys(names, "# x\n"))
    git(tmp_path, "checkout", "-qb", "edit")
    (tmp_path / "docs/a.md").write_text("# a, committed on the branch\n")
    git(tmp_path, "commit", "-qam", "edit a")
    (tmp_path / "docs/b.md").write_text("# b, not yet committed\n")
    (tmp_path / "docs/new.md").write_text("# a new page\n")
    (tmp_path / "docs/includes/abbreviations.md").write_text("*[X]: x\n")
    (tmp_path / "README.md").write_text("# readme\n")
    assert changed_pages(tmp_path) == ["docs/a.md", "docs/b.md", "docs/new.md"]


def test_without_main_the_uncommitted_pages(tmp_path):
    committed(tmp_path, {"docs/a.md": "# a\n"}, branch="trunk")
    assert changed_pages(tmp_path) == []
    (tmp_path / "docs/a.md").write_text("# a, edited\n")
    assert changed_pages(tmp_path) == ["docs/a.md"]


def test_pages_named_by_hand_win():
    assert changed_pages(named="docs/ecs/iam-roles.md, docs/eks/overview.md") == [
        "docs/ecs/iam-roles.md",
        "docs/eks/overview.md",
    ]


def test_an_edited_fact_checks_every_page_that_shows_it(tmp_path):
    pages = {"docs/a.md": '# a\n\n--8<-- "facts/f.md"\n', "docs/b.md": "# b\n", "docs/includes/facts/f.md": "F.\n"}
    committed(tmp_path, pages)
    (tmp_path / "docs/includes/facts/f.md").write_text("F, edited.\n")
    assert changed_pages(tmp_path) == ["docs/a.md"]


def test_an_edited_hand_copied_fact_checks_its_source_and_every_listed_page(tmp_path):
    copies = '[f]\nsource = "a.md"\nevidence = "https://x"\nwhere = ["F"]\nnames = ["F"]\npages = ["b.md", "c.md"]\n'
    pages = {n: f"# {n}\n" for n in ("docs/a.md", "docs/b.md", "docs/c.md", "docs/d.md")}
    pages["docs/includes/facts/copies.toml"] = copies
    committed(tmp_path, pages)
    (tmp_path / "docs/includes/facts/copies.toml").write_text(copies.replace('names = ["F"]', 'names = ["F", "G"]'))
    assert changed_pages(tmp_path) == ["docs/a.md", "docs/b.md", "docs/c.md"]
