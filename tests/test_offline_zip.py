"""The offline zip: reproducible, opens at its top-level index.html, holds exactly the offline
site, and every page of the online site links to it at a path where it is."""

from __future__ import annotations

import zipfile
from urllib.parse import urljoin, urlsplit

import pytest

from scripts.build import DOWNLOAD_PATH
from scripts.html import html_pages, shared_soup
from scripts.local_server import base_path


def test_a_second_build_of_the_same_sources_gives_the_same_zip(builds, second_offline_zip):
    """The run's own zip against one more offline build of the same copy of the sources, made in the
    background (tests/conftest.py, `second_offline_zip`)."""
    second = second_offline_zip.result()
    if builds.zip.read_bytes() != second.read_bytes():
        with zipfile.ZipFile(builds.zip) as a, zipfile.ZipFile(second) as b:
            differ = [i.filename for i, j in zip(a.infolist(), b.infolist(), strict=False) if i.CRC != j.CRC]
            differ += sorted(set(a.namelist()) ^ set(b.namelist()))
        pytest.fail(f"two offline builds of the same sources give different zips; entries that differ: {differ}")


def test_the_zip_opens_at_index_html_and_holds_exactly_the_offline_site(builds):
    with zipfile.ZipFile(builds.zip) as zf:
        names = zf.namelist()
        assert zf.testzip() is None, f"{builds.zip}: a corrupt entry"
    assert "index.html" in names, f"{builds.zip}: no top-level index.html"
    site_files = sorted(p.relative_to(builds.offline).as_posix() for p in builds.offline.rglob("*") if p.is_file())
    assert names == site_files, f"{builds.zip}: entries differ from {builds.offline}"


def test_every_online_page_links_to_the_zip_where_it_is(builds):
    site = builds.online
    base = base_path(site)
    served = site / DOWNLOAD_PATH
    assert served.read_bytes() == builds.zip.read_bytes(), f"{served}: not the offline zip"
    problems = []
    for page in html_pages(site):
        where = page.relative_to(site).as_posix()
        links = [a["href"] for a in shared_soup(page).find_all("a", href=True) if a["href"].endswith(".zip")]
        if len(links) != 1:
            problems.append(f"{where}: {len(links)} links to a zip, want 1")
            continue
        # Resolve as a browser would at this page's URL under the site's base path.
        url = urljoin(base + where, links[0])
        if urlsplit(url).path != base + DOWNLOAD_PATH:
            problems.append(f"{where}: links to {links[0]}, which resolves to {url}, not {base}{DOWNLOAD_PATH}")
    assert not problems, "\n".join(problems)


def test_offline_pages_offer_no_download(builds):
    offering = [p for p in html_pages(builds.offline) if "study-download" in p.read_text(encoding="utf-8")]
    assert not offering, f"offline pages that link to the zip they are in: {offering}"
