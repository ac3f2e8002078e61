"""Page weight and request budgets (tests/budgets.toml), counted from the browser tests' own visit
to every page of the online build."""

from __future__ import annotations

import pytest

from scripts.page_weight import PageWeight, load_budgets, over_budget, transfer_size, weigh
from tests.browser.targets import TARGETS

BUDGETS = load_budgets()
ONLINE = [t for t in TARGETS if t.variant == "online" and t.page is not None]


@pytest.fixture(scope="module")
def weights(online, served, readings) -> dict[str, PageWeight]:
    result = {}
    for target in ONLINE:
        reading = readings(target)
        result[target.source] = weigh(online, served.root, reading.url, reading.traffic.requested, reading.diagrams > 0)
    return result


@pytest.mark.browser
def test_every_page_is_within_its_budget(weights):
    unseen = [src for src, w in weights.items() if not any(f.endswith(".html") for f, _ in w.files)]
    assert not unseen, f"no page load recorded for {unseen}"
    problems = [f"{src}: {problem}" for src, w in weights.items() for problem in over_budget(w, BUDGETS)]
    assert not problems, "over budget (tests/budgets.toml):\n" + "\n".join(problems)


@pytest.mark.browser
def test_pages_do_not_load_the_search_index_until_search_opens(weights):
    loaded = [src for src, w in weights.items() if any(f.startswith("search/") for f, _ in w.files)]
    assert not loaded, f"pages that fetch the search index on load: {loaded}"


def test_search_index_is_within_budget(online):
    kb = transfer_size(online / "search" / "search_index.json") / 1000
    assert kb < BUDGETS["search"]["max_index_kb_gzip"], f"search index is {kb:.1f} KB gzip"


def test_over_budget_is_reported_with_the_reason():
    heavy = PageWeight("x", (("a.html", 90_000), ("assets/vendor/mermaid/mermaid.min.js", 40_000)), (), False)
    problems = over_budget(heavy, BUDGETS)
    assert any("KB transferred, budget 120 KB" in p for p in problems)
    assert "loads Mermaid without a diagram" in problems
    many = PageWeight("y", tuple((f"f{i}.js", 10) for i in range(11)), (), False)
    assert any(p.startswith("11 requests, budget 10") for p in over_budget(many, BUDGETS))


def test_the_question_bank_has_a_budget_of_its_own():
    practice = PageWeight("p", (("p.html", 100_000), ("assets/javascripts/quiz-bank.js", 50_000)), (), False)
    assert over_budget(practice, BUDGETS) == [], "the page around the bank keeps the page budget"
    budget = BUDGETS["practice"]["max_bank_kb_gzip"]
    heavy = PageWeight("p", (("p.html", 10_000), ("assets/javascripts/quiz-bank.js", (budget + 10) * 1000)), (), False)
    assert over_budget(heavy, BUDGETS) == [f"the question bank is {budget + 10:.1f} KB, budget {budget} KB"]
