"""Each page shows how long it takes to read and the exam routes it is on; the exam topic map's routes
show their total reading time. Both are derived at build time (overrides/hooks/reading_and_exams.py)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from mkdocs.exceptions import PluginError

from overrides.hooks import reading_and_exams as hook
from scripts.html import shared_soup
from scripts.pages import DOCS

ROUTES = "## Suggested route per exam\n\n| Exam | Pages |\n| --- | --- |\n| SAA-C03 | [A](../a.md) → [B](../b.md#x) |\n"


def test_reading_time_counts_prose_at_200_words_a_minute_and_not_code_or_link_targets():
    prose = " ".join(["word"] * 400)
    code = "```json\n" + "{ }\n" * 1000 + "```\n"
    link = "[AWS](https://docs.aws.amazon.com/" + "/".join(["segment"] * 300) + ".html)"
    assert hook.reading_minutes(f"---\ndescription: x\n---\n# T\n\n{prose}\n\n{code}\n{link}\n") == 2
    assert hook.reading_minutes("# Short") == 1


def test_the_routes_are_read_from_the_map_table_and_a_missing_page_names_its_line():
    assert hook.route_rows(ROUTES) == [(5, "SAA-C03", ["../a.md", "../b.md"])]
    assert hook.resolve("../a.md", {"a.md": 3}, 5) == "a.md"
    with pytest.raises(PluginError, match=r"docs/study/exam-map.md:5: the route links ../c.md"):
        hook.resolve("../c.md", {"a.md": 3}, 5)


def test_every_page_shows_its_reading_time_and_its_exam_routes(site_map, online):
    routes = {
        exam: [hook.resolve(t, {p.src: 0 for p in site_map.pages}, line) for t in targets]
        for line, exam, targets in hook.route_rows((DOCS / hook.EXAM_MAP).read_text(encoding="utf-8"))
    }
    assert {"SAA-C03", "DVA-C02", "SOA-C03", "DOP-C02"} <= routes.keys()
    problems = []
    for page in site_map.pages[1:]:
        shown = shared_soup(page.built(online, directory_urls=True)).select_one("article p.reading-time")
        text = shown.get_text(" ", strip=True) if shown else ""
        minutes = hook.reading_minutes(page.path.read_text(encoding="utf-8"))
        exams = [exam for exam, pages in routes.items() if page.src in pages]
        if not re.match(rf"About {minutes} minutes? to read", text):
            problems.append(f"docs/{page.src}: shows {text!r}, want about {minutes} minutes to read")
        if exams and f"on the routes for {', '.join(exams)}" not in text:
            problems.append(f"docs/{page.src}: shows {text!r}, want the routes {exams}")
    assert not problems, "\n".join(problems)


def test_each_route_shows_the_sum_of_its_pages_reading_times(site_map, online):
    by_url = {page.url(directory_urls=True): page for page in site_map.pages}
    rows = shared_soup(online / "study" / "exam-map" / "index.html").select("article table")[-1].select("tbody tr")
    assert len(rows) >= 4
    for row in rows:
        cells = row.select("td")
        hrefs = [urljoin("study/exam-map/", a["href"]).split("#")[0] for a in cells[1].select("a")]
        total = sum(hook.reading_minutes(by_url[h].path.read_text(encoding="utf-8")) for h in hrefs)
        shown = cells[-1].get_text(strip=True)
        assert shown.startswith(f"about {total} minutes"), f"{cells[0].get_text()}: shows {shown!r}, want {total}"
