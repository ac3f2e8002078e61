"""Reading on a phone and a laptop: every diagram's labels reach 12 CSS px, as drawn in the page or
in its full-screen view; no page scrolls sideways on a phone, none has text under 14 px or a table cut
off there; a tapped acronym shows its expansion.
Both builds: online over http, offline from file://.

Each page is visited once per build and device, in the background from the first browser test on
(tests/browser/devices.py says how a visit reads a page; the laptop reaches each page through the nav,
which tests/browser/test_navigation.py judges); the tests below judge that one visit.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from overrides.hooks.key_points import is_topic_page
from scripts.reader import OPEN_SHADOW_ROOTS, Traffic, axe_violations, local_to, origin_of, switch_palette, watch
from tests.browser.devices import (
    DEVICES,
    DIAGRAM_PAGES,
    INLINE_JS,
    MIN_LABEL_PX,
    MIN_TARGET_PX,
    MIN_TEXT_PX,
    OPENED_JS,
    TIP_JS,
    VIEW,
    VIEW_TIMEOUT_MS,
    DiagramSize,
    open_device,
    wait_closed,
)
from tests.browser.targets import PAGES, VARIANTS

pytestmark = pytest.mark.browser

# Diagrams that may stay under MIN_LABEL_PX as drawn on a laptop, and rely on the full-screen view:
# two stacks side by side, each as wide as the layers it compares.
WIDE_ON_A_LAPTOP = {"docs/docker/docker-vs-vms.md"}


def unreadable(sizes: list[DiagramSize], device: str) -> list[str]:
    """One line per diagram whose labels stay under MIN_LABEL_PX both in the page and in the view."""

    def px(value: float | None) -> str:
        return f"{value:.1f} px" if value is not None else "no view"

    return [
        f"{s.source}:{s.line}: {s.title!r}: labels {px(s.inline_px)} as drawn, {px(s.opened_px)} opened "
        f"on a {device}, want {MIN_LABEL_PX:.0f} px"
        for s in sizes
        if not s.readable
    ]


on_every_device = pytest.mark.parametrize(
    ("variant", "device", "page"),
    [(v, d, p) for v in VARIANTS for d in DEVICES for p in DIAGRAM_PAGES],
    ids=lambda x: x if isinstance(x, str) else f"docs/{x.src}",
)
on_a_phone = pytest.mark.parametrize(
    ("variant", "page"), [(v, p) for v in VARIANTS for p in PAGES], ids=lambda x: x if isinstance(x, str) else x.src
)


@on_every_device
def test_every_diagram_has_labels_of_12_px_as_drawn_or_opened(device_visits, variant, device, page):
    found = device_visits(variant, device, page)
    problems = unreadable(found.diagrams, device) + found.problems
    assert not problems, f"docs/{page.src} ({variant}, {device}):\n  " + "\n  ".join(problems)


@on_a_phone
def test_no_page_scrolls_sideways_on_a_phone(device_visits, variant, page):
    found = device_visits(variant, "phone", page)
    assert not found.sideways, f"docs/{page.src} ({variant}) scrolls sideways on a phone:\n  " + "\n  ".join(
        found.sideways
    )


@on_a_phone
def test_text_on_a_phone_is_at_least_14_px(device_visits, variant, page):
    """Boxes, tables, answers and code read at 14 CSS px or more on a phone: no fine print to squint at."""
    found = device_visits(variant, "phone", page)
    assert not found.small_text, (
        f"docs/{page.src} ({variant}): text under {MIN_TEXT_PX:.0f} px on a phone "
        "(docs/assets/stylesheets/extra.css):\n  " + "\n  ".join(found.small_text)
    )


@on_a_phone
def test_answers_and_choices_on_a_phone_are_at_least_24_px(device_visits, variant, page):
    """The self-checks' answers and the practice exam's choices are boxes a finger can hit: 24 CSS px or more
    each way (WCAG 2.2, 2.5.8)."""
    found = device_visits(variant, "phone", page)
    assert not found.small_targets, (
        f"docs/{page.src} ({variant}): controls under {MIN_TARGET_PX:.0f} px on a phone "
        "(docs/assets/stylesheets/extra.css):\n  " + "\n  ".join(found.small_targets)
    )


@on_a_phone
def test_no_table_is_cut_off_on_a_phone(device_visits, variant, page):
    """A table wider than a phone stacks its rows (overrides/hooks/tables.py); none is cut off at the edge."""
    found = device_visits(variant, "phone", page)
    assert not found.cut_tables, (
        f"docs/{page.src} ({variant}): tables wider than the screen on a phone:\n  " + "\n  ".join(found.cut_tables)
    )


@on_a_phone
def test_a_phone_first_screen_shows_reading_time_exams_key_points_and_the_page_contents(device_visits, variant, page):
    """Before any scroll: the line with reading time and exams, and on a topic page its key points or the
    link to them; a page of three or more sections shows its folded "On this page" list."""
    shown = device_visits(variant, "phone", page).first_screen
    problems = []
    if page.src != "index.md" and not shown["readingLine"]:
        problems.append("the reading time and exams line is below the first screen")
    if is_topic_page(page.src) and not shown["keyPoints"]:
        problems.append("neither the key points nor the link to them is on the first screen")
    if shown["contentsShown"] is False:
        problems.append("the 'On this page' list is hidden on a phone (docs/assets/stylesheets/extra.css)")
    assert not problems, f"docs/{page.src} ({variant}) on a phone:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("page", DIAGRAM_PAGES, ids=lambda p: f"docs/{p.src}")
def test_a_laptop_leaves_the_page_contents_to_the_sidebar(device_visits, page):
    shown = device_visits("online", "laptop", page).first_screen
    assert shown["contentsShown"] is not True, f"docs/{page.src}: 'On this page' shows beside the contents sidebar"


@on_a_phone
def test_a_tapped_acronym_shows_its_expansion(device_visits, variant, page):
    found = device_visits(variant, "phone", page)
    if found.acronym is None:
        return  # a page without acronyms
    term, expansion, shown = found.acronym
    assert shown and expansion in shown, (
        f"docs/{page.src} ({variant}): tapping {term} on a phone shows {shown!r}, want {expansion!r}"
    )


@pytest.mark.parametrize("page", DIAGRAM_PAGES, ids=lambda p: f"docs/{p.src}")
def test_diagrams_are_readable_on_a_laptop_as_drawn(device_visits, page):
    """The redraws of issue 13 keep their width: a new diagram over about 900 px fails here."""
    found = device_visits("online", "laptop", page)
    small = [s for s in found.diagrams if (s.inline_px or 0) < MIN_LABEL_PX and s.source not in WIDE_ON_A_LAPTOP]
    assert not small, "\n".join(
        f"{s.source}:{s.line}: {s.title!r} has {s.inline_px or 0:.1f} px labels as drawn on a laptop: draw it "
        f"narrower (top to bottom, shorter label lines; CONTRIBUTING.md, Draw a diagram)"
        for s in small
    )


def test_a_diagram_under_12_px_fails_naming_its_page_and_diagram():
    sizes = [
        DiagramSize("docs/eks/overview.md", 110, "EKS hierarchy", 2.1, 9.0),
        DiagramSize("docs/index.md", 46, "Map", 4.0, None),
        DiagramSize("docs/ecs/iam-roles.md", 12, "Roles", 5.0, 14.0),
        DiagramSize("docs/docker/what-is-docker.md", 51, "Containers", 12.5, 20.0),
    ]
    assert unreadable(sizes, "phone") == [
        "docs/eks/overview.md:110: 'EKS hierarchy': labels 2.1 px as drawn, 9.0 px opened on a phone, want 12 px",
        "docs/index.md:46: 'Map': labels 4.0 px as drawn, no view opened on a phone, want 12 px",
    ]


def test_a_page_that_scrolls_sideways_or_an_acronym_that_answers_nothing_fails(faulty_copy, fault_findings):
    """A box wider than a phone, a checkbox too small to tap and an acronym script that does nothing
    (tests/browser/faults.py), each caught and named, on the faulty copy's page that holds the box, read
    on a phone (`fault_findings`) as every page is."""
    page = faulty_copy.result().page("sideways")
    found = fault_findings.result().phone
    for test, words in (
        (test_no_page_scrolls_sideways_on_a_phone, f"docs/{page.src} (online) scrolls sideways on a phone"),
        (test_a_tapped_acronym_shows_its_expansion, f"docs/{page.src} (online): tapping "),
        (test_answers_and_choices_on_a_phone_are_at_least_24_px, f"docs/{page.src} (online): controls under 24 px"),
    ):
        with pytest.raises(AssertionError) as failure:
            test(lambda *_: found, "online", page)
        assert words in str(failure.value), str(failure.value)
    assert "A box wider than a phone" in "\n".join(found.sideways), found.sideways
    assert "A box too small to tap" in "\n".join(found.small_targets), found.small_targets


# The full-screen view itself, on one diagram page, in both builds.
VIEWED = next(p for p in DIAGRAM_PAGES if p.src == "study/decision-guide.md")


@pytest.fixture(params=VARIANTS)
def viewer_tab(request, browser: Browser, page_url) -> Iterator[tuple[str, Page, Traffic]]:
    context = browser.new_context(**DEVICES["laptop"])
    context.add_init_script(OPEN_SHADOW_ROOTS)
    tab = context.new_page()
    url = page_url(request.param, VIEWED)
    traffic = watch(tab, local_to(origin_of(url)))
    tab.goto(url, wait_until="load")
    yield request.param, tab, traffic
    context.close()


def opened_px(tab: Page) -> float:
    tab.wait_for_timeout(350)  # zoom buttons animate for 200 ms
    return tab.evaluate(OPENED_JS)["px"]


def test_the_view_opens_from_the_keyboard_zooms_pans_and_closes_every_way(viewer_tab):
    variant, tab, traffic = viewer_tab
    title = tab.evaluate(INLINE_JS, 0)["title"]
    where = f"docs/{VIEWED.src} ({variant})"
    url = tab.url

    # Keyboard: the button is focusable and Enter opens a dialog named by the diagram's title.
    button = tab.get_by_role("button", name=f"Open full screen: {title}")
    button.focus()
    tab.keyboard.press("Enter")
    dialog = tab.get_by_role("dialog", name=title)
    dialog.wait_for(timeout=VIEW_TIMEOUT_MS)
    tab.wait_for_selector(f"{VIEW}[open][data-ready]")
    assert tab.evaluate(f"() => !!document.activeElement.closest('{VIEW}')"), f"{where}: focus is not in the view"
    start = opened_px(tab)
    assert start >= MIN_LABEL_PX, f"{where}: the view opens with labels at {start:.1f} px"

    # Buttons, keys and the wheel zoom; a drag pans.
    dialog.get_by_role("button", name="Zoom in").click()
    zoomed_in = opened_px(tab)
    assert zoomed_in > start * 1.2, f"{where}: Zoom in: {start:.1f} -> {zoomed_in:.1f} px"
    dialog.get_by_role("button", name="Zoom out").click()
    dialog.get_by_role("button", name="Zoom out").click()
    assert opened_px(tab) < start, f"{where}: Zoom out did not make the labels smaller"
    dialog.get_by_role("button", name="Back to the starting size").click()
    assert abs(opened_px(tab) - start) < 0.1, f"{where}: the reset button does not go back to {start:.1f} px"
    tab.keyboard.press("+")
    assert opened_px(tab) > start * 1.2, f"{where}: the + key does not zoom in"
    tab.keyboard.press("0")
    stage = tab.locator(".study-viewer__stage").bounding_box()
    assert stage is not None
    middle = stage["x"] + stage["width"] / 2, stage["y"] + stage["height"] / 2
    tab.mouse.move(*middle)
    tab.mouse.wheel(0, -400)
    assert opened_px(tab) > start * 1.1, f"{where}: the wheel does not zoom in"
    canvas = tab.locator(".study-viewer__canvas")
    before = canvas.bounding_box()
    tab.mouse.down()
    tab.mouse.move(middle[0] + 120, middle[1] + 60, steps=5)
    tab.mouse.up()
    tab.wait_for_timeout(100)
    after = canvas.bounding_box()
    assert before and after and abs(after["x"] - before["x"] - 120) < 2 and abs(after["y"] - before["y"] - 60) < 2, (
        f"{where}: a drag of (120, 60) moved the diagram from {before} to {after}"
    )

    # Esc closes and gives the focus back to the button.
    tab.keyboard.press("Escape")
    wait_closed(tab)
    assert button.evaluate("(b) => b === document.activeElement"), f"{where}: the focus did not return to the button"

    # The close button closes it.
    tab.locator(".study-diagram .mermaid").first.click()
    tab.wait_for_selector(f"{VIEW}[open][data-ready]")
    dialog.get_by_role("button", name="Close").click()
    wait_closed(tab)

    # The browser's back gesture closes it and stays on the page.
    tab.locator(".study-diagram .mermaid").first.click()
    tab.wait_for_selector(f"{VIEW}[open][data-ready]")
    tab.go_back()
    tab.wait_for_function(f"() => !document.querySelector('{VIEW}[open]')", timeout=VIEW_TIMEOUT_MS)
    assert tab.url == url, f"{where}: Back left the page for {tab.url}"

    problems = traffic.outside + traffic.failed + traffic.console_errors
    assert not problems, f"{where}: while using the view: {problems}"


def test_the_view_follows_the_palette_and_passes_axe(viewer_tab):
    variant, tab, traffic = viewer_tab
    where = f"docs/{VIEWED.src} ({variant})"
    luminance = """() => {
      const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map((v) => v / 255)
        .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const view = document.querySelector("dialog.study-viewer[open]");
      const label = view.querySelector(".study-viewer__canvas").shadowRoot.querySelector(".nodeLabel");
      return [lum(getComputedStyle(view).backgroundColor), lum(getComputedStyle(label).color)];
    }"""
    for scheme, dark in (("default", False), ("slate", True)):
        switch_palette(tab, scheme)
        tab.locator(".study-diagram .mermaid").first.click()
        tab.wait_for_selector(f"{VIEW}[open][data-ready]")
        background, label = tab.evaluate(luminance)
        if dark:
            assert background < 0.1 < 0.5 < label, f"{where}: dark view {background:.2f} behind {label:.2f} labels"
        else:
            assert label < 0.5 < 0.9 < background, f"{where}: light view {background:.2f} behind {label:.2f} labels"
        if variant == "online":
            rules = () if not dark else ("color-contrast",)
            found = axe_violations(tab, rules=rules)
            assert not found, f"{where}: axe, {scheme} palette, view open:\n" + "\n".join(found)
        tab.keyboard.press("Escape")
        wait_closed(tab)
    problems = traffic.outside + traffic.failed + traffic.console_errors
    assert not problems, f"{where}: {problems}"


def test_keyboard_focus_on_an_acronym_shows_its_expansion(viewer_tab):
    variant, tab, _ = viewer_tab
    first = tab.locator("article abbr.study-abbr-first").first
    expansion = (first.get_attribute("title") or "").split(" — ")[0]
    tab.keyboard.press("Tab")  # into the page, then focus the acronym as Tab would reach it
    first.focus()
    tab.wait_for_function(TIP_JS, timeout=2_000)
    assert expansion in tab.evaluate(TIP_JS), f"docs/{VIEWED.src} ({variant}): focus shows no expansion"
    tab.keyboard.press("Escape")
    assert tab.evaluate(TIP_JS) is None, f"docs/{VIEWED.src} ({variant}): Esc does not hide the tooltip"


def touch(cdp, kind: str, points: list[tuple[float, float]]) -> None:
    cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y} for x, y in points]})


@pytest.mark.parametrize("variant", VARIANTS)
def test_on_a_phone_a_pinch_zooms_the_view_and_a_finger_pans_it(variant, browser: Browser, page_url):
    where = f"docs/{VIEWED.src} ({variant}, phone)"
    device = open_device(browser, "phone", page_url(variant, VIEWED))
    try:
        tab = device.tab
        tab.goto(page_url(variant, VIEWED), wait_until="load")
        tab.locator(".study-diagram .mermaid").first.tap()
        tab.wait_for_selector(f"{VIEW}[open][data-ready]")
        start = opened_px(tab)
        cdp = tab.context.new_cdp_session(tab)
        box = tab.locator(".study-viewer__stage").bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        touch(cdp, "touchStart", [(x - 40, y), (x + 40, y)])
        for step in range(1, 11):
            touch(cdp, "touchMove", [(x - 40 - 8 * step, y), (x + 40 + 8 * step, y)])
        touch(cdp, "touchEnd", [])
        pinched = opened_px(tab)
        assert pinched > start * 1.5, f"{where}: a pinch took the labels from {start:.1f} to {pinched:.1f} px"
        canvas = tab.locator(".study-viewer__canvas")
        before = canvas.bounding_box()
        touch(cdp, "touchStart", [(x, y)])
        for step in range(1, 6):
            touch(cdp, "touchMove", [(x - 12 * step, y - 8 * step)])
        touch(cdp, "touchEnd", [])
        tab.wait_for_timeout(100)
        after = canvas.bounding_box()
        assert before and after and abs(after["x"] - before["x"] + 60) < 2 and abs(after["y"] - before["y"] + 40) < 2, (
            f"{where}: a one-finger drag of (-60, -40) moved the diagram from {before} to {after}"
        )
        problems = device.traffic.outside + device.traffic.failed + device.traffic.console_errors
        assert not problems, f"{where}: {problems}"
    finally:
        device.tab.context.close()
