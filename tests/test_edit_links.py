"""Every page's edit button opens that page's own file in the repository, and it is the page's only
button beside the title: the raw Markdown (Material's view-source button) tells a learner nothing.

The repository is written once, as `repo_url` and `edit_uri` in mkdocs.yml; the button derives from it.
"""

from __future__ import annotations

import pytest

from scripts.html import shared_soup
from scripts.pages import load_config


def expected_links(src: str) -> dict[str, str]:
    config = load_config()
    return {"Edit this page": f"{config['repo_url'].rstrip('/')}/{config['edit_uri'].strip('/')}/{src}"}


def test_the_edit_uri_points_into_docs_on_the_default_branch():
    config = load_config()
    assert config["repo_url"].startswith("https://github.com/")
    assert config["edit_uri"].strip("/") == f"edit/main/{config.get('docs_dir', 'docs')}"


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_every_page_links_to_its_own_source_file(request, site_map, variant):
    site = request.getfixturevalue(variant)
    problems = []
    for page in site_map.pages:
        html = shared_soup(page.built(site, directory_urls=variant == "online"))
        found = {a.get("title"): a.get("href") for a in html.select("a.md-content__button")}
        want = expected_links(page.src)
        if found != want:
            problems.append(f"docs/{page.src}: buttons beside the title {found}, want {want}")
    assert not problems, "\n".join(problems)
