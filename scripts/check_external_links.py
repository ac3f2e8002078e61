"""Check the site's links to other hosts. Opt-in (`make linkcheck-external`), never part of `make test`.

    python -m scripts.check_external_links              # builds the online site into a temp folder
    python -m scripts.check_external_links SITE         # a built site folder
    python -m scripts.check_external_links --report broken-links.md

Every external URL of the built site (collected by scripts.check_links), de-duplicated and without
its #fragment, is checked concurrently: HEAD, then GET when a server refuses HEAD; timeouts; retries
with exponential backoff on timeouts, connection errors, 429 and 5xx; a 429's Retry-After is obeyed
up to a limit; GITHUB_TOKEN goes to GitHub hosts only. URLs in scripts/external_links_skip.txt are
not checked. With no network it says so once and exits 2.
Exit status: 0 all good, 1 broken links (listed, with the pages that hold them), 2 no network.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import threading
import time
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import requests

from scripts.build import ROOT, BuildError, mkdocs_build
from scripts.check_links import check_site, page_sources
from scripts.pages import load_site_map

SKIP_FILE = ROOT / "scripts" / "external_links_skip.txt"
GITHUB_HOSTS = ("github.com", "api.github.com", "raw.githubusercontent.com", "gist.github.com")
USER_AGENT = "aws-containers-study-link-check/1.0 (+https://github.com/aws-containers-study/aws-containers-study)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Servers that answer HEAD wrongly (no HEAD support, bot rules): ask again with GET before failing.
GET_AFTER_HEAD = frozenset({400, 403, 404, 405, 501})


@dataclass(frozen=True)
class Skip:
    prefix: str
    reason: str


@dataclass(frozen=True)
class Outcome:
    url: str
    ok: bool
    detail: str  # "200", "404 Not Found", "timed out after 4 attempts"...


def load_skips(path: Path = SKIP_FILE) -> list[Skip]:
    """`URL-PREFIX  reason` per line; # starts a comment. An entry without a reason is an error."""
    skips = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        prefix, reason = [*line.split(None, 1), ""][:2]
        if not prefix.startswith("https://") or not reason.strip():
            raise ValueError(f"{path}:{number}: expected `https://URL-PREFIX  reason why it is skipped`, got {line!r}")
        skips.append(Skip(prefix, reason.strip()))
    return skips


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: it is either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def is_token_host(url: str, hosts: Iterable[str] = GITHUB_HOSTS) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in hosts


class Checker:
    """Checks URLs, politely: a few requests per host at a time, retries with backoff."""

    def __init__(
        self,
        *,
        token: str | None = None,
        token_hosts: Iterable[str] = GITHUB_HOSTS,
        timeout: tuple[float, float] = (5.0, 20.0),  # connect, read
        attempts: int = 4,
        backoff: float = 1.0,  # seconds before the 2nd attempt; doubles each time
        max_wait: float = 120.0,  # longest Retry-After obeyed
        per_host: int = 4,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.token = token
        self.token_hosts = tuple(token_hosts)
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep
        self._per_host = per_host
        self._hosts: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(self._per_host))
        self._hosts_lock = threading.Lock()
        self._local = threading.local()

    def _session(self) -> requests.Session:
        if not hasattr(self._local, "session"):
            session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
            self._local.session = session
        return self._local.session

    def _host_slot(self, url: str) -> threading.Semaphore:
        with self._hosts_lock:
            return self._hosts[urlsplit(url).netloc.lower()]

    def _request(self, method: str, url: str, *, body: bool = False) -> requests.Response:
        headers = {}
        if self.token and is_token_host(url, self.token_hosts):
            # requests drops Authorization when a redirect leaves the host.
            headers["Authorization"] = f"Bearer {self.token}"
        with self._host_slot(url):
            response = self._session().request(
                method, url, headers=headers, timeout=self.timeout, allow_redirects=True, stream=not body
            )
            if not body:
                response.close()
        return response

    def _retrying(self, send: Callable[[], requests.Response]) -> tuple[requests.Response | None, str]:
        """The first answer that is not worth retrying, or None and what went wrong on the last attempt."""
        problem = ""
        for attempt in range(self.attempts):
            wait = self.backoff * 2**attempt
            try:
                response = send()
            except requests.Timeout:
                problem = "timed out"
            except requests.ConnectionError as error:
                problem = f"connection failed ({type(error).__name__})"
            except requests.RequestException as error:
                return None, f"request failed: {error}"
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response, ""
                problem = f"{response.status_code} {response.reason}".strip()
                asked = retry_after_seconds(response.headers.get("Retry-After"))
                if asked is not None:
                    if asked > self.max_wait:
                        return None, f"{problem}: Retry-After {asked:.0f} s is over {self.max_wait:.0f} s"
                    wait = asked
            if attempt + 1 < self.attempts:
                self.sleep(wait)
        return None, f"{problem} after {self.attempts} attempts"

    def check(self, url: str) -> Outcome:
        def head_then_get() -> requests.Response:
            response = self._request("HEAD", url)
            return self._request("GET", url) if response.status_code in GET_AFTER_HEAD else response

        response, problem = self._retrying(head_then_get)
        if response is None:
            return Outcome(url, False, problem)
        status = f"{response.status_code} {response.reason}".strip()
        return Outcome(url, response.status_code < 400, status)

    def fetch(self, url: str) -> tuple[requests.Response | None, str]:
        """GET a page whole, following redirects (the response's history shows them), with the same retries."""
        return self._retrying(lambda: self._request("GET", url, body=True))

    def check_all(self, urls: Iterable[str], workers: int = 16) -> list[Outcome]:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(self.check, sorted(set(urls))))


def network_problem(hosts: Iterable[str], port: int = 443, timeout: float = 5.0) -> str | None:
    """None if one of `hosts` (or the https proxy, when one is set) answers; else what failed."""
    proxy = urllib.request.getproxies().get("https")
    if proxy:
        parts = urlsplit(proxy)
        targets = [(parts.hostname or "", parts.port or 8080)]
    else:
        targets = [(host, port) for host in dict.fromkeys(hosts)][:3]
    failures = []
    for host, target_port in targets:
        try:
            socket.getaddrinfo(host, target_port, type=socket.SOCK_STREAM)
        except OSError as error:
            failures.append(f"cannot resolve {host} ({error})")
            continue
        try:
            socket.create_connection((host, target_port), timeout=timeout).close()
        except OSError as error:
            failures.append(f"cannot connect to {host}:{target_port} ({error})")
            continue
        return None
    return "; ".join(failures) or "no host to try"


def format_report(broken: list[Outcome], linked_from: Mapping[str, set[str]], sources: Mapping[str, str]) -> str:
    lines = [f"{len(broken)} broken external links:"]
    for outcome in broken:
        lines.append(f"- {outcome.url}: {outcome.detail}")
        for page in sorted(linked_from.get(outcome.url, ())):
            lines.append(f"  - on {page}" + (f" ({sources[page]})" if page in sources else ""))
    return "\n".join(lines)


def external_links(site: Path) -> dict[str, set[str]]:
    return dict(check_site(site).external)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path, help="a built site (default: build the online site)")
    parser.add_argument("--report", type=Path, help="also write the failure report here (Markdown)")
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            try:
                mkdocs_build(site, offline=False)
            except BuildError as error:
                print(error, file=sys.stderr)
                return 1
        linked_from = external_links(site)

    skips = load_skips()
    skipped = [url for url in linked_from if any(url.startswith(s.prefix) for s in skips)]
    urls = sorted(set(linked_from) - set(skipped))
    problem = network_problem(urlsplit(url).hostname or "" for url in urls) if urls else None
    if problem:
        print(
            f"no network: {problem}. The external link check needs internet access; nothing was checked.",
            file=sys.stderr,
        )
        return 2

    checker = Checker(token=os.environ.get("GITHUB_TOKEN") or None)
    outcomes = checker.check_all(urls, workers=args.workers)
    broken = [o for o in outcomes if not o.ok]
    print(f"{len(urls)} external URLs checked, {len(skipped)} skipped (scripts/external_links_skip.txt)")
    if not broken:
        return 0
    report = format_report(broken, linked_from, page_sources(load_site_map()))
    print(report, file=sys.stderr)
    if args.report:
        args.report.write_text(report + "\n", encoding="utf-8")
    return 1


if __name__ == "__main__":
    sys.exit(main())
