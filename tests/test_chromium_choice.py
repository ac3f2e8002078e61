"""make test, make build and make screenshots get their Chromium in one order, with every probe faked here:
CHROMIUM, an installed browser, Playwright's own, apt-get on Debian/Ubuntu, and a one-line hint when none works.
Within each, the headless shell comes first (a full browser first for Lighthouse)."""

from __future__ import annotations

import sys
from fnmatch import fnmatch

import pytest

from scripts.chromium import HINT, Machine, NoChromium, _download, find_chromium, provide_chromium

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = "ID=ubuntu\nID_LIKE=debian\n"
FEDORA = "ID=fedora\n"
PLAYWRIGHT_INSTALL = [sys.executable, "-m", "playwright", "install", "chromium"]
# What `playwright install chromium` downloads: the browser and its headless shell.
FULL_DOWNLOAD = "/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome"
SHELL_DOWNLOAD = "/root/.cache/ms-playwright/chromium_headless_shell-1255/chrome-linux64/headless_shell"
APT_HAS = ("chromium-headless-shell", "chromium")


class FakeMachine(Machine):
    """A machine with nothing installed; each test adds what it needs and reads back what was run."""

    def __init__(self, *, env=None, installed=None, cache=(), os_release=FEDORA, root=False, works=(), apt_has=APT_HAS):
        self.installed = dict(installed or {})
        self.apt_has = apt_has  # the Chromium packages the distribution's apt offers
        self.cache = [cache] if isinstance(cache, str) else list(cache)  # Playwright's downloaded browsers
        self.ran: list[list[str]] = []
        self.works = works  # commands (as tuples of their first words) that succeed
        super().__init__(
            env=env or {},
            which=self.installed.get,
            is_file=lambda path: path in (env or {}).values() and not path.startswith("/missing"),
            playwright_cache=lambda _env, pattern: next(
                (path for path in reversed(self.cache) if fnmatch(path, "*/" + pattern)), None
            ),
            run=self._run,
            download=lambda command: None if self._run(command) else "Error: getaddrinfo EAI_AGAIN cdn.playwright.dev",
            os_release=lambda: os_release,
            is_root=lambda: root,
            apt_offers=lambda package: package in self.apt_has,
        )

    def _run(self, command: list[str]) -> bool:
        self.ran.append(command)
        ok = any(command[: len(prefix)] == list(prefix) for prefix in self.works)
        if "install" in command and "apt-get" in command:
            ok = ok and all(p in self.apt_has for p in command if p.startswith("chromium"))
        if ok and command == PLAYWRIGHT_INSTALL:
            self.cache += [FULL_DOWNLOAD, SHELL_DOWNLOAD]
        if ok and "apt-get" in command and "install" in command:
            for package in ("chromium-headless-shell", "chromium"):
                if package in command:
                    self.installed[package] = f"/usr/bin/{package}"
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
    m = FakeMachine(installed={"google-chrome": "/usr/bin/google-chrome"}, cache=[FULL_DOWNLOAD, SHELL_DOWNLOAD])
    assert provide_chromium(m) == "/usr/bin/google-chrome"
    assert m.ran == []


def test_an_installed_headless_shell_comes_before_an_installed_browser_except_for_lighthouse():
    shell = "/usr/lib/chromium/chromium-headless-shell"
    m = FakeMachine(installed={"chromium": "/usr/bin/chromium", shell: shell})
    assert provide_chromium(m) == shell
    assert find_chromium(m, full=True) == "/usr/bin/chromium"
    assert find_chromium(FakeMachine(installed={shell: shell}), full=True) == shell  # better than none


def test_beside_a_full_chromium_debian_adds_the_headless_shell_and_uses_it():
    m = FakeMachine(installed={"chromium": "/usr/bin/chromium"}, os_release=DEBIAN, root=True, works=[("env",)])
    assert provide_chromium(m) == "/usr/bin/chromium-headless-shell"
    (install,) = m.ran
    assert install[:3] == ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]
    assert install[-2:] == ["chromium-headless-shell", "fonts-dejavu-core"]


def test_the_full_chromium_stays_where_apt_has_no_shell_or_the_install_fails():
    no_shell = FakeMachine(installed={"chromium": "/usr/bin/chromium"}, os_release=DEBIAN, root=True, apt_has=())
    assert provide_chromium(no_shell) == "/usr/bin/chromium"
    assert no_shell.ran == []
    failing = FakeMachine(installed={"chromium": "/usr/bin/chromium"}, os_release=DEBIAN, root=True)
    assert provide_chromium(failing) == "/usr/bin/chromium"
    assert len(failing.ran) == 1


def test_ubuntus_snap_shim_is_passed_over():
    m = FakeMachine(installed={"chromium": "/snap/bin/chromium"}, cache=FULL_DOWNLOAD)
    assert provide_chromium(m) == FULL_DOWNLOAD


def test_playwrights_downloaded_chromium_is_used_without_a_download_its_headless_shell_first():
    m = FakeMachine(cache=[FULL_DOWNLOAD, SHELL_DOWNLOAD])
    assert provide_chromium(m) == SHELL_DOWNLOAD
    assert find_chromium(m, full=True) == FULL_DOWNLOAD
    assert provide_chromium(FakeMachine(cache=FULL_DOWNLOAD)) == FULL_DOWNLOAD  # an older Playwright's download
    assert m.ran == []


def test_playwright_downloads_one_where_it_can():
    m = FakeMachine(works=[tuple(PLAYWRIGHT_INSTALL)])
    assert provide_chromium(m) == SHELL_DOWNLOAD
    assert m.ran == [PLAYWRIGHT_INSTALL]


def test_on_debian_as_root_apt_installs_the_headless_shell_when_playwright_cannot_download():
    m = FakeMachine(os_release=DEBIAN, root=True, works=[("apt-get",), ("env",)])
    assert provide_chromium(m) == "/usr/bin/chromium-headless-shell"
    assert m.ran[0] == PLAYWRIGHT_INSTALL
    assert m.ran[1] == ["apt-get", "update", "-qq"]
    assert m.ran[2][-3:] == ["--no-install-recommends", "chromium-headless-shell", "fonts-dejavu-core"]
    assert len(m.ran) == 3


def test_where_apt_has_no_headless_shell_it_installs_chromium():
    m = FakeMachine(os_release=DEBIAN, root=True, works=[("apt-get",), ("env",)], apt_has=("chromium",))
    assert provide_chromium(m) == "/usr/bin/chromium"
    assert [cmd[-2] for cmd in m.ran if "install" in cmd and "apt-get" in cmd] == [
        "chromium-headless-shell",
        "chromium",
    ]


def test_on_ubuntu_with_passwordless_sudo_apt_runs_through_sudo():
    m = FakeMachine(os_release=UBUNTU, works=[("sudo",)])
    assert provide_chromium(m) == "/usr/bin/chromium-headless-shell"
    assert ["sudo", "-n", "true"] in m.ran
    assert all(cmd[:2] == ["sudo", "-n"] for cmd in m.ran if "apt-get" in cmd)


def test_without_sudo_apt_is_not_tried_and_the_hint_says_what_to_run():
    m = FakeMachine(os_release=DEBIAN)
    with pytest.raises(NoChromium) as error:
        provide_chromium(m)
    assert not any("apt-get" in cmd for cmd in m.ran)
    assert str(error.value) == HINT
    assert "\n" not in HINT
    assert "playwright install chromium" in HINT and "apt-get install -y chromium-headless-shell" in HINT
    assert "CHROMIUM=" in HINT


def test_off_debian_nothing_but_playwright_is_tried():
    m = FakeMachine(os_release=FEDORA, root=True)
    with pytest.raises(NoChromium, match="no Chromium found"):
        provide_chromium(m)
    assert m.ran == [PLAYWRIGHT_INSTALL]


def test_a_failed_apt_install_ends_in_the_hint():
    m = FakeMachine(os_release=DEBIAN, root=True, works=[("apt-get", "update")])
    with pytest.raises(NoChromium, match="no Chromium found"):
        provide_chromium(m)


def test_a_failed_download_is_one_line_naming_the_next_route(capsys):
    m = FakeMachine(os_release=DEBIAN, root=True, works=[("apt-get",), ("env",)])
    provide_chromium(m)
    said = [line for line in capsys.readouterr().err.splitlines() if "Playwright" in line]
    assert said == [
        "chromium: Playwright could not download its Chromium (Error: getaddrinfo EAI_AGAIN cdn.playwright.dev); "
        "next: Debian's chromium-headless-shell through apt-get"
    ]


def test_the_download_keeps_a_stack_trace_off_the_terminal(capfd):
    script = "import sys; print('Traceback (most recent call last):'); print('  at x'); sys.exit('Error: no network')"
    assert _download([sys.executable, "-c", script]) == "Error: no network"
    assert capfd.readouterr().err.splitlines()[-1].startswith("chromium: running ")


def test_the_download_names_the_first_error_not_the_traces_closing_brace():
    trace = [
        "Error: getaddrinfo ENOTFOUND cdn.playwright.dev",
        "    at GetAddrInfoReqWrap.onlookupall (node:internal/dns/promises:101:17) {",
        "  code: 'ENOTFOUND'",
        "}",
        "Failed to install browsers",
        "Error: Failed to download Chrome for Testing, caused by",
        "Error: Download failure, code=1",
    ]
    printed = "\n".join(trace)
    script = f"import sys; print({printed!r}, file=sys.stderr); sys.exit(1)"
    assert _download([sys.executable, "-c", script]) == "Error: getaddrinfo ENOTFOUND cdn.playwright.dev"
