"""How a reader on a phone or a laptop reads a page: the visits that tests/browser/test_reading_on_phone_and_laptop.py
judges, made in the background (tests/browser/conftest.py, `device_visits`): the phone's in a tab of its own,
the laptop's within each page's reading (scripts/reader.PageReader), which reads at a laptop's size.

Mermaid draws labels at 16 px and the page shrinks each SVG to the text column, so what a reader
sees is 16 px times the scale the SVG is shown at. Each label is measured where it is drawn: its
font size times its width on screen over its laid-out width, which counts the SVG's viewBox
scaling and the full-screen view's zoom alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from playwright.async_api import Locator as AsyncLocator
from playwright.async_api import Page as AsyncPage
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from scripts.pages import Page as SitePage
from scripts.reader import (
    OPEN_SHADOW_ROOTS,
    VIEWPORT,
    Arrive,
    More,
    Reading,
    Traffic,
    local_to,
    origin_of,
    wait_for_requests,
    watch,
)
from tests.browser.targets import PAGES, page_target

MIN_LABEL_PX = 12.0
MIN_TEXT_PX = 14.0  # text a learner reads on a phone: boxes, tables, answers, code
MIN_TARGET_PX = 24.0  # a control a learner taps: WCAG 2.2's minimum target size (2.5.8), in CSS px
DEVICES: dict[str, dict] = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "laptop": {"viewport": VIEWPORT},
}
VIEW = "dialog.study-viewer"
# Generous: the visits run in the background at a lower priority, and a timeout is only reached on a failure.
VIEW_TIMEOUT_MS = 10_000

# The smallest label of one diagram, in CSS px as the reader sees it, and the diagram's title.
LABEL_PX_JS = """
(root) => {
  if (!root) return null;
  const svg = root.querySelector("svg");
  const sizes = [...root.querySelectorAll(".nodeLabel:not(g), .edgeLabel:not(g), text")]
    .filter((label) => label.textContent.trim() && label.getClientRects().length)
    .map((label) => {
      const laidOut = label instanceof SVGGraphicsElement ? label.getBBox().width : label.offsetWidth;
      const shown = label.getBoundingClientRect().width;
      return laidOut ? parseFloat(getComputedStyle(label).fontSize) * shown / laidOut : null;
    })
    .filter((size) => size);
  const title = svg && svg.querySelector("title");
  return { px: sizes.length ? Math.min(...sizes) : null, title: title ? title.textContent.trim() : "" };
}
"""
INLINE_JS = f"(n) => ({LABEL_PX_JS})(document.querySelectorAll('.study-diagram .mermaid')[n].shadowRoot)"
OPENED_JS = f"() => ({LABEL_PX_JS})(document.querySelector('{VIEW}[open] .study-viewer__canvas').shadowRoot)"
VIEW_CLOSED_JS = f"""() => !document.querySelector('{VIEW}[open]')
  && !(history.state && history.state.studyViewer)"""
# What sticks out past the right edge of the window, outside any box that scrolls or clips it.
SIDEWAYS_JS = """
() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
    .slice(0, 5)
    .map((el) => `<${el.tagName.toLowerCase()} class="${el.className.baseVal ?? el.className}"> ` +
      `reaches ${Math.round(el.getBoundingClientRect().right)} px: ${el.textContent.trim().slice(0, 40)}`);
}
"""
# Text of the page (boxes, tables, answers, code) set below `min` CSS px: the site's floor for what a
# learner reads on a phone. Diagram labels have their own floor (MIN_LABEL_PX, drawn or opened).
SMALL_TEXT_JS = """
(min) => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector("article.md-content__inner"), NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    if (el.closest("svg, .mermaid")) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    const tag = `<${el.tagName.toLowerCase()} class="${el.className}">`;
    if (px < min - 0.01) out.push(`${tag} ${px.toFixed(1)} px: ${n.textContent.trim().slice(0, 40)}`);
  }
  return out.slice(0, 8);
}
"""
# Controls of the page (the self-checks' answers, the practice exam's choices) smaller than `min` CSS px either
# way. axe's own target-size rule is off by default, and its spacing exception would pass a tiny box with
# room around it; a finger needs the box itself. Material's copy-code buttons are its own and left out.
SMALL_TARGETS_JS = """
(min) => [...document.querySelectorAll("article input:not([type=hidden]), article button, article select")]
  .filter((el) => !el.classList.contains("md-clipboard"))
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([el, r]) => r.width > 0 && (r.width < min - 0.01 || r.height < min - 0.01))
  .map(([el, r]) => `<${el.tagName.toLowerCase()} type="${el.type}" name="${el.name}"> ` +
    `${r.width.toFixed(1)} x ${r.height.toFixed(1)} px: ${(el.closest("label") || el).textContent.trim().slice(0, 40)}`)
  .slice(0, 8)
"""
# Tables wider than the box that holds them: on a phone, a table is stacked into rows or fits.
CUT_TABLES_JS = """
() => [...document.querySelectorAll("article table")]
  .map((t) => [t, t.closest(".md-typeset__scrollwrap") || t.parentElement])
  .filter(([t, box]) => t.getBoundingClientRect().width && t.getBoundingClientRect().width > box.clientWidth + 1)
  .map(([t, box]) => `table "${(t.querySelector("th") || t).textContent.trim().slice(0, 30)}": ` +
    `${Math.round(t.getBoundingClientRect().width)} px wide in ${box.clientWidth} px`)
"""
# What the first screen shows before any scroll: the line under the title (reading time, exams) and the
# key points or the link to them; and whether the folded "On this page" list is shown at this width.
FIRST_SCREEN_JS = """
() => {
  const fits = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  };
  const contents = document.querySelector("article details.page-contents");
  return {
    readingLine: fits(document.querySelector("article .reading-time")),
    keyPoints: fits(document.querySelector('article .reading-time a[href="#key-points"]'))
      || fits(document.querySelector("article #key-points > .admonition-title")),
    contentsShown: contents ? getComputedStyle(contents).display !== "none" : null,
  };
}
"""
SETTLE_JS = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
TIP_JS = """
() => {
  const tip = document.getElementById("study-abbr-tip");
  return tip && !tip.hidden && tip.getBoundingClientRect().height > 0 ? tip.textContent : null;
}
"""


@dataclass(frozen=True)
class DiagramSize:
    """One diagram on one device: its smallest label as drawn in the page and in the opened view."""

    source: str  # docs/x.md
    line: int  # where its fence opens
    title: str
    inline_px: float | None
    opened_px: float | None  # None: tapping or clicking the diagram opened no view

    @property
    def readable(self) -> bool:
        return max(self.inline_px or 0, self.opened_px or 0) >= MIN_LABEL_PX


@dataclass
class Visit:
    """What one visit to a page on one device found."""

    diagrams: list[DiagramSize] = field(default_factory=list)
    sideways: list[str] = field(default_factory=list)
    acronym: tuple[str, str, str | None] | None = None  # (term, its expansion, what the tap showed)
    small_text: list[str] = field(default_factory=list)
    small_targets: list[str] = field(default_factory=list)
    cut_tables: list[str] = field(default_factory=list)
    first_screen: dict = field(default_factory=dict)  # FIRST_SCREEN_JS, before any scroll
    problems: list[str] = field(default_factory=list)  # requests and errors while reading
    # On a laptop, which walks the nav: what the page's nav entry, clicked on the page before, opened.
    arrival: Arrival | None = None


@dataclass(frozen=True)
class Arrival:
    """Where a click on a page's nav entry led: the URL and the H1s shown, or why there was nothing to click."""

    url: str = ""
    headings: tuple[str, ...] = ()
    problem: str = ""


def wait_closed(tab: Page) -> None:
    tab.wait_for_function(VIEW_CLOSED_JS, timeout=VIEW_TIMEOUT_MS)


def measure_diagrams(tab: Page, page: SitePage) -> list[DiagramSize]:
    """Each diagram as drawn in the page and as opened by a tap, on a phone."""
    sizes = []
    for n, line in enumerate(page_target("online", page).diagram_lines):
        drawn = tab.evaluate(INLINE_JS, n) or {"px": None, "title": "?"}
        diagram = tab.locator(".study-diagram .mermaid").nth(n)
        opened = None
        try:
            # Long tables and answers are laid out as they scroll near (content-visibility), which
            # moves what follows them: let the layout settle before the tap lands.
            diagram.scroll_into_view_if_needed()
            tab.evaluate(SETTLE_JS)
            diagram.tap()
            tab.wait_for_selector(f"{VIEW}[open][data-ready]", timeout=VIEW_TIMEOUT_MS)
            opened = tab.evaluate(OPENED_JS)
            tab.keyboard.press("Escape")
            wait_closed(tab)
        except PlaywrightError:
            pass  # reported as "no view opened"
        sizes.append(DiagramSize(f"docs/{page.src}", line, drawn["title"], drawn["px"], opened and opened["px"]))
    return sizes


async def measure_diagrams_by_click(tab: AsyncPage, page: SitePage) -> list[DiagramSize]:
    """`measure_diagrams` on a laptop, in the reading's tab (async): each diagram opened by a click."""
    sizes = []
    for n, line in enumerate(page_target("online", page).diagram_lines):
        drawn = await tab.evaluate(INLINE_JS, n) or {"px": None, "title": "?"}
        diagram = tab.locator(".study-diagram .mermaid").nth(n)
        opened = None
        try:
            await diagram.scroll_into_view_if_needed()
            await tab.evaluate(SETTLE_JS)
            await diagram.click()
            await tab.wait_for_selector(f"{VIEW}[open][data-ready]", timeout=VIEW_TIMEOUT_MS)
            opened = await tab.evaluate(OPENED_JS)
            await tab.keyboard.press("Escape")
            await tab.wait_for_function(VIEW_CLOSED_JS, timeout=VIEW_TIMEOUT_MS)
        except PlaywrightError:
            pass  # reported as "no view opened"
        sizes.append(DiagramSize(f"docs/{page.src}", line, drawn["title"], drawn["px"], opened and opened["px"]))
    return sizes


def tap_an_acronym(tab: Page) -> tuple[str, str, str | None] | None:
    first = tab.locator("article abbr.study-abbr-first >> visible=true").first
    if not first.count():
        return None
    term, title = first.inner_text(), first.get_attribute("title") or ""
    first.tap(timeout=VIEW_TIMEOUT_MS)
    try:
        tab.wait_for_function(TIP_JS, timeout=5_000)
    except PlaywrightError:
        return term, title.split(" — ")[0], None
    shown = tab.evaluate(TIP_JS)
    tab.locator("article h1").first.tap()  # a tap elsewhere hides it
    return term, title.split(" — ")[0], shown


@dataclass
class Device:
    tab: Page
    traffic: Traffic


def open_device(browser: Browser, name: str, url: str) -> Device:
    """A fresh context with the device's viewport (and touch), shadow roots opened and traffic watched."""
    context = browser.new_context(**DEVICES[name])
    context.add_init_script(OPEN_SHADOW_ROOTS)
    tab = context.new_page()
    return Device(tab, watch(tab, local_to(origin_of(url))))


def read_on(device: Device, url: str, page: SitePage) -> Visit:
    """Open `url` and read it as a reader on a phone would: sideways scroll, text under MIN_TEXT_PX, controls
    under MIN_TARGET_PX, tables cut off and an acronym's tap, then every diagram as drawn and opened."""
    traffic = device.traffic
    seen = len(traffic.outside), len(traffic.failed), len(traffic.console_errors)
    device.tab.goto(url, wait_until="load")
    found = Visit(first_screen=device.tab.evaluate(FIRST_SCREEN_JS))
    found.sideways = device.tab.evaluate(SIDEWAYS_JS)
    found.small_text = device.tab.evaluate(SMALL_TEXT_JS, MIN_TEXT_PX)
    found.small_targets = device.tab.evaluate(SMALL_TARGETS_JS, MIN_TARGET_PX)
    found.cut_tables = device.tab.evaluate(CUT_TABLES_JS)
    found.acronym = tap_an_acronym(device.tab)
    found.diagrams = measure_diagrams(device.tab, page)
    wait_for_requests(device.tab, traffic)
    found.problems = traffic.outside[seen[0] :] + traffic.failed[seen[1] :] + traffic.console_errors[seen[2] :]
    return found


# A laptop reads each page in the page's reading (scripts/reader.PageReader, tests/browser/conftest.py): one
# page load serves the reading's checks and the laptop's. It reaches each page by clicking the page's entry in
# the nav of the page its tab showed before, so the readings also check every entry of the nav.


def nav_link(tab: AsyncPage, page: SitePage) -> AsyncLocator:
    """The page's entry in the laptop's nav sidebar, inside its section when it has one."""
    nav = tab.locator("nav.md-nav--primary")
    if page.section:
        nav = nav.locator("li.md-nav__item--section").filter(has=tab.locator(":scope > label", has_text=page.section))
    return nav.get_by_role("link", name=page.title, exact=True)


def arrive_by_nav(page: SitePage, url: str) -> Arrive:
    """How the laptop reaches `page`: a click on its nav entry in the page the tab shows; when there is no single
    entry to click, say so and open `url`, so that the page is still read."""

    async def arrive(tab: AsyncPage) -> Arrival:
        link = nav_link(tab, page)
        if (count := await link.count()) != 1:
            problem = f"{count} nav links named {page.title!r} on {tab.url}"
            await tab.goto(url, wait_until="load")
            return Arrival(problem=problem)
        await link.click()
        await tab.wait_for_load_state()
        headings = await tab.locator("article h1").all_inner_texts()
        return Arrival(tab.url, tuple(text.rstrip("¶").strip() for text in headings))

    return arrive


def laptop_checks(page: SitePage) -> More:
    """What the laptop looks at once the page's diagrams are drawn: the first screen, then every diagram as
    drawn and opened (`Visit.arrival` and `Visit.problems` come from the reading)."""

    async def more(tab: AsyncPage) -> Visit:
        first_screen = await tab.evaluate(FIRST_SCREEN_JS)
        return Visit(first_screen=first_screen, diagrams=await measure_diagrams_by_click(tab, page))

    return more


def on_a_laptop(reading: Reading) -> Visit:
    """The laptop's Visit of a page, from the page's reading."""
    if not isinstance(reading.more, Visit) or not isinstance(reading.arrived, Arrival):
        raise AssertionError(f"{reading.url}: the reading made no laptop checks")
    traffic = reading.traffic
    problems = traffic.outside + traffic.failed + traffic.console_errors
    return replace(reading.more, arrival=reading.arrived, problems=problems)


DIAGRAM_PAGES = [p for p in PAGES if page_target("online", p).diagram_lines]


def read_pages(browser: Browser, urls: dict[SitePage, str]) -> dict[str, Visit | Exception]:
    """Read each page in one phone tab, in order; per page source, its Visit or what went wrong."""
    opened = open_device(browser, "phone", next(iter(urls.values())))
    found: dict[str, Visit | Exception] = {}
    try:
        for page, url in urls.items():
            try:
                found[page.src] = read_on(opened, url, page)
            except Exception as error:  # the test of that page raises it
                found[page.src] = error
    finally:
        opened.tab.context.close()
    return found
