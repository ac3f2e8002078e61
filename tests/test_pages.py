"""Every page is in the nav under a label that its title bears out, has one H1 and a description used as
its meta description."""

from __future__ import annotations

import re

from scripts.html import shared_soup
from scripts.pages import markdown_sources


def test_every_markdown_file_is_in_the_nav(site_map):
    in_nav = {p.src for p in site_map.pages}
    missing = [src for src in markdown_sources() if src not in in_nav]
    assert not missing, "pages outside the nav (add them to `nav:` in mkdocs.yml):\n" + "\n".join(
        f"docs/{src}" for src in missing
    )


def test_every_nav_entry_has_a_file(site_map):
    missing = [f"{p.title}: docs/{p.src}" for p in site_map.pages if not p.path.is_file()]
    assert not missing, "nav entries without a file:\n" + "\n".join(missing)


def test_every_page_has_a_one_line_description(site_map):
    problems = []
    for page in site_map.pages:
        description = page.meta.get("description")
        if not isinstance(description, str) or not description.strip():
            problems.append(f"docs/{page.src}: no `description:` in the front matter")
        elif "\n" in description.strip() or len(description) > 160:
            problems.append(f"docs/{page.src}: the description should be one line under 160 characters")
    assert not problems, "\n".join(problems)


def test_every_page_has_exactly_one_h1_and_its_meta_description(site_map, online):
    problems = []
    for page in site_map.pages:
        html = shared_soup(page.built(online, directory_urls=True))
        h1s = html.select("article h1")
        if len(h1s) != 1:
            problems.append(f"docs/{page.src}: {len(h1s)} H1 headings, want exactly one")
        meta = html.find("meta", attrs={"name": "description"})
        if meta is None or meta.get("content") != page.meta.get("description"):
            problems.append(f"docs/{page.src}: <meta name=description> is not the front-matter description")
    assert not problems, "\n".join(problems)


def test_custom_404_page_is_built(online):
    html = shared_soup(online / "404.html")
    assert html.select_one("article h1").get_text(strip=True) == "Page not found"


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())


def test_every_menu_label_is_its_page_title_or_a_shortening_of_it(site_map):
    """A reader who taps "Load balancers" lands on a page titled with those words, not on another name:
    each word of the label stands in the H1 (a plural label may name a singular title)."""
    problems = []
    for page in site_map.pages[1:]:  # the home page is "Home" in every menu
        h1 = re.search(r"^# (.+)$", page.body, re.MULTILINE)
        title = words_of(h1.group(1)) if h1 else []
        missing = [w for w in words_of(page.title) if w not in title and w.removesuffix("s") not in title]
        if missing:
            problems.append(f"mkdocs.yml: nav label {page.title!r} of docs/{page.src}: {missing} not in its H1 {title}")
    assert not problems, "\n".join(problems)


NOTES = re.compile(r"\bthe notes\b|\bnotes say\b", re.IGNORECASE)
FOLDED_CORRECTION = re.compile(r"^\?\?\?\+? correction ")


def notes_mentions_outside_corrections(text: str) -> list[int]:
    """Lines of a page that speak of the source notes outside a folded correction: readers never saw them."""
    found, folded = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if FOLDED_CORRECTION.match(line):
            folded = True
            continue
        if folded and line.strip() and not line.startswith("    "):
            folded = False
        if not folded and NOTES.search(line):
            found.append(number)
    return found


def test_pages_teach_without_the_notes_their_words_wait_in_folded_corrections(site_map):
    problems = [
        f"docs/{page.src}:{number}: says 'the notes' in the body; teach what is true here and keep the notes' "
        "words in a folded `??? correction` after it (only the About page tells where the guide comes from)"
        for page in site_map.pages
        if page.src != "about.md"
        for number in notes_mentions_outside_corrections(page.path.read_text(encoding="utf-8"))
    ]
    assert not problems, "\n".join(problems)


def test_a_notes_mention_is_found_in_the_body_and_allowed_in_a_folded_correction():
    text = '# P\n\nThe notes say x.\n\n??? correction "Correction: y"\n\n    The notes say: "y".\n\n'
    text += "More about the notes.\n"
    assert notes_mentions_outside_corrections(text) == [3, 9]
