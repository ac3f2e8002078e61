"""The content checks that `make test` runs on a pull request's pages (the strict build, the spell check,
the AWS link check and the Markdown lint), run on a throwaway copy of the project: what
tests/test_bad_input.py compares between a copy with one mistake and an unchanged one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from scripts import check_aws_links
from scripts.build import ROOT, BuildError, mkdocs_build
from scripts.lint import checks, run
from scripts.spellcheck import check as spellcheck
from scripts.spellcheck import load_wordlist

COPIED = ("mkdocs.yml", "docs", "overrides", ".pymarkdown.yaml")


def content_checks(project: Path, pages: list[Path] | None = None) -> dict[str, str]:
    """The output of each content check that fails on the project copy (an empty dict: all pass).

    The build reads every page; the spell check, the AWS link check and the Markdown lint judge each
    file on its own, so they read only `pages` (default: every page), and the same file gives the same lines."""
    failed: dict[str, str] = {}
    try:
        mkdocs_build(project / "site", offline=False, config=project / "mkdocs.yml")
    except BuildError as error:
        failed["build"] = str(error)
    if pages == []:
        return failed
    every_page = [p for p in sorted((project / "docs").rglob("*.md")) if "assets" not in p.parts]
    misspelled = spellcheck(every_page if pages is None else pages, load_wordlist(), root=project)
    if misspelled:
        failed["spelling"] = "\n".join(map(str, misspelled))
    linked = check_aws_links.files_under(["docs"], root=project) if pages is None else pages
    bad_links = check_aws_links.check(linked, root=project)
    if bad_links:
        failed["aws-links"] = "\n".join(map(str, bad_links))
    linted = None if pages is None else [p.relative_to(project).as_posix() for p in pages]
    (markdown,) = [c for c in checks(project, markdown=linted) if c.name == "markdown"]
    result = run(markdown, cwd=project)
    if not result.ok:
        failed["markdown"] = result.output
    return failed


def copy_project(target: Path, source: Path = ROOT, names: tuple[str, ...] = COPIED) -> Path:
    """Copy `names` (files or folders) of the project at `source` into `target`."""
    for name in names:
        src = source / name
        (shutil.copytree if src.is_dir() else shutil.copyfile)(src, target / name)
    return target


def changed_pages(project: Path, snapshot: Path) -> list[Path]:
    """The Markdown pages of the copy that differ from the snapshot's, or are new."""
    return [
        page
        for page in sorted((project / "docs").rglob("*.md"))
        if "assets" not in page.parts
        and not (
            (before := snapshot / page.relative_to(project)).is_file() and before.read_bytes() == page.read_bytes()
        )
    ]


def checked_copy(target: Path, snapshot: Path, change: Callable[[Path], None] | None = None) -> dict[str, str]:
    """Copy the snapshot to `target`, make the change, and run the content checks on the copy: the per-file
    checks on the pages the change touched (the unchanged copy, on every page)."""
    project = copy_project(target, snapshot)
    if change is None:
        return content_checks(project)
    change(project)
    return content_checks(project, changed_pages(project, snapshot))
