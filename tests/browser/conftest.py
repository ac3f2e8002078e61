"""Fixtures of the browser tests: the online build served on 127.0.0.1, the offline build read from
file://, and one reading per page and variant, shared by the tests that look at it.

The readings of every target are made up front, a few pages at a time in a thread of their own
(scripts/reader.PageReader), while the tests judge the pages already read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page as PlaywrightPage

from scripts.local_server import Served, serve
from scripts.pages import Page
from scripts.reader import PageReader, Reading, Traffic, Visit, open_page, read_page
from tests.browser.targets import PAGES, TARGETS, VARIANTS, Target


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
def readings(browser, served: Served, page_url) -> Iterator[Callable[[Target], Reading]]:
    """Each page is opened once per run; every test about it reads the same Reading.

    Every target of TARGETS is read as soon as the first test asks for one; any other target is
    read when asked, in this thread."""

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
