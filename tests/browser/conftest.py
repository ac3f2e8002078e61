"""Fixtures of the browser tests: the online build served on 127.0.0.1, the offline build read from
file://, and one reading per page and variant, shared by the tests that look at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page as PlaywrightPage

from scripts.local_server import Served, serve
from scripts.pages import Page
from scripts.reader import Reading, Traffic, open_page, read_page
from tests.browser.targets import PAGES, VARIANTS, Target


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
def readings(browser, served: Served, page_url) -> Callable[[Target], Reading]:
    """Each page is opened once per run; every test about it reads the same Reading."""
    cache: dict[Target, Reading] = {}

    def reading(target: Target) -> Reading:
        if target not in cache:
            if target.page is None:  # a missing page deep in the site, as GitHub Pages answers it
                url = served.base + "ecs/no-such-page/"
                cache[target] = read_page(browser, url, document_status=404)
            else:
                cache[target] = read_page(browser, page_url(target.variant, target.page), accessibility=target.audited)
        return cache[target]

    return reading


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
