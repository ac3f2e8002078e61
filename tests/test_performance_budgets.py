"""Page weight and request budgets (tests/budgets.toml), counted from real page loads of the online build."""

from __future__ import annotations

import pytest

from scripts.local_server import serve
from scripts.page_weight import PageWeight, load_budgets, over_budget, transfer_size, weigh

BUDGETS = load_budgets()


@pytest.fixture(scope="module")
def weights(online, site_map, browser) -> dict[str, PageWeight]:
    with serve(online) as served:
        return {
            page.src: weigh(browser, online, served.root, served.url(page.url(directory_urls=True)))
            for page in site_map.pages
        }


@pytest.mark.browser
def test_every_page_is_within_its_budget(weights):
    problems = [f"docs/{src}: {problem}" for src, w in weights.items() for problem in over_budget(w, BUDGETS)]
    assert not problems, "over budget (tests/budgets.toml):\n" + "\n".join(problems)


@pytest.mark.browser
def test_text_pages_do_not_load_the_search_index_until_search_opens(weights):
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
