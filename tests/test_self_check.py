"""Every topic page ends with a Self-check of 3 to 5 questions in the exam's format, answers hidden until checked."""

from __future__ import annotations

from scripts import check_self_check


def _page(body: str) -> str:
    return f"<html><body><article><h1>Page</h1><h2 id='intro'>Intro</h2><p>Text.</p>{body}</article></body></html>"


def _question(text: str = "Why?", explanation: str = "<p>Because.</p>", right: bool = True, hidden: bool = True) -> str:
    options = "".join(
        f'<li class="quiz__option" data-right="{str(right and i == 0).lower()}">Option {i}</li>' for i in range(4)
    )
    shown = " hidden" if hidden else ""
    return (
        f'<form class="quiz"><fieldset><legend>{text}</legend><ol>{options}</ol></fieldset>'
        f'<div class="quiz__explanation"{shown}>{explanation}</div></form>'
    )


SECTION = '<h2 id="self-check">Self-check<a class="headerlink" href="#self-check">¶</a></h2>'


def test_every_topic_page_ends_with_a_self_check(online):
    problems = check_self_check.check(online)
    assert not problems, "\n".join(problems)


def test_topic_pages_are_the_five_sections(site_map):
    topics = {p.src.split("/")[0] for p in site_map.pages if check_self_check.is_topic_page(p)}
    assert topics == {"docker", "aws", "ecs", "ecr", "eks"}


def test_a_good_self_check_passes():
    assert check_self_check.problems(_page(SECTION + _question() * 4)) == []


def test_a_page_without_a_self_check_fails():
    assert check_self_check.problems(_page("")) == ["no `## Self-check` section"]


def test_too_few_and_too_many_questions_fail():
    assert check_self_check.problems(_page(SECTION + _question() * 2)) == [
        "2 questions after `## Self-check`, want 3 to 5"
    ]
    assert check_self_check.problems(_page(SECTION + _question() * 6))[0].startswith("6 questions")


def test_a_question_without_a_right_option_or_a_hidden_explanation_fails():
    body = SECTION + _question() + _question(right=False) + _question(hidden=False) + _question(explanation="")
    assert check_self_check.problems(_page(body)) == [
        "question 2 needs four or five options with a right one",
        "question 3 needs an explanation, hidden until the answer is checked",
        "question 4 needs an explanation, hidden until the answer is checked",
    ]


def test_a_question_left_without_options_fails():
    body = SECTION + _question() * 3 + '<details class="question"><summary>Why?</summary><p>Because.</p></details>'
    assert check_self_check.problems(_page(body)) == ["1 `??? question` blocks without options after `## Self-check`"]


def test_a_self_check_that_is_not_last_fails():
    body = SECTION + _question() * 3 + "<h2 id='more'>More</h2>"
    assert check_self_check.problems(_page(body)) == [
        "`## Self-check` is not the last section: `## More` follows it (only `## Official documentation` may)"
    ]


def test_the_documentation_list_may_follow_the_self_check_and_holds_no_question():
    docs = "<h2 id='official-documentation'>Official documentation</h2><ul><li>A page</li></ul>"
    assert check_self_check.problems(_page(SECTION + _question() * 3 + docs)) == []
    assert check_self_check.problems(_page(SECTION + _question() * 2 + docs + _question())) == [
        "2 questions after `## Self-check`, want 3 to 5"
    ]


def test_a_failing_page_is_named(tmp_path, site_map):
    for page in filter(check_self_check.is_topic_page, site_map.pages):
        built = page.built(tmp_path, directory_urls=True)
        built.parent.mkdir(parents=True, exist_ok=True)
        built.write_text(_page(SECTION + _question() * 3), encoding="utf-8")
    bad = site_map.by_src("ecs/iam-roles.md").built(tmp_path, directory_urls=True)
    bad.write_text(_page(""), encoding="utf-8")
    assert check_self_check.check(tmp_path) == ["docs/ecs/iam-roles.md: no `## Self-check` section"]
