"""Launch a headless Chromium with Playwright, for tests, screenshots and benchmarks.

Which Chromium is scripts/chromium.py's choice; `make` installs one first when none is found.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, asynccontextmanager, contextmanager, suppress
from typing import TypeVar

from playwright.async_api import Browser as AsyncBrowser
from playwright.async_api import async_playwright
from playwright.sync_api import Browser, sync_playwright

from scripts.chromium import HINT as INSTALL_HINT
from scripts.chromium import find_chromium

__all__ = ["FLAGS", "INSTALL_HINT", "BrowserThread", "find_chromium", "launch", "launch_async", "run_in_background"]
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


R = TypeVar("R")
# Background work yields to the thread that runs the tests one by one: that thread is the run's critical path.
BACKGROUND_NICENESS = 10


def run_in_background() -> None:
    """Lower this thread's CPU priority; the processes it starts (a browser, a build) inherit it (Linux
    keeps a niceness per thread). Elsewhere it does nothing."""
    with suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)


class BrowserThread:
    """A Chromium of its own in a thread of its own, for sync Playwright work that runs beside the caller's
    (Playwright allows one sync instance per thread): `submit(fn)` runs `fn(browser)` there, in order, and
    returns a Future of its result. The browser starts with the first job and closes with the thread.

        with BrowserThread() as thread:
            title = thread.submit(lambda browser: ...).result()
    """

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="BrowserThread", initializer=run_in_background
        )
        self._stack = ExitStack()
        self._browser: Browser | None = None

    def __enter__(self) -> BrowserThread:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.submit(self._stack.close).result()
        self._pool.shutdown()

    def submit(self, fn: Callable[[Browser], R]) -> Future[R]:
        return self._pool.submit(self._call, fn)

    def _call(self, fn: Callable[[Browser], R]) -> R:
        if self._browser is None:
            self._browser = self._stack.enter_context(launch())
        return fn(self._browser)
