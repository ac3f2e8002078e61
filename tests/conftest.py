"""Shared fixtures: both variants of the site are built once per test run, into a temp folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path

import pytest

from scripts.browser import INSTALL_HINT, find_chromium, launch, run_in_background
from scripts.build import BuildError, Outputs, build_all, build_offline, default_outputs
from scripts.pages import SiteMap, load_site_map
from scripts.prerender_diagrams import DiagramError, Prerenderer
from tests import background, content_checks


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that judge background work (tests/background.py) go last, in their order."""
    items[:] = background.judged_last(items)


@pytest.fixture(scope="session", autouse=True)
def start_background_work(request: pytest.FixtureRequest) -> None:
    """Start the background work defined here at the first test."""
    background.start(request, background.IN_CONFTEST)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Skipped tests, one line per reason: when the site does not build, thirty tests say so in one line."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reasons[reason.removeprefix("Skipped: ")] = reasons.get(reason.removeprefix("Skipped: "), 0) + 1
    for reason, count in reasons.items():
        terminalreporter.write_line(f"skipped: {count} test{'s' * (count > 1)}: {reason}")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Browser tests never skip quietly: without a Chromium the run stops at once, saying how to get one.

    `make test` installs one first (scripts/chromium.py); `make test-quick` leaves the browser tests out."""
    if any(item.get_closest_marker("browser") for item in session.items) and find_chromium() is None:
        pytest.exit(
            f"{sum(1 for i in session.items if i.get_closest_marker('browser'))} browser tests selected but "
            f"{INSTALL_HINT}",
            returncode=1,
        )


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run (Playwright allows one per thread), or None when the run
    selected no browser test and none is installed."""
    if find_chromium() is None:
        yield None
        return
    with launch() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(chromium):
    assert chromium is not None, INSTALL_HINT
    return chromium


@pytest.fixture(scope="session")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the run's builds are made from: a copy of the sources taken once, so that a writer who edits
    a page during the run changes none of them, and a second build of the same sources can be compared."""
    return copy_sources(tmp_path_factory.mktemp("sources"))


@pytest.fixture(scope="session")
def build_outcome(tmp_path_factory: pytest.TempPathFactory, chromium, sources: Path) -> Outputs | str:
    """Both variants, built as `make build` builds them (diagrams drawn at build time when a Chromium exists),
    or the build's error message, which test_build.py reports once."""
    out = default_outputs(tmp_path_factory.mktemp("builds"))
    diagrams = Prerenderer(chromium) if chromium else None
    try:
        build_all(out, diagrams, config=sources / "mkdocs.yml")
    except (BuildError, DiagramError) as error:
        return str(error)
    return out


@pytest.fixture(scope="session")
def builds(build_outcome: Outputs | str) -> Outputs:
    # A failed build is one failure (test_both_variants_build_strictly), not one error per test of the site.
    if isinstance(build_outcome, str):
        pytest.skip("the site does not build: see test_both_variants_build_strictly")
    return build_outcome


def copy_sources(target: Path) -> Path:
    """Copy what a build reads (mkdocs.yml, docs/, overrides/) into `target`."""
    return content_checks.copy_project(target, names=("mkdocs.yml", "docs", "overrides"))


@pytest.fixture(scope="session")
def project_copies(tmp_path_factory: pytest.TempPathFactory, builds: Outputs) -> Callable[[str], Path]:
    """`project_copies(name)`: a new throwaway copy of the sources each call, for builds with planted faults.

    Asking for `builds` skips the tests that use it while the real site is broken: a copy would
    inherit that fault, and one mistake should give one failure."""
    return lambda name: copy_sources(tmp_path_factory.mktemp(name))


@pytest.fixture(scope="session")
def site_map() -> SiteMap:
    return load_site_map()


@pytest.fixture(scope="session")
def online(builds: Outputs) -> Path:
    return builds.online


@pytest.fixture(scope="session")
def offline(builds: Outputs) -> Path:
    return builds.offline


@pytest.fixture(scope="session")
def content_check_findings(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Future[content_checks.Findings]]]:
    """The content checks' findings (tests/content_checks.py) on a copy of the project for each `copy` that a
    selected test is parametrized with, changed by its `change`, two at a time in the background: a build
    and a Markdown lint are processes of their own."""
    changes = {
        item.callspec.params["copy"]: item.callspec.params["change"]
        for item in request.session.items
        if "content_check_findings" in getattr(item, "fixturenames", ()) and hasattr(item, "callspec")
    }
    snapshot = content_checks.copy_project(tmp_path_factory.mktemp("snapshot"))
    content_checks.leave_out_unread_plugin(snapshot)  # every copy is made from the snapshot
    with ThreadPoolExecutor(max_workers=2, initializer=run_in_background) as pool:
        yield {
            copy: pool.submit(content_checks.checked_copy, tmp_path_factory.mktemp("copy"), snapshot, change)
            for copy, change in changes.items()
        }


def build_offline_zip(out: Outputs, config: Path) -> Path:
    """An offline build and its zip, with the diagrams drawn by a Chromium of this thread's own (when one exists)."""
    with launch() if find_chromium() else nullcontext() as browser:
        build_offline(out, Prerenderer(browser) if browser else None, config=config)
    return out.zip


@pytest.fixture(scope="session")
def second_offline_zip(tmp_path_factory: pytest.TempPathFactory, sources: Path) -> Iterator[Future[Path]]:
    """One more offline build of the run's sources, in the background from the first test: the zip that
    tests/test_offline_zip.py compares with the run's own. Its diagrams are drawn by another Chromium, so
    it shares no drawing with the run's build."""
    out = default_outputs(tmp_path_factory.mktemp("second-build"))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="second-build", initializer=run_in_background) as pool:
        yield pool.submit(build_offline_zip, out, sources / "mkdocs.yml")
