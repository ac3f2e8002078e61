"""Every entry of the navigation, clicked as a reader would, opens its page: the right URL and the
H1 of its Markdown source, online and from file:// (where a directory listing would be a failure).
Each entry is clicked on the page the entry before it opened, so a walk through the nav is one load a page."""

from __future__ import annotations

import re

import pytest

from scripts.pages import Page
from scripts.reader import open_page, wait_for_requests
from tests.browser.targets import PAGES

pytestmark = pytest.mark.browser


def markdown_h1(page: Page) -> str:
    match = re.search(r"^# (.+)$", page.body, re.MULTILINE)
    assert match, f"docs/{page.src}: no '# ' heading"
    return re.sub(r"[`*_]", "", match[1]).strip()


def nav_link(tab, page: Page):
    nav = tab.locator("nav.md-nav--primary")
    if page.section:
        nav = nav.locator("li.md-nav__item--section").filter(has=tab.locator(":scope > label", has_text=page.section))
    return nav.get_by_role("link", name=page.title, exact=True)


def start_from(tab, page: Page, page_url) -> Page:
    """The page the tab shows, when it is another page of the site (the last test's, in order); else it opens
    the home page (or the last page, to test the home entry). Each page is loaded once, not twice."""
    shown = {page_url(tab.variant, p): p for p in PAGES}.get(tab.page.url)
    if shown is not None and shown is not page:
        return shown
    start = PAGES[-1] if page is PAGES[0] else PAGES[0]
    tab.page.goto(page_url(tab.variant, start))
    return start


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"docs/{p.src}")
def test_nav_entry_opens_its_page(tab, page, page_url):
    variant, start = tab.variant, start_from(tab, page, page_url)
    link = nav_link(tab.page, page)
    assert link.count() == 1, f"docs/{start.src} ({variant}): {link.count()} nav links named {page.title!r}"
    link.click()
    tab.page.wait_for_load_state()
    want = page_url(variant, page)
    where = f"docs/{page.src} ({variant}): nav entry {page.title!r}"
    assert tab.page.url == want, f"{where} opens {tab.page.url}, not {want}"
    h1 = [text.rstrip("¶").strip() for text in tab.page.locator("article h1").all_inner_texts()]
    assert h1 == [markdown_h1(page)], f"{where} opens a page with H1 {h1}"


def test_the_404_page_leads_home_from_deep_in_the_site(browser, served):
    with open_page(browser, served.base + "ecs/no-such-page/", status=404) as (tab, traffic):
        assert tab.locator("article h1").inner_text().rstrip("¶").strip() == "Page not found"
        wait_for_requests(tab, traffic)  # leaving sooner would abort them
        tab.get_by_role("link", name="Go to the home page").click()
        tab.wait_for_load_state()
        assert tab.url == served.base, f"overrides/404.html: the home link opens {tab.url}"
        assert tab.locator("article h1").inner_text().rstrip("¶").strip() == markdown_h1(PAGES[0])
        assert not traffic.failed + traffic.console_errors, f"overrides/404.html: {traffic}"
