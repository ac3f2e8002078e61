"""The content checks that `make test` runs on a pull request's pages (the strict build, the spell check,
the AWS link check and the Markdown lint), run on a throwaway copy of the project with one mistake: what
tests/test_bad_input.py compares with the same per-file checks on the unchanged pages (whether the unchanged
site builds, the run's own build says)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts import check_aws_links
from scripts.build import ROOT, BuildError, mkdocs_build
from scripts.lint import checks, run
from scripts.spellcheck import check as spellcheck
from scripts.spellcheck import load_wordlist

COPIED = ("mkdocs.yml", "docs", "overrides", ".pymarkdown.yaml")
# The copies' builds are judged by their messages alone, never by the pages they write. The Mermaid plugin
# only adds Mermaid's script tags to the pages with diagrams, and takes half a build's CPU to do it (it parses
# and writes out each such page again), so the copies' mkdocs.yml leaves it out. It logs no warning or error.
UNREAD_PLUGIN = re.compile(r"^  - mermaid2:\n(?:      .*\n)+", re.MULTILINE)


def content_checks(project: Path, pages: list[Path], *, build: bool = True) -> dict[str, str]:
    """The output of each content check that fails on the project copy (an empty dict: all pass).

    The build (left out with `build=False`) reads every page; the spell check, the AWS link check and the
    Markdown lint judge each file on its own, so they read only `pages`, and the same file gives the same
    lines."""
    failed: dict[str, str] = {}
    if build:
        try:
            mkdocs_build(project / "site", offline=False, config=project / "mkdocs.yml")
        except BuildError as error:
            failed["build"] = str(error)
    if not pages:
        return failed
    misspelled = spellcheck(pages, load_wordlist(), root=project)
    if misspelled:
        failed["spelling"] = "\n".join(map(str, misspelled))
    bad_links = check_aws_links.check(pages, root=project)
    if bad_links:
        failed["aws-links"] = "\n".join(map(str, bad_links))
    linted = [p.relative_to(project).as_posix() for p in pages]
    (markdown,) = [c for c in checks(project, markdown=linted) if c.name == "markdown"]
    result = run(markdown, cwd=project)
    if not result.ok:
        failed["markdown"] = result.output
    return failed


def leave_out_unread_plugin(project: Path) -> None:
    """Take UNREAD_PLUGIN out of the copy's mkdocs.yml; say so if it is not there to take out."""
    config = project / "mkdocs.yml"
    text, found = UNREAD_PLUGIN.subn("", config.read_text(encoding="utf-8"))
    if found != 1:
        raise ValueError(f"{config}: no `- mermaid2:` entry with its options under plugins: update {__file__}")
    config.write_text(text, encoding="utf-8")


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


@dataclass(frozen=True)
class Findings:
    after: dict[str, str]  # each failing check's output on the changed copy
    before: dict[str, str]  # the per-file checks' output on the same pages unchanged
    project: Path  # the changed copy
    snapshot: Path  # the project as it was before the change


def checked_copy(target: Path, snapshot: Path, change: Callable[[Path], None]) -> Findings:
    """Copy the snapshot to `target`, make the change, and run the content checks on the copy (the per-file
    checks on the pages the change touched), and the per-file checks on those pages as the snapshot has them."""
    project = copy_project(target, snapshot)
    change(project)
    pages = changed_pages(project, snapshot)
    unchanged = [snapshot / p.relative_to(project) for p in pages if (snapshot / p.relative_to(project)).is_file()]
    return Findings(content_checks(project, pages), content_checks(snapshot, unchanged, build=False), project, snapshot)
