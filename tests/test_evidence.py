"""Every Correction and "Recent AWS change" box shows the AWS sentence it rests on, and the logs list them all."""

from __future__ import annotations

import re

import pytest

from overrides.hooks.boxes import boxes_in
from scripts.check_evidence import html_problems, markdown_problems
from scripts.html import shared_soup
from scripts.pages import DOCS

QUOTE = '    > "Fargate Spot supports Linux tasks with the ARM64 architecture."\n    >\n'
SOURCE = "    > [CapacityProviderStrategyItem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/x.html)\n"
CHANGED = (
    '# P\n\n!!! changed "Recent AWS change: Fargate Spot on ARM64"\n\n'
    "    Changed by AWS: 2025-05. Checked: 2026-11-28.\n\n    Fargate Spot runs ARM64 tasks.\n\n" + QUOTE + SOURCE
)
CORRECTION = (
    '# P\n\n??? correction "Correction: Spot on ARM64"\n\n    The notes say: "x86 only".\n\n'
    "    Not any more.\n\n" + QUOTE + SOURCE
)


def problems(text: str) -> list[str]:
    return boxes_in("ecs/x.md", text)[1]


def test_well_formed_boxes_pass_and_carry_their_evidence():
    (changed,), wrong = boxes_in("ecs/x.md", CHANGED)
    assert wrong == []
    assert (changed.title, changed.aws_date, changed.checked) == ("Fargate Spot on ARM64", "2025-05", "2026-11-28")
    assert changed.evidence[0].quote == "Fargate Spot supports Linux tasks with the ARM64 architecture."
    assert changed.evidence[0].url.endswith("/APIReference/x.html")
    assert changed.anchor == "changed-fargate-spot-on-arm64"
    (correction,), wrong = boxes_in("ecs/x.md", CORRECTION)
    assert wrong == [] and correction.notes_quote == "x86 only"


def test_a_box_without_a_quote_names_file_line_and_title():
    assert problems(CHANGED.replace(QUOTE + SOURCE, "")) == [
        'docs/ecs/x.md:3: changed box "Recent AWS change: Fargate Spot on ARM64": end the box with the AWS '
        'sentence it rests on, quoted, and the AWS page it is on: > "<AWS sentence, verbatim>" / > / '
        "> [<AWS page title>](https://docs.aws.amazon.com/...)"
    ]


def test_a_quote_without_its_source_link_is_named():
    (problem, missing) = problems(CORRECTION.replace(SOURCE, "").replace("    >\n", ""))
    assert problem.startswith('docs/ecs/x.md:9: correction box "Correction: Spot on ARM64": evidence must be')
    assert "end the box with the AWS sentence" in missing


def test_a_source_that_is_not_aws_is_named():
    text = CORRECTION.replace(
        "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/x.html", "https://example.com/x"
    )
    assert any("the quote's source must be an AWS page" in p and "docs/ecs/x.md:9" in p for p in problems(text))


def test_a_changed_box_without_its_dates_is_named():
    (problem,) = problems(CHANGED.replace("    Changed by AWS: 2025-05. Checked: 2026-11-28.\n\n", ""))
    assert problem.startswith('docs/ecs/x.md:3: changed box "Recent AWS change: Fargate Spot on ARM64": say when')
    assert problems(CHANGED.replace("2025-05", "2025-13")) == [
        'docs/ecs/x.md:3: changed box "Recent AWS change: Fargate Spot on ARM64": not a real date in '
        "'Changed by AWS: 2025-13. Checked: 2026-11-28.'"
    ]


def test_titles_and_the_notes_quote_follow_the_house_style():
    assert any('must start with "Recent AWS change: "' in p for p in problems(CHANGED.replace("change: F", "change F")))
    assert any("a correction must quote the notes" in p for p in problems(CORRECTION.replace("The notes say", "Notes")))
    assert any("same title" in p for p in problems(CHANGED + CHANGED.replace("# P\n", "")))


def test_a_correction_left_open_is_named_with_the_marker_to_use():
    [problem] = problems(CORRECTION.replace("??? correction", "!!! correction"))
    assert problem == (
        'docs/ecs/x.md:3: correction box "Correction: Spot on ARM64": a correction is a collapsed aside after the '
        'page\'s own explanation: open it with `??? correction "Correction: Spot on ARM64"`, not `!!!`'
    )
    assert problems(CORRECTION.replace("??? correction", "???+ correction")) == []


def test_every_page_of_the_site_has_well_formed_boxes():
    boxes, wrong = markdown_problems(sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.parts))
    assert not wrong, "\n".join(wrong)
    assert len([b for b in boxes if b.kind == "correction"]) >= 20
    assert len([b for b in boxes if b.kind == "changed"]) >= 20


def test_every_box_in_the_built_html_shows_a_quote_and_an_aws_link(online, offline):
    for site in (online, offline):
        assert html_problems(site) == []


def test_the_html_check_names_page_and_box(tmp_path):
    page = tmp_path / "ecs" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<div class="admonition changed"><p class="admonition-title">Recent AWS change: A</p><p>Text.</p></div>'
        '<details class="correction"><summary>Correction: B</summary>'
        '<blockquote><p>"Said."</p><p><a href="https://example.com/">Elsewhere</a></p></blockquote></details>'
    )
    assert html_problems(tmp_path) == [
        "ecs/index.html: box 'Recent AWS change: A': no quoted AWS sentence (a blockquote)",
        "ecs/index.html: box 'Recent AWS change: A': its quote links no AWS documentation or aws.amazon.com page",
        "ecs/index.html: box 'Correction: B': its quote links no AWS documentation or aws.amazon.com page",
    ]


def _logged_links(page) -> list[str]:
    return [a["href"] for a in shared_soup(page).select("article table a[href*='#']")]


@pytest.mark.parametrize(
    ("log", "kind"), [("about/index.html", "correction"), ("study/whats-changed/index.html", "changed")]
)
def test_each_log_links_every_box_of_its_kind_by_its_anchor(online, log, kind):
    boxes, _ = markdown_problems(sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.parts))
    logged = {
        "/".join(href.split("#")[0].strip("/").split("/")[-2:]) + "#" + href.split("#")[1]
        for href in _logged_links(online / log)
    }
    topical = [b for b in boxes if b.kind == kind and b.src != "about.md"]  # About shows boxes as examples
    expected = {b.src.removesuffix(".md") + "#" + b.anchor for b in topical}
    assert expected == logged, f"{log}: missing {sorted(expected - logged)}, extra {sorted(logged - expected)}"
    for box in topical:
        built = online / box.src.removesuffix(".md") / "index.html"
        shown = shared_soup(built).select_one(f"#{box.anchor}.{kind}")
        assert shown, f"{built}: no #{box.anchor}"
        # Corrections are folded asides after the page's own explanation; changes are open boxes.
        assert shown.name == ("details" if kind == "correction" else "div"), f"{built}: #{box.anchor} is a {shown.name}"


def test_the_changes_log_gives_both_dates_newest_change_first(online):
    rows = shared_soup(online / "study" / "whats-changed" / "index.html").select("article table tbody tr")
    dates = [row.find_all("td")[0].get_text(strip=True) for row in rows]
    checked = [row.find_all("td")[3].get_text(strip=True) for row in rows]
    assert len(rows) >= 20
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d) for d in dates), dates
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in checked), checked
    assert dates == sorted(dates, reverse=True)
