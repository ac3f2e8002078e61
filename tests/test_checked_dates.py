"""Every page says, under its title, when its facts were last checked against AWS documentation."""

from __future__ import annotations

import re

from scripts.html import shared_soup


def test_every_page_shows_its_checked_date_under_the_title(site_map, online):
    for page in site_map.pages:
        built = (
            online / page.src.removesuffix(".md") / "index.html" if page.src != "index.md" else online / "index.html"
        )
        html = shared_soup(built)
        h1 = html.select_one("article h1")
        shown = html.select_one("article .checked-date time")
        assert shown is not None, f"docs/{page.src}: no checked date shown"
        assert h1 is not None and h1.find_next("p") is shown.parent, f"docs/{page.src}: the date is not under the H1"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", shown["datetime"])
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", shown.get_text()), shown.get_text()
