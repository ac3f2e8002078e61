"""Every self-check answer and exam tip ends with the page that settles it, and the build stops when one does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from overrides.hooks import answer_sources
from scripts.pages import DOCS

SOURCE = "    Source: [AWS Fargate](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html)\n"
QUESTION = (
    '# P\n\n## Self-check\n\n??? question "No servers to patch: which launch type?"\n\n'
    "    **Fargate.**\n    AWS provides the capacity.\n\n" + SOURCE
)
TIP = '# P\n\n!!! tip "Exam tip"\n\n    "Serverless" points to **Fargate**.\n\n' + SOURCE


def problems(text: str) -> list[str]:
    return answer_sources.problems("ecs/x.md", text)


def test_answers_and_tips_with_their_source_pass():
    assert problems(QUESTION) == []
    assert problems(TIP) == []
    several = SOURCE.replace("Source: ", "Sources: ").rstrip() + ", [Pods](https://kubernetes.io/docs/concepts/)\n"
    assert problems(QUESTION.replace(SOURCE, several)) == []


def test_a_question_without_its_source_names_file_line_and_question():
    assert problems(QUESTION.replace("\n" + SOURCE, "")) == [
        'docs/ecs/x.md:5: self-check "No servers to patch: which launch type?": end it with a paragraph of its own '
        "that names the page settling it: Source: [AWS page title](https://docs.aws.amazon.com/...)"
    ]


def test_a_tip_without_its_source_is_named():
    (problem,) = problems(TIP.replace("\n" + SOURCE, ""))
    assert problem.startswith('docs/ecs/x.md:3: exam tip "Exam tip": end it with a paragraph of its own')


def test_the_source_must_be_the_last_paragraph():
    source_first = '# P\n\n??? question "Q?"\n\n' + SOURCE + "\n    **Fargate.**\n"
    (problem,) = problems(source_first)
    assert problem.startswith('docs/ecs/x.md:3: self-check "Q?": end it with a paragraph of its own')


def test_a_source_that_is_not_documentation_is_named_with_its_line():
    (problem,) = problems(QUESTION.replace("https://docs.aws.amazon.com/AmazonECS", "https://example.com/AmazonECS"))
    assert problem.startswith('docs/ecs/x.md:10: self-check "No servers to patch: which launch type?": https://example')
    assert "is not a documentation source" in problem
    (problem,) = problems(QUESTION.replace(SOURCE, "    Source: the ECS guide.\n"))
    assert problem.startswith("docs/ecs/x.md:10:") and "links no page" in problem


def test_other_admonitions_need_no_source():
    assert problems('# P\n\n!!! note "A note"\n\n    Text.\n\n!!! tip "Tip"\n\n    Text.\n') == []


def test_the_build_stops_on_a_planted_answer_without_its_source(tmp_path: Path):
    """The hook itself, on a docs folder with one planted fault: what `mkdocs build` runs first."""
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "x.md").write_text(QUESTION.replace("\n" + SOURCE, ""), encoding="utf-8")
    files = Files([File("ecs/x.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)])
    with pytest.raises(PluginError, match=r"docs/ecs/x\.md:5: self-check .*: end it with a paragraph"):
        answer_sources.on_files(files, config=None)  # type: ignore[arg-type]


def test_mkdocs_runs_the_hook():
    config = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- overrides/hooks/answer_sources.py" in config


def test_every_answer_and_tip_of_the_site_has_its_source():
    pages = sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.parts)
    found = [p for page in pages for p in answer_sources.problems(page.relative_to(DOCS).as_posix(), page.read_text())]
    assert found == []
