"""Launch a headless Chromium with Playwright, for tests, screenshots and benchmarks.

Which Chromium is scripts/chromium.py's choice; `make` installs one first when none is found.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

from playwright.async_api import Browser as AsyncBrowser
from playwright.async_api import async_playwright
from playwright.sync_api import Browser, sync_playwright

from scripts.chromium import HINT as INSTALL_HINT
from scripts.chromium import find_chromium

__all__ = ["FLAGS", "INSTALL_HINT", "find_chromium", "launch", "launch_async"]
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


@asynccontextmanager
async def launch_async() -> AsyncIterator[AsyncBrowser]:
    """`launch` with Playwright's async API, for a thread with an event loop (scripts/reader.PageReader)."""
    executable = find_chromium()
    if executable is None:
        raise RuntimeError(INSTALL_HINT)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            await browser.close()
