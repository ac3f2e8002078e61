"""Self-checks in the exam's format: the build stops on a malformed question, naming file and line;
every question becomes a form on its page and an entry of the practice exam's bank."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from overrides.hooks import quiz
from scripts.new_page import TEMPLATE
from scripts.pages import DOCS

REASON = "        - Why. [AWS page](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/{}.html)\n"


def question(title: str = "Which launch type fits?", marks: str = "x   ", reread: bool = True) -> str:
    options = "".join(
        f"    - [{mark}] Option {name}\n" + REASON.format(name) for mark, name in zip(marks, "ABCDE", strict=False)
    )
    tail = "    Reread: [EC2 versus Fargate](#ec2-versus-fargate)\n\n" if reread else ""
    return (
        f'# P\n\n## Self-check\n\n??? question "{title}"\n\n{options}\n    **Option A.**\n    Because.\n\n'
        f"{tail}    Source: [AWS page](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/a.html)\n"
    )


def problems(text: str) -> list[str]:
    return quiz.questions_in("ecs/x.md", text)[1]


def test_one_of_four_and_two_of_five_pass():
    (single,), wrong = quiz.questions_in("ecs/x.md", question())
    assert wrong == [] and single.kind == "single" and [o.right for o in single.options] == [True, False, False, False]
    assert single.options[1].reason.startswith("Why. [AWS page](") and single.options[0].line == 7
    (double,), wrong = quiz.questions_in("ecs/x.md", question("Which two? (Select TWO.)", " x x "))
    assert wrong == [] and double.kind == "multiple" and sum(o.right for o in double.options) == 2


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        (question(marks=""), 5, "give it options"),
        (question(marks="    "), 5, "no option is marked right"),
        (
            question(marks="xx  "),
            5,
            "has 4 options with 2 right; a question with one answer has 4 options with 1 right",
        ),
        (question("Which two? (Select TWO.)", "x x "), 5, '"(Select TWO.)" has 5 options with 2 right'),
        (question(reread=False), 5, "add `Reread: [section title](#its-anchor)`"),
    ],
)
def test_a_malformed_question_is_named_with_its_line(text, line, says):
    (problem,) = problems(text)
    assert problem.startswith(f'docs/ecs/x.md:{line}: question "')
    assert says in problem


def test_an_option_without_its_reason_or_source_and_twin_options_are_named():
    text = question()
    assert problems(text.replace(REASON.format("B"), "", 1)) == [
        'docs/ecs/x.md:9: option "Option B": say why it is right or wrong on an indented line under it: '
        + quiz.OPTION_FORM
    ]
    (problem,) = problems(
        text.replace("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/C", "https://x.io/C")
    )
    assert problem.startswith('docs/ecs/x.md:12: the reason for option "Option C" needs its source')
    (problem,) = problems(text.replace("Option D", "option b"))
    assert problem == 'docs/ecs/x.md:13: option "option b": the same as the option on line 9'


def test_the_build_stops_on_a_planted_malformed_question(tmp_path: Path):
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "x.md").write_text(question(marks="    "), encoding="utf-8")
    files = Files([File("ecs/x.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)])
    with pytest.raises(PluginError, match=r"docs/ecs/x\.md:5: question .*: no option is marked right"):
        quiz.on_files(files, config=None)  # type: ignore[arg-type]


def test_the_documented_formats_pass():
    contributing = (DOCS.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"````markdown\n(\?\?\? question .*?)````", contributing, re.DOTALL)
    assert example, "CONTRIBUTING.md shows a question in the exam's format"
    found, wrong = quiz.questions_in("x.md", example[1])
    assert wrong == [] and len(found) == 1
    found, wrong = quiz.questions_in("x.md", TEMPLATE.format(title="T", today="2026-12-06"))
    assert wrong == [] and len(found) >= 1 and all(q.options for q in found)


def test_every_page_of_the_site_has_well_formed_questions():
    pages = sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.parts)
    found = [p for page in pages for p in quiz.questions_in(page.relative_to(DOCS).as_posix(), page.read_text())[1]]
    assert found == []


def test_each_question_is_a_form_on_its_page_and_an_entry_of_the_bank(online, site_map):
    bank = json.loads(
        (online / quiz.BANK).read_text(encoding="utf-8").removeprefix("window.studyQuizBank=").rstrip(";\n")
    )
    written = 0
    for page in site_map.pages:
        questions, _ = quiz.questions_in(page.src, (DOCS / page.src).read_text(encoding="utf-8"))
        html = page.built(online, directory_urls=True).read_text(encoding="utf-8")
        assert html.count('<form class="quiz"') == len(questions), f"docs/{page.src}"
        assert ("quiz-bank.js" in html) == (page.src == "study/practice-exam.md"), f"docs/{page.src}"
        written += len(questions)
    assert len(bank) == written and len({q["id"] for q in bank}) == written
    for entry in bank:
        right = sum(o["right"] for o in entry["options"])
        assert (len(entry["options"]), right) == ((5, 2) if entry["kind"] == "multiple" else (4, 1)), entry["id"]
        assert all(o["reason"] for o in entry["options"]) and "Reread" in entry["explanation"], entry["id"]
    assert {"Docker", "Amazon ECS", "Amazon ECR", "Amazon EKS"} <= {q["topic"] for q in bank}
