"""Read a built page in Chromium as a reader would, and report what went wrong.

`read_page` opens a page, records every request, failed request and console error, waits for
the Mermaid diagrams, runs axe-core, switches the palette to dark with the header toggle and
looks again. The browser tests and the screenshot script use these helpers, so they see the
same thing.

`PageReader` makes the same visits, several pages at a time, with Playwright's async API in a
thread of its own (sync Playwright owns the calling thread): the browser tests read every page
that way while they judge the pages already read. The async steps mirror the sync ones line for
line and share their scripts and their judgement (`_diagram_report`, `_axe_lines`). Where
`read_page` opens a fresh context, `PageReader` reads page after page in a few reused tabs, each
cleared to a first visit's state (`new_tab_async`).

Material draws each diagram inside a closed shadow root; `OPEN_SHADOW_ROOTS` runs before any
page script and opens them, so the SVG can be inspected.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from playwright.async_api import Browser as AsyncBrowser
from playwright.async_api import ConsoleMessage as AsyncConsoleMessage
from playwright.async_api import Page as AsyncPage
from playwright.async_api import Request as AsyncRequest
from playwright.async_api import Response as AsyncResponse
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response
from playwright.sync_api import Error as PlaywrightError

DIAGRAM_TIMEOUT_MS = 15_000
# How long `settle` waits for tooltips to fade and transitions to end.
SETTLE_TIMEOUT_MS = 3_000
# The axe-core rules whose outcome depends on colours: the only ones run again in the dark palette.
PALETTE_RULES = ("color-contrast", "link-in-text-block")
# Schemes that never leave the machine.
LOCAL_SCHEMES = ("data", "blob", "about")

OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
  window.__pageErrors = [];
  addEventListener("error", (e) => window.__pageErrors.push(String(e.message)));
  addEventListener("unhandledrejection", (e) =>
    window.__pageErrors.push(String((e.reason && e.reason.message) || e.reason)));
})();
"""

# One entry per diagram, in page order: drawn (an SVG in its shadow root), its error text if
# Mermaid drew an error instead, and the start of its source while it is still undrawn.
DIAGRAMS_JS = """
() => [...document.querySelectorAll("pre.mermaid, div.mermaid")].map((el) => {
  const svg = el.shadowRoot && el.shadowRoot.querySelector("svg");
  const text = svg ? svg.textContent : "";
  const error = svg && (svg.getAttribute("aria-roledescription") === "error" || /Syntax error|Parse error/.test(text));
  return { drawn: !!svg && !error, error: error ? text.trim().slice(0, 200) : null,
           source: el.textContent.trim().slice(0, 60) };
})
"""
DIAGRAMS_SETTLED_JS = """
() => window.__pageErrors.length > 0 || [...document.querySelectorAll("pre.mermaid, div.mermaid")]
  .every((el) => el.shadowRoot && el.shadowRoot.querySelector("svg"))
"""
# Per diagram, the WCAG luminance (0 black .. 1 white) of the colour a reader sees for each
# label: `fill` for SVG text, `color` for HTML labels.
LABEL_LUMINANCES_JS = """
() => {
  const luminance = (colour) => {
    const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map((v) => v / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return [...document.querySelectorAll("div.mermaid")].map((el) => !el.shadowRoot ? [] :
    [...el.shadowRoot.querySelectorAll(".nodeLabel:not(g), .edgeLabel:not(g), text")]
      .filter((label) => label.textContent.trim())
      .map((label) => getComputedStyle(label)[label.tagName === "text" ? "fill" : "color"])
      .map(luminance));
}
"""
SETTLED_JS = """
() => [...document.querySelectorAll(".md-tooltip")].every((tip) => getComputedStyle(tip).opacity === "0")
  && document.getAnimations().every((a) => a.playState !== "running")
"""
# The header shows one toggle label at a time: the one that leads to the next palette.
SHOWN_TOGGLE_JS = (
    "() => [...document.querySelectorAll('form[data-md-component=palette] label')].find((l) => !l.hidden).htmlFor"
)


@dataclass
class Traffic:
    """What the page asked for and what went wrong while it was open."""

    is_local: Callable[[str], bool]
    # (url, status) of a document expected to answer with an error status: the 404 page.
    expected_error: tuple[str, int] | None = None
    requested: list[str] = field(default_factory=list)  # every URL, in order: the page weight reads it
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    pending: int = 0  # requests asked for and not yet answered or failed

    def on_request(self, request: Request | AsyncRequest) -> None:
        self.pending += 1
        self.requested.append(request.url)
        if not self.is_local(request.url):
            self.outside.append(f"{request.method} {request.url}")

    def on_request_finished(self, _request: Request | AsyncRequest) -> None:
        self.pending -= 1

    def on_request_failed(self, request: Request | AsyncRequest) -> None:
        self.pending -= 1
        self.failed.append(f"{request.url}: {request.failure}")

    def on_response(self, response: Response | AsyncResponse) -> None:
        if (response.url, response.status) == self.expected_error:
            return
        if response.status >= 400:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def on_console(self, message: ConsoleMessage | AsyncConsoleMessage) -> None:
        expected = self.expected_error
        if expected and message.location.get("url") == expected[0] and f"status of {expected[1]}" in message.text:
            return  # Chromium logs the expected status of the document itself
        if message.type == "error":
            self.console_errors.append(f"console.error: {message.text}")

    def on_page_error(self, error: PlaywrightError) -> None:
        self.console_errors.append(f"uncaught: {error.message.splitlines()[0] if error.message else error}")


def local_to(origin: str) -> Callable[[str], bool]:
    """A predicate: does this URL stay on the machine? `origin` is 'file://' or 'http://127.0.0.1:PORT'."""

    def is_local(url: str) -> bool:
        scheme = urlsplit(url).scheme
        if scheme in LOCAL_SCHEMES:
            return True
        if origin == "file://":
            return scheme == "file"
        return url == origin or url.startswith(origin + "/")

    return is_local


def origin_of(url: str) -> str:
    """'file://' for a file URL, else scheme://host:port: what `local_to` takes."""
    return "file://" if url.startswith("file:") else "{0.scheme}://{0.netloc}".format(urlsplit(url))


def listeners(traffic: Traffic) -> dict[str, Callable]:
    """What `traffic` listens to on a page: Playwright's event name, and the handler."""
    return {
        "request": traffic.on_request,
        "requestfinished": traffic.on_request_finished,
        "requestfailed": traffic.on_request_failed,
        "response": traffic.on_response,
        "console": traffic.on_console,
        "pageerror": traffic.on_page_error,
    }


def watch(
    page: Page | AsyncPage, is_local: Callable[[str], bool], expected_error: tuple[str, int] | None = None
) -> Traffic:
    traffic = Traffic(is_local, expected_error)
    for event, handler in listeners(traffic).items():
        page.on(event, handler)
    return traffic


def unwatch(page: Page | AsyncPage, traffic: Traffic) -> None:
    """Stop `traffic` listening to `page` (Playwright keeps one wrapper per bound method, so it finds them)."""
    for event, handler in listeners(traffic).items():
        page.remove_listener(event, handler)


# What every visit's browser context is: a laptop window, the palette the system asks for.
VIEWPORT = {"width": 1280, "height": 900}


def wait_for_requests(page: Page, traffic: Traffic, *, timeout_ms: int = 10_000) -> None:
    """Wait until every request the page made is answered (or failed), before the tab moves on: a request
    still loading when the tab leaves is aborted, and would count against the next page."""
    deadline = time.monotonic() + timeout_ms / 1000
    while traffic.pending > 0 and time.monotonic() < deadline:
        page.wait_for_timeout(20)  # lets Playwright deliver the events


@contextmanager
def open_page(
    browser: Browser, url: str, *, color_scheme: str = "light", status: int = 200, viewport: dict | None = None
) -> Iterator[tuple[Page, Traffic]]:
    """A fresh context (no palette remembered from another page) with shadow roots opened and traffic watched.

    `status` is the HTTP status the document itself should answer with (404 for the not-found page).
    """
    context = browser.new_context(color_scheme=color_scheme, viewport=viewport or VIEWPORT)
    try:
        context.add_init_script(OPEN_SHADOW_ROOTS)
        page = context.new_page()
        traffic = watch(page, local_to(origin_of(url)), (url, status) if status >= 400 else None)
        response = page.goto(url, wait_until="load")
        if response is not None and response.status != status:
            traffic.failed.append(f"{url}: HTTP {response.status}, want {status}")
        yield page, traffic
    finally:
        context.close()


def _diagram_report(diagrams: list[dict], page_errors: list[str]) -> list[tuple[int, str]]:
    """(diagram number from 1, what is wrong) for each diagram that DIAGRAMS_JS found undrawn or in error."""
    errors = [" ".join(e.split())[:300] for e in page_errors]
    undrawn = [n for n, d in enumerate(diagrams, start=1) if not d["drawn"] and not d["error"]]
    # Material draws diagrams in page order, so the page's errors line up with the undrawn diagrams.
    why = dict(zip(undrawn, errors, strict=True)) if len(errors) == len(undrawn) else {}
    problems = []
    for n, diagram in enumerate(diagrams, start=1):
        if diagram["error"]:
            problems.append((n, f"Mermaid drew an error: {diagram['error']}"))
        elif not diagram["drawn"]:
            reason = why.get(n) or " | ".join(errors) or "no SVG appeared"
            problems.append((n, f"not drawn: {reason}"))
    return problems


def diagram_problems(page: Page) -> list[tuple[int, str]]:
    """Wait for Material to draw every diagram; (diagram number from 1, what is wrong) for each that failed."""
    with suppress(PlaywrightError):  # a timeout is reported below, diagram by diagram
        page.wait_for_function(DIAGRAMS_SETTLED_JS, timeout=DIAGRAM_TIMEOUT_MS)
    return _diagram_report(page.evaluate(DIAGRAMS_JS), page.evaluate("window.__pageErrors"))


DIAGRAM_COUNT_JS = "document.querySelectorAll('pre.mermaid, div.mermaid').length"
COLOUR_SCHEME_JS = "document.body.getAttribute('data-md-color-scheme')"
PALETTE_TOGGLE = "form[data-md-component=palette] label:visible"
TOGGLE_CHANGED_JS = f"(before) => ({SHOWN_TOGGLE_JS})() !== before"
BLUR_JS = "() => document.activeElement && document.activeElement.blur()"


def diagram_count(page: Page) -> int:
    return page.evaluate(DIAGRAM_COUNT_JS)


def label_luminances(page: Page) -> list[list[float]]:
    """Per diagram, the luminance of each label's colour (0 black .. 1 white)."""
    return page.evaluate(LABEL_LUMINANCES_JS)


def colour_scheme(page: Page) -> str:
    return page.evaluate(COLOUR_SCHEME_JS)


def switch_palette(page: Page, scheme: str) -> None:
    """Click the header's palette toggle, as a reader would, until the page shows `scheme` ('slate' is dark)."""
    clicks = 0
    while colour_scheme(page) != scheme:
        if clicks == 3:  # the toggle cycles through three palettes
            raise AssertionError(f"{page.url}: the palette toggle never switched to {scheme!r}")
        before = page.evaluate(SHOWN_TOGGLE_JS)
        page.locator(PALETTE_TOGGLE).click()
        page.wait_for_function(TOGGLE_CHANGED_JS, arg=before)
        clicks += 1
    if clicks:
        settle(page)


def settle(page: Page) -> None:
    """Move the mouse and the focus off the control just used, and wait until its tooltip is gone.

    After a click the palette toggle keeps the focus and shows its tooltip; axe-core would then
    measure the tooltip's contrast half-way through its fade.
    """
    page.mouse.move(0, 0)  # the header's empty left edge: nothing there reacts to hover
    page.evaluate(BLUR_JS)
    with suppress(PlaywrightError):
        page.wait_for_function(SETTLED_JS, timeout=SETTLE_TIMEOUT_MS)


def _labels_predicate(dark: bool) -> str:
    test = "(v) => v > 0.5" if dark else "(v) => v < 0.5"
    return f"() => ({LABEL_LUMINANCES_JS.strip()})().every((labels) => labels.length && labels.every({test}))"


def wait_for_label_colours(page: Page, *, dark: bool, timeout_ms: int = 10_000) -> list[list[float]]:
    """Wait until every diagram label is light (dark palette) or dark (light palette); return what is seen."""
    with suppress(PlaywrightError):  # the caller judges the luminances it gets
        page.wait_for_function(_labels_predicate(dark), timeout=timeout_ms)
    return label_luminances(page)


def search(page: Page, query: str, *, timeout_ms: int = 10_000) -> list[str]:
    """Type `query` into the header search box key by key; the result pages' URLs, best first.

    The URLs lose the `?h=` highlight query and the fragment, so they compare with page URLs.
    """
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=15)
    page.wait_for_function(
        """(query) => document.querySelector("input[data-md-component=search-query]").value === query
             && /matching document/.test(document.querySelector(".md-search-result__meta").textContent)""",
        arg=query,
        timeout=timeout_ms,
    )
    results = page.locator("li.md-search-result__item > a.md-search-result__link")
    # Material searches as you type: wait until the list stops changing.
    seen: list[str] = []
    for _ in range(20):
        urls = [u.split("#")[0].split("?")[0] for u in results.evaluate_all("(links) => links.map((a) => a.href)")]
        if urls == seen:
            break
        seen = urls
        page.wait_for_timeout(150)
    return seen


# The site lays out long tables and closed answers only near the viewport (content-visibility):
# lay everything out, so axe judges every element, not only those on screen; and end every transition,
# so a control caught mid-fade (Material's back-to-top button) is judged in its final colours.
LAY_OUT_EVERYTHING_CSS = (
    "* { content-visibility: visible !important; }"
    " *, *::before, *::after { transition: none !important; animation: none !important; }"
)
# axe-core is injected once per page (half a megabyte of script), with the style above, then run as often as asked;
# only the violations come back, which is all that is judged. The script is vendored (tests/vendor,
# `make vendor`): the Python wrappers that bundle it lag its releases, and 4.14 reads a page's colours
# in a fraction of 4.12's time (it caches each colour's parse and drops the private fields of its Color).
AXE_SCRIPT = Path(__file__).resolve().parent.parent / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_LOADED_JS = "() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"
AXE_RUN_JS = "(options) => axe.run(document, options).then((results) => results.violations)"


@cache
def _axe_script() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def _axe_options(rules: tuple[str, ...]) -> dict:
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    return options


def _axe_lines(violations: list[dict], impacts: tuple[str, ...]) -> list[str]:
    """Per violated rule of one of `impacts`: the rule and why, then each element (up to 5)."""
    lines = []
    for violation in violations:
        if violation["impact"] not in impacts:
            continue
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            why = next((c["message"] for c in checks if c.get("message")), "")
            lines.append(f"    {' > '.join(map(str, node['target']))} {node['html'][:80]}: {why}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    and {len(violation['nodes']) - 5} more")
    return lines


def axe_violations(
    page: Page, *, rules: tuple[str, ...] = (), impacts: tuple[str, ...] = ("serious", "critical")
) -> list[str]:
    """axe-core's violations of `rules` (default: all) and `impacts`: per rule, each element (up to 5) and why."""
    if not page.evaluate(AXE_LOADED_JS):
        page.add_style_tag(content=LAY_OUT_EVERYTHING_CSS)
        page.evaluate(_axe_script())
    return _axe_lines(page.evaluate(AXE_RUN_JS, _axe_options(rules)), impacts)


@dataclass
class Reading:
    """Everything one visit to a page found, light palette first, then dark after the toggle."""

    url: str
    traffic: Traffic
    diagrams: int
    diagram_problems: list[tuple[int, str]]
    light_labels: list[list[float]]
    dark_labels: list[list[float]]
    axe_light: list[str]
    axe_dark: list[str]
    opened_in: str  # the palette the page opened in, as Material names it ('default' is light)
    # Seconds spent in each step of the visit, for `make bench`; no test judges them.
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    # What the async reader's `Visit.arrive` and `Visit.more` returned (None without them).
    arrived: object = None
    more: object = None


class _Clock:
    """Seconds per step: `clock.lap("open")` ends the step called "open" and starts the next."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._start = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.laps[step] = self.laps.get(step, 0.0) + now - self._start
        self._start = now


# The steps of one visit, in order, as `Reading.timings` names them.
STEPS = ("open", "diagrams", "more", "axe light", "toggle", "dark labels", "axe dark", "close")


def read_page(browser: Browser, url: str, *, accessibility: bool = True, document_status: int = 200) -> Reading:
    """Open `url` in the light palette, wait for its diagrams, run axe, switch to dark, run axe again."""
    clock = _Clock()
    with open_page(browser, url, status=document_status) as (page, traffic):
        clock.lap("open")
        opened_in = colour_scheme(page)
        problems = diagram_problems(page)
        count = diagram_count(page)
        light = label_luminances(page)
        clock.lap("diagrams")
        axe_light = axe_violations(page) if accessibility else []
        clock.lap("axe light")
        switch_palette(page, "slate")
        clock.lap("toggle")
        dark = wait_for_label_colours(page, dark=True) if count else []
        clock.lap("dark labels")
        axe_dark = axe_violations(page, rules=PALETTE_RULES) if accessibility else []
        clock.lap("axe dark")
        wait_for_requests(page, traffic)
    clock.lap("close")
    return Reading(url, traffic, count, problems, light, dark, axe_light, axe_dark, opened_in, clock.laps)


# The same visit with Playwright's async API, step for step, so that several pages can be read at once.


# The async reader keeps one tab per page in flight and reads page after page in it, where the sync
# `read_page` opens a fresh context per page: a new context starts a renderer that compiles Material's
# script and axe-core again, a quarter of a reading's CPU. A reused tab still reads as a first visit
# would: the page's storage is cleared when it is left, so the next page opens in the light palette, and
# a file is reported as requested even when the cache could serve it, so the page weight counts every
# file (tests/browser/test_every_page_in_chromium.py compares a late page with a fresh context's).
# The cache is off all the same: with it on, Chromium spends more CPU than it saves (it stores compiled
# scripts in it): the 69 readings took 180-200 CPU-seconds with it, 155-160 without.
FORGET_STORAGE_JS = "() => { localStorage.clear(); sessionStorage.clear(); }"


async def new_tab_async(browser: AsyncBrowser) -> AsyncPage:
    """A tab in a context of its own (light palette), with shadow roots opened and the HTTP cache off (see above)."""
    context = await browser.new_context(color_scheme="light", viewport=VIEWPORT)
    await context.add_init_script(OPEN_SHADOW_ROOTS)
    page = await context.new_page()
    devtools = await context.new_cdp_session(page)
    await devtools.send("Network.enable")
    await devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return page


@asynccontextmanager
async def open_page_async(
    page: AsyncPage, url: str, *, status: int = 200, arrive: Arrive | None = None
) -> AsyncIterator[tuple[Traffic, object]]:
    """`open_page` in a reused tab (`new_tab_async`): watch its traffic while `url` is open, reached by `arrive`
    from the page the tab shows (a click, as a reader would) or else opened by its URL; yields the traffic and
    what `arrive` returned. `leave_tab_async` then readies the tab for the next page."""
    traffic = watch(page, local_to(origin_of(url)), (url, status) if status >= 400 else None)
    try:
        arrived = None
        if arrive is not None:
            arrived = await arrive(page)
        else:
            response = await page.goto(url, wait_until="load")
            if response is not None and response.status != status:
                traffic.failed.append(f"{url}: HTTP {response.status}, want {status}")
        yield traffic, arrived
    finally:
        unwatch(page, traffic)


async def start_walk_async(page: AsyncPage, url: str) -> None:
    """Open the page a walk starts from, and wait for all it asked for: the click that leaves it would abort a
    request still loading, and the next page, watched from the click on, would count it as failed."""
    async with open_page_async(page, url) as (traffic, _):
        await wait_for_requests_async(page, traffic)


async def leave_tab_async(page: AsyncPage, *, blank: bool = True) -> None:
    """Clear the storage of the page the tab shows, so that the next page opens as on a first visit; then,
    unless the next page is reached from this one (`blank=False`), blank the tab."""
    await page.evaluate(FORGET_STORAGE_JS)
    if blank:
        await page.goto("about:blank")


async def wait_for_requests_async(page: AsyncPage, traffic: Traffic, *, timeout_ms: int = 10_000) -> None:
    """`wait_for_requests`, async."""
    deadline = time.monotonic() + timeout_ms / 1000
    while traffic.pending > 0 and time.monotonic() < deadline:
        await page.wait_for_timeout(20)


async def diagram_problems_async(page: AsyncPage) -> list[tuple[int, str]]:
    """`diagram_problems`, async."""
    with suppress(PlaywrightError):
        await page.wait_for_function(DIAGRAMS_SETTLED_JS, timeout=DIAGRAM_TIMEOUT_MS)
    return _diagram_report(await page.evaluate(DIAGRAMS_JS), await page.evaluate("window.__pageErrors"))


async def switch_palette_async(page: AsyncPage, scheme: str) -> None:
    """`switch_palette`, async."""
    clicks = 0
    while await page.evaluate(COLOUR_SCHEME_JS) != scheme:
        if clicks == 3:
            raise AssertionError(f"{page.url}: the palette toggle never switched to {scheme!r}")
        before = await page.evaluate(SHOWN_TOGGLE_JS)
        await page.locator(PALETTE_TOGGLE).click()
        await page.wait_for_function(TOGGLE_CHANGED_JS, arg=before)
        clicks += 1
    if clicks:
        await settle_async(page)


async def settle_async(page: AsyncPage) -> None:
    """`settle`, async."""
    await page.mouse.move(0, 0)
    await page.evaluate(BLUR_JS)
    with suppress(PlaywrightError):
        await page.wait_for_function(SETTLED_JS, timeout=SETTLE_TIMEOUT_MS)


async def wait_for_label_colours_async(page: AsyncPage, *, dark: bool, timeout_ms: int = 10_000) -> list[list[float]]:
    """`wait_for_label_colours`, async."""
    with suppress(PlaywrightError):
        await page.wait_for_function(_labels_predicate(dark), timeout=timeout_ms)
    return await page.evaluate(LABEL_LUMINANCES_JS)


async def axe_violations_async(
    page: AsyncPage, *, rules: tuple[str, ...] = (), impacts: tuple[str, ...] = ("serious", "critical")
) -> list[str]:
    """`axe_violations`, async."""
    if not await page.evaluate(AXE_LOADED_JS):
        await page.add_style_tag(content=LAY_OUT_EVERYTHING_CSS)
        await page.evaluate(_axe_script())
    return _axe_lines(await page.evaluate(AXE_RUN_JS, _axe_options(rules)), impacts)


async def read_page_async(
    page: AsyncPage,
    url: str,
    *,
    accessibility: bool = True,
    document_status: int = 200,
    arrive: Arrive | None = None,
    more: More | None = None,
) -> Reading:
    """`read_page`, async, in a reused tab (`new_tab_async`): the page reached by `arrive` when given (else
    opened by its URL), and `more` checks run once its diagrams are drawn, before axe (see `Visit`)."""
    clock = _Clock()
    async with open_page_async(page, url, status=document_status, arrive=arrive) as (traffic, arrived):
        clock.lap("open")
        opened_in = await page.evaluate(COLOUR_SCHEME_JS)
        problems = await diagram_problems_async(page)
        count = await page.evaluate(DIAGRAM_COUNT_JS)
        light = await page.evaluate(LABEL_LUMINANCES_JS)
        clock.lap("diagrams")
        found = None
        if more is not None:
            found = await more(page)
            await settle_async(page)  # axe judges the page as opened: no hover, no focus, nothing fading
            clock.lap("more")
        axe_light = await axe_violations_async(page) if accessibility else []
        clock.lap("axe light")
        await switch_palette_async(page, "slate")
        clock.lap("toggle")
        dark = await wait_for_label_colours_async(page, dark=True) if count else []
        clock.lap("dark labels")
        axe_dark = await axe_violations_async(page, rules=PALETTE_RULES) if accessibility else []
        clock.lap("axe dark")
        # Every request the page made is judged here, none left to fail when the tab moves on (the next page
        # may be reached from this one, and watched from the click on).
        await wait_for_requests_async(page, traffic)
    clock.lap("close")
    return Reading(
        url, traffic, count, problems, light, dark, axe_light, axe_dark, opened_in, clock.laps, arrived, found
    )


# How a tab reaches a page from the page it shows (say, a click on its nav entry), and what it found on the way.
Arrive = Callable[[AsyncPage], Awaitable[object]]
# More checks of a page, in the reading's tab: what they found becomes `Reading.more`.
More = Callable[[AsyncPage], Awaitable[object]]


@dataclass(frozen=True)
class Visit:
    """A page to read, and how: `read_page`'s arguments, and for the async reader two more.

    A visit of a `walk` is reached by `arrive` from the page its tab shows, when that page belongs to the same
    walk; otherwise the tab first opens `walk` (a URL, outside the visit's traffic), then arrives. `more` runs
    further checks of the page in the same visit, so one page load serves them all."""

    url: str
    accessibility: bool = True
    document_status: int = 200
    walk: str = ""
    arrive: Arrive | None = None
    more: More | None = None


K = TypeVar("K", bound=Hashable)
# Pages read at once. The machine this runs on has two cores; a visit spends much of its time
# waiting (page load, the palette's fade, axe between frames), so a third page keeps them busy.
IN_FLIGHT = 3


class PageReader(Generic[K]):
    """Reads every page of `visits`, `in_flight` at a time and in the given order, in a thread of its own
    with its own Chromium; `reading(key)` waits for that page's Reading (or raises what reading it raised).

        with PageReader({"home": Visit(url)}) as reader:
            reading = reader.reading("home")
    """

    def __init__(self, visits: Mapping[K, Visit], *, in_flight: int = IN_FLIGHT) -> None:
        self.visits = dict(visits)
        self.in_flight = in_flight
        self.elapsed: float | None = None  # seconds from the start to the last page read
        self._futures: dict[K, concurrent.futures.Future[Reading]] = {
            key: concurrent.futures.Future() for key in self.visits
        }
        self._loop: asyncio.AbstractEventLoop | None = None
        self._main: asyncio.Task[None] | None = None
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, name="PageReader", daemon=True)

    def __contains__(self, key: object) -> bool:
        return key in self._futures

    def __enter__(self) -> PageReader[K]:
        self._thread.start()
        self._started.wait()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reading(self, key: K) -> Reading:
        return self._futures[key].result()

    def close(self) -> None:
        """Wait for the browser to close; stop reading first when pages are left (they raise CancelledError)."""
        unread = not all(future.done() for future in self._futures.values())
        if unread and self._loop is not None and self._main is not None:
            with suppress(RuntimeError):  # the loop finished meanwhile
                self._loop.call_soon_threadsafe(self._main.cancel)
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        from scripts.browser import run_in_background

        run_in_background()
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._main = loop.create_task(self._read_all())
            self._started.set()
            with suppress(asyncio.CancelledError):
                loop.run_until_complete(self._main)
        finally:
            self._started.set()
            for future in self._futures.values():
                future.cancel()  # a no-op for the pages read
            loop.close()

    async def _read_all(self) -> None:
        from scripts.browser import launch_async

        start = time.perf_counter()
        try:
            async with launch_async() as browser:
                # One tab per page in flight; pages take a free tab first come, first served, so they start in order.
                tabs: asyncio.Queue[AsyncPage] = asyncio.Queue()
                for _ in range(self.in_flight):
                    tabs.put_nowait(await new_tab_async(browser))

                shows: dict[AsyncPage, str] = {}  # per tab, the walk of the page it shows ("": none)

                async def read(key: K, visit: Visit) -> None:
                    tab = await tabs.get()
                    future = self._futures[key]
                    try:
                        if visit.arrive is not None and shows.get(tab) != visit.walk:
                            await start_walk_async(tab, visit.walk)
                        reading = await read_page_async(
                            tab,
                            visit.url,
                            accessibility=visit.accessibility,
                            document_status=visit.document_status,
                            arrive=visit.arrive,
                            more=visit.more,
                        )
                    except Exception as error:  # the test that asks for this page raises it
                        future.set_exception(error)
                        shows[tab] = ""
                    else:
                        future.set_result(reading)
                        shows[tab] = visit.walk if visit.arrive is not None else ""
                    try:
                        await leave_tab_async(tab, blank=not shows[tab])
                    except PlaywrightError:  # the tab is in no state to reuse: the next page gets a new one
                        await tab.context.close()
                        tab = await new_tab_async(browser)
                        shows[tab] = ""
                    tabs.put_nowait(tab)

                await asyncio.gather(*(read(key, visit) for key, visit in self.visits.items()))
                self.elapsed = time.perf_counter() - start
        except Exception as error:  # no browser: every page raises why
            for future in self._futures.values():
                if not future.done():
                    future.set_exception(error)
