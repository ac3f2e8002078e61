"""Sections deeper than the associate routes need carry a "Deep dive" mark that links its explanation on
the exam topic map, and stays out of search (overrides/hooks/deep_dives.py)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from overrides.hooks import deep_dives
from scripts.html import shared_soup
from scripts.pages import DOCS

MARK = re.compile(r"^#{2,3} .+\{ \.deep-dive \}$", re.MULTILINE)


def test_every_marked_heading_shows_the_mark_linking_its_explanation(site_map, online):
    marked = {p.src: len(MARK.findall(p.path.read_text(encoding="utf-8"))) for p in site_map.pages}
    assert sum(marked.values()) >= 5, "the deep-dive sections are marked in the Markdown"
    legend = shared_soup(site_map.by_src(deep_dives.EXAM_MAP).built(online, directory_urls=True))
    assert legend.select_one(f"#{deep_dives.LEGEND}"), f"docs/{deep_dives.EXAM_MAP}: no #{deep_dives.LEGEND} heading"
    wrong = []
    for page in site_map.pages:
        html = shared_soup(page.built(online, directory_urls=True))
        marks = html.select("article :is(h2, h3).deep-dive > a.deep-dive-mark[data-search-exclude]")
        if len(marks) != marked[page.src]:
            wrong.append(f"docs/{page.src}: {marked[page.src]} marked headings, {len(marks)} marks shown")
        wrong += [
            f"docs/{page.src}: the mark links {a['href']}"
            for a in marks
            if not a["href"].endswith(f"study/exam-map/#{deep_dives.LEGEND}")
        ]
    assert not wrong, "\n".join(wrong)


def test_a_mark_on_anything_but_a_section_heading_stops_the_build():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="eks/x.md"), url="eks/x/")
    files = SimpleNamespace(get_file_from_path=lambda _: SimpleNamespace(url="study/exam-map/"))
    shown = deep_dives.on_page_content('<h3 class="deep-dive" id="a">A</h3>', page, None, files)
    assert 'A <a class="deep-dive-mark" href="../../study/exam-map/#deep-dive-sections"' in shown
    with pytest.raises(
        PluginError, match=r"docs/eks/x.md: the deep-dive mark goes on a ## or ### heading, not on a <p>"
    ):
        deep_dives.on_page_content('<p class="deep-dive">Text</p>', page, None, files)


def test_the_explanation_is_in_the_exam_map_source():
    assert "## Deep dive sections" in (DOCS / deep_dives.EXAM_MAP).read_text(encoding="utf-8")
