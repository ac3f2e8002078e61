"""Small readers of built HTML shared by tests and scripts.

`soup` (BeautifulSoup) suits tests that query a few pages, and `shared_soup` the many tests that read
the same built pages; `parse`, `references` and `anchors` (selectolax, about 20 times faster) suit the
link checker, which reads every page of both builds, and the test that no page loads anything from
another host.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from selectolax.lexbor import LexborHTMLParser

# Tags and attributes through which a page loads something (not plain <a> links).
LOADING_ATTRS: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+)\1\s*\)|@import\s+(['"])(?P<imp>[^'"]+)\3""")
# Everything a page links to or loads: LOADING_ATTRS plus plain links.
LINKING_ATTRS: dict[str, tuple[str, ...]] = {"a": ("href",), "area": ("href",), **LOADING_ATTRS}
# <link> relations that name a related page instead of loading something.
NAVIGATION_RELS = {"canonical", "alternate", "prev", "next"}
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@functools.cache
def _parsed(path: Path, mtime_ns: int, size: int) -> BeautifulSoup:
    return soup(path)


def shared_soup(path: Path) -> BeautifulSoup:
    """`soup(path)` parsed once per process while the file is unchanged: the site tests read the same built
    pages a dozen times over, and parsing was most of their time. Every reader gets the same tree: read it,
    never change it."""
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset ("a.png 1x, b.png 2x"), without their width or density."""
    return [part.split()[0] for part in srcset.split(",") if part.strip()]


def css_urls(css: str) -> Iterator[str]:
    for match in CSS_URL.finditer(css):
        yield match["url"] or match["imp"]


def is_remote(url: str) -> bool:
    return bool(REMOTE.match(url.strip()))


@dataclass(frozen=True)
class Reference:
    """One URL in a page: where it sits (`<img srcset>`, `<style>`...) and what it says."""

    where: str
    url: str
    hint: bool = False  # a <link> that only names a related page (canonical, prev...): nothing to load

    @property
    def is_link(self) -> bool:
        """A link a reader follows (as opposed to something the browser loads)."""
        return self.where in ("<a href>", "<area href>")

    @property
    def is_load(self) -> bool:
        """Something the browser fetches for the page itself: a script, a stylesheet, an image..."""
        return not self.is_link and not self.hint


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_bytes())


def references(page: LexborHTMLParser) -> Iterator[Reference]:
    """Every URL of a page: links, loads of every kind, and url(...) in inline styles."""
    for node in page.css("*"):
        tag, attributes = node.tag, node.attributes
        hint = tag == "link" and set((attributes.get("rel") or "").split()) <= NAVIGATION_RELS
        for attr in LINKING_ATTRS.get(tag, ()):
            value = attributes.get(attr)
            if not value:
                continue
            for url in srcset_urls(value) if attr == "srcset" else [value]:
                yield Reference(f"<{tag} {attr}>", url, hint)
        if style := attributes.get("style"):
            for url in css_urls(style):
                yield Reference("style attribute", url)
        if tag == "style":
            for url in css_urls(node.text()):
                yield Reference("<style>", url)


def anchors(page: LexborHTMLParser) -> set[str]:
    """What a #fragment can name in this page: every id, and the name of every <a>."""
    names = {node.attributes["id"] or "" for node in page.css("[id]")}
    names |= {node.attributes["name"] or "" for node in page.css("a[name]")}
    return names
