"""Fixtures of the browser tests: the online build served on 127.0.0.1, the offline build read from
file://, and one reading per page and variant, shared by the tests that look at it.

The readings of every target are made in the background, a few pages at a time in a thread of their
own (scripts/reader.PageReader), from the first browser test on; the tests that judge them run last,
so the pages are read while the rest of the suite runs, and the two cores both work."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page as PlaywrightPage

from scripts.local_server import Served, serve
from scripts.pages import Page
from scripts.reader import PageReader, Reading, Traffic, Visit, open_page, read_page
from tests.browser.targets import PAGES, TARGETS, VARIANTS, Target


def judges_readings(item: pytest.Item) -> bool:
    return "readings" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that judge the readings go last, in their order: by then PageReader has read the pages."""
    items[:] = [i for i in items if not judges_readings(i)] + [i for i in items if judges_readings(i)]


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
    """Start reading every page at the first browser test, when this run judges readings at all."""
    if any(judges_readings(item) for item in request.session.items):
        with suppress(pytest.skip.Exception):  # the site does not build: the tests that need it skip
            request.getfixturevalue("readings")


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
        return Visit(page_url(target.variant, target.page), accessibility=target.audited)

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
