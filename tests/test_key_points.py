"""Every topic page opens with 3 to 5 key points, linked from the line under its title and left out of
search (overrides/hooks/key_points.py); pages with several sections list them in a folded "On this
page" for screens without the contents sidebar (overrides/hooks/page_contents.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from overrides.hooks import key_points
from scripts.html import shared_soup

BOX = '!!! abstract "Key points"\n\n' + "    - A point. ([A](#a))\n" * 3
PAGE = "---\ndescription: x\n---\n\n# Title\n\nIntro.\n\n{box}\n## A\n\nText.\n"


def problems(markdown: str) -> list[str]:
    return key_points.problems("ecs/x.md", markdown)


def test_a_page_with_three_to_five_one_line_points_before_its_first_section_passes():
    assert problems(PAGE.format(box=BOX)) == []
    assert problems(PAGE.format(box=BOX + "    - Two more.\n    - And one.\n")) == []


def test_a_topic_page_without_key_points_is_named_with_the_fix():
    assert problems(PAGE.format(box="")) == [
        'docs/ecs/x.md:1: no key points: add `!!! abstract "Key points"` with 3 to 5 one-line bullets '
        "before the first section"
    ]


def test_too_few_or_too_many_points_are_named_with_the_line():
    assert problems(PAGE.format(box='!!! abstract "Key points"\n\n    - One.\n    - Two.\n')) == [
        "docs/ecs/x.md:9: 2 key points; write 3 to 5, one line each"
    ]
    six = '!!! abstract "Key points"\n\n' + "    - A point. ([A](#a))\n" * 6
    assert problems(PAGE.format(box=six)) == ["docs/ecs/x.md:9: 6 key points; write 3 to 5, one line each"]


def test_points_after_the_first_section_or_in_wrapped_lines_are_named():
    late = "---\ndescription: x\n---\n\n# Title\n\n## A\n\nText.\n\n" + BOX
    assert problems(late) == ["docs/ecs/x.md:11: the key points come after the section on line 7; move them above it"]
    wrapped = BOX.replace("    - A point. ([A](#a))\n", "    - A point\n      that wraps. ([A](#a))\n", 1)
    assert problems(PAGE.format(box=wrapped)) == [
        "docs/ecs/x.md:12: key points are one-line bullets (`    - ...`); this line is not one"
    ]


def test_a_second_box_is_named():
    assert "docs/ecs/x.md:15: a second key points box; a page has one" in problems(PAGE.format(box=BOX + "\n" + BOX))


def test_every_topic_page_shows_its_key_points_linked_under_the_title_and_out_of_search(site_map, online):
    wrong = []
    for page in site_map.pages:
        if not key_points.is_topic_page(page.src):
            continue
        html = shared_soup(page.built(online, directory_urls=True))
        box = html.select_one(f"article #{key_points.ANCHOR}.admonition.abstract")
        link = html.select_one(f'article .reading-time a[href="#{key_points.ANCHOR}"]')
        if box is None or link is None:
            wrong.append(f"docs/{page.src}: box {box is not None}, link under the title {link is not None}")
        elif not box.has_attr("data-search-exclude") or not 3 <= len(box.select("li")) <= 5:
            wrong.append(f"docs/{page.src}: the key points are in search or hold {len(box.select('li'))} points")
        elif box.find_previous("h2") is not None:
            wrong.append(f"docs/{page.src}: the key points come after a section")
    assert not wrong, "\n".join(wrong)


def test_pages_with_three_or_more_sections_list_them_folded_before_the_first(site_map, online):
    wrong = []
    for page in site_map.pages:
        html = shared_soup(page.built(online, directory_urls=True))
        sections = [h for h in html.select("article h2[id]")]
        listed = html.select_one("article details.page-contents")
        if len(sections) < 3:
            if listed is not None:
                wrong.append(f"docs/{page.src}: lists {len(sections)} sections")
            continue
        if listed is None:
            wrong.append(f"docs/{page.src}: no 'On this page' list for its {len(sections)} sections")
            continue
        hrefs = [a["href"] for a in listed.select("a")]
        if hrefs != [f"#{h['id']}" for h in sections] or not listed.has_attr("data-search-exclude"):
            wrong.append(f"docs/{page.src}: the list {hrefs} does not match the sections, or is in search")
        elif listed.find_next("h2") is not sections[0] or listed.has_attr("open"):
            wrong.append(f"docs/{page.src}: the list is not folded right before the first section")
    assert not wrong, "\n".join(wrong)


def test_the_build_names_the_line_of_the_file_front_matter_included():
    source = PAGE.format(box='!!! abstract "Key points"\n\n    - One.\n    Two.\n    - Three.\n    - Four.\n')
    page = SimpleNamespace(file=SimpleNamespace(src_uri="ecs/x.md", content_string=source))
    without_front_matter = source.split("---\n", 2)[2]  # what MkDocs hands the hook
    with pytest.raises(PluginError, match=r"docs/ecs/x\.md:12: key points are one-line bullets"):
        key_points.on_page_markdown(without_front_matter, page, None, None)
