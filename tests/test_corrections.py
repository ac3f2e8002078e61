"""Every correction quotes the notes and links AWS documentation; the About page lists them all."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from overrides.hooks import corrections
from scripts.html import soup


def _all(site_map):
    return [
        c for p in site_map.pages if p.src != "about.md" for c in corrections.corrections_in(p.src, p.path.read_text())
    ]


def test_the_about_page_lists_every_correction(site_map, online):
    found = _all(site_map)
    rows = soup(online / "about" / "index.html").select("table tr")
    logged = [r for r in rows if r.find("td") and "The notes said" not in r.get_text()]
    quotes = {" ".join(r.find_all("td")[1].get_text().split()) for r in logged}
    assert len(found) >= 15
    missing = {" ".join(c.quote.split()) for c in found} - quotes
    assert not missing, f"corrections missing from the About page: {missing}"


def test_a_correction_without_the_notes_quote_names_file_and_line():
    text = '# P\n\n!!! correction "Correction: x"\n\n    Right is this. See [d](https://docs.aws.amazon.com/x).\n'
    with pytest.raises(PluginError, match=r"docs/ecs/x\.md:3: a correction must quote the notes"):
        corrections.corrections_in("ecs/x.md", text)


def test_a_correction_without_an_aws_link_names_file_and_line():
    text = '# P\n\n!!! correction "Correction: x"\n\n    The notes say: "wrong".\n\n    Right is this.\n'
    with pytest.raises(PluginError, match=r"docs/ecs/x\.md:3: a correction must link the AWS documentation"):
        corrections.corrections_in("ecs/x.md", text)
