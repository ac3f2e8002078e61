"""Each acronym is underlined once per page, at its first use in the text: never in a heading, a
link or a question's summary, and later uses keep their tooltip without the line."""

from __future__ import annotations

import re

from overrides.hooks.abbr_first_use import mark_first_uses
from scripts.html import shared_soup

FIRST = "study-abbr-first"


def test_only_the_first_use_in_the_text_is_marked_and_focusable():
    html = (
        '<h2 id="ecs"><abbr title="Elastic Container Service">ECS</abbr> basics</h2>'
        '<p><a href="x.md"><abbr title="Elastic Container Service">ECS</abbr> in a link</a>, then '
        '<abbr title="Elastic Container Service">ECS</abbr> and <abbr title="Elastic Container Service">ECS</abbr>.</p>'
        '<details><summary>Why <abbr title="Amazon Web Services">AWS</abbr>?</summary>'
        '<p><abbr title="Amazon Web Services">AWS</abbr>, <abbr title="Amazon Web Services">AWS</abbr></p></details>'
    )
    marked = mark_first_uses(html)
    uses = re.findall(r"<abbr[^>]*>(\w+)</abbr>", marked)
    firsts = re.findall(r'<abbr class="study-abbr-first" tabindex="0" title="[^"]+">(\w+)</abbr>', marked)
    assert uses == ["ECS", "ECS", "ECS", "ECS", "AWS", "AWS", "AWS"]
    assert firsts == ["ECS", "AWS"]
    # The marked ones are the third ECS (the first in running text) and the second AWS.
    assert marked.index(FIRST) > marked.index("in a link</a>, then")
    assert marked.index(FIRST, marked.index("</summary>")) > marked.index("</summary>")


def test_built_pages_underline_each_acronym_once_and_never_in_a_heading(online, site_map):
    problems = []
    for page in site_map.pages:
        article = shared_soup(page.built(online, directory_urls=True)).select_one("article")
        firsts = [a.get_text() for a in article.select(f"abbr.{FIRST}")]
        repeated = sorted({term for term in firsts if firsts.count(term) > 1})
        if repeated:
            problems.append(f"docs/{page.src}: underlined more than once: {repeated}")
        in_headings = [a.get_text() for a in article.select(f":is(h1, h2, h3, h4, h5, h6) abbr.{FIRST}")]
        if in_headings:
            problems.append(f"docs/{page.src}: underlined in a heading: {in_headings}")
        skipped = ["h1", "h2", "h3", "h4", "h5", "h6", "a", "summary"]
        in_text = {a.get_text() for a in article.select("abbr[title]") if not a.find_parent(skipped)}
        if in_text - set(firsts):
            problems.append(f"docs/{page.src}: used in the text but never underlined: {sorted(in_text - set(firsts))}")
    assert not problems, "\n".join(problems)
