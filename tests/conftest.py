"""Shared fixtures: both variants of the site are built once per test run, into a temp folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.browser import INSTALL_HINT, find_chromium, launch
from scripts.build import ROOT, BuildError, Outputs, build_all, default_outputs
from scripts.pages import SiteMap, load_site_map
from scripts.prerender_diagrams import DiagramError, Prerenderer

NO_CHROMIUM = pytest.StashKey[int]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without a Chromium, the browser tests are set aside, and the run ends with one line saying how to get one."""
    if find_chromium() is not None:
        return
    set_aside = [item for item in items if item.get_closest_marker("browser")]
    if set_aside:
        config.hook.pytest_deselected(items=set_aside)
        items[:] = [item for item in items if not item.get_closest_marker("browser")]
        config.stash[NO_CHROMIUM] = len(set_aside)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if config.stash.get(NO_CHROMIUM, 0):
        terminalreporter.write_line(f"SKIPPED {config.stash[NO_CHROMIUM]} browser tests: {INSTALL_HINT}", yellow=True)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run (Playwright allows one per thread), or None."""
    if find_chromium() is None:
        yield None
        return
    with launch() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(chromium):
    """A headless Chromium, or a skip that says how to install one."""
    if chromium is None:
        pytest.skip(INSTALL_HINT)
    return chromium


@pytest.fixture(scope="session")
def build_outcome(tmp_path_factory: pytest.TempPathFactory, chromium) -> Outputs | str:
    """Both variants, built as `make build` builds them (diagrams drawn at build time when a Chromium exists),
    or the build's error message, which test_build.py reports once."""
    out = default_outputs(tmp_path_factory.mktemp("builds"))
    diagrams = Prerenderer(chromium) if chromium else None
    try:
        build_all(out, diagrams)
    except (BuildError, DiagramError) as error:
        return str(error)
    return out


@pytest.fixture(scope="session")
def builds(build_outcome: Outputs | str) -> Outputs:
    # A failed build is one failure (test_both_variants_build_strictly), not one error per test of the site.
    if isinstance(build_outcome, str):
        pytest.skip("the site does not build: see test_both_variants_build_strictly")
    return build_outcome


@pytest.fixture
def project_copy(tmp_path: Path, builds: Outputs) -> Path:
    """A throwaway copy of the sources, for builds that must fail for one planted reason.

    Asking for `builds` skips these tests while the real site is broken: the copy would
    inherit that fault, and one mistake should give one failure."""
    for name in ("mkdocs.yml", "docs", "overrides"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copyfile)(src, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="session")
def site_map() -> SiteMap:
    return load_site_map()


@pytest.fixture(scope="session")
def online(builds: Outputs) -> Path:
    return builds.online


@pytest.fixture(scope="session")
def offline(builds: Outputs) -> Path:
    return builds.offline
