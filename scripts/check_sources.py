"""Is every quoted AWS sentence still on the AWS page it cites? `make check-sources` (needs internet).

    python -m scripts.check_sources                      # every evidence quote of docs/
    python -m scripts.check_sources --report drift.md    # also write the report as Markdown

The quotes come from the pages themselves: the evidence blockquotes of every Correction and "New since
the notes" box (overrides/hooks/boxes.py). Each cited page is fetched once, concurrently, with the
external link check's retries, backoff and Retry-After handling; its HTML is turned into text, and
whitespace, curly quotes and dashes are normalised on both sides before the quote is looked for.
Reported per page and box: the quote is no longer on the page (AWS changed it: recheck the statement),
the page moved (the redirect target to use instead), the page is gone, or it did not answer. Pages whose
`checked:` date is more than six months old are listed too.
With no network it prints one line and exits 0: nothing was checked, nothing failed.
Exit status: 0 nothing drifted (or no network), 1 something to recheck.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.check_evidence import markdown_problems
from scripts.check_external_links import Checker, network_problem
from scripts.pages import DOCS

STALE_AFTER = timedelta(days=183)
CHARACTERS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "`": "",
    }
)


@dataclass(frozen=True)
class Quote:
    page: str  # docs/ecs/x.md:12
    box: str
    url: str
    text: str


@dataclass(frozen=True)
class Drift:
    quote: Quote
    what: str


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(CHARACTERS)
    return " ".join(text.split())


def page_text(html: str) -> str:
    tree = HTMLParser(html)
    for node in tree.css("script, style, noscript"):
        node.decompose()
    root = tree.body or tree.root
    return normalise(root.text(separator=" ") if root else "")


def quotes_in_docs(paths: Iterable[Path] | None = None) -> list[Quote]:
    boxes, _ = markdown_problems(sorted(paths or DOCS.rglob("*.md")))
    return [
        Quote(f"docs/{box.src}:{evidence.line}", f"{box.kind}: {box.title}", evidence.url, evidence.quote)
        for box in boxes
        for evidence in box.evidence
    ]


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def drift(quotes: list[Quote], checker: Checker, workers: int = 8) -> list[Drift]:
    """What drifted, fetching each cited page once."""
    by_url: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_url[_without_fragment(quote.url)].append(quote)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        fetched = dict(zip(by_url, pool.map(checker.fetch, by_url), strict=True))
    found = []
    for url, (response, problem) in fetched.items():
        if response is None:
            found += [Drift(q, f"no answer: {problem}") for q in by_url[url]]
            continue
        if response.status_code >= 400:
            status = f"{response.status_code} {response.reason}".strip()
            found += [Drift(q, f"page gone ({status}): find where AWS says it now") for q in by_url[url]]
            continue
        moved = _without_fragment(response.url) != url and any(r.status_code in (301, 308) for r in response.history)
        text = page_text(response.text)
        for quote in by_url[url]:
            if moved:
                found.append(Drift(quote, f"page moved: link {response.url} instead"))
            if normalise(quote.text) not in text:
                found.append(Drift(quote, "quote no longer on the page: AWS changed it, recheck the statement"))
    return found


def stale_pages(today: date, docs: Path = DOCS) -> list[str]:
    """Pages whose facts were last checked against AWS more than six months ago."""
    stale = []
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        meta = yaml.safe_load(text.split("---\n", 2)[1]) or {}
        checked = meta.get("checked")
        if isinstance(checked, date) and today - checked > STALE_AFTER:
            stale.append(f"docs/{path.relative_to(docs).as_posix()}: last checked {checked.isoformat()}")
    return stale


def report(found: list[Drift], stale: list[str], checked: int, pages: int) -> str:
    lines = [f"{checked} quotes on {pages} AWS pages checked: {len(found)} to recheck, {len(stale)} stale pages."]
    if found:
        lines += ["", "## Quotes to recheck", ""]
        for item in found:
            q = item.quote
            lines.append(f'- {q.page} ({q.box}): {item.what}\n  - quote: "{q.text}"\n  - source: {q.url}')
    if stale:
        lines += ["", "## Pages checked more than six months ago", ""] + [f"- {line}" for line in stale]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--report", type=Path, help="also write the report here (Markdown)")
    parser.add_argument("--workers", type=int, default=8)
    args = parser.parse_args(argv)
    quotes = quotes_in_docs()
    urls = {_without_fragment(q.url) for q in quotes}
    problem = network_problem(urlsplit(url).hostname or "" for url in sorted(urls)) if urls else None
    if problem:
        print(f"no network: {problem}. check-sources needs internet access; nothing was checked.", file=sys.stderr)
        return 0
    found = drift(quotes, Checker(), workers=args.workers)
    stale = stale_pages(date.today())
    text = report(found, stale, len(quotes), len(urls))
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    return 1 if found or stale else 0


if __name__ == "__main__":
    sys.exit(main())
