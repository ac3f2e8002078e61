"""What a contributor sees for the common mistakes of a pull request: one failing check, naming the file.

Each case changes a throwaway copy of the project, runs the real checks that `make test` runs on
content (the strict build, the spell check, the AWS link check and the Markdown lint), and compares with
the run's own build and the per-file checks of the unchanged pages: exactly one check must report
something new, and that must name the problem.

The copies are checked in the background from the first test of the run, two at a time (tests/conftest.py,
`content_check_findings`; the checks are in tests/content_checks.py), and each test judges its case's findings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

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
        r"WARNING -\s+docs/about\.md:\d+: Doc file 'about\.md' contains a link 'no-such-page\.md', "
        r"but the target is not found",
    ),
    "missing anchor": (
        add_line("about.md", "See [the launch types](ecs/launch-types.md#no-such-heading)."),
        "build",
        r"WARNING -\s+docs/about\.md:\d+: Doc file 'about\.md' contains a link 'ecs/launch-types\.md#no-such-heading', "
        r"but the doc 'ecs/launch-types\.md' does not contain an anchor '#no-such-heading'",
    ),
    "word not in the dictionary": (
        add_line("about.md", "Tasks on Fargatte need no servers."),
        "spelling",
        r"docs/about\.md:\d+:10: unknown word 'Fargatte': fix the spelling, "
        r"or add it to \.spelling-wordlist\.txt if it is right",
    ),
    "correction without the AWS sentence it rests on": (
        add_line("ecs/launch-types.md", '??? correction "Correction: x"\n\n    The notes say: "y".\n\n    Z.'),
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


def new_lines(output: str, before: str) -> str:
    old = set(before.splitlines())
    return "\n".join(line for line in output.splitlines() if line not in old)


@pytest.mark.parametrize(
    ("case", "change"),
    [pytest.param(case, change, id=case.replace(" ", "-")) for case, (change, _, _) in CASES.items()],
)
def test_one_check_fails_and_names_the_file_and_the_problem(content_check_findings, build_outcome, case, change):
    _, check, message = CASES[case]
    if isinstance(build_outcome, str):  # every copy would fail to build for that reason too
        pytest.skip("the unchanged pages do not build: test_both_variants_build_strictly says why")
    found = content_check_findings[case].result()
    new = {name: new_lines(output, found.before.get(name, "")) for name, output in found.after.items()}
    new = {name: lines for name, lines in new.items() if lines}
    assert list(new) == [check], f"expected only {check} to report the change, got: {new}"
    assert re.search(message, found.after[check]), found.after[check]
