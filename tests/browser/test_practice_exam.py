"""Self-checks answered in place and the practice exam, in both builds (online over http, offline from
file://), each test in a fresh browser context so the progress kept in localStorage starts empty."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from scripts.pages import load_site_map
from scripts.reader import axe_violations
from tests.browser.targets import VARIANTS

pytestmark = pytest.mark.browser

SITE = load_site_map()
TOPIC_PAGE = SITE.by_src("ecs/launch-types.md")
PRACTICE = SITE.by_src("study/practice-exam.md")
PHONE = {"width": 390, "height": 844}

# The running round, as quiz.js exposes it: the shown question's topic, id and right options.
CURRENT_JS = """() => { const p = window.studyPractice, item = p.round[p.index], options = item.q.options;
  return {id: item.q.id, topic: item.q.topic, all: options.map((_, i) => i),
          right: options.map((o, i) => o.right ? i : -1).filter((i) => i >= 0)}; }"""
ROUND_IDS_JS = "() => window.studyPractice.round.map((item) => item.q.id).sort()"
NO_SIDEWAYS_SCROLL_JS = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture(params=VARIANTS)
def fresh(request, browser) -> Iterator[tuple[str, Page]]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield request.param, page
    context.close()
    assert not errors, f"({request.param}) script errors: {errors}"


def answer(page: Page, values: list[int]) -> None:
    for value in values:
        page.locator(f".practice__question input[name=answer][value='{value}']").check()


def start_round(page: Page, topics: list[str] | None, count: str, timed: bool = False) -> None:
    if topics is not None:
        for box in page.locator("input[name=topic]").all():
            label = box.locator("xpath=..").inner_text()
            box.set_checked(any(f"{topic} (" in label for topic in topics))
    page.locator(f"input[name=count][value='{count}']").check()
    page.locator("input[name=timed]").set_checked(timed)
    page.locator(".practice__setup button[type=submit]").click()


def test_a_self_check_answered_on_its_page_shows_why_and_is_kept(fresh, page_url):
    variant, page = fresh
    page.goto(page_url(variant, TOPIC_PAGE))
    page.wait_for_selector("form.quiz[data-ready]")
    form = page.locator("form.quiz").first
    wrong = form.locator("li.quiz__option[data-right=false] input").first
    assert form.locator(".quiz__reason:visible").count() == 0, "the reasons stay hidden until the reader checks"
    wrong.check()
    form.locator("button.quiz__check").click()
    assert form.locator(".quiz__result").inner_text().startswith("Not quite")
    assert form.locator(".quiz__reason:visible").count() == form.locator("li.quiz__option").count()
    assert (
        form.locator(".quiz__explanation").is_visible() and "Reread" in form.locator(".quiz__explanation").inner_text()
    )
    assert "To review" in form.locator(".quiz__status").inner_text()
    assert page.evaluate(NO_SIDEWAYS_SCROLL_JS), f"({variant}) sideways scroll after checking on a phone"
    page.reload()
    page.wait_for_selector("form.quiz[data-ready]")  # quiz.js has run
    form = page.locator("form.quiz").first
    assert "To review" in form.locator(".quiz__status").inner_text(), "progress survives a reload"
    form.locator("li.quiz__option[data-right=true] input").first.check()
    form.locator("button.quiz__check").click()
    assert form.locator(".quiz__result").inner_text() == "Right."
    if variant == "online":
        problems = axe_violations(page)
        assert not problems, f"({variant}) axe, an answered question:\n" + "\n".join(problems)

    page.goto(page_url(variant, PRACTICE))
    page.wait_for_selector(".practice__due")
    due = page.locator(".practice__due").inner_text()
    assert due.startswith("1 question to review"), f"({variant}) progress survives a move to another page: {due!r}"


def test_a_practice_round_scores_what_was_answered_and_retakes_what_was_missed(fresh, page_url):
    variant, page = fresh
    page.goto(page_url(variant, PRACTICE))
    start_round(page, ["Amazon ECR", "Docker"], "all")
    missed, total, per_topic = set(), page.evaluate("() => window.studyPractice.round.length"), {}
    for n in range(total):
        current = page.evaluate(CURRENT_JS)
        assert current["topic"] in {"Amazon ECR", "Docker"}, f"({variant}) a question from {current['topic']}"
        right = n % 3 != 1
        wrong_pick = [i for i in current["all"] if i not in current["right"]][: len(current["right"])]
        answer(page, current["right"] if right else wrong_pick)
        if not right:
            missed.add(current["id"])
        got = per_topic.setdefault(current["topic"], [0, 0])
        got[0] += right
        got[1] += 1
        if n == 0:
            page.locator("input[name=flag]").check()
        if n < total - 1:
            page.locator(".practice__question button[type=submit]").click()
    page.locator(".practice__overview").click()
    assert "1 flagged" in page.locator("#practice-round").inner_text()
    page.locator(".practice__goto").first.click()
    assert page.locator("input[name=flag]").is_checked(), "a flagged question keeps its flag when revisited"
    page.locator(".practice__overview").click()
    if variant == "online":
        problems = axe_violations(page)
        assert not problems, f"({variant}) axe, the review screen:\n" + "\n".join(problems)
    page.locator(".practice__finish").click()

    heading = page.locator(".practice__heading").inner_text()
    assert heading.startswith(f"Your score: {total - len(missed)} of {total}"), f"({variant}) {heading!r}"
    rows = dict(
        (row.locator("td").nth(0).inner_text(), row.locator("td").nth(1).inner_text())
        for row in page.locator(".practice__topics tbody tr").all()
    )
    assert rows == {topic: f"{r} of {n}" for topic, (r, n) in per_topic.items()}, f"({variant}) per topic"
    assert page.locator(".practice__missed").count() == len(missed)
    assert page.evaluate(NO_SIDEWAYS_SCROLL_JS), f"({variant}) sideways scroll on the result screen on a phone"
    if variant == "online":
        problems = axe_violations(page)
        assert not problems, f"({variant}) axe, the result screen:\n" + "\n".join(problems)

    page.locator(".practice__again").click()
    assert page.evaluate(ROUND_IDS_JS) == sorted(missed), f"({variant}) 'Practise what I missed' holds the missed ones"


def test_the_clock_ends_a_timed_round(fresh, page_url):
    variant, page = fresh
    page.goto(page_url(variant, PRACTICE) + "?pace=0.3")
    start_round(page, ["Amazon ECR"], "all", timed=True)
    page.locator(".practice__heading").wait_for(timeout=15_000)
    assert page.locator(".practice__heading").inner_text().startswith("Time is up. Your score: 0 of ")


def test_a_round_can_be_taken_with_the_keyboard_alone(fresh, page_url):
    variant, page = fresh
    page.goto(page_url(variant, PRACTICE))
    for _ in range(80):  # Tab from the top of the page to Start; the defaults: every topic, 10 questions
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.practice__setup button[type=submit]')"):
            break
    page.keyboard.press("Enter")
    total = page.evaluate("() => window.studyPractice.round.length")
    assert total == 10
    for n in range(total):
        assert page.evaluate("() => document.activeElement.classList.contains('quiz__question')"), f"question {n + 1}"
        page.keyboard.press("Tab")  # to the options: the first one
        page.keyboard.press("Space")
        for _ in range(12):  # on to the Next (or, last, the Review and finish) button
            page.keyboard.press("Tab")
            label = page.evaluate("() => document.activeElement.textContent")
            if label in ("Next", "Review and finish") and (label == "Next" or n == total - 1):
                break
        page.keyboard.press("Enter")
    for _ in range(3 * total + 5):
        if page.evaluate("() => document.activeElement.classList.contains('practice__finish')"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.locator(".practice__heading").inner_text().startswith("Your score: ")
    assert page.evaluate("() => window.studyPractice.round.every((item) => item.picked.length === 1)")
