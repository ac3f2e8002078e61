"""Find a Chromium and launch it headless with Playwright, for tests, screenshots and benchmarks.

Order of preference: $CHROMIUM, a Playwright-managed browser, /usr/bin/chromium, google-chrome.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

INSTALL_HINT = (
    "no Chromium found: install one (Debian: `sudo apt-get install -y chromium`) or set CHROMIUM=/path/to/chrome"
)
# Without the networking flags Chromium phones home at start-up, which a closed network refuses.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--allow-file-access-from-files",
]


def _playwright_managed() -> str | None:
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache" / "ms-playwright"))
    found = sorted(cache.glob("chromium-*/chrome-linux*/chrome"))
    return str(found[-1]) if found else None


def find_chromium() -> str | None:
    candidates = [
        os.environ.get("CHROMIUM"),
        _playwright_managed(),
        "/usr/bin/chromium",
        shutil.which("google-chrome"),
    ]
    return next((c for c in candidates if c and Path(c).is_file()), None)


@contextmanager
def launch() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        raise RuntimeError(INSTALL_HINT)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
