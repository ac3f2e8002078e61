"""Each lint check of `make lint` catches its kind of fault and names the file and line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.build import ROOT
from scripts.lint import MARKDOWN, MARKDOWN_EXCLUDED, checks, markdown_files, run
from scripts.spellcheck import check as spellcheck
from scripts.spellcheck import words

GOOD_WORKFLOW = """\
name: Example
on:
  push:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - run: make test
"""


def lint(project: Path, name: str):
    (check,) = [c for c in checks(project) if c.name == name]
    return run(check, cwd=project)


@pytest.fixture
def project(tmp_path):
    for name in (".pymarkdown.yaml", ".yamllint.yaml"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    return tmp_path


def test_the_repository_workflows_pass_the_schema_and_zizmor():
    result = lint(ROOT, "workflows")
    assert result.ok, result.output


def test_a_sound_workflow_passes(project):
    (project / ".github" / "workflows" / "ci.yml").write_text(GOOD_WORKFLOW)
    result = lint(project, "workflows")
    assert result.ok, result.output


def test_a_workflow_against_the_schema_is_named(project):
    (project / ".github" / "workflows" / "ci.yml").write_text(GOOD_WORKFLOW.replace("runs-on", "runs_on"))
    result = lint(project, "workflows")
    assert not result.ok
    assert ".github/workflows/ci.yml" in result.output and "runs-on" in result.output


@pytest.mark.parametrize(
    ("change", "finding"),
    [
        (("actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8", "actions/checkout@v5"), "unpinned-uses"),
        (("run: make test", "run: echo ${{ github.event.pull_request.title }}"), "template-injection"),
        (("        with:\n          persist-credentials: false\n", ""), "artipacked"),
    ],
)
def test_zizmor_findings_fail_with_file_and_line(project, change, finding):
    (project / ".github" / "workflows" / "ci.yml").write_text(GOOD_WORKFLOW.replace(*change))
    result = lint(project, "workflows")
    assert not result.ok
    assert finding in result.output and ".github/workflows/ci.yml:" in result.output, result.output


def test_yaml_lint_names_the_file_and_line(project):
    (project / "mkdocs.yml").write_text("site_name: A\nsite_name: B\nnav:\n  - Home:   index.md\n")
    result = lint(project, "yaml")
    assert not result.ok
    assert "mkdocs.yml:2:1" in result.output and "duplication of key" in result.output, result.output


def test_yaml_lint_accepts_the_mkdocs_tags(project):
    (project / "mkdocs.yml").write_text(
        'site_url: !ENV [SITE_URL, "https://example.org/"]\nformat: !!python/name:mermaid2.fence_mermaid_custom\n'
    )
    assert lint(project, "yaml").ok


MATERIAL_PAGE = """\
---
description: A page with the Material syntax that the site uses.
---

# A page

One sentence per line, with [the other page](other.md) and `code`.

??? correction "Correction: a short title"

    The notes say: "a quote".
    The corrected statement.

=== "First tab"

    Text in a tab.

## Self-check

??? question "Which one?"

    **This one**, because it fits.
"""


def test_the_markdown_lint_shares_out_every_file_pymarkdown_would_find():
    """The lint hands pymarkdown its files in shares, one process each: together they are the files
    pymarkdown itself finds under MARKDOWN, without the excluded folders."""
    (check,) = [c for c in checks() if c.name == "markdown"]
    shared = sorted(arg for command in check.commands for arg in command if arg.endswith(".md"))
    excluded = [arg for pattern in MARKDOWN_EXCLUDED for arg in ("--exclude", pattern)]
    listed = subprocess.run(
        [str(Path(check.commands[0][0])), "scan", "--list-files", "--recurse", *excluded, *MARKDOWN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert shared == sorted(Path(p).resolve().relative_to(ROOT).as_posix() for p in listed)
    assert shared == sorted(markdown_files(ROOT)) and len(check.commands) > 1


def test_markdown_lint_accepts_material_syntax(project):
    (project / "docs").mkdir()
    (project / "docs" / "page.md").write_text(MATERIAL_PAGE)
    result = lint(project, "markdown")
    assert result.ok, result.output


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (("## Self-check", "## Self-check:"), "MD026"),
        (("# A page\n", "# A page\n\n# Another H1\n"), "MD025"),
        (("and `code`.\n", "and `code`.   \n"), "MD009"),
        (("## Self-check\n\n", "## Self-check\n"), "MD022"),
    ],
)
def test_markdown_lint_names_file_line_and_rule(project, change, rule):
    (project / "docs").mkdir()
    (project / "docs" / "page.md").write_text(MATERIAL_PAGE.replace(*change))
    result = lint(project, "markdown")
    assert not result.ok
    assert "docs/page.md:" in result.output and rule in result.output, result.output


SPELLING_PAGE = """\
---
description: Fargate runs containers.
---

# Tasks on Fargate

Run `kubectlx get pods` or see <https://example.org/Fargatte> and [ECS](https://docs.aws.amazon.com/xyzzy).

```mermaid
flowchart LR
  accTitle: Qwertyuiop
```

??? correction "Correction: the notes"

    The notes say: "containerised apps".

- "virtualisation, as the notes spell it"

Serverless compute with EC2 and {word}.
"""


def test_the_spell_check_reads_only_prose(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(SPELLING_PAGE.format(word="AWS"))
    assert spellcheck([page], {"Fargate", "ECS", "EC2", "serverless", "AWS"}, root=tmp_path) == []


def test_the_spell_check_reports_file_line_and_column(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(SPELLING_PAGE.format(word="Fargatte") + "Also containerised here.\n")
    found = [str(m) for m in spellcheck([page], {"Fargate", "ECS", "EC2", "serverless"}, root=tmp_path)]
    assert found == [
        "page.md:20:33: unknown word 'Fargatte': fix the spelling, or add it to .spelling-wordlist.txt if it is right",
        "page.md:21:6: unknown word 'containerised': fix the spelling, "
        "or add it to .spelling-wordlist.txt if it is right",
    ]


def test_word_list_case_rules(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nServerless fargate EKS eks X86_64 arm64.\n")
    found = {m.word for m in spellcheck([page], {"serverless", "Fargate", "EKS", "X86_64"}, root=tmp_path)}
    # A lowercase entry accepts the capitalised form, not the reverse; words with digits need an entry.
    assert found == {"fargate", "eks", "arm64"}


def test_columns_survive_the_masking():
    assert list(words("Use `code` and Fargatte.\n")) == [(1, 1, "Use"), (1, 12, "and"), (1, 16, "Fargatte")]
