"""Search quality: queries written as learners type them, each with the page or pages that must be
among the first three results, in both builds (online over http, offline from file://).

The categories are what issues 14 and 21 asked for: typos, abbreviations and synonyms,
comparisons, questions, plain terms, and queries of several words, where the best result must
hold every word. Each query's pages are the ones unquestionably about its topic, so a page being
rewritten elsewhere does not turn a good answer into a failure. Beside the list, every mixed-case
name the pages use (FSx, IPv6, DaemonSet, collected from the Markdown) must find the same page as
written, in lower case and as separate words. The search mechanism is overrides/hooks/search.py
with docs/assets/javascripts/search-worker.js; no rule there names a query of this list.

One tab per build runs every query through Material's search box, and the failure message gives
the hit rate per category, so a regression shows how much it costs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts.pages import DOCS, load_site_map
from scripts.spellcheck import words

TOP = 3


@dataclass(frozen=True)
class Query:
    category: str
    text: str
    pages: tuple[str, ...]  # each must be among the first TOP results


def _queries(category: str, *pairs: tuple[str, str | tuple[str, ...]]) -> list[Query]:
    return [Query(category, text, (pages,) if isinstance(pages, str) else pages) for text, pages in pairs]


QUERIES = [
    *_queries(
        "typo",
        ("kubernets", "eks/overview.md"),
        ("farget", "ecs/launch-types.md"),
        ("dockerfle", "docker/what-is-docker.md"),
        ("hypervisr", "docker/docker-vs-vms.md"),
        ("lifecyle", "ecr/overview.md"),
        ("persistant volume claim", "eks/data-volumes.md"),
        ("toleratons", "eks/overview.md"),
        ("exection role", "ecs/iam-roles.md"),
        ("clasic load balancer", "ecs/load-balancers.md"),
        ("managed node gropus", "eks/node-types.md"),
        ("dokcer hub", "docker/images-and-registries.md"),
        ("image scaning", "ecr/overview.md"),
        ("task defintion revision", "ecs/task-definitions.md"),
        ("secrets manger ecs", "aws/secrets.md"),
        ("guarduty runtime monitoring", "aws/runtime-security.md"),
        ("upgarde eks cluster", "eks/upgrades.md"),
        ("lightsial container service", "aws/other-ways-to-run-containers.md"),
    ),
    *_queries(
        "abbreviation",
        ("k8s", "eks/overview.md"),
        ("alb", "ecs/load-balancers.md"),
        ("nlb", "ecs/load-balancers.md"),
        ("pvc", "eks/data-volumes.md"),
        ("vm", "docker/docker-vs-vms.md"),
        ("container storage interface", "eks/data-volumes.md"),
        ("elastic container registry", "ecr/overview.md"),
        ("elastic file system", ("ecs/data-volumes.md", "eks/data-volumes.md")),
        ("network load balancer", "ecs/load-balancers.md"),
        ("virtual machine", "docker/docker-vs-vms.md"),
        ("task def revision", "ecs/task-definitions.md"),
        ("ascp", "aws/secrets.md"),
        ("pss restricted", "aws/runtime-security.md"),
        ("k8s version upgrade", "eks/upgrades.md"),
        ("lambda docker image", "aws/other-ways-to-run-containers.md"),
    ),
    *_queries(
        "comparison",
        ("ecs vs eks", "study/compare.md"),
        ("eks versus ecs", "study/compare.md"),
        ("difference between ecs and eks", "study/compare.md"),
        ("ec2 or fargate", ("ecs/launch-types.md", "study/compare.md")),
        ("fargate vs ec2 launch type", "ecs/launch-types.md"),
        ("alb vs nlb", "ecs/load-balancers.md"),
        ("docker vs virtual machine", "docker/docker-vs-vms.md"),
        ("containers vs vms", "docker/docker-vs-vms.md"),
        ("managed node groups vs fargate", "eks/node-types.md"),
        ("task role vs execution role", "ecs/iam-roles.md"),
        ("memory vs memoryreservation", "ecs/task-definitions.md"),
        ("secrets manager vs parameter store", "aws/secrets.md"),
        ("eks protection vs runtime monitoring", "aws/runtime-security.md"),
        ("eks add-on vs self-managed add-on", "eks/upgrades.md"),
        ("elastic beanstalk vs lightsail", "aws/other-ways-to-run-containers.md"),
    ),
    *_queries(
        "question",
        ("which service should I use", "study/decision-guide.md"),
        ("which service", "study/decision-guide.md"),
        ("what is a task role", "ecs/iam-roles.md"),
        ("where are docker images stored", "docker/images-and-registries.md"),
        ("how do pods get persistent storage", "eks/data-volumes.md"),
        ("should I use fargate or ec2", "ecs/launch-types.md"),
        ("which load balancer should I use", "ecs/load-balancers.md"),
        ("what is docker", "docker/what-is-docker.md"),
        ("how do I scan images for vulnerabilities", "ecr/overview.md"),
        ("which eks node type should I choose", "eks/node-types.md"),
        ("what happens when an essential container stops", "ecs/task-definitions.md"),
        ("how do I pass secrets to an ecs task", "aws/secrets.md"),
        ("how do I sign container images", "aws/runtime-security.md"),
        ("can I roll back an eks upgrade", "eks/upgrades.md"),
        ("can lambda run a container image", "aws/other-ways-to-run-containers.md"),
    ),
    *_queries(
        "plain",
        ("lifecycle policy", "ecr/overview.md"),
        ("task execution role", "ecs/iam-roles.md"),
        ("instance profile", "ecs/iam-roles.md"),
        ("csi driver", "eks/data-volumes.md"),
        ("managed node group", "eks/node-types.md"),
        ("fargate launch type", "ecs/launch-types.md"),
        ("docker hub", "docker/images-and-registries.md"),
        ("cheat sheet", "study/cheat-sheet.md"),
        ("glossary", "study/glossary.md"),
        ("what changed recently", "study/whats-changed.md"),
        ("task definition revision", "ecs/task-definitions.md"),
        ("envelope encryption", "aws/secrets.md"),
        ("image signing", "aws/runtime-security.md"),
        ("upgrade insights", "eks/upgrades.md"),
        ("aws batch", "aws/other-ways-to-run-containers.md"),
    ),
    *_queries(
        "every word",
        ("pod identity", "eks/overview.md"),
        ("app runner", "aws/container-services.md"),
        ("eks pricing", "aws/container-services.md"),
        ("task placement constraints", "ecs/task-placement.md"),
        ("prefix delegation", "eks/networking.md"),
        ("security groups for pods", "eks/networking.md"),
        ("pull through cache", "ecr/overview.md"),
        ("tag immutability", "ecr/overview.md"),
        ("capacity provider strategy", "ecs/launch-types.md"),
        ("cluster autoscaler karpenter", "eks/scaling.md"),
        ("hybrid nodes", "eks/node-types.md"),
        ("fargate spot interruption", "ecs/launch-types.md"),
        ("ecr vpc endpoints", "ecr/vpc-endpoints.md"),
        ("fsx for windows file server", "ecs/data-volumes.md"),
        ("fargate cpu memory combinations", "ecs/task-definitions.md"),
        ("rotated secret force new deployment", "aws/secrets.md"),
        ("guardduty fargate sidecar", "aws/runtime-security.md"),
        ("kubelet version skew", "eks/upgrades.md"),
        ("lambda container image size limit", "aws/other-ways-to-run-containers.md"),
    ),
]
SITE = load_site_map()
# A camelCase name's parts, as the search worker indexes them: "DaemonSet" -> "Daemon Set".
CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")

BOX = "input[data-md-component=search-query]"
# Enter a query as a paste followed by a key (Material searches on keyup) and wait until
# Material rewrites the line above the results ("12 matching documents"), which it does, with
# the first results, each time the worker answers; then read the result pages, best first (one
# list item per page, its first link the page itself). One round trip per query keeps the test fast.
SEARCH_JS = f"""async (query) => {{
  const box = document.querySelector("{BOX}");
  const meta = document.querySelector(".md-search-result__meta");
  const answered = new Promise((resolve) => {{
    const observer = new MutationObserver(() => {{ observer.disconnect(); resolve(true); }});
    observer.observe(meta, {{ childList: true, characterData: true, subtree: true }});
    setTimeout(() => {{ observer.disconnect(); resolve(false); }}, 10000);
  }});
  box.value = query;
  box.dispatchEvent(new KeyboardEvent("keyup", {{ key: "End", bubbles: true }}));
  if (!(await answered)) return null;
  return [...document.querySelectorAll("li.md-search-result__item > a.md-search-result__link:first-child")]
    .map((a) => a.href.split("#")[0].split("?")[0]);
}}"""


# After a search: does the best result (the first page, its own entry or one of its sections) hold
# every word typed? Material marks an entry that lacks some with a "Missing: ..." line.
BEST_HOLDS_EVERY_WORD_JS = """() => {
  const best = document.querySelector("li.md-search-result__item");
  return !!best && [...best.querySelectorAll("article")].some((a) => !a.querySelector(".md-search-result__terms"));
}"""


def mixed_case_names() -> list[str]:
    """Every name the pages write in mixed case (FSx, IPv6, DaemonSet), from their prose."""
    found = set()
    for path in sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.parts):
        # The self-check questions stay out of the search index (overrides/hooks/quiz.py): the page's text only.
        page, _, rest = path.read_text(encoding="utf-8").partition("\n## Self-check\n")
        text = page + ("\n## " + rest.split("\n## ", 1)[1] if "\n## " in rest else "")
        for _line, _column, word in words(text):
            plural_acronym = re.fullmatch(r"[A-Z0-9]+s", word)
            if "-" not in word and not plural_acronym and re.search(r"[a-z]", word) and re.search(r"[A-Z]", word[1:]):
                found.add(word)
    return sorted(found)


def forms(name: str) -> list[str]:
    """The name as written, in lower case, and as separate words where each part has two letters or more."""
    parts = CAMEL_BOUNDARY.sub(" ", name).split()
    split = [" ".join(parts)] if len(parts) > 1 and min(map(len, parts)) >= 2 else []
    return list(dict.fromkeys([name, name.lower(), *split]))


def search_top(page: Page, query: str) -> list[str]:
    """The result pages for `query`, best first, as Material's search box shows them."""
    results = page.evaluate(SEARCH_JS, query)
    assert results is not None, f"searching {query!r}: no answer within 10 s"
    return results


def hit_rates(outcomes: list[tuple[Query, bool]]) -> str:
    """'50/52 (96%): typo 11/12, ...'"""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for query, hit in outcomes:
        counts[query.category][0] += hit
        counts[query.category][1] += 1
    hits = sum(h for h, _ in counts.values())
    per_category = ", ".join(f"{name} {h}/{n}" for name, (h, n) in counts.items())
    return f"{hits}/{len(outcomes)} ({100 * hits / len(outcomes):.0f}%): {per_category}"


# Only the order of the results is judged here, read from the list Material writes into the page; the list
# is not laid out or painted, which halves what a query costs. test_search.py types its queries with the
# list on screen.
UNDRAWN_RESULTS_CSS = ".md-search-result__list { display: none !important; }"


def open_search(page: Page) -> None:
    page.add_style_tag(content=UNDRAWN_RESULTS_CSS)
    page.locator(BOX).click()
    # Opening search starts loading the index; until the worker has it, a query answers with nothing
    # (seen offline: the first query "got nothing" in a few runs). Wait until a plain word finds pages.
    page.wait_for_function(
        "async () => (await (" + SEARCH_JS + ')("docker") || []).length > 0', timeout=15_000, polling=200
    )


def run_queries(page: Page, url_of: Callable[[str], str]) -> tuple[list[tuple[Query, bool]], list[str]]:
    """Each query's outcome, and a line for each miss."""
    source_of = {url_of(p.src): p.src for p in SITE.pages}
    open_search(page)
    outcomes, misses = [], []
    for query in QUERIES:
        top = search_top(page, query.text)[:TOP]
        missing = [src for src in query.pages if url_of(src) not in top]
        partial = query.category == "every word" and not page.evaluate(BEST_HOLDS_EVERY_WORD_JS)
        outcomes.append((query, not missing and not partial))
        if missing:
            got = [source_of.get(url, url) for url in top] or "nothing"
            misses.append(f"  {query.category} {query.text!r}: wants {missing} in the top {TOP}, got {got}")
        if partial:
            misses.append(f"  {query.category} {query.text!r}: the best result lacks some of the words")
    return outcomes, misses


def name_misses(page: Page, url_of: Callable[[str], str]) -> list[str]:
    """A line for each name whose forms disagree: written and lower case must have the same first
    result, and that page must be among the first TOP for the separate words."""
    source_of = {url_of(p.src): p.src for p in SITE.pages}
    open_search(page)
    misses = []
    for name in mixed_case_names():
        found = {form: [source_of.get(u, u) for u in search_top(page, form)] for form in forms(name)}
        first = found[name][:1]
        agree = bool(first) and all(
            first[0] in (results[:1] if form == name.lower() else results[:TOP])
            for form, results in found.items()
            if form != name
        )
        if not agree:
            misses.append(f"  {name}: " + "; ".join(f"{form!r} -> {results[:TOP]}" for form, results in found.items()))
    return misses


def test_queries_cover_every_category():
    categories = {"typo", "abbreviation", "comparison", "question", "plain", "every word"}
    assert {q.category for q in QUERIES} == categories
    assert len([q for q in QUERIES if q.category == "every word"]) >= 10
    assert len(QUERIES) >= 40 and len({q.text for q in QUERIES}) == len(QUERIES), "40 distinct queries or more"
    assert all(src in {p.src for p in SITE.pages} for q in QUERIES for src in q.pages)


@pytest.mark.browser
def test_search_puts_the_right_pages_in_the_top_three(tab, page_url):
    outcomes, misses = run_queries(tab.page, lambda src: page_url(tab.variant, SITE.by_src(src)))
    assert not misses, f"({tab.variant}) hit rate {hit_rates(outcomes)}; misses:\n" + "\n".join(misses)
    problems = tab.traffic.console_errors + tab.traffic.failed + tab.traffic.outside
    assert not problems, f"({tab.variant}) while searching: {problems}"


def test_names_are_collected_from_the_pages_with_their_forms():
    names = mixed_case_names()
    assert {"FSx", "IPv6", "DaemonSet", "CloudWatch", "PrivateLink"} <= set(names)
    assert forms("DaemonSet") == ["DaemonSet", "daemonset", "Daemon Set"]
    assert forms("IPv6") == ["IPv6", "ipv6"] and forms("vCPU") == ["vCPU", "vcpu"]


@pytest.mark.browser
def test_mixed_case_names_find_the_same_page_in_any_case(tab, page_url):
    misses = name_misses(tab.page, lambda src: page_url(tab.variant, SITE.by_src(src)))
    assert not misses, f"({tab.variant}) {len(misses)} of {len(mixed_case_names())} names:\n" + "\n".join(misses)


# A typo and an abbreviation: the page a result opens marks the word of the page that matched.
HIGHLIGHTS = {"image scaning": "scanning", "k8s": "kubernetes"}
# The first result (a page or a section) whose link asks to highlight `word`: what a reader clicks.
RESULT_HREF_JS = """(word) => [...document.querySelectorAll("li.md-search-result__item a.md-search-result__link")]
  .map((a) => a.href).find((href) => (new URL(href).searchParams.get("h") || "").split(" ").includes(word)) || null"""
MARKS_WORD_JS = """(word) => [...document.querySelectorAll("article mark[data-md-highlight]")]
  .some((m) => m.textContent.toLowerCase().includes(word))"""


@pytest.mark.browser
def test_the_page_a_result_opens_marks_the_words_it_matched(tab):
    page, home, unmarked = tab.page, tab.page.url, []
    try:
        for query, word in HIGHLIGHTS.items():
            open_search(page)
            search_top(page, query)
            href = page.evaluate(RESULT_HREF_JS, word)
            if href is None:
                unmarked.append(f"  {query!r}: no result asks the page it opens to mark {word!r}")
                continue
            page.goto(href)
            try:  # Material marks the words once the index has loaded
                page.wait_for_function(MARKS_WORD_JS, arg=word, timeout=10_000, polling=100)
            except PlaywrightTimeout:
                unmarked.append(f"  {query!r} opened {href}: {word!r} is not marked")
            page.goto(home)
    finally:
        page.goto(home)
    assert not unmarked, f"({tab.variant}) the landing page does not mark what matched:\n" + "\n".join(unmarked)
