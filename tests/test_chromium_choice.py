"""make test, make build and make screenshots get their Chromium in one order, with every probe faked here:
CHROMIUM, an installed browser, Playwright's own, apt-get on Debian/Ubuntu, and a one-line hint when none works."""

from __future__ import annotations

import sys

import pytest

from scripts.chromium import HINT, Machine, NoChromium, find_chromium, provide_chromium

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = "ID=ubuntu\nID_LIKE=debian\n"
FEDORA = "ID=fedora\n"
PLAYWRIGHT_INSTALL = [sys.executable, "-m", "playwright", "install", "chromium"]


class FakeMachine(Machine):
    """A machine with nothing installed; each test adds what it needs and reads back what was run."""

    def __init__(self, *, env=None, installed=None, cache=None, os_release=FEDORA, root=False, works=()):
        self.installed = dict(installed or {})
        self.cache = cache
        self.ran: list[list[str]] = []
        self.works = works  # commands (as tuples of their first words) that succeed
        super().__init__(
            env=env or {},
            which=self.installed.get,
            is_file=lambda path: path in (env or {}).values() and not path.startswith("/missing"),
            playwright_cache=lambda _env: self.cache,
            run=self._run,
            os_release=lambda: os_release,
            is_root=lambda: root,
        )

    def _run(self, command: list[str]) -> bool:
        self.ran.append(command)
        ok = any(command[: len(prefix)] == list(prefix) for prefix in self.works)
        if ok and command == PLAYWRIGHT_INSTALL:
            self.cache = "/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome"
        if ok and "apt-get" in command and "install" in command:
            self.installed["chromium"] = "/usr/bin/chromium"
        return ok


def test_chromium_env_comes_first():
    m = FakeMachine(env={"CHROMIUM": "/opt/chrome/chrome"}, installed={"chromium": "/usr/bin/chromium"})
    assert provide_chromium(m) == "/opt/chrome/chrome"
    assert m.ran == []


def test_a_chromium_env_that_is_not_a_file_is_an_error_not_a_fallback():
    m = FakeMachine(env={"CHROMIUM": "/missing/chrome"}, installed={"chromium": "/usr/bin/chromium"})
    with pytest.raises(NoChromium, match=r"CHROMIUM=/missing/chrome is not a file"):
        find_chromium(m)


def test_an_installed_browser_comes_before_playwrights():
    m = FakeMachine(installed={"google-chrome": "/usr/bin/google-chrome"}, cache="/cache/chrome")
    assert provide_chromium(m) == "/usr/bin/google-chrome"
    assert m.ran == []


def test_ubuntus_snap_shim_is_passed_over():
    m = FakeMachine(installed={"chromium": "/snap/bin/chromium"}, cache="/cache/chrome")
    assert provide_chromium(m) == "/cache/chrome"


def test_playwrights_downloaded_chromium_is_used_without_a_download():
    m = FakeMachine(cache="/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome")
    assert provide_chromium(m) == "/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome"
    assert m.ran == []


def test_playwright_downloads_one_where_it_can():
    m = FakeMachine(works=[tuple(PLAYWRIGHT_INSTALL)])
    assert provide_chromium(m).endswith("/chrome-linux64/chrome")
    assert m.ran == [PLAYWRIGHT_INSTALL]


def test_on_debian_as_root_apt_installs_chromium_when_playwright_cannot_download():
    m = FakeMachine(os_release=DEBIAN, root=True, works=[("apt-get",), ("env",)])
    assert provide_chromium(m) == "/usr/bin/chromium"
    assert m.ran[0] == PLAYWRIGHT_INSTALL
    assert m.ran[1] == ["apt-get", "update", "-qq"]
    assert m.ran[2][-3:] == ["--no-install-recommends", "chromium", "fonts-dejavu-core"]


def test_on_ubuntu_with_passwordless_sudo_apt_runs_through_sudo():
    m = FakeMachine(os_release=UBUNTU, works=[("sudo",)])
    assert provide_chromium(m) == "/usr/bin/chromium"
    assert ["sudo", "-n", "true"] in m.ran
    assert all(cmd[:2] == ["sudo", "-n"] for cmd in m.ran if "apt-get" in cmd)


def test_without_sudo_apt_is_not_tried_and_the_hint_says_what_to_run():
    m = FakeMachine(os_release=DEBIAN)
    with pytest.raises(NoChromium) as error:
        provide_chromium(m)
    assert not any("apt-get" in cmd for cmd in m.ran)
    assert str(error.value) == HINT
    assert "\n" not in HINT
    assert "playwright install chromium" in HINT and "apt-get install -y chromium" in HINT and "CHROMIUM=" in HINT


def test_off_debian_nothing_but_playwright_is_tried():
    m = FakeMachine(os_release=FEDORA, root=True)
    with pytest.raises(NoChromium, match="no Chromium found"):
        provide_chromium(m)
    assert m.ran == [PLAYWRIGHT_INSTALL]


def test_a_failed_apt_install_ends_in_the_hint():
    m = FakeMachine(os_release=DEBIAN, root=True, works=[("apt-get", "update")])
    with pytest.raises(NoChromium, match="no Chromium found"):
        provide_chromium(m)
