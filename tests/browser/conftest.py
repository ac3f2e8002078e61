"""Fixtures of the browser tests: the online build served on 127.0.0.1, the offline build read from
file://, one reading per page and variant, one visit per page, variant and device (phone or laptop),
the typed searches, and the copy with planted faults and its readings, each shared by the tests that
look at it.

All are made in the background from the first browser test on (tests/background.py lists them):
the readings a few pages at a time in a thread of their own (scripts/reader.PageReader), the device
visits and the typed searches in threads each with a Chromium of its own (scripts/browser.BrowserThread),
the faulty copy in another. The tests that judge them run last, so the pages are read while the rest of
the suite runs, and the two cores both work."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Page as PlaywrightPage

from scripts.browser import BrowserThread, run_in_background
from scripts.local_server import Served, serve
from scripts.pages import Page
from scripts.reader import PageReader, Reading, Traffic, Visit, open_page, read_page, search
from tests import background
from tests.browser import devices, faults
from tests.browser.targets import PAGES, TARGETS, VARIANTS, Target, page_target

READER = pytest.StashKey[PageReader]()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """How long the background reading took: it runs beside the first browser tests and adds to their durations."""
    reader = config.stash.get(READER, None)
    if reader is not None and reader.elapsed is not None:
        terminalreporter.write_line(
            f"page readings: {len(reader.visits)} pages read in {reader.elapsed:.1f} s, {reader.in_flight} at a time, "
            "beside the first browser tests (their durations include it)"
        )


@pytest.fixture(scope="session", autouse=True)
def read_pages_early(request: pytest.FixtureRequest) -> None:
    """Start the background work defined here (tests/background.py) at the first browser test."""
    background.start(request, background.IN_BROWSER_CONFTEST)


@pytest.fixture(scope="session")
def served(online: Path) -> Iterator[Served]:
    with serve(online) as server:
        yield server


@pytest.fixture(scope="session")
def page_url(served: Served, offline: Path) -> Callable[[str, Page], str]:
    """The URL a reader opens for a page: http on 127.0.0.1 online, file:// offline."""

    def url(variant: str, page: Page) -> str:
        if variant == "online":
            return served.url(page.url(directory_urls=True))
        return page.built(offline, directory_urls=False).as_uri()

    return url


@pytest.fixture(scope="session")
def readings(
    request: pytest.FixtureRequest, browser, served: Served, page_url
) -> Iterator[Callable[[Target], Reading]]:
    """Each page is opened once per run; every test about it reads the same Reading.

    Every target of TARGETS is read in the background from the first browser test on (read_pages_early);
    any other target is read when asked, in this thread."""

    def visit(target: Target) -> Visit:
        if target.page is None:  # a missing page deep in the site, as GitHub Pages answers it
            return Visit(served.base + "ecs/no-such-page/", document_status=404)
        url = page_url(target.variant, target.page)
        return Visit(
            url,
            accessibility=target.audited,
            # The laptop's visit is the reading's: it walks the nav, from the last page on (tests/browser/devices.py).
            walk=page_url(target.variant, PAGES[-1]),
            arrive=devices.arrive_by_nav(target.page, url),
            more=devices.laptop_checks(target.page),
        )

    others: dict[Target, Reading] = {}

    def reading(target: Target) -> Reading:
        if target in reader:
            return reader.reading(target)
        if target not in others:
            v = visit(target)
            others[target] = read_page(browser, v.url, accessibility=v.accessibility, document_status=v.document_status)
        return others[target]

    with PageReader({target: visit(target) for target in TARGETS}) as reader:
        request.config.stash[READER] = reader
        yield reading


@dataclass(frozen=True)
class Tab:
    variant: str
    page: PlaywrightPage
    traffic: Traffic


@pytest.fixture(scope="module", params=VARIANTS)
def tab(request: pytest.FixtureRequest, browser, page_url) -> Iterator[Tab]:
    """One tab per variant and test module, opened at the home page, reused by the module's tests."""
    with open_page(browser, page_url(request.param, PAGES[0])) as (page, traffic):
        yield Tab(request.param, page, traffic)


@pytest.fixture(scope="session")
def device_visits(page_url, readings) -> Iterator[Callable[[str, str, Page], devices.Visit]]:
    """`device_visits(variant, device, page)`: each page read once per variant and device (tests/browser/devices.py).
    A laptop's visit is the page's reading (`readings`); a phone reads the pages in a tab per variant, in a thread
    and a Chromium of its own, beside the readings."""
    with BrowserThread() as thread:
        phone = {
            variant: thread.submit(partial(devices.read_pages, urls={page: page_url(variant, page) for page in PAGES}))
            for variant in VARIANTS
        }

        def visit(variant: str, device: str, page: Page) -> devices.Visit:
            if device == "laptop":
                return devices.on_a_laptop(readings(page_target(variant, page)))
            found = phone[variant].result()[page.src]
            if isinstance(found, Exception):
                raise found
            return found

        yield visit


@pytest.fixture(scope="session")
def faulty_copy(project_copies) -> Iterator[Future[faults.FaultyCopy]]:
    """The copy with a fault planted on each of three pages (tests/browser/faults.py), built in both variants
    in a thread of its own."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="faults", initializer=run_in_background) as pool:
        yield pool.submit(faults.build_faulty_copy, project_copies)


@pytest.fixture(scope="session")
def fault_findings(faulty_copy, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Future[faults.FaultFindings]]:
    """The faulty copy checked once it is built (tests/browser/faults.py), in a thread of its own."""
    scratch = tmp_path_factory.mktemp("faulty-drawn")
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fault-findings", initializer=run_in_background) as pool:
        yield pool.submit(lambda: faults.check_faulty_copy(faulty_copy.result(), scratch))


def type_queries(browser, url: str, queries: list[str]) -> dict[str, tuple[list[str], list[str]]]:
    """Type each query into the search box of one tab, in order; per query, the result URLs and what went
    wrong in the tab so far (requests that failed or left the machine, console errors)."""
    found = {}
    with open_page(browser, url) as (page, traffic):
        for query in queries:
            found[query] = (search(page, query), traffic.console_errors + traffic.failed + traffic.outside)
    return found


@pytest.fixture(scope="session")
def typed_searches(
    request: pytest.FixtureRequest, page_url
) -> Iterator[Callable[[str, str], tuple[list[str], list[str]]]]:
    """`typed_searches(variant, query)`: the results of each query a selected test asks about, typed key by key
    into the home page's search box (scripts/reader.search), one tab per build, in a thread and a Chromium of
    their own."""
    queries = list(
        dict.fromkeys(
            item.callspec.params["query"]
            for item in request.session.items
            if "typed_searches" in getattr(item, "fixturenames", ()) and hasattr(item, "callspec")
        )
    )
    with BrowserThread() as thread:
        typed = {
            variant: thread.submit(partial(type_queries, url=page_url(variant, PAGES[0]), queries=queries))
            for variant in VARIANTS
        }
        yield lambda variant, query: typed[variant].result()[query]
