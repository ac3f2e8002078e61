"""Check the evidence: every Correction and "Recent AWS change" box quotes AWS and links the page,
every self-check answer and exam tip ends with the page that settles it, and every self-check is a
well-formed question in the exam's format (overrides/hooks/quiz.py).

    python -m scripts.check_evidence                    # every page under docs/
    python -m scripts.check_evidence docs/ecs/x.md      # only these pages
    python -m scripts.check_evidence --site site/       # the built HTML instead of the Markdown

The Markdown check is the build's own (overrides/hooks/boxes.py, answer_sources.py, quiz.py), runnable
without a build. The HTML check reads what readers get: each correction and changed box (an admonition,
or a details element when collapsed) must hold a blockquote with a quote and a link to an AWS page; a
failure names the page and the box's title.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from overrides.hooks import answer_sources, quiz
from overrides.hooks.boxes import AWS_SOURCE, Box, boxes_in
from scripts.html import shared_soup
from scripts.pages import DOCS

ROOT = DOCS.parent


def markdown_problems(paths: list[Path]) -> tuple[list[Box], list[str]]:
    boxes: list[Box] = []
    problems: list[str] = []
    for path in paths:
        src, text = path.resolve().relative_to(DOCS).as_posix(), path.read_text(encoding="utf-8")
        found, wrong = boxes_in(src, text)
        boxes += found
        problems += wrong + answer_sources.problems(src, text) + quiz.questions_in(src, text)[1]
    return boxes, problems


def html_problems(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        for box in shared_soup(page).select(":is(.admonition, details):is(.correction, .changed)"):
            title_tag = box.select_one(".admonition-title, summary")
            title = " ".join(title_tag.get_text().split()) if title_tag else "(no title)"
            where = f"{page.relative_to(site).as_posix()}: box {title!r}"
            quotes = box.select("blockquote")
            if not any(q.get_text().strip().startswith(('"', "\u201c")) for q in quotes):
                problems.append(f"{where}: no quoted AWS sentence (a blockquote)")
            if not any(AWS_SOURCE.match(a.get("href", "")) for q in quotes for a in q.select("a")):
                problems.append(f"{where}: its quote links no AWS documentation or aws.amazon.com page")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--site", type=Path, help="check this built site's HTML instead")
    args = parser.parse_args(argv)
    if args.site:
        problems = html_problems(args.site)
        counted = ""
    else:
        paths = args.paths or sorted(DOCS.rglob("*.md"))
        boxes, problems = markdown_problems([p for p in paths if "includes" not in p.parts])
        counted = f"{len(boxes)} boxes, "
    for problem in problems:
        print(problem)
    print(f"check_evidence: {counted}{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
