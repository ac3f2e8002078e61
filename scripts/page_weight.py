"""What a browser loads for a page, and what it weighs as GitHub Pages sends it (gzip).

Counts come from a real page load in Chromium (the browser tests record every request of the
page and its workers while they read it); each file's weight is the gzip size of the built
file, as GitHub Pages compresses text. Bytes and counts only: the same build gives the same numbers on any machine.
"""

from __future__ import annotations

import gzip
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BUDGETS = ROOT / "tests" / "budgets.toml"
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


def load_budgets(path: Path = BUDGETS) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def transfer_size(path: Path) -> int:
    """Bytes on the wire for one file: gzip (level 6, no timestamp) for text, raw otherwise."""
    data = path.read_bytes()
    return len(gzip.compress(data, 6, mtime=0)) if path.suffix in COMPRESSED else len(data)


@dataclass(frozen=True)
class PageWeight:
    url: str
    files: tuple[tuple[str, int], ...]  # (path below the site root, bytes on the wire)
    outside: tuple[str, ...]  # requests the site cannot answer (other hosts, data the build lacks)
    has_diagram: bool

    @property
    def requests(self) -> int:
        return len(self.files) + len(self.outside)

    @property
    def kb(self) -> float:
        return sum(size for _, size in self.files) / 1000


def site_file(site: Path, root_url: str, url: str) -> Path | None:
    """The built file that answers `url`, or None when the site has no such file."""
    if not url.startswith(root_url):
        return None
    path = site / unquote(urlsplit(url).path).removeprefix(urlsplit(root_url).path)
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def weigh(site: Path, root_url: str, page_url: str, requested: list[str], has_diagram: bool) -> PageWeight:
    """The weight of one page load of `page_url`, from the URLs it requested (served from `site` at `root_url`)."""
    files, outside = [], []
    for url in requested:
        if urlsplit(url).scheme in ("data", "blob"):
            continue  # inline, already counted in the file that holds it
        path = site_file(site, root_url, url)
        if path is None:
            outside.append(url)
        else:
            files.append((path.relative_to(site).as_posix(), transfer_size(path)))
    return PageWeight(page_url, tuple(files), tuple(outside), has_diagram)


# The practice exam's question bank: only the practice page loads it, and it has a budget of its own.
QUESTION_BANK = "assets/javascripts/quiz-bank.js"


def over_budget(weight: PageWeight, budgets: dict) -> list[str]:
    page = budgets["page"]
    problems = []
    bank = sum(size for path, size in weight.files if path == QUESTION_BANK)
    if bank:
        if bank / 1000 > budgets["practice"]["max_bank_kb_gzip"]:
            problems.append(
                f"the question bank is {bank / 1000:.1f} KB, budget {budgets['practice']['max_bank_kb_gzip']} KB"
            )
        files = tuple(f for f in weight.files if f[0] != QUESTION_BANK)
        weight = PageWeight(weight.url, files, weight.outside, weight.has_diagram)
    if weight.outside:
        problems.append(f"requests the site cannot answer: {', '.join(weight.outside)}")
    if weight.has_diagram:
        if weight.kb > page["max_kb_with_diagram"]:
            problems.append(f"{weight.kb:.1f} KB transferred, budget {page['max_kb_with_diagram']} KB")
    else:
        if weight.requests > page["max_requests_without_diagram"]:
            listed = ", ".join(f for f, _ in weight.files)
            problems.append(f"{weight.requests} requests, budget {page['max_requests_without_diagram']}: {listed}")
        if weight.kb > page["max_kb_without_diagram"]:
            problems.append(f"{weight.kb:.1f} KB transferred, budget {page['max_kb_without_diagram']} KB")
        if any("mermaid" in f for f, _ in weight.files):
            problems.append("loads Mermaid without a diagram")
    return problems
