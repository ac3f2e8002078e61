"""Every all-capital acronym on a built page is in the glossary, so each one gets a tooltip.

The glossary is docs/includes/abbreviations.md (read through overrides/hooks/glossary.py, the
hook that renders it). Code blocks and inline code are ignored: `FARGATE_SPOT` is a value, not a word.

    python -m scripts.check_glossary [SITE_DIR]   # default: site/ (a build with directory URLs)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from overrides.hooks import glossary
from scripts.pages import DOCS, ROOT, SiteMap, load_site_map

# Two or more capitals (digits allowed, as in EC2), optionally a plural "s": ECS, EC2, AMIs.
ACRONYM = re.compile(r"\b[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*s?\b")
NOT_PROSE = "pre, code, script, style, .headerlink"


def prose(html: str) -> str:
    """The readable text of a page's article, without code."""
    page = BeautifulSoup(html, "html.parser")
    article = page.select_one("article") or page
    for tag in article.select(NOT_PROSE):
        tag.decompose()
    return article.get_text(" ")


# Capitals that are not acronyms: AWS's exam wording "(Select TWO.)" on multiple-answer questions,
# and the task definition status that AWS's own sentences write without code formatting.
NOT_ACRONYMS = {"TWO", "INACTIVE"}


def unknown_acronyms(html: str, known: set[str]) -> list[str]:
    return sorted({word for word in ACRONYM.findall(prose(html)) if word not in known | NOT_ACRONYMS})


def check(site: Path, site_map: SiteMap, docs: Path = DOCS, *, directory_urls: bool = True) -> list[str]:
    known = glossary.known_terms(glossary.read(docs))
    source = (docs / glossary.SOURCE).relative_to(ROOT) if docs.is_relative_to(ROOT) else docs / glossary.SOURCE
    errors = []
    for page in site_map.pages:
        html = page.built(site, directory_urls=directory_urls).read_text(encoding="utf-8")
        errors.extend(
            f"docs/{page.src}: {word} is not in the glossary (add `*[{word}]: ...` to {source})"
            for word in unknown_acronyms(html, known)
        )
    return errors


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0]) if args else ROOT / "site"
    errors = check(site, load_site_map())
    for error in errors:
        print(error, file=sys.stderr)
    print(json.dumps({"unknown": len(errors)}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
