"""Every entry of the navigation, clicked as a reader would, opens its page: the right URL and the
H1 of its Markdown source, online and from file:// (where a directory listing would be a failure)."""

from __future__ import annotations

import re

import pytest

from scripts.pages import Page
from scripts.reader import open_page
from tests.browser.targets import PAGES, VARIANTS

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


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"docs/{p.src}")
def test_nav_entry_opens_its_page(variant, page, browser, page_url):
    start = PAGES[-1] if page is PAGES[0] else PAGES[0]
    with open_page(browser, page_url(variant, start)) as (tab, traffic):
        link = nav_link(tab, page)
        assert link.count() == 1, f"docs/{start.src} ({variant}): {link.count()} nav links named {page.title!r}"
        link.click()
        tab.wait_for_load_state()
        h1 = tab.locator("article h1").all_inner_texts()
        want = page_url(variant, page)
        assert tab.url == want, f"docs/{page.src} ({variant}): nav entry {page.title!r} opens {tab.url}, want {want}"
        assert [t.rstrip("¶").strip() for t in h1] == [markdown_h1(page)], (
            f"docs/{page.src} ({variant}): nav entry {page.title!r} opens a page whose H1 is {h1}"
        )
        assert not traffic.failed, f"docs/{page.src} ({variant}): {traffic.failed}"


def test_the_404_page_leads_home_from_deep_in_the_site(browser, served):
    with open_page(browser, served.base + "ecs/no-such-page/", status=404) as (tab, traffic):
        assert tab.locator("article h1").inner_text().rstrip("¶").strip() == "Page not found"
        tab.get_by_role("link", name="Go to the home page").click()
        tab.wait_for_load_state()
        assert tab.url == served.base, f"overrides/404.html: the home link opens {tab.url}"
        assert tab.locator("article h1").inner_text().rstrip("¶").strip() == markdown_h1(PAGES[0])
        assert not traffic.failed + traffic.console_errors, f"overrides/404.html: {traffic}"
