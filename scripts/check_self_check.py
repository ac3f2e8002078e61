"""Every topic page ends with a `## Self-check` of 3 to 5 questions in the exam's format, followed only
by its `## Official documentation` list (the questions come first: they are what a reader came to the end for).

Checked on the built HTML: the last H2 of the article is "Self-check", or "Official documentation" right
after it; in the Self-check section come 3 to 5
question forms (`??? question "..."` blocks with options in Markdown, made into forms by
overrides/hooks/quiz.py), each with its options, at least one of them right, and an explanation
that stays hidden until the reader checks the answer.

    python -m scripts.check_self_check [SITE_DIR]   # default: site/ (a build with directory URLs)
"""

from __future__ import annotations

import json
import sys
from itertools import takewhile
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from overrides.hooks.key_points import is_topic_page as is_topic_source
from scripts.pages import ROOT, Page, load_site_map

HEADING = "Self-check"
AFTER = "Official documentation"  # the one section that may follow the self-check
FEWEST, MOST = 3, 5


def is_topic_page(page: Page) -> bool:
    return is_topic_source(page.src)


def _heading_text(h2: Tag) -> str:
    return "".join(str(s) for s in h2.find_all(string=True) if not s.find_parent(class_="headerlink")).strip()


def problems(html: str) -> list[str]:
    """What is wrong with the self-check of one built page (empty when it is right)."""
    article = BeautifulSoup(html, "html.parser").select_one("article") or BeautifulSoup(html, "html.parser")
    h2s = article.find_all("h2")
    found = [h for h in h2s if _heading_text(h) == HEADING]
    if not found:
        return [f"no `## {HEADING}` section"]
    section = found[-1]
    following = h2s[h2s.index(section) + 1 :]
    if [_heading_text(h) for h in following] not in ([], [AFTER]):
        return [
            f"`## {HEADING}` is not the last section: `## {_heading_text(following[0])}` follows it "
            f"(only `## {AFTER}` may)"
        ]
    end = following[0] if following else None
    in_section = list(takewhile(lambda tag: tag is not end, section.find_next_siblings()))
    questions = [f for f in in_section if f.name == "form" and "quiz" in f.get("class", [])]
    issues = []
    if not FEWEST <= len(questions) <= MOST:
        issues.append(f"{len(questions)} questions after `## {HEADING}`, want {FEWEST} to {MOST}")
    for number, form in enumerate(questions, start=1):
        legend = form.find("legend")
        options = form.select("li.quiz__option")
        explanation = form.select_one(".quiz__explanation")
        if legend is None or not legend.get_text(strip=True):
            issues.append(f"question {number} has no question text")
        if len(options) < 4 or not any(o.get("data-right") == "true" for o in options):
            issues.append(f"question {number} needs four or five options with a right one")
        if explanation is None or not explanation.get_text(strip=True) or not explanation.has_attr("hidden"):
            issues.append(f"question {number} needs an explanation, hidden until the answer is checked")
    left = [d for d in in_section if d.name == "details" and "question" in d.get("class", [])]
    if left:
        issues.append(f"{len(left)} `??? question` blocks without options after `## {HEADING}`")
    return issues


def check(site: Path, *, directory_urls: bool = True) -> list[str]:
    errors = []
    for page in filter(is_topic_page, load_site_map().pages):
        html = page.built(site, directory_urls=directory_urls).read_text(encoding="utf-8")
        errors.extend(f"docs/{page.src}: {problem}" for problem in problems(html))
    return errors


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    errors = check(Path(args[0]) if args else ROOT / "site")
    for error in errors:
        print(error, file=sys.stderr)
    print(json.dumps({"problems": len(errors)}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
