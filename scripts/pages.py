"""The pages of the site as mkdocs.yml declares them: one place that maps sources, nav and built files.

Tests, the link checker, the screenshot and benchmark scripts all read the site through this
module, so a page added to the nav is seen everywhere at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
# Folders of docs/ that hold no pages (included snippets, vendored and static assets).
NOT_PAGES = ("includes/", "assets/")

FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.DOTALL)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_config(path: Path = CONFIG) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


@dataclass(frozen=True)
class Page:
    src: str  # path below docs/, e.g. "ecs/iam-roles.md"
    title: str  # the nav title
    section: str | None  # the nav section, None at the top level
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    body: str = field(default="", compare=False, hash=False, repr=False)

    @property
    def path(self) -> Path:
        return DOCS / self.src

    @property
    def stem(self) -> str:
        return self.src.removesuffix(".md")

    def url(self, *, directory_urls: bool) -> str:
        """The page's URL relative to the site root, as MkDocs writes it."""
        if self.stem == "index" or self.stem.endswith("/index"):
            base = self.stem.removesuffix("index")
            return base if directory_urls else base + "index.html"
        return f"{self.stem}/" if directory_urls else f"{self.stem}.html"

    def built(self, site: Path, *, directory_urls: bool) -> Path:
        url = self.url(directory_urls=directory_urls)
        return site / (url + "index.html" if url.endswith("/") or url == "" else url)


def read_page(src: str, title: str, section: str | None) -> Page:
    text = (DOCS / src).read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    meta = (yaml.safe_load(match["yaml"]) or {}) if match else {}
    body = text[match.end() :] if match else text
    return Page(src, title, section, meta, body)


def _walk(nav: list, section: str | None) -> Iterator[tuple[str, str, str | None]]:
    for item in nav:
        if isinstance(item, str):
            yield item, item, section
            continue
        for title, value in item.items():
            if isinstance(value, list):
                yield from _walk(value, title)
            elif isinstance(value, str) and not re.match(r"[a-z]+://", value):
                yield value, title, section


@dataclass(frozen=True)
class SiteMap:
    pages: tuple[Page, ...]

    def by_src(self, src: str) -> Page:
        return next(p for p in self.pages if p.src == src)

    @property
    def sections(self) -> list[str]:
        return list(dict.fromkeys(p.section for p in self.pages if p.section))


def load_site_map(config: Path = CONFIG) -> SiteMap:
    nav = load_config(config)["nav"]
    return SiteMap(tuple(read_page(src, title, section) for src, title, section in _walk(nav, None)))


def markdown_sources(docs: Path = DOCS) -> list[str]:
    """Every Markdown file under docs/ that MkDocs would render as a page."""
    return sorted(
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*.md")
        if not p.relative_to(docs).as_posix().startswith(NOT_PAGES)
    )
