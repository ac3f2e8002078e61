"""Read a built page in Chromium as a reader would, and report what went wrong.

`read_page` opens a page, records every request, failed request and console error, waits for
the Mermaid diagrams, runs axe-core, switches the palette to dark with the header toggle and
looks again. The browser tests and the screenshot script use these helpers, so they see the
same thing.

Material draws each diagram inside a closed shadow root; `OPEN_SHADOW_ROOTS` runs before any
page script and opens them, so the SVG can be inspected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response
from playwright.sync_api import Error as PlaywrightError

DIAGRAM_TIMEOUT_MS = 15_000
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

    def on_request(self, request: Request) -> None:
        self.requested.append(request.url)
        if not self.is_local(request.url):
            self.outside.append(f"{request.method} {request.url}")

    def on_request_failed(self, request: Request) -> None:
        self.failed.append(f"{request.url}: {request.failure}")

    def on_response(self, response: Response) -> None:
        if (response.url, response.status) == self.expected_error:
            return
        if response.status >= 400:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def on_console(self, message: ConsoleMessage) -> None:
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


def watch(page: Page, is_local: Callable[[str], bool], expected_error: tuple[str, int] | None = None) -> Traffic:
    traffic = Traffic(is_local, expected_error)
    page.on("request", traffic.on_request)
    page.on("requestfailed", traffic.on_request_failed)
    page.on("response", traffic.on_response)
    page.on("console", traffic.on_console)
    page.on("pageerror", traffic.on_page_error)
    return traffic


@contextmanager
def open_page(
    browser: Browser, url: str, *, color_scheme: str = "light", status: int = 200
) -> Iterator[tuple[Page, Traffic]]:
    """A fresh context (no palette remembered from another page) with shadow roots opened and traffic watched.

    `status` is the HTTP status the document itself should answer with (404 for the not-found page).
    """
    context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900})
    try:
        context.add_init_script(OPEN_SHADOW_ROOTS)
        page = context.new_page()
        origin = "file://" if url.startswith("file:") else "{0.scheme}://{0.netloc}".format(urlsplit(url))
        traffic = watch(page, local_to(origin), (url, status) if status >= 400 else None)
        response = page.goto(url, wait_until="load")
        if response is not None and response.status != status:
            traffic.failed.append(f"{url}: HTTP {response.status}, want {status}")
        yield page, traffic
    finally:
        context.close()


def diagram_problems(page: Page) -> list[tuple[int, str]]:
    """Wait for Material to draw every diagram; (diagram number from 1, what is wrong) for each that failed."""
    with suppress(PlaywrightError):  # a timeout is reported below, diagram by diagram
        page.wait_for_function(DIAGRAMS_SETTLED_JS, timeout=DIAGRAM_TIMEOUT_MS)
    diagrams = page.evaluate(DIAGRAMS_JS)
    errors = [" ".join(e.split())[:300] for e in page.evaluate("window.__pageErrors")]
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


def diagram_count(page: Page) -> int:
    return page.evaluate("document.querySelectorAll('pre.mermaid, div.mermaid').length")


def label_luminances(page: Page) -> list[list[float]]:
    """Per diagram, the luminance of each label's colour (0 black .. 1 white)."""
    return page.evaluate(LABEL_LUMINANCES_JS)


def colour_scheme(page: Page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def switch_palette(page: Page, scheme: str) -> None:
    """Click the header's palette toggle, as a reader would, until the page shows `scheme` ('slate' is dark)."""
    clicks = 0
    while colour_scheme(page) != scheme:
        if clicks == 3:  # the toggle cycles through three palettes
            raise AssertionError(f"{page.url}: the palette toggle never switched to {scheme!r}")
        before = page.evaluate(SHOWN_TOGGLE_JS)
        page.locator("form[data-md-component=palette] label:visible").click()
        page.wait_for_function(f"(before) => ({SHOWN_TOGGLE_JS})() !== before", arg=before)
        clicks += 1
    if clicks:
        settle(page)


def settle(page: Page) -> None:
    """Move the mouse and the focus off the control just used, and wait until its tooltip is gone.

    After a click the palette toggle keeps the focus and shows its tooltip; axe-core would then
    measure the tooltip's contrast half-way through its fade.
    """
    page.mouse.move(0, 0)  # the header's empty left edge: nothing there reacts to hover
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    with suppress(PlaywrightError):
        page.wait_for_function(SETTLED_JS, timeout=3_000)


def wait_for_label_colours(page: Page, *, dark: bool, timeout_ms: int = 5_000) -> list[list[float]]:
    """Wait until every diagram label is light (dark palette) or dark (light palette); return what is seen."""
    test = "(v) => v > 0.5" if dark else "(v) => v < 0.5"
    predicate = f"() => ({LABEL_LUMINANCES_JS.strip()})().every((labels) => labels.length && labels.every({test}))"
    with suppress(PlaywrightError):  # the caller judges the luminances it gets
        page.wait_for_function(predicate, timeout=timeout_ms)
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


def axe_violations(
    page: Page, *, rules: tuple[str, ...] = (), impacts: tuple[str, ...] = ("serious", "critical")
) -> list[str]:
    """axe-core's violations of `rules` (default: all) and `impacts`: per rule, each element (up to 5) and why."""
    from axe_playwright_python.sync_playwright import Axe

    # The site lays out long tables and closed answers only near the viewport (content-visibility):
    # lay everything out, so axe judges every element, not only those on screen.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    results = Axe().run(page, options=options).response
    lines = []
    for violation in results["violations"]:
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


@dataclass
class Reading:
    """Everything one visit to a page found, light palette first, then dark after the toggle."""

    url: str
    traffic: Traffic
    diagrams: int
    diagram_problems: list[str]
    light_labels: list[list[float]]
    dark_labels: list[list[float]]
    axe_light: list[str]
    axe_dark: list[str]


def read_page(browser: Browser, url: str, *, accessibility: bool = True, document_status: int = 200) -> Reading:
    """Open `url` in the light palette, wait for its diagrams, run axe, switch to dark, run axe again."""
    with open_page(browser, url, status=document_status) as (page, traffic):
        problems = diagram_problems(page)
        count = diagram_count(page)
        light = label_luminances(page)
        axe_light = axe_violations(page) if accessibility else []
        switch_palette(page, "slate")
        dark = wait_for_label_colours(page, dark=True) if count else []
        axe_dark = axe_violations(page, rules=PALETTE_RULES) if accessibility else []
        return Reading(url, traffic, count, problems, light, dark, axe_light, axe_dark)
