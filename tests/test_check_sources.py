"""make check-sources: each quoted AWS sentence is looked for on its page, served here by a local fixture server."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date
from http.server import BaseHTTPRequestHandler

import pytest

from scripts import check_sources
from scripts.check_external_links import Checker
from scripts.check_sources import Quote, drift, normalise, page_text, quotes_in_docs, stale_pages
from scripts.local_server import PatientServer, running

SENTENCE = "Fargate Spot supports Linux tasks with the ARM64 architecture on platform version 1.4.0 or later."
PAGE = (
    "<html><head><title>CapacityProviderStrategyItem</title><script>var x = 'not text';</script></head><body>"
    "<main><p>Capacity providers.</p><p>Fargate Spot supports Linux tasks with the <code>ARM64</code>\n"
    "    architecture on platform version 1.4.0 or later.</p>"
    "<p>It\u2019s the \u201cspare\u201d capacity \u2014 interrupted with a warning.</p></main></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def send(self, status: int, body: str = "", headers: dict[str, str] | None = None) -> None:
        data = body.encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self.server.hits[self.path] += 1  # type: ignore[attr-defined]
        if self.path in ("/page.html", "/new.html"):
            self.send(200, PAGE)
        elif self.path == "/changed.html":
            self.send(200, PAGE.replace("ARM64", "X86_64"))
        elif self.path == "/old.html":
            self.send(301, headers={"Location": "/new.html"})
        elif self.path == "/slow.html":
            time.sleep(0.6)
            self.send(200, PAGE)
        elif self.path == "/busy.html" and self.server.hits[self.path] == 1:  # type: ignore[attr-defined]
            self.send(429, headers={"Retry-After": "3"})
        elif self.path == "/busy.html":
            self.send(200, PAGE)
        else:
            self.send(404, "<p>Not found</p>")


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with running(PatientServer(("127.0.0.1", 0), Handler)) as httpd:
        httpd.hits = Counter()  # type: ignore[attr-defined]
        yield httpd


@pytest.fixture
def waits() -> list[float]:
    return []


def quote(server, path: str, text: str = SENTENCE) -> Quote:
    return Quote(
        "docs/ecs/x.md:9", "changed: Fargate Spot on ARM64", f"http://127.0.0.1:{server.server_address[1]}{path}", text
    )


def run(server, waits, *quotes: Quote, read_timeout: float = 5.0):
    checker = Checker(timeout=(2, read_timeout), attempts=3, backoff=1.0, sleep=waits.append)
    return [(d.quote.url.rsplit("/", 1)[-1], d.what) for d in drift(list(quotes), checker)]


def test_a_quote_that_is_on_its_page_passes(server, waits):
    assert run(server, waits, quote(server, "/page.html")) == []


def test_whitespace_tags_curly_quotes_and_dashes_do_not_count_as_drift(server, waits):
    curly = 'It\'s the "spare" capacity - interrupted with a warning.'
    assert run(server, waits, quote(server, "/page.html", curly), quote(server, "/page.html#section")) == []
    assert server.hits["/page.html"] == 1, "each page is fetched once"


def test_a_changed_quote_is_reported(server, waits):
    assert run(server, waits, quote(server, "/changed.html")) == [
        ("changed.html", "quote no longer on the page: AWS changed it, recheck the statement")
    ]


def test_a_moved_page_names_the_redirect_target(server, waits):
    target = f"http://127.0.0.1:{server.server_address[1]}/new.html"
    assert run(server, waits, quote(server, "/old.html")) == [("old.html", f"page moved: link {target} instead")]


def test_a_gone_page_is_reported(server, waits):
    assert run(server, waits, quote(server, "/gone.html")) == [
        ("gone.html", "page gone (404 Not Found): find where AWS says it now")
    ]


def test_a_slow_server_within_the_timeout_passes_and_one_past_it_is_retried_then_reported(server, waits):
    assert run(server, waits, quote(server, "/slow.html")) == []
    assert run(server, waits, quote(server, "/slow.html"), read_timeout=0.2) == [
        ("slow.html", "no answer: timed out after 3 attempts")
    ]
    assert waits == [1.0, 2.0]


def test_a_429_is_waited_out_as_retry_after_says(server, waits):
    assert run(server, waits, quote(server, "/busy.html")) == []
    assert waits == [3.0]


def test_page_text_drops_scripts_and_normalise_evens_out_typography():
    assert "not text" not in page_text(PAGE)
    assert normalise("a\u00a0 b \u2013 \u201cc\u201d `d`") == 'a b - "c" d'


def test_quotes_come_from_the_pages_evidence_boxes(tmp_path, monkeypatch):
    page = tmp_path / "ecs" / "x.md"
    page.parent.mkdir()
    page.write_text(
        '# X\n\n!!! changed "Recent AWS change: Fargate Spot on ARM64"\n\n'
        "    Changed by AWS: 2025-05. Checked: 2026-11-28.\n\n    Text.\n\n"
        f'    > "{SENTENCE}"\n    >\n    > [CapacityProviderStrategyItem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html)\n'
    )
    monkeypatch.setattr("scripts.check_evidence.DOCS", tmp_path)
    assert quotes_in_docs([page]) == [
        Quote(
            "docs/ecs/x.md:9",
            "changed: Fargate Spot on ARM64",
            "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html",
            SENTENCE,
        )
    ]


def test_pages_checked_more_than_six_months_ago_are_listed(tmp_path):
    (tmp_path / "old.md").write_text("---\ndescription: x\nchecked: 2026-01-10\n---\n\n# Old\n")
    (tmp_path / "new.md").write_text("---\ndescription: x\nchecked: 2026-11-28\n---\n\n# New\n")
    assert stale_pages(date(2026, 11, 28), tmp_path) == ["docs/old.md: last checked 2026-01-10"]


def test_with_no_network_it_says_so_in_one_line_and_does_not_fail(monkeypatch, capsys):
    monkeypatch.setattr(check_sources, "network_problem", lambda hosts: "cannot resolve docs.aws.amazon.com")
    assert check_sources.main([]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().count("\n") == 0
    assert captured.err.startswith("no network: cannot resolve docs.aws.amazon.com")
