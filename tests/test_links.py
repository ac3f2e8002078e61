"""Every link, anchor and asset of both builds resolves, and the checker catches each kind of fault.

The fault tests copy a small hand-written site (tests/fixtures/links/) into a temp folder, add one
fault, and expect exactly that fault back with its reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.build import mkdocs_build
from scripts.check_links import Broken, check_site, main, page_sources
from scripts.pages import load_config

FIXTURES = Path(__file__).parent / "fixtures" / "links"
EXTRA_CSS = ["assets/style.css"]


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_every_link_of_the_build_resolves(variant, request, site_map):
    site = request.getfixturevalue(variant)
    result = check_site(site, extra_css=load_config()["extra_css"])
    assert result.ok, result.report(page_sources(site_map))
    assert result.pages >= len(site_map.pages) and result.links > result.pages
    assert result.external, "the pages' links to AWS documentation should be collected as external"


def test_the_checker_reads_the_site_url_from_the_build(online):
    result = check_site(online, site_url="https://elsewhere.example/")
    assert any(b.page == "sitemap.xml" and "not under the site_url" in b.reason for b in result.broken)


@pytest.fixture(params=["online", "offline"])
def clean_site(request, tmp_path) -> Path:
    site = tmp_path / request.param
    shutil.copytree(FIXTURES / request.param, site)
    return site


def broken(site: Path) -> list[Broken]:
    return check_site(site, extra_css=EXTRA_CSS).broken


def add_to_body(site: Path, page: str, snippet: str) -> None:
    path = site / page
    path.write_text(path.read_text().replace("</main>", f"{snippet}\n</main>"))


def test_links_to_other_hosts_are_collected_not_checked(clean_site):
    add_to_body(clean_site, "index.html", '<a href="//cdn.example.net/x.js#top">x</a>')
    result = check_site(clean_site, extra_css=EXTRA_CSS)
    assert result.ok
    assert result.external["https://cdn.example.net/x.js"] == {"index.html"}


def test_a_clean_site_passes(clean_site):
    result = check_site(clean_site, extra_css=EXTRA_CSS)
    assert result.ok, result.report()
    assert set(result.external) == {"https://docs.example.com/guide"}


# (variant, page, snippet added to it, the link as written, the reason reported)
FAULTS = [
    ("online", "index.html", '<a href="no-such-page/">x</a>', "no-such-page/", "no such directory in the build"),
    ("offline", "index.html", '<a href="no-such-page.html">x</a>', "no-such-page.html", "no such file in the build"),
    ("online", "index.html", '<a href="#nowhere">x</a>', "#nowhere", 'no id or name "nowhere" in index.html'),
    ("offline", "guide.html", '<a href="#nowhere">x</a>', "#nowhere", 'no id or name "nowhere" in guide.html'),
    ("online", "index.html", '<a href="guide/#nowhere">x</a>', "guide/#nowhere", "in guide/index.html"),
    ("offline", "index.html", '<a href="guide.html#nowhere">x</a>', "guide.html#nowhere", "in guide.html"),
    ("online", "guide/index.html", '<img src="../img/gone.png" alt="">', "../img/gone.png", "no such file"),
    ("offline", "index.html", '<img srcset="img/logo.png 1x, img/gone.png 2x" alt="">', "img/gone.png", "no such"),
    ("online", "index.html", '<link rel="stylesheet" href="assets/gone.css">', "assets/gone.css", "no such file"),
    ("offline", "guide.html", '<script src="assets/gone.js"></script>', "assets/gone.js", "no such file"),
    ("online", "index.html", '<a href="guide.md">x</a>', "guide.md", "links to a Markdown source (.md)"),
    ("offline", "index.html", '<a href="guide.md#setup">x</a>', "guide.md#setup", "Markdown source"),
    ("online", "index.html", '<a href="http://example.org/">x</a>', "http://example.org/", "plain http://"),
    ("offline", "index.html", '<a href="ftp://example.org/f">x</a>', "ftp://example.org/f", "unsupported scheme ftp:"),
    ("online", "index.html", '<a href="/guide/">x</a>', "/guide/", "outside the site's base path /base/"),
    ("online", "index.html", '<a href="../outside/">x</a>', "../outside/", "points above the site root"),
    ("online", "index.html", '<div style="background: url(img/gone.png)"></div>', "img/gone.png", "no such file"),
]


@pytest.mark.parametrize(("variant", "page", "snippet", "target", "reason"), FAULTS, ids=lambda v: str(v)[:30])
def test_each_fault_is_reported_with_its_reason(tmp_path, variant, page, snippet, target, reason):
    site = tmp_path / variant
    shutil.copytree(FIXTURES / variant, site)
    add_to_body(site, page, snippet)
    [fault] = broken(site)
    assert (fault.page, fault.target) == (page, target)
    assert reason in fault.reason


def test_a_directory_url_with_no_index_html(tmp_path):
    site = tmp_path / "online"
    shutil.copytree(FIXTURES / "online", site)
    (site / "drafts").mkdir()
    (site / "drafts" / "notes.txt").write_text("not a page\n")
    add_to_body(site, "index.html", '<a href="drafts/">x</a>')
    assert broken(site) == [Broken("index.html", "drafts/", "directory URL with no index.html in it")]


def test_a_relative_link_on_the_404_page_of_a_served_site(tmp_path):
    site = tmp_path / "online"
    shutil.copytree(FIXTURES / "online", site)
    page = site / "404.html"
    page.write_text(page.read_text().replace('href="/base/."', 'href="index.html"'))
    [fault] = broken(site)
    assert (fault.page, fault.target) == ("404.html", "index.html")
    assert "relative link on the 404 page" in fault.reason


def test_a_broken_url_in_a_stylesheet(clean_site):
    css = clean_site / "assets" / "print.css"
    css.write_text(css.read_text() + "h1 { background: url(../img/gone.svg#icon); }\n")
    assert broken(clean_site) == [Broken("assets/print.css", "../img/gone.svg#icon", "no such file in the build")]


def test_a_missing_extra_css_stylesheet(clean_site):
    result = check_site(clean_site, extra_css=[*EXTRA_CSS, "assets/extra.css"])
    assert result.broken == [Broken("mkdocs.yml", "assets/extra.css", "extra_css stylesheet missing from the build")]


def test_a_sitemap_url_with_no_page(clean_site):
    sitemap = clean_site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace("guide", "gone"))
    [fault] = broken(clean_site)
    assert fault.page == "sitemap.xml" and fault.target.startswith("https://example.org/base/gone")


def test_a_page_no_link_reaches(clean_site):
    (clean_site / "orphan.html").write_text("<!doctype html><title>Orphan</title><a href='index.html'>home</a>\n")
    assert broken(clean_site) == [
        Broken("orphan.html", "index.html", "no chain of links from the home page reaches this page")
    ]


def test_every_fault_is_reported_in_one_run_grouped_by_page_with_its_source(tmp_path):
    site = tmp_path / "online"
    shutil.copytree(FIXTURES / "online", site)
    add_to_body(site, "index.html", '<a href="#nowhere">x</a><img src="img/gone.png" alt="">')
    add_to_body(site, "guide/index.html", '<a href="../#nowhere">x</a>')
    result = check_site(site, extra_css=EXTRA_CSS)
    report = result.report({"index.html": "docs/index.md", "guide/index.html": "docs/guide.md"})
    assert report.splitlines()[1:] == [
        "guide/index.html (docs/guide.md)",
        '  → ../#nowhere: no id or name "nowhere" in index.html',
        "index.html (docs/index.md)",
        '  → #nowhere: no id or name "nowhere" in index.html',
        "  → img/gone.png: no such file in the build",
    ]


def test_main_exits_non_zero_with_the_report(tmp_path, capsys):
    site = tmp_path / "offline"
    shutil.copytree(FIXTURES / "offline", site)
    add_to_body(site, "index.html", '<a href="guide.html#nowhere">x</a>')
    assert main([str(site)]) == 1
    assert 'index.html (docs/index.md)\n  → guide.html#nowhere: no id or name "nowhere"' in capsys.readouterr().err


THEME_FIXTURE_CONFIG = """\
site_name: Theme fixture
site_url: https://example.org/fixture/
theme:
  name: material
  custom_dir: overrides
  font: false
"""
# A footer link that no Markdown file holds: `mkdocs build --strict` cannot see it.
BAD_OVERRIDE = """\
{% extends "base.html" %}
{% block footer %}{{ super() }}<a href="{{ 'no-such-page/' | url }}">A page that is not there</a>{% endblock %}
"""


def test_a_broken_link_added_by_a_theme_override(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "overrides").mkdir()
    (project / "mkdocs.yml").write_text(THEME_FIXTURE_CONFIG)
    (project / "docs" / "index.md").write_text("# Home\n\nA page with no broken link.\n")
    (project / "overrides" / "main.html").write_text(BAD_OVERRIDE)
    mkdocs_build(project / "site", offline=False, config=project / "mkdocs.yml")

    result = check_site(project / "site")
    assert sorted((b.page, b.target, b.reason) for b in result.broken) == [
        ("404.html", "/fixture/no-such-page/", "no such directory in the build"),
        ("index.html", "no-such-page/", "no such directory in the build"),
    ]
