"""Check every internal link, anchor and asset of a built site, in either URL style.

    python -m scripts.check_links                 # site/ and site-offline/ (run `make build` first)
    python -m scripts.check_links DIR [DIR ...]   # any built site

Reads the built HTML, not the Markdown, so it also sees what the theme and overrides/ add:
- every href, src, srcset, <link> and <script> resolves to a file of the build (a directory URL
  to its index.html), and every #fragment names an id or an <a name> of its target page;
- url(...) in the stylesheets pages load, and in extra_css, resolve;
- every sitemap.xml URL is a built page; every page is reachable from the home page;
- no link to a .md file, no plain http://, and root-relative links stay under the site's base path
  (the path of site_url), which is what the 404 page uses.
External links are collected for scripts/check_external_links.py, not checked here.
A failure lists every broken link, grouped by page, with the Markdown source of the page.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts import html
from scripts.build import default_outputs
from scripts.pages import SiteMap, load_config, load_site_map

# Links that name no file: nothing to check.
SKIPPED_SCHEMES = ("mailto", "tel", "data", "javascript", "blob")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
NOT_FOUND_PAGE = "404.html"
HOME = "index.html"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass(frozen=True, order=True)
class Broken:
    page: str  # the file that holds the link, relative to the site root
    target: str  # the link as written
    reason: str


@dataclass(frozen=True)
class Target:
    file: str  # relative to the site root
    fragment: str


class LinkError(Exception):
    """Why a link does not resolve."""


class External(Exception):
    """The link points at another host."""


@dataclass
class Result:
    site: Path
    broken: list[Broken] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # URL -> pages
    pages: int = 0
    links: int = 0

    @property
    def ok(self) -> bool:
        return not self.broken

    def report(self, sources: Mapping[str, str] | None = None) -> str:
        """Every broken link, grouped by page: `page (source)` then `  → target: reason`."""
        sources = sources or {}
        grouped: dict[str, list[Broken]] = defaultdict(list)
        for item in sorted(set(self.broken)):
            grouped[item.page].append(item)
        if not grouped:
            return f"{self.site}: all {self.links} links of {self.pages} pages resolve"
        lines = [f"{self.site}: {len(set(self.broken))} broken links on {len(grouped)} pages"]
        for page, items in grouped.items():
            source = sources.get(page)
            lines.append(f"{page} ({source})" if source else page)
            lines += [f"  → {item.target}: {item.reason}" for item in items]
        return "\n".join(lines)


def page_sources(site_map: SiteMap) -> dict[str, str]:
    """Built file (either URL style) → the file it is built from."""
    sources = {NOT_FOUND_PAGE: "overrides/404.html"}
    for page in site_map.pages:
        for directory_urls in (True, False):
            url = page.url(directory_urls=directory_urls)
            built = url + "index.html" if url.endswith("/") or not url else url
            sources[built] = f"docs/{page.src}"
    return sources


def site_url_of(root: Path) -> str | None:
    """The site_url the build was made with: the home page's canonical link names it."""
    home = root / HOME
    if not home.is_file():
        return None
    canonical = html.parse(home).css_first('link[rel="canonical"]')
    href = canonical.attributes.get("href") if canonical else None
    return href.removesuffix(HOME) if href else None


class Site:
    """A built site on disk: its files, and each page read once."""

    def __init__(self, root: Path, site_url: str | None) -> None:
        self.root = root
        self.site_url = site_url
        parts = urlsplit(site_url or "/")
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else None
        self.base_path = parts.path.rstrip("/") + "/"
        self.files: set[str] = set()
        self.dirs: set[str] = {""}
        for folder, dirnames, filenames in os.walk(root):
            rel = Path(folder).relative_to(root).as_posix()
            prefix = "" if rel == "." else rel + "/"
            self.dirs.update(prefix + d for d in dirnames)
            self.files.update(prefix + f for f in filenames)
        self.pages = sorted(f for f in self.files if f.endswith(".html"))
        # Sites built with directory URLs are served over http, where the 404 page answers any path.
        self.directory_urls = any(p.endswith("/index.html") for p in self.pages)
        self._refs: dict[str, list[html.Reference]] = {}
        self._anchors: dict[str, set[str]] = {}

    def _read(self, page: str) -> None:
        tree = html.parse(self.root / page)
        self._refs[page] = list(html.references(tree))
        self._anchors[page] = html.anchors(tree)

    def references(self, page: str) -> list[html.Reference]:
        if page not in self._refs:
            self._read(page)
        return self._refs[page]

    def anchors(self, page: str) -> set[str]:
        if page not in self._anchors:
            self._read(page)
        return self._anchors[page]

    def internal_path(self, url: str) -> str | None:
        """`url` as a root-relative path if it is an absolute URL of this site, else None."""
        if self.origin and url.startswith(self.origin):
            rest = url[len(self.origin) :]
            if not rest or rest.startswith(("/", "?", "#")):
                return rest or "/"
        return None

    def resolve(self, page: str, url: str) -> Target | None:
        """The file (and fragment) a link of `page` names; None when it names no file of the site.

        Raises LinkError with the reason when the link is broken.
        """
        url = url.strip()
        if not url:
            return None
        scheme = SCHEME.match(url)
        if scheme or url.startswith("//"):
            name = scheme[1].lower() if scheme else ""
            if name in SKIPPED_SCHEMES:
                return None
            if name == "http":
                raise LinkError("plain http:// link: use https://")
            internal = self.internal_path(url) if name == "https" else None
            if internal is None:
                if name not in ("https", ""):
                    raise LinkError(f"unsupported scheme {name}:")
                raise External
            url = internal
        parts = urlsplit(url)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if not path:
            return Target(page, fragment)
        if path.startswith("/"):
            if not (path + "/").startswith(self.base_path):
                raise LinkError(f"root-relative link outside the site's base path {self.base_path}")
            path = path[len(self.base_path) :] if len(path) >= len(self.base_path) else ""
            joined = path
        else:
            if page == NOT_FOUND_PAGE and self.directory_urls:
                raise LinkError("relative link on the 404 page, which is served at any missing path")
            joined = posixpath.join(posixpath.dirname(page), path)
        wants_directory = not joined or joined.endswith("/") or posixpath.basename(joined) in (".", "..")
        resolved = posixpath.normpath(joined) if joined else "."
        if resolved == ".." or resolved.startswith("../"):
            raise LinkError("points above the site root")
        resolved = "" if resolved == "." else resolved
        if resolved.endswith(".md"):
            raise LinkError("links to a Markdown source (.md), not to a built page")
        if resolved in self.dirs:
            index = f"{resolved}/index.html" if resolved else "index.html"
            if index not in self.files:
                raise LinkError("directory URL with no index.html in it")
            return Target(index, fragment)
        if wants_directory:
            raise LinkError("no such directory in the build")
        if resolved not in self.files:
            raise LinkError("no such file in the build")
        return Target(resolved, fragment)

    def check_fragment(self, target: Target) -> None:
        if target.fragment and target.file.endswith(".html") and target.fragment not in self.anchors(target.file):
            raise LinkError(f'no id or name "{target.fragment}" in {target.file}')


def check_site(root: Path, site_url: str | None = None, extra_css: Iterable[str] = ()) -> Result:
    """Check one built site; `site_url` defaults to the one the build names in its home page."""
    root = root.resolve()
    site = Site(root, site_url if site_url is not None else site_url_of(root))
    result = Result(root, pages=len(site.pages))
    stylesheets: set[str] = set()
    links_from: dict[str, set[str]] = defaultdict(set)  # page -> pages it links to

    def check(page: str, url: str, *, follow: bool = False) -> Target | None:
        result.links += 1
        try:
            target = site.resolve(page, url)
            if target is not None:
                site.check_fragment(target)
        except External:
            external = url.strip().split("#")[0]
            result.external[f"https:{external}" if external.startswith("//") else external].add(page)
            return None
        except LinkError as error:
            result.broken.append(Broken(page, url, str(error)))
            return None
        if target is not None:
            if target.file.endswith(".css"):
                stylesheets.add(target.file)
            if follow and target.file.endswith(".html"):
                links_from[page].add(target.file)
        return target

    for page in site.pages:
        for ref in site.references(page):
            check(page, ref.url, follow=ref.is_link or ref.where == "<link href>")

    for css in extra_css:
        if not html.is_remote(css) and css not in site.files:
            result.broken.append(Broken("mkdocs.yml", css, "extra_css stylesheet missing from the build"))
    stylesheets.update(c for c in extra_css if c in site.files)
    done: set[str] = set()
    while todo := sorted(stylesheets - done):  # @import adds stylesheets as they are read
        for css in todo:
            done.add(css)
            for url in html.css_urls((root / css).read_text(encoding="utf-8")):
                check(css, url)

    result.broken += check_sitemap(site)
    result.broken += unreachable_pages(site, links_from)
    return result


def check_sitemap(site: Site) -> list[Broken]:
    sitemap = site.root / "sitemap.xml"
    if not sitemap.is_file():
        return []
    broken = []
    for loc in ET.parse(sitemap).iter(f"{SITEMAP_NS}loc"):
        url = (loc.text or "").strip()
        path = site.internal_path(url)
        if path is None:
            broken.append(Broken("sitemap.xml", url, f"not under the site_url {site.site_url}"))
            continue
        try:
            target = site.resolve("sitemap.xml", path)
            if target is None or not target.file.endswith(".html"):
                raise LinkError("not a built page")
        except (LinkError, External) as error:
            broken.append(Broken("sitemap.xml", url, str(error) or "not a page of this site"))
    return broken


def unreachable_pages(site: Site, links_from: Mapping[str, set[str]]) -> list[Broken]:
    if HOME not in site.files:
        return [Broken(HOME, HOME, "the build has no home page")]
    seen, queue = {HOME}, deque([HOME])
    while queue:
        for target in links_from.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return [
        Broken(page, HOME, "no chain of links from the home page reaches this page")
        for page in site.pages
        if page not in seen and page != NOT_FOUND_PAGE
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("sites", nargs="*", type=Path, help="built site folders (default: site/ site-offline/)")
    parser.add_argument("--site-url", help="the site_url of the build (default: read from its home page)")
    args = parser.parse_args(argv)
    outputs = default_outputs()
    sites = args.sites or [outputs.online, outputs.offline]
    extra_css = load_config().get("extra_css") or []
    sources = page_sources(load_site_map())
    failed = False
    for root in sites:
        if not (root / HOME).is_file():
            print(f"{root}: no built site here (run `make build`, or name a built site folder)", file=sys.stderr)
            failed = True
            continue
        result = check_site(root, args.site_url, extra_css)
        print(result.report(sources), file=sys.stdout if result.ok else sys.stderr)
        failed |= not result.ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
