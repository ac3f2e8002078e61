"""Find a Chromium for the browser tests, the diagram drawing and the screenshots, or install one.

    python -m scripts.chromium     # print the Chromium to use, installing one first if none is found

The order, first match wins:
1. `CHROMIUM=/path/to/chrome`, when set (a path that is not a file is an error, not a fallback);
2. a Chromium or Chrome already installed (`chromium`, `chromium-browser`, `google-chrome`, ...),
   except Ubuntu's snap, which cannot read the test builds under /tmp;
3. Playwright's own Chromium, already downloaded or downloaded now with `playwright install chromium`;
4. on Debian or Ubuntu, the distribution's package through apt-get, as root or with passwordless sudo.
If none works, one line says what to run. Every probe of the machine goes through `Machine`, so the
tests can fake each path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

INSTALLED_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
APT_PACKAGES = ("chromium", "fonts-dejavu-core")
HINT = (
    "no Chromium found and none could be installed: run `.venv/bin/playwright install chromium`, "
    "or on Debian/Ubuntu `sudo apt-get install -y chromium`, or set CHROMIUM=/path/to/chrome"
)


class NoChromium(RuntimeError):
    """No Chromium could be found or installed; the message says what to do."""


def _playwright_cache(env: Mapping[str, str]) -> str | None:
    cache = Path(env.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    found = sorted(cache.glob("chromium-*/chrome-linux*/chrome"))
    return str(found[-1]) if found else None


def _run(command: list[str]) -> bool:
    print("chromium: running " + " ".join(command), file=sys.stderr)
    try:
        return subprocess.run(command, stdin=subprocess.DEVNULL, timeout=900, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _os_release() -> str:
    try:
        return Path("/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return ""


@dataclass
class Machine:
    """What the chooser asks of the machine; the defaults ask the real one."""

    env: Mapping[str, str] = field(default_factory=lambda: os.environ)
    which: Callable[[str], str | None] = shutil.which
    is_file: Callable[[str], bool] = os.path.isfile
    playwright_cache: Callable[[Mapping[str, str]], str | None] = _playwright_cache
    run: Callable[[list[str]], bool] = _run
    os_release: Callable[[], str] = _os_release
    is_root: Callable[[], bool] = lambda: os.geteuid() == 0


def find_chromium(machine: Machine | None = None) -> str | None:
    """The Chromium to use without installing anything, or None."""
    m = machine or Machine()
    chosen = m.env.get("CHROMIUM")
    if chosen:
        if not m.is_file(chosen):
            raise NoChromium(
                f"CHROMIUM={chosen} is not a file: point it at a Chromium or Chrome executable, or unset it"
            )
        return chosen
    for name in INSTALLED_NAMES:
        found = m.which(name)
        # Ubuntu's snap Chromium cannot read the test builds under /tmp.
        if found and not found.startswith("/snap/"):
            return found
    return m.playwright_cache(m.env)


def _debian_like(os_release: str) -> bool:
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE") and {"debian", "ubuntu"} & set(value.strip('"').split()):
            return True
    return False


def provide_chromium(machine: Machine | None = None) -> str:
    """Find a Chromium, or install one (Playwright's, then apt's); raise NoChromium saying what to run."""
    m = machine or Machine()
    found = find_chromium(m)
    if found:
        return found
    if m.run([sys.executable, "-m", "playwright", "install", "chromium"]):
        found = m.playwright_cache(m.env)
        if found:
            return found
    if _debian_like(m.os_release()):
        sudo = [] if m.is_root() else ["sudo", "-n"]
        if (m.is_root() or m.run(["sudo", "-n", "true"])) and (
            m.run([*sudo, "apt-get", "update", "-qq"])
            and m.run(
                [
                    *sudo,
                    "env",
                    "DEBIAN_FRONTEND=noninteractive",
                    "apt-get",
                    "install",
                    "-y",
                    "-qq",
                    "--no-install-recommends",
                    *APT_PACKAGES,
                ]
            )
        ):
            found = find_chromium(m)
            if found:
                return found
    raise NoChromium(HINT)


def main() -> int:
    try:
        print(provide_chromium())
    except NoChromium as error:
        print(f"chromium: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
