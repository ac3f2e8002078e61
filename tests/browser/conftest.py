"""Fixtures of the browser tests: the online build served on 127.0.0.1, the offline build read from
file://, and one reading per page and variant, shared by the tests that look at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scripts.local_server import Served, serve
from scripts.pages import Page
from scripts.reader import Reading, read_page
from tests.browser.targets import Target


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
                cache[target] = read_page(browser, page_url(target.variant, target.page))
        return cache[target]

    return reading
