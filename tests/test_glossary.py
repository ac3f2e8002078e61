"""The glossary is defined once (docs/includes/abbreviations.md), shows as tooltips on every page,
renders as the glossary table, and covers every all-capital acronym the pages use."""

from __future__ import annotations

import pytest

from overrides.hooks import glossary
from scripts import check_glossary
from scripts.html import shared_soup
from scripts.pages import DOCS

GLOSSARY_PAGE = "study/glossary.md"


@pytest.fixture(scope="module")
def entries():
    return glossary.read(DOCS)


def test_every_acronym_on_every_page_is_in_the_glossary(online, site_map):
    problems = check_glossary.check(online, site_map)
    assert not problems, "\n".join(problems)


def test_an_unknown_acronym_is_named_and_code_is_ignored():
    html = (
        "<article><h1>T</h1><p>ECS runs on EC2 and uses XYZQ and AMIs.</p>"
        "<pre>NOTME</pre><code>FARGATE_SPOT</code></article>"
    )
    known = glossary.known_terms(glossary.parse("*[ECS]: e\n*[EC2]: c\n*[AMI]: a\n"))
    assert check_glossary.unknown_acronyms(html, known) == ["XYZQ"]


def test_a_page_with_an_unknown_acronym_fails_naming_page_and_word(tmp_path, site_map):
    page = site_map.by_src("about.md")
    built = page.built(tmp_path, directory_urls=True)
    built.parent.mkdir(parents=True)
    built.write_text("<article><p>The QWXZ service runs on ECS.</p></article>", encoding="utf-8")
    one_page = type(site_map)((page,))
    assert check_glossary.check(tmp_path, one_page) == [
        "docs/about.md: QWXZ is not in the glossary (add `*[QWXZ]: ...` to docs/includes/abbreviations.md)"
    ]


def test_a_malformed_line_names_the_file_and_line():
    with pytest.raises(ValueError, match=r"abbr\.md:2: not an abbreviation line"):
        glossary.parse("*[ECS]: Elastic Container Service\nECS = Elastic Container Service\n", "abbr.md")


def test_a_term_defined_twice_is_an_error():
    with pytest.raises(ValueError, match=r"abbr\.md:2: ECS is defined twice"):
        glossary.parse("*[ECS]: one\n*[ECS]: two\n", "abbr.md")


def test_plurals_are_derived_unless_spelled_out():
    entries = glossary.parse("*[AMI]: Amazon Machine Image — a template\n*[IP]: x\n*[IPs]: IP addresses\n*[K8s]: k\n")
    derived = {p.term: p.text for p in glossary.plurals(entries)}
    assert derived == {"AMIs": "Amazon Machine Images — a template"}


def test_acronyms_on_topic_pages_carry_a_tooltip(online, site_map, entries):
    html = shared_soup(site_map.by_src("ecs/launch-types.md").built(online, directory_urls=True))
    titles = {a.get_text(): a["title"] for a in html.select("article abbr")}
    expected = {e.term: e.text for e in entries}
    assert titles.get("ECS") == expected["ECS"]
    assert titles.get("AMI") == expected["AMI"]


def test_plural_acronyms_carry_the_singular_tooltip(online, site_map):
    html = shared_soup(site_map.by_src("eks/node-types.md").built(online, directory_urls=True))
    titles = {a.get_text(): a["title"] for a in html.select("article abbr")}
    assert titles.get("AMIs", "").startswith("Amazon Machine Images")


def test_the_glossary_page_is_rendered_from_the_same_list(online, site_map, entries):
    html = shared_soup(site_map.by_src(GLOSSARY_PAGE).built(online, directory_urls=True))
    assert glossary.MARKER not in html.get_text(), "the glossary hook did not replace its marker"
    rows = {tr.select_one("td").get_text(strip=True) for tr in html.select("article table tbody tr")}
    listed = {e.term for e in entries} - {"CVEs", "IPs"}  # spelled-out plurals fold into their singular
    assert rows == listed
    source = (DOCS / GLOSSARY_PAGE).read_text(encoding="utf-8")
    assert "Amazon Machine Image" not in source, "the glossary page repeats a definition by hand"
