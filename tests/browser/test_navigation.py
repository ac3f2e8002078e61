"""Every entry of the navigation, clicked as a reader would, opens its page: the right URL and the
H1 of its Markdown source, online and from file:// (where a directory listing would be a failure).

The page readings walk the nav at a laptop's size (tests/browser/devices.py, `arrive_by_nav`): each entry is
clicked on the page its tab read before, and the page it opens is then read, so the walk costs no page load
of its own."""

from __future__ import annotations

import re

import pytest

from scripts.pages import Page
from scripts.reader import open_page, wait_for_requests
from tests.browser.targets import PAGES, VARIANTS

pytestmark = pytest.mark.browser


def markdown_h1(page: Page) -> str:
    match = re.search(r"^# (.+)$", page.body, re.MULTILINE)
    assert match, f"docs/{page.src}: no '# ' heading"
    return re.sub(r"[`*_]", "", match[1]).strip()


@pytest.mark.parametrize(
    ("variant", "page"),
    [(v, p) for v in VARIANTS for p in PAGES],
    ids=lambda x: x if isinstance(x, str) else f"docs/{x.src}",
)
def test_nav_entry_opens_its_page(device_visits, variant, page, page_url):
    arrival = device_visits(variant, "laptop", page).arrival
    where = f"docs/{page.src} ({variant}): nav entry {page.title!r}"
    assert arrival is not None, f"{where}: the laptop did not reach the page through the nav"
    assert not arrival.problem, f"{where}: {arrival.problem}"
    want = page_url(variant, page)
    assert arrival.url == want, f"{where} opens {arrival.url}, not {want}"
    assert list(arrival.headings) == [markdown_h1(page)], f"{where} opens a page with H1 {list(arrival.headings)}"


def test_the_404_page_leads_home_from_deep_in_the_site(browser, served):
    with open_page(browser, served.base + "ecs/no-such-page/", status=404) as (tab, traffic):
        assert tab.locator("article h1").inner_text().rstrip("¶").strip() == "Page not found"
        wait_for_requests(tab, traffic)  # leaving sooner would abort them
        tab.get_by_role("link", name="Go to the home page").click()
        tab.wait_for_load_state()
        assert tab.url == served.base, f"overrides/404.html: the home link opens {tab.url}"
        assert tab.locator("article h1").inner_text().rstrip("¶").strip() == markdown_h1(PAGES[0])
        assert not traffic.failed + traffic.console_errors, f"overrides/404.html: {traffic}"
