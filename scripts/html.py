"""Small readers of built HTML shared by tests and scripts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup

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
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def css_urls(css: str) -> Iterator[str]:
    for match in CSS_URL.finditer(css):
        yield match["url"] or match["imp"]


def loaded_urls(page: BeautifulSoup) -> Iterator[tuple[str, str]]:
    """(what, url) for everything the page itself asks the browser to load."""
    for tag_name, attrs in LOADING_ATTRS.items():
        for tag in page.find_all(tag_name):
            if tag_name == "link" and not set(tag.get("rel", [])) - {"canonical", "alternate", "prev", "next"}:
                continue  # navigation hints, not loads
            for attr in attrs:
                value = tag.get(attr)
                if not value:
                    continue
                urls = [part.strip().split()[0] for part in value.split(",")] if attr == "srcset" else [value]
                for url in urls:
                    yield f"<{tag_name} {attr}>", url
    for tag in page.find_all(style=True):
        for url in css_urls(tag["style"]):
            yield "style attribute", url
    for tag in page.find_all("style"):
        for url in css_urls(tag.get_text()):
            yield "<style>", url


def is_remote(url: str) -> bool:
    return bool(REMOTE.match(url.strip()))
