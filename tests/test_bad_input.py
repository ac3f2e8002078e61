"""What a contributor sees for the common mistakes of a pull request: one failing check, naming the file.

Each case changes a throwaway copy of the project, runs the real checks that `make test` runs on
content (the strict build, the spell check, the AWS link check and the Markdown lint), and compares with
the run's own build and the per-file checks of the unchanged pages: exactly one check must report
something new about the case's page, and that must name the problem.

The cases that a strict build reports as warnings, and those of the per-file checks, share one copy, each
on a page of its own: a build reports every warning before it stops, so one build serves them all, and a
message belongs to the case whose page it names. A case that a hook reports as an error has a copy of its
own, since that error stops the build at once. In every copy, a test makes sure no message is left
unexplained.

The copies are checked in the background from the first test of the run, two at a time (tests/conftest.py,
`content_check_findings`; the checks are in tests/content_checks.py), and each test judges its case's findings.
The copies build without the Mermaid plugin, which only adds script tags to the pages no check here reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.build import ROOT
from tests.content_checks import copy_project, leave_out_unread_plugin

# A page every check accepts, but for its place in the nav (it would otherwise stop the shared copy's build).
STRAY_PAGE = """---
description: A page that was written but never added to the nav.
checked: 2026-12-06
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


@dataclass(frozen=True)
class Case:
    change: Callable[[Path], None]
    check: str  # the one check that must report it
    message: str  # a regular expression that check's output must match
    page: str  # the page under docs/ the case changes, which the messages about it name
    alone: bool = False  # reported by a hook's error, which stops the build: a copy of its own


CASES = {
    "link to a missing page": Case(
        add_line("about.md", "See [the missing page](no-such-page.md)."),
        "build",
        r"WARNING -\s+docs/about\.md:\d+: Doc file 'about\.md' contains a link 'no-such-page\.md', "
        r"but the target is not found",
        "about.md",
    ),
    "missing anchor": Case(
        add_line("docker/what-is-docker.md", "See [the launch types](../ecs/launch-types.md#no-such-heading)."),
        "build",
        r"WARNING -\s+docs/docker/what-is-docker\.md:\d+: Doc file 'docker/what-is-docker\.md' contains a link "
        r"'\.\./ecs/launch-types\.md#no-such-heading', "
        r"but the doc 'ecs/launch-types\.md' does not contain an anchor '#no-such-heading'",
        "docker/what-is-docker.md",
    ),
    "word not in the dictionary": Case(
        add_line("study/cheat-sheet.md", "Tasks on Fargatte need no servers."),
        "spelling",
        r"docs/study/cheat-sheet\.md:\d+:10: unknown word 'Fargatte': fix the spelling, "
        r"or add it to \.spelling-wordlist\.txt if it is right",
        "study/cheat-sheet.md",
    ),
    "correction without the AWS sentence it rests on": Case(
        add_line("ecs/launch-types.md", '??? correction "Correction: x"\n\n    The notes say: "y".\n\n    Z.'),
        "build",
        r'docs/ecs/launch-types\.md:\d+: correction box "Correction: x": end the box with the AWS sentence it rests on',
        "ecs/launch-types.md",
        alone=True,
    ),
    "page without its checked date": Case(
        lambda project: strip_line(project / "docs" / "ecs" / "iam-roles.md", "checked: "),
        "build",
        r"docs/ecs/iam-roles\.md: the front matter needs `checked: YYYY-MM-DD`",
        "ecs/iam-roles.md",
        alone=True,
    ),
    "AWS link with a locale segment": Case(
        add_line(
            "ecr/overview.md",
            "See [EBS](https://docs.aws.amazon.com/hi_in/AmazonECS/latest/developerguide/ebs-volumes.html).",
        ),
        "aws-links",
        r"docs/ecr/overview\.md:\d+: https://docs\.aws\.amazon\.com/hi_in/\S+: "
        r"locale segment /hi_in/ opens a translated copy; use https://docs\.aws\.amazon\.com/AmazonECS/latest/developerguide/ebs-volumes\.html",
        "ecr/overview.md",
    ),
    "page left out of the nav": Case(
        add_page("study/stray.md", STRAY_PAGE),
        "build",
        r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n"
        r"\s+- study/stray\.md",
        "study/stray.md",
    ),
}
SHARED = "shared"
# What a failed build says beside its messages: no page to name.
SUMMARY = re.compile(r"the (online|offline) build failed:|Aborted with (\d+ warnings? in strict mode|a BuildError)!")


def copy_of(case: str) -> str:
    return case if CASES[case].alone else SHARED


def change_of(copy: str) -> Callable[[Path], None]:
    """What is done to the copy: one case's change, or every shared case's."""
    if copy != SHARED:
        return CASES[copy].change

    def change(project: Path) -> None:
        for case in CASES.values():
            if not case.alone:
                case.change(project)

    return change


def messages(output: str) -> list[str]:
    """A check's output as messages: each line with the indented lines that continue it."""
    found: list[str] = []
    for line in output.splitlines():
        if found and line.startswith((" ", "\t")):
            found[-1] += "\n" + line
        else:
            found.append(line)
    return found


def names(page: str, message: str) -> bool:
    """Does the message name docs/`page`: as docs/x.md (after a folder too: the Markdown lint gives the copy's
    full path), or as MkDocs does, x.md alone?"""
    return bool(re.search(rf"(?:(?<![\w.-])docs/|(?<![\w/.-])){re.escape(page)}(?![\w/-])", message))


def new_messages(findings) -> dict[str, list[str]]:
    """Per check, its messages on the changed copy that the same check did not give on the unchanged pages."""
    new = {}
    for check, output in findings.after.items():
        before = set(messages(findings.before.get(check, "")))
        new[check] = [m for m in messages(output) if m not in before]
    return new


CASE_COPIES = [pytest.param(c, copy_of(c), change_of(copy_of(c)), id=c.replace(" ", "-")) for c in CASES]


@pytest.mark.parametrize(("case", "copy", "change"), CASE_COPIES)
def test_one_check_fails_and_names_the_file_and_the_problem(content_check_findings, build_outcome, case, copy, change):
    if isinstance(build_outcome, str):  # every copy would fail to build for that reason too
        pytest.skip("the unchanged pages do not build: test_both_variants_build_strictly says why")
    expected = CASES[case]
    found = content_check_findings[copy].result()
    naming = {check: [m for m in lines if names(expected.page, m)] for check, lines in new_messages(found).items()}
    naming = {check: lines for check, lines in naming.items() if lines}
    assert list(naming) == [expected.check], f"expected only {expected.check} to report the change, got: {naming}"
    assert re.search(expected.message, found.after[expected.check]), found.after[expected.check]


@pytest.mark.parametrize(
    ("copy", "change"), [pytest.param(c, change_of(c), id=c) for c in dict.fromkeys(map(copy_of, CASES))]
)
def test_each_copy_says_nothing_its_cases_do_not_explain(content_check_findings, build_outcome, copy, change):
    """Every new message of a copy names the page of one of its cases, or is a failed build's summary."""
    if isinstance(build_outcome, str):
        pytest.skip("the unchanged pages do not build: test_both_variants_build_strictly says why")
    pages = [c.page for name, c in CASES.items() if copy_of(name) == copy]
    unexplained = [
        f"{check}: {m}"
        for check, lines in new_messages(content_check_findings[copy].result()).items()
        for m in lines
        if not SUMMARY.fullmatch(m.strip()) and sum(names(page, m) for page in pages) != 1
    ]
    assert not unexplained, "messages that name no case's page, or several:\n" + "\n".join(unexplained)


def test_the_copies_build_with_the_project_config_but_the_mermaid_plugin(tmp_path):
    """The copies' mkdocs.yml is the project's with the Mermaid plugin's entry taken out, and nothing else
    (tests/content_checks.py says why)."""
    before = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    leave_out_unread_plugin(copy_project(tmp_path, names=("mkdocs.yml",)))
    after = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = before.index("  - mermaid2:")
    taken = before[start : start + len(before) - len(after)]
    assert before[:start] + before[start + len(taken) :] == after
    assert taken[1:] and all(line.startswith("      ") for line in taken[1:]), taken
