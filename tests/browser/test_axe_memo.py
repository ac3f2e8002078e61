"""The readings remember axe-core's colour parses (scripts/reader.AXE_REMEMBER_COLOURS_JS) to save a third of
the colour-contrast rule's time: axe must reach exactly the verdicts it reaches without that memory."""

from __future__ import annotations

import json

import pytest

from scripts.reader import AXE_REMEMBER_COLOURS_JS, PALETTE_RULES, _axe_script

pytestmark = pytest.mark.browser

# Every colour syntax axe meets in computed styles, opaque and translucent, passing and failing contrast,
# and the same colours again so that the second run of each page reads them from the memory.
SWATCHES = [
    ("#767676", "#ffffff"),  # 4.54:1, passes
    ("#777777", "#ffffff"),  # 4.48:1, fails
    ("rgba(0, 0, 0, 0.54)", "#ffffff"),
    ("rgba(0, 0, 0, 0.3)", "rgb(250, 250, 250)"),
    ("hsl(0.5turn 60% 30%)", "hsl(200 20% 95%)"),
    ("hsl(3.1rad 60% 45%)", "#f5f5f5"),
    ("color(srgb 0.2 0.2 0.2)", "color(display-p3 1 1 0.9)"),
    ("oklch(60% 0.1 250)", "white"),
    ("transparent", "black"),
    ("rebeccapurple", "rgba(255, 255, 255, 0.5)"),
]
PAGE = (
    "<!doctype html><html lang='en'><title>Colours</title><main>"
    + "".join(
        f'<p style="color: {fg}; background: {bg}">Text {n} '
        f'<a href="#x" style="color: {bg}; background: {fg}">link</a></p>'
        for n, (fg, bg) in enumerate(SWATCHES * 2)
    )
    + "</main></html>"
)
VERDICTS_JS = """(rules) => axe.run(document, { runOnly: { type: "rule", values: rules } }).then((r) =>
  ["violations", "passes", "incomplete"].map((kind) => r[kind].map((rule) => [kind, rule.id,
    rule.nodes.map((node) => [node.target, node.any.concat(node.all, node.none).map((c) => c.data)])])))"""


def verdicts(browser, remember: bool) -> list[str]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(PAGE)
        page.evaluate(_axe_script())
        if remember:
            page.evaluate(AXE_REMEMBER_COLOURS_JS)
        rules = ["color-contrast", *PALETTE_RULES]
        return [json.dumps(page.evaluate(VERDICTS_JS, rules), sort_keys=True) for _ in range(2)]
    finally:
        context.close()


def test_remembered_colour_parses_give_the_verdicts_axe_gives_without_them(browser):
    plain, remembered = verdicts(browser, remember=False), verdicts(browser, remember=True)
    assert remembered == plain
    assert '"violations"' in plain[0] and '"passes"' in plain[0], "the swatches should both pass and fail"
