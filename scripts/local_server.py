"""Serve a built site over http on 127.0.0.1, in a thread, as GitHub Pages would.

The site answers at the root and under its site_url path (/aws-containers-study/), since the
404 page links to root-relative URLs under that path. A missing file gets 404.html with
status 404, as on GitHub Pages. Used by the browser tests and the screenshot script.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from scripts.page_weight import COMPRESSED

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def base_path(site: Path) -> str:
    """The path part of site_url ('/aws-containers-study/'), read from the built sitemap."""
    sitemap = site / "sitemap.xml"
    loc = ET.parse(sitemap).getroot().find(f"{SITEMAP_NS}url/{SITEMAP_NS}loc")
    if loc is None or not loc.text:
        raise ValueError(f"{sitemap}: no <url><loc>, cannot tell the site's base path")
    return urlsplit(loc.text).path.rsplit("/", 1)[0] + "/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    base = "/"

    def translate_path(self, path: str) -> str:
        if self.base != "/" and (path + "/").startswith(self.base):
            path = "/" + path[len(self.base) :]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet: tests read the browser's view
        pass


class _GzipHandler(_Handler):
    """Compresses text as GitHub Pages does, for figures that should match what readers download."""

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSED or self.path.endswith(("/..", "/.")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server that prints no traceback when a client hangs up early."""

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser, Lighthouse or a client past its time-out closing a connection early is not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class PatientServer(QuietServer):
    """A QuietServer whose close waits for every answer in progress: a test's fixture server, whose slow
    answer must not end (and print) during a later test. Not for browsers, whose open connections would
    keep it waiting."""

    daemon_threads = False


@contextmanager
def running(server: QuietServer) -> Iterator[QuietServer]:
    """Serve on a thread of its own until the block ends, then shut the server down and close it."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass(frozen=True)
class Served:
    root: str  # http://127.0.0.1:PORT/
    base: str  # http://127.0.0.1:PORT/aws-containers-study/

    def url(self, path: str) -> str:
        return self.root + path.lstrip("/")


@contextmanager
def serve(site: Path, *, gzip: bool = False) -> Iterator[Served]:
    """Serve `site` on a free port of 127.0.0.1 until the block ends (text gzip-compressed if asked)."""
    prefix = base_path(site)
    base_class = _GzipHandler if gzip else _Handler
    handler = functools.partial(type("Handler", (base_class,), {"base": prefix}), directory=str(site))
    with running(QuietServer(("127.0.0.1", 0), handler)) as server:
        root = f"http://127.0.0.1:{server.server_address[1]}/"
        yield Served(root, root + prefix.lstrip("/"))
