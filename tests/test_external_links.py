"""The external link checker's retries, 429 handling, token and no-network message.

Every request goes to a local server on 127.0.0.1; no test touches a real host. Waits are recorded,
not slept.
"""

from __future__ import annotations

import shutil
import socket
from collections import Counter
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from scripts import check_external_links as external
from scripts.check_external_links import Checker, Outcome, load_skips, retry_after_seconds
from scripts.local_server import PatientServer, running

FIXTURES = Path(__file__).parent / "fixtures" / "links"


class Handler(BaseHTTPRequestHandler):
    """/ok, /gone, /flaky (503 twice), /limited (429 Retry-After: 7 once), /no-head, /slow-down (429 for an hour),
    /down (always 503), /whoami (200; the server records the Authorization header)."""

    hits: Counter
    authorization: list

    def log_message(self, *args) -> None:
        pass

    def answer(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self.answer(405)
        else:
            self.do_GET()

    def do_GET(self) -> None:
        hits = self.server.hits  # type: ignore[attr-defined]
        hits[self.path] += 1
        if self.path == "/ok":
            self.answer(200)
        elif self.path == "/flaky":
            self.answer(503 if hits[self.path] <= 2 else 200)
        elif self.path == "/limited":
            self.answer(*((429, {"Retry-After": "7"}) if hits[self.path] == 1 else (200,)))
        elif self.path == "/slow-down":
            self.answer(429, {"Retry-After": "3600"})
        elif self.path == "/down":
            self.answer(503)
        elif self.path == "/no-head":
            self.answer(200)
        elif self.path == "/whoami":
            self.server.authorization.append(self.headers.get("Authorization"))  # type: ignore[attr-defined]
            self.answer(200)
        else:
            self.answer(404)


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with running(PatientServer(("127.0.0.1", 0), Handler)) as httpd:
        httpd.hits = Counter()  # type: ignore[attr-defined]
        httpd.authorization = []  # type: ignore[attr-defined]
        yield httpd


def url(server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def checker(waits) -> Checker:
    return Checker(timeout=(2, 5), attempts=4, backoff=1.0, max_wait=60, sleep=waits.append)


def test_a_good_and_a_missing_url(server, checker, waits):
    assert checker.check(url(server, "/ok")) == Outcome(url(server, "/ok"), True, "200 OK")
    assert checker.check(url(server, "/gone")) == Outcome(url(server, "/gone"), False, "404 Not Found")
    assert waits == []


def test_server_errors_are_retried_with_exponential_backoff(server, checker, waits):
    assert checker.check(url(server, "/flaky")).ok
    assert waits == [1.0, 2.0]
    assert server.hits["/flaky"] == 3


def test_a_429_waits_as_long_as_retry_after_says(server, checker, waits):
    assert checker.check(url(server, "/limited")).ok
    assert waits == [7.0]


def test_a_retry_after_beyond_the_limit_fails_at_once(server, checker, waits):
    outcome = checker.check(url(server, "/slow-down"))
    assert not outcome.ok and "Retry-After 3600 s is over 60 s" in outcome.detail
    assert waits == [] and server.hits["/slow-down"] == 1


def test_a_url_that_stays_down_fails_after_every_attempt(server, checker, waits):
    outcome = checker.check(url(server, "/down"))
    assert outcome == Outcome(url(server, "/down"), False, "503 Service Unavailable after 4 attempts")
    assert waits == [1.0, 2.0, 4.0]


def test_a_server_that_refuses_head_is_asked_with_get(server, checker):
    assert checker.check(url(server, "/no-head")).ok


def test_a_refused_connection_is_retried_then_reported(checker, waits):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: nothing listens there
    outcome = checker.check(f"http://127.0.0.1:{port}/")
    assert not outcome.ok and outcome.detail.startswith("connection failed") and len(waits) == 3


def test_the_token_goes_to_token_hosts_only(server, waits):
    with_token = Checker(token="secret", token_hosts=["127.0.0.1"], sleep=waits.append)
    without = Checker(token="secret", sleep=waits.append)  # default: GitHub hosts only
    assert with_token.check(url(server, "/whoami")).ok and without.check(url(server, "/whoami")).ok
    assert server.authorization == ["Bearer secret", None]


@pytest.mark.parametrize(
    ("link", "gets_token"),
    [
        ("https://github.com/aws-containers-study/aws-containers-study", True),
        ("https://api.github.com/repos/x/y", True),
        ("https://docs.aws.amazon.com/ecs/", False),
        ("https://github.com.example.net/", False),
        ("https://notgithub.com/", False),
    ],
)
def test_which_hosts_get_the_token(link, gets_token):
    assert external.is_token_host(link) is gets_token


def test_retry_after_is_seconds_or_an_http_date():
    now = datetime(2026, 11, 27, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds("Fri, 27 Nov 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_the_skip_list_gives_a_reason_for_every_entry():
    skips = load_skips()
    assert skips and all(s.prefix.startswith("https://") and len(s.reason) > 20 for s in skips)


def test_a_skip_entry_without_a_reason_is_refused(tmp_path):
    skip_file = tmp_path / "skip.txt"
    skip_file.write_text("# comment\nhttps://example.org/\n")
    with pytest.raises(ValueError, match=r"skip\.txt:2: expected"):
        load_skips(skip_file)


def test_with_no_network_it_says_so_once(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "online", site)

    def no_dns(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    for proxy in ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(proxy, raising=False)
    assert external.main([str(site)]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.count("\n") == 1
    assert out.err.startswith("no network: cannot resolve docs.example.com")


def test_a_host_that_refuses_connections_counts_as_no_network(monkeypatch):
    for proxy in ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(proxy, raising=False)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert "cannot connect to 127.0.0.1" in (external.network_problem(["127.0.0.1"], port=port, timeout=2) or "")


def test_every_broken_url_is_reported_with_the_pages_that_link_it():
    report = external.format_report(
        [Outcome("https://docs.example.com/guide", False, "404 Not Found")],
        {"https://docs.example.com/guide": {"index.html", "guide/index.html"}},
        {"index.html": "docs/index.md"},
    )
    assert report.splitlines() == [
        "1 broken external links:",
        "- https://docs.example.com/guide: 404 Not Found",
        "  - on guide/index.html",
        "  - on index.html (docs/index.md)",
    ]
