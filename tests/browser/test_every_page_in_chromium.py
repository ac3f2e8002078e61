"""Every page of both builds, opened in Chromium as a reader would (online over http on
127.0.0.1, offline from file://): nothing leaves the machine, nothing fails, the diagrams draw
and follow the dark palette, and axe-core finds no serious or critical accessibility problem.

Each page is opened once per run (the `readings` fixture); the tests below judge that one visit.
"""

from __future__ import annotations

import pytest

from scripts.reader import Reading, read_page
from tests.browser.targets import TARGETS, VARIANTS, Target

pytestmark = pytest.mark.browser
every_page = pytest.mark.parametrize("target", TARGETS, ids=str)


def fail_if(target: Target, what: str, lines: list[str]) -> None:
    if lines:
        pytest.fail(f"{target.source} ({target.variant}): {what}:\n  " + "\n  ".join(lines), pytrace=False)


@every_page
def test_no_request_leaves_the_machine(target, readings):
    fail_if(target, "requests to another host", readings(target).traffic.outside)


@every_page
def test_no_request_fails(target, readings):
    fail_if(target, "failed requests", readings(target).traffic.failed)


@every_page
def test_no_console_error(target, readings):
    fail_if(target, "console errors", readings(target).traffic.console_errors)


@every_page
def test_every_diagram_is_drawn_without_error(target, readings):
    reading = readings(target)
    lines = target.diagram_lines
    problems = [
        f"{target.source}:{lines[n - 1] if n <= len(lines) else '?'}: diagram {n} {why}"
        for n, why in reading.diagram_problems
    ]
    if reading.diagrams != len(lines):
        problems.append(f"the page shows {reading.diagrams} diagrams, its Markdown has {len(lines)}")
    fail_if(target, "diagrams", problems)


@pytest.mark.parametrize("target", [t for t in TARGETS if t.diagram_lines], ids=str)
def test_diagrams_turn_dark_with_the_palette_toggle(target, readings):
    reading = readings(target)
    fail_if(
        target,
        "diagram label colours (luminance: want < 0.5 in light, > 0.5 after the toggle to dark)",
        [
            f"{target.source}:{line}: {min(light, default=0):.2f}..{max(light, default=0):.2f} in light, "
            f"{min(dark, default=0):.2f}..{max(dark, default=0):.2f} in dark"
            for line, light, dark in zip(target.diagram_lines, reading.light_labels, reading.dark_labels, strict=False)
            if not (light and dark and max(light) < 0.5 < min(dark))
        ],
    )


@pytest.mark.parametrize("target", [t for t in TARGETS if t.audited], ids=str)
def test_no_serious_accessibility_violation(target, readings):
    reading = readings(target)
    lines = [
        line if line.startswith(" ") else f"{palette} palette: {line}"
        for palette, found in (("light", reading.axe_light), ("dark", reading.axe_dark))
        for line in found
    ]
    fail_if(target, "axe-core violations of serious or critical impact", lines)


# The readings reuse a few tabs, page after page (scripts/reader.PageReader); each page must still be read
# as on a first visit, in the light palette, whatever palette the page before was left in.
@every_page
def test_each_page_opens_in_the_light_palette(target, readings):
    opened_in = readings(target).opened_in
    fail_if(target, "the palette it opened in", [] if opened_in == "default" else [f"{opened_in!r}, want 'default'"])


@pytest.mark.parametrize("target", [[t for t in TARGETS if t.variant == v and t.page][-1] for v in VARIANTS], ids=str)
def test_a_page_read_in_a_reused_tab_asks_for_what_a_fresh_browser_asks_for(target, readings, browser):
    """The last page of each variant, read after many others in the same tabs: the files it asked for (the page
    weight counts them) are those a fresh browser context asks for, none left to a cache. (The offline search
    worker's URL carries a query that changes on every load.)"""
    fresh = read_page(browser, readings(target).url, accessibility=target.audited)

    def files(reading: Reading) -> list[str]:
        return sorted(url.split("?")[0] for url in reading.traffic.requested)

    assert files(readings(target)) == files(fresh)
