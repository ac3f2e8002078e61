"""Each per-page browser test fails on a page with its fault, and the failure names the page; a diagram
Mermaid cannot draw stops the build-time drawing, named by its file and line.

The faults go into one copy of the project, built without build-time drawing (as `make serve`
serves it), so the diagrams are drawn by the reader's browser. The real test functions judge
the faulty page, exactly as they judge every page of the site.

The copy and its faults are in tests/browser/faults.py; it is built and its faulty pages read in the
background from the first browser test (tests/browser/conftest.py, `faulty_copy` and `fault_findings`),
and the tests below run last.
"""

from __future__ import annotations

import pytest

from scripts.reader import Reading
from tests.browser.targets import Target
from tests.browser.test_every_page_in_chromium import test_diagrams_turn_dark_with_the_palette_toggle as dark_test
from tests.browser.test_every_page_in_chromium import test_every_diagram_is_drawn_without_error as diagram_test
from tests.browser.test_every_page_in_chromium import test_no_console_error as console_test
from tests.browser.test_every_page_in_chromium import test_no_request_fails as failed_request_test
from tests.browser.test_every_page_in_chromium import test_no_request_leaves_the_machine as outside_test
from tests.browser.test_every_page_in_chromium import test_no_serious_accessibility_violation as axe_test

pytestmark = pytest.mark.browser


def failure_of(test, target: Target, reading: Reading) -> str:
    with pytest.raises(pytest.fail.Exception) as failure:
        test(target, lambda _: reading)
    message = str(failure.value)
    print(message)  # shown with -s: what a writer sees
    return message


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_a_broken_diagram_fails_and_names_its_page_and_line(variant, fault_findings):
    target, reading = fault_findings.result().readings[("broken diagram", variant)]
    message = failure_of(diagram_test, target, reading)
    line = target.diagram_lines[-1]
    assert message.startswith(f"{target.source} ({variant}): diagrams:\n  {target.source}:{line}: diagram "), message
    assert "not drawn: Parse error" in message, message


def test_a_diagram_mermaid_cannot_draw_stops_the_build_time_drawing_naming_its_line(faulty_copy, fault_findings):
    """What `make build` does after MkDocs, on a copy of the faulty online site (faults.draw_at_build_time)."""
    drawing = fault_findings.result().drawing
    assert drawing, "drawing the faulty copy's diagrams at build time raised no DiagramError"
    target = faulty_copy.result().target("broken diagram", "online")
    first = drawing.splitlines()[0]
    number = len(target.diagram_lines)
    assert first.startswith(
        f"{target.source}:{target.diagram_lines[-1]}: diagram {number}: Mermaid cannot draw it: Parse error"
    ), first


def test_each_fault_fails_its_test_and_names_the_page(fault_findings):
    target, reading = fault_findings.result().readings[("faults", "online")]
    expected = [
        (outside_test, "GET https://example.com/outside.png"),
        (failed_request_test, "no-such-picture.png: HTTP 404"),
        (console_test, "console.error: a deliberate console error"),
        (dark_test, f"{target.source}:{target.diagram_lines[-1]}: 0.02..0.02 in light, 0.02..0.02 in dark"),
        (axe_test, "light palette: image-alt (critical)"),
        (axe_test, "dark palette: color-contrast (serious)"),
    ]
    for test, words in expected:
        message = failure_of(test, target, reading)
        assert message.startswith(f"{target.source} (online): "), message
        assert words in message, f"{test.__name__}: {message}"
