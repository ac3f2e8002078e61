"""Every topic page ends with a Self-check of 3 to 5 collapsible questions, closed by default."""

from __future__ import annotations

from scripts import check_self_check


def _page(body: str) -> str:
    return f"<html><body><article><h1>Page</h1><h2 id='intro'>Intro</h2><p>Text.</p>{body}</article></body></html>"


def _question(text: str = "Why?", answer: str = "<p>Because.</p>", is_open: bool = False) -> str:
    opened = " open" if is_open else ""
    return f'<details class="question"{opened}><summary>{text}</summary>{answer}</details>'


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
        "2 `??? question` blocks after `## Self-check`, want 3 to 5"
    ]
    assert check_self_check.problems(_page(SECTION + _question() * 6))[0].startswith("6 `??? question` blocks")


def test_an_open_question_or_a_missing_answer_fails():
    body = SECTION + _question() + _question(is_open=True) + _question(answer="")
    assert check_self_check.problems(_page(body)) == [
        "question 2 is open by default (write `???`, not `???+`)",
        "question 3 has no answer",
    ]


def test_a_self_check_that_is_not_last_fails():
    body = SECTION + _question() * 3 + "<h2 id='more'>More</h2>"
    assert check_self_check.problems(_page(body)) == ["`## Self-check` is not the last section: `## More` follows it"]


def test_a_failing_page_is_named(tmp_path, site_map):
    for page in filter(check_self_check.is_topic_page, site_map.pages):
        built = page.built(tmp_path, directory_urls=True)
        built.parent.mkdir(parents=True, exist_ok=True)
        built.write_text(_page(SECTION + _question() * 3), encoding="utf-8")
    bad = site_map.by_src("ecs/iam-roles.md").built(tmp_path, directory_urls=True)
    bad.write_text(_page(""), encoding="utf-8")
    assert check_self_check.check(tmp_path) == ["docs/ecs/iam-roles.md: no `## Self-check` section"]
