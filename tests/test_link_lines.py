"""A broken link's build warning names the Markdown file and line, and the nearest anchors or pages."""

from __future__ import annotations

import logging
from pathlib import Path

from overrides.hooks import link_lines

PAGE = "# Guide\n\nIntro.\n\n## EC2 versus Fargate\n\nSee [launch](other.md#ec2-vs-fargate) and [x](gone.md).\n"
OTHER = "# Other\n\n## EC2 versus Fargate\n\n## Capacity providers {#capacity}\n"


def finder(tmp_path: Path) -> link_lines.LineFinder:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "other.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / "gene.md").write_text("# Gene\n", encoding="utf-8")
    found = link_lines.LineFinder()
    found.docs = tmp_path
    return found


def said(found: link_lines.LineFinder, message: str) -> str:
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, message, (), None)
    assert found.filter(record)
    return record.getMessage()


def test_a_missing_anchor_names_the_line_and_the_nearest_anchors(tmp_path):
    message = (
        "Doc file 'page.md' contains a link 'other.md#ec2-vs-fargate', but the doc 'other.md' does not contain "
        "an anchor '#ec2-vs-fargate'."
    )
    assert said(finder(tmp_path), message) == (
        f"docs/page.md:7: {message} Nearest anchors in other.md: #ec2-versus-fargate."
    )


def test_a_missing_page_names_the_line_and_the_nearest_pages(tmp_path):
    message = "Doc file 'page.md' contains a link 'gone.md', but the target is not found among documentation files."
    assert said(finder(tmp_path), message) == f"docs/page.md:7: {message} Nearest pages: gene.md."


def test_other_messages_pass_unchanged(tmp_path):
    assert said(finder(tmp_path), "Building documentation...") == "Building documentation..."


def test_anchors_are_heading_slugs_and_ids():
    assert link_lines.anchors(OTHER) == ["other", "ec2-versus-fargate", "capacity-providers", "capacity"]
