"""Shared fixtures: both variants of the site are built once per test run, into a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.build import BuildError, Outputs, build_offline, build_online, default_outputs
from scripts.pages import SiteMap, load_site_map


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    out = default_outputs(tmp_path_factory.mktemp("builds"))
    try:
        build_offline(out)
        build_online(out)
    except BuildError as error:
        pytest.fail(str(error), pytrace=False)
    return out


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
def browser():
    """A headless Chromium, or a skip that says how to install one."""
    from scripts.browser import INSTALL_HINT, find_chromium, launch

    if find_chromium() is None:
        pytest.skip(INSTALL_HINT)
    with launch() as chromium:
        yield chromium
