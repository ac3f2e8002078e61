"""What a contributor sees for the common mistakes of a pull request: one failing check, naming the file.

Each case changes a throwaway copy of the project, runs the real checks that `make test` runs on
content (the strict build, the spell check and the Markdown lint), and compares with the same checks
on the unchanged copy: exactly one check must report something new, and that must name the problem.

The copies are checked up front, two at a time (a build and a Markdown lint are processes of their
own, so one copy builds while another is linted), and each test judges its case's findings.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from scripts import check_aws_links
from scripts.build import ROOT, BuildError, mkdocs_build
from scripts.lint import checks, run
from scripts.spellcheck import check as spellcheck
from scripts.spellcheck import load_wordlist

COPIED = ("mkdocs.yml", "docs", "overrides", ".pymarkdown.yaml")
STRAY_PAGE = """---
description: A page that was written but never added to the nav.
---

# Stray page

This page is not in the nav.
"""


def add_line(page: str, line: str):
    def change(project: Path) -> None:
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")

    return change


def strip_line(path: Path, start: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(start)), encoding="utf-8")


def add_page(page: str, text: str):
    def change(project: Path) -> None:
        (project / "docs" / page).write_text(text, encoding="utf-8")

    return change


CASES = {
    "link to a missing page": (
        add_line("about.md", "See [the missing page](no-such-page.md)."),
        "build",
        r"WARNING -\s+Doc file 'about\.md' contains a link 'no-such-page\.md', but the target is not found",
    ),
    "missing anchor": (
        add_line("about.md", "See [the launch types](ecs/launch-types.md#no-such-heading)."),
        "build",
        r"WARNING -\s+Doc file 'about\.md' contains a link 'ecs/launch-types\.md#no-such-heading', "
        r"but the doc 'ecs/launch-types\.md' does not contain an anchor '#no-such-heading'",
    ),
    "word not in the dictionary": (
        add_line("about.md", "Tasks on Fargatte need no servers."),
        "spelling",
        r"docs/about\.md:\d+:10: unknown word 'Fargatte': fix the spelling, "
        r"or add it to \.spelling-wordlist\.txt if it is right",
    ),
    "correction without the AWS sentence it rests on": (
        add_line("ecs/launch-types.md", '!!! correction "Correction: x"\n\n    The notes say: "y".\n\n    Z.'),
        "build",
        r'docs/ecs/launch-types\.md:\d+: correction box "Correction: x": end the box with the AWS sentence it rests on',
    ),
    "page without its checked date": (
        lambda project: strip_line(project / "docs" / "ecs" / "iam-roles.md", "checked: "),
        "build",
        r"docs/ecs/iam-roles\.md: the front matter needs `checked: YYYY-MM-DD`",
    ),
    "AWS link with a locale segment": (
        add_line(
            "about.md", "See [EBS](https://docs.aws.amazon.com/hi_in/AmazonECS/latest/developerguide/ebs-volumes.html)."
        ),
        "aws-links",
        r"docs/about\.md:\d+: https://docs\.aws\.amazon\.com/hi_in/\S+: "
        r"locale segment /hi_in/ opens a translated copy; use https://docs\.aws\.amazon\.com/AmazonECS/latest/developerguide/ebs-volumes\.html",
    ),
    "page left out of the nav": (
        add_page("ecs/stray.md", STRAY_PAGE),
        "build",
        r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n"
        r"\s+- ecs/stray\.md",
    ),
}


def content_checks(project: Path) -> dict[str, str]:
    """The output of each content check that fails on the project copy (an empty dict: all pass)."""
    failed: dict[str, str] = {}
    try:
        mkdocs_build(project / "site", offline=False, config=project / "mkdocs.yml")
    except BuildError as error:
        failed["build"] = str(error)
    pages = sorted((project / "docs").rglob("*.md"))
    misspelled = spellcheck([p for p in pages if "assets" not in p.parts], load_wordlist(), root=project)
    if misspelled:
        failed["spelling"] = "\n".join(map(str, misspelled))
    bad_links = check_aws_links.check(check_aws_links.files_under(["docs"], root=project), root=project)
    if bad_links:
        failed["aws-links"] = "\n".join(map(str, bad_links))
    (markdown,) = [c for c in checks(project) if c.name == "markdown"]
    result = run(markdown, cwd=project)
    if not result.ok:
        failed["markdown"] = result.output
    return failed


def copy_project(target: Path, source: Path = ROOT) -> Path:
    for name in COPIED:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        else:
            shutil.copyfile(src, target / name)
    return target


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    """One copy of the sources for every case, so all of them start from the same pages."""
    return copy_project(tmp_path_factory.mktemp("snapshot"))


def checked_copy(target: Path, snapshot: Path, change: Callable[[Path], None] | None = None) -> dict[str, str]:
    """Copy the snapshot to `target`, make the change, and run the content checks on the copy."""
    project = copy_project(target, snapshot)
    if change:
        change(project)
    return content_checks(project)


@pytest.fixture(scope="module")
def findings(request, snapshot, tmp_path_factory) -> Iterator[dict[str | None, Future[dict[str, str]]]]:
    """The content checks' findings on the unchanged copy (key None) and on the copy of each case this run
    selected, all started at once and run as many at a time as the machine has cores."""
    selected = [
        item.callspec.params["case"]
        for item in request.session.items
        if item.module is request.module and hasattr(item, "callspec") and "case" in item.callspec.params
    ]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        found = {None: pool.submit(checked_copy, tmp_path_factory.mktemp("baseline"), snapshot)}
        for case in selected:
            found[case] = pool.submit(checked_copy, tmp_path_factory.mktemp("case"), snapshot, CASES[case][0])
        yield found


@pytest.fixture(scope="module")
def baseline(findings) -> dict[str, str]:
    """What the checks say about the unchanged pages (normally nothing; pages in progress may add lines)."""
    return findings[None].result()


def new_lines(output: str, before: str) -> str:
    old = set(before.splitlines())
    return "\n".join(line for line in output.splitlines() if line not in old)


@pytest.mark.parametrize("case", CASES, ids=lambda name: name.replace(" ", "-"))
def test_one_check_fails_and_names_the_file_and_the_problem(findings, baseline, case):
    _, check, message = CASES[case]
    if check == "build" and "build" in baseline:
        pytest.skip("the unchanged pages do not build: test_both_variants_build_strictly says why")
    failed = findings[case].result()
    new = {name: new_lines(output, baseline.get(name, "")) for name, output in failed.items()}
    new = {name: lines for name, lines in new.items() if lines}
    assert list(new) == [check], f"expected only {check} to report the change, got: {new}"
    assert re.search(message, failed[check]), failed[check]
