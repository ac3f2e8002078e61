"""Zero third-party requests by construction: every page loads scripts, styles, fonts and images
from the site itself, and diagram pages load the vendored Mermaid."""

from __future__ import annotations

import pytest

from scripts import vendor
from scripts.html import css_urls, html_pages, is_remote, parse, references, shared_soup

MERMAID = "assets/vendor/mermaid/mermaid.min.js"


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_no_page_loads_anything_from_another_host(variant, request):
    site = request.getfixturevalue(variant)
    problems = [
        f"{page.relative_to(site)}: {ref.where} {ref.url}"
        for page in html_pages(site)
        for ref in references(parse(page))
        if ref.is_load and is_remote(ref.url)
    ]
    assert not problems, "pages that load from a third-party host:\n" + "\n".join(problems)


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_no_stylesheet_loads_anything_from_another_host(variant, request):
    site = request.getfixturevalue(variant)
    problems = [
        f"{css.relative_to(site)}: url({url})"
        for css in sorted(site.rglob("*.css"))
        for url in css_urls(css.read_text(encoding="utf-8"))
        if is_remote(url)
    ]
    assert not problems, "stylesheets that load from a third-party host:\n" + "\n".join(problems)


def test_no_google_fonts(online):
    for page in html_pages(online):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_diagram_pages_load_mermaid_from_the_site_itself_or_not_at_all(variant, request):
    """Diagrams drawn at build time need no script; diagrams left to the browser load the vendored one."""
    site = request.getfixturevalue(variant)
    diagram_pages = 0
    for page in html_pages(site):
        html = shared_soup(page)
        mermaid = [s["src"] for s in html.find_all("script", src=True) if "mermaid" in s["src"]]
        client_side, drawn = html.select("pre.mermaid"), html.select("div.mermaid > template[shadowrootmode]")
        diagram_pages += bool(client_side or drawn)
        if client_side:
            assert len(mermaid) == 1, f"{page.relative_to(site)}: has diagrams but loads {mermaid}"
            assert (page.parent / mermaid[0]).resolve() == (site / MERMAID).resolve(), (
                f"{page.relative_to(site)}: loads Mermaid from {mermaid[0]}, not the vendored {MERMAID}"
            )
        else:
            assert not mermaid, f"{page.relative_to(site)}: needs no Mermaid but loads {mermaid}"
    assert diagram_pages > 0


def test_offline_build_uses_the_vendored_iframe_worker_shim(offline):
    for page in html_pages(offline):
        shims = [s["src"] for s in shared_soup(page).find_all("script", src=True) if "iframe-worker" in s["src"]]
        if page.name == "404.html":
            continue
        assert len(shims) == 1 and not is_remote(shims[0]), f"{page.relative_to(offline)}: {shims}"


def test_online_build_has_no_iframe_worker_shim(online):
    assert not any("iframe-worker" in p.read_text(encoding="utf-8") for p in html_pages(online))


def test_vendored_files_match_their_recorded_checksums():
    problems = vendor.check()
    assert not problems, "\n".join(map(str, problems))


def test_vendored_packages_record_version_and_licence():
    for package in vendor.packages():
        assert package["version"] and package["license"], package["name"]
        # The vendored copy is named LICENSE, whatever the package calls it (MIT-License.txt).
        assert any(f["path"].rsplit("/", 1)[-1].startswith("LICENSE") for f in package["files"]), (
            f"{package['name']}: ship its licence file beside it"
        )
