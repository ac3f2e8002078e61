"""Search quality: queries written as learners type them, each with the page or pages that must be
among the first three results, in both builds (online over http, offline from file://).

The categories are what issues 14 and 21 asked for: typos, abbreviations and synonyms,
comparisons, questions, plain terms, and queries of several words, where the best result must
hold every word. Each query's pages are the ones unquestionably about its topic, so a page being
rewritten elsewhere does not turn a good answer into a failure. Beside the list, every mixed-case
name the pages use (FSx, IPv6, DaemonSet, collected from the Markdown) must find the same page as
written, in lower case and as separate words. The search mechanism is overrides/hooks/search.py
with docs/assets/javascripts/search-worker.js; no rule there names a query of this list.

One tab per build runs every query through Material's search box (tests/browser/search_quality.py, in
the background), and the failure message gives the hit rate per category, so a regression shows how
much it costs.
"""

from __future__ import annotations

import pytest

from tests.browser.search_quality import QUERIES, SITE, forms, hit_rates, mixed_case_names
from tests.browser.targets import VARIANTS


def test_queries_cover_every_category():
    categories = {"typo", "abbreviation", "comparison", "question", "plain", "every word"}
    assert {q.category for q in QUERIES} == categories
    assert len([q for q in QUERIES if q.category == "every word"]) >= 10
    assert len(QUERIES) >= 40 and len({q.text for q in QUERIES}) == len(QUERIES), "40 distinct queries or more"
    assert all(src in {p.src for p in SITE.pages} for q in QUERIES for src in q.pages)


@pytest.mark.browser
@pytest.mark.parametrize("variant", VARIANTS)
def test_search_puts_the_right_pages_in_the_top_three(variant, search_runs):
    runs = search_runs(variant)
    assert not runs.misses, f"({variant}) hit rate {hit_rates(runs.outcomes)}; misses:\n" + "\n".join(runs.misses)
    assert not runs.problems, f"({variant}) while searching: {runs.problems}"


def test_names_are_collected_from_the_pages_with_their_forms():
    names = mixed_case_names()
    assert {"FSx", "IPv6", "DaemonSet", "CloudWatch", "PrivateLink"} <= set(names)
    assert forms("DaemonSet") == ["DaemonSet", "daemonset", "Daemon Set"]
    assert forms("IPv6") == ["IPv6", "ipv6"] and forms("vCPU") == ["vCPU", "vcpu"]


@pytest.mark.browser
@pytest.mark.parametrize("variant", VARIANTS)
def test_mixed_case_names_find_the_same_page_in_any_case(variant, search_runs):
    misses = search_runs(variant).name_misses
    assert not misses, f"({variant}) {len(misses)} of {len(mixed_case_names())} names:\n" + "\n".join(misses)


@pytest.mark.browser
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_page_a_result_opens_marks_the_words_it_matched(variant, search_runs):
    unmarked = search_runs(variant).unmarked
    assert not unmarked, f"({variant}) the landing page does not mark what matched:\n" + "\n".join(unmarked)
