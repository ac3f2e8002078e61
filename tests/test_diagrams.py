"""Every Mermaid diagram has an accessible title and description, keeps the palette's colours,
and parses and renders with the vendored Mermaid; a fault names the file and line."""

from __future__ import annotations

import pytest

from scripts import check_diagrams
from scripts.pages import DOCS

DIAGRAMS = check_diagrams.diagrams_in([DOCS])


def test_the_site_has_diagrams():
    assert len(DIAGRAMS) >= 9


def test_every_diagram_is_accessible_and_uses_palette_colours():
    problems = check_diagrams.problems(DIAGRAMS, render=False)
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_every_diagram_renders_with_the_vendored_mermaid(browser):
    problems = check_diagrams.problems(DIAGRAMS, browser=browser)
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_a_syntax_error_is_reported_with_file_and_line(tmp_path, browser):
    page = tmp_path / "broken.md"
    page.write_text("# Broken\n\n```mermaid\nflowchart LR\n  accTitle: T\n  accDescr: D\n  A -->\n```\n")
    [error] = check_diagrams.check([page], browser=browser)
    assert error.startswith(f"{page}:3: Mermaid cannot draw this diagram: Parse error")
