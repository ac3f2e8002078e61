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

At steps 2 and 3 the headless shell comes first (Debian's `chromium-headless-shell`, Playwright's
`chromium_headless_shell-*`), and step 4 installs it: it is the same Blink without the browser's
interface, and reads the test pages with about 40% less CPU than `chromium --headless`, which is
Playwright's own default for headless runs. Lighthouse (`make bench`) asks for a full browser first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# Debian's binary itself first: /usr/bin/chromium-headless-shell is a shell script that does not exec it.
SHELL_NAMES = ("/usr/lib/chromium/chromium-headless-shell", "chromium-headless-shell", "headless_shell")
INSTALLED_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# Tried in turn: Debian has the headless shell; a distribution without it may still have chromium.
APT_PACKAGES = (("chromium-headless-shell", "fonts-dejavu-core"), ("chromium", "fonts-dejavu-core"))
HINT = (
    "no Chromium found and none could be installed: run `.venv/bin/playwright install chromium`, "
    "or on Debian `sudo apt-get install -y chromium-headless-shell`, or set CHROMIUM=/path/to/chrome"
)


class NoChromium(RuntimeError):
    """No Chromium could be found or installed; the message says what to do."""


PLAYWRIGHT_SHELL = "chromium_headless_shell-*/chrome-*/headless_shell"
PLAYWRIGHT_FULL = "chromium-*/chrome-linux*/chrome"


def _playwright_cache(env: Mapping[str, str], pattern: str) -> str | None:
    """The newest of Playwright's downloaded browsers that matches `pattern`."""
    cache = Path(env.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    found = sorted(cache.glob(pattern))
    return str(found[-1]) if found else None


def _run(command: list[str]) -> bool:
    print("chromium: running " + " ".join(command), file=sys.stderr)
    try:
        return subprocess.run(command, stdin=subprocess.DEVNULL, timeout=900, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _download(command: list[str]) -> str | None:
    """Run a download quietly: None when it worked, else the line that says why it failed.

    `playwright install` prints a stack trace when it cannot reach its download host; a newcomer needs
    one line saying so, and what comes next. The cause is its first `Error:` line: newer Playwright
    ends the trace with the error object's closing `}`."""
    print("chromium: running " + " ".join(command), file=sys.stderr)
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    if done.returncode == 0:
        return None
    for output in (done.stderr, done.stdout):
        lines = [line.strip() for line in output.splitlines() if line.strip()]
        errors = [line for line in lines if line.startswith("Error:")]
        if errors:
            return errors[0]
        if lines:
            return lines[-1]
    return f"exit status {done.returncode}"


def _apt_offers(package: str) -> bool:
    """Does apt know `package` (from its lists, without a download)?"""
    try:
        return subprocess.run(["apt-cache", "show", package], capture_output=True, timeout=60).returncode == 0
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
    playwright_cache: Callable[[Mapping[str, str], str], str | None] = _playwright_cache
    run: Callable[[list[str]], bool] = _run
    download: Callable[[list[str]], str | None] = _download
    os_release: Callable[[], str] = _os_release
    is_root: Callable[[], bool] = lambda: os.geteuid() == 0
    apt_offers: Callable[[str], bool] = _apt_offers


def find_chromium(machine: Machine | None = None, *, full: bool = False) -> str | None:
    """The Chromium to use without installing anything, or None; `full`: a full browser before a headless shell."""
    m = machine or Machine()
    chosen = m.env.get("CHROMIUM")
    if chosen:
        if not m.is_file(chosen):
            raise NoChromium(
                f"CHROMIUM={chosen} is not a file: point it at a Chromium or Chrome executable, or unset it"
            )
        return chosen
    names = INSTALLED_NAMES + SHELL_NAMES if full else SHELL_NAMES + INSTALLED_NAMES
    for name in names:
        found = m.which(name)
        # Ubuntu's snap Chromium cannot read the test builds under /tmp.
        if found and not found.startswith("/snap/"):
            return found
    patterns = (PLAYWRIGHT_FULL, PLAYWRIGHT_SHELL) if full else (PLAYWRIGHT_SHELL, PLAYWRIGHT_FULL)
    return next(filter(None, (m.playwright_cache(m.env, pattern) for pattern in patterns)), None)


def _debian_like(os_release: str) -> bool:
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE") and {"debian", "ubuntu"} & set(value.strip('"').split()):
            return True
    return False


def is_headless_shell(path: str) -> bool:
    return Path(path).name in {Path(name).name for name in SHELL_NAMES}


def _apt(m: Machine) -> list[str] | None:
    """The prefix that runs apt-get on this machine (root, or passwordless sudo on Debian/Ubuntu), or None."""
    if not _debian_like(m.os_release()):
        return None
    if m.is_root():
        return []
    return ["sudo", "-n"] if m.run(["sudo", "-n", "true"]) else None


def _apt_install(m: Machine, sudo: list[str], packages: tuple[str, ...]) -> bool:
    install = ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "--no-install-recommends"]
    return m.run([*sudo, *install, *packages])


def provide_chromium(machine: Machine | None = None) -> str:
    """Find a Chromium, or install one (Playwright's, then apt's); raise NoChromium saying what to run.

    Where only a full browser is found and apt offers the headless shell, as root or with passwordless
    sudo, the shell is installed beside it (one line says so); CHROMIUM=/path keeps any browser."""
    m = machine or Machine()
    found = find_chromium(m)
    if found:
        if m.env.get("CHROMIUM") or is_headless_shell(found):
            return found
        sudo = _apt(m)
        if sudo is not None and m.apt_offers(APT_PACKAGES[0][0]):
            print(
                f"chromium: found {found}; adding Debian's chromium-headless-shell, which reads the test pages "
                f"with about 40% less CPU (CHROMIUM={found} keeps this one)",
                file=sys.stderr,
            )
            _apt_install(m, sudo, APT_PACKAGES[0])
        return find_chromium(m) or found
    failed = m.download([sys.executable, "-m", "playwright", "install", "chromium"])
    if failed is None:
        found = find_chromium(m)
        if found:
            return found
    sudo = _apt(m)
    if failed is not None:
        next_route = "Debian's chromium-headless-shell through apt-get" if sudo is not None else "nothing else here"
        print(
            f"chromium: Playwright could not download its Chromium ({failed[:160]}); next: {next_route}",
            file=sys.stderr,
        )
    if sudo is not None and m.run([*sudo, "apt-get", "update", "-qq"]):
        for packages in APT_PACKAGES:
            if _apt_install(m, sudo, packages):
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
