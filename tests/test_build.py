"""The strict build of both variants passes without a warning."""

from __future__ import annotations

import pytest

from scripts.build import BuildError, mkdocs_build


def test_both_variants_build_strictly(build_outcome):
    if isinstance(build_outcome, str):
        pytest.fail(build_outcome, pytrace=False)
    builds = build_outcome
    assert (builds.online / "index.html").is_file()
    assert (builds.offline / "index.html").is_file()
    assert builds.zip.is_file()


def test_a_broken_link_stops_the_build_and_names_the_file(project_copy):
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text() + "\nSee [the missing page](no-such-page.md).\n")
    with pytest.raises(BuildError, match=r"about\.md.*no-such-page\.md"):
        mkdocs_build(project_copy / "site", offline=False, config=project_copy / "mkdocs.yml")


def test_a_missing_anchor_stops_the_build_and_names_the_file(project_copy):
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text() + "\nSee [nowhere](index.md#no-such-heading).\n")
    with pytest.raises(BuildError, match=r"about\.md.*no-such-heading"):
        mkdocs_build(project_copy / "site", offline=False, config=project_copy / "mkdocs.yml")


def test_a_page_outside_the_nav_stops_the_build_and_names_the_file(project_copy):
    (project_copy / "docs" / "stray.md").write_text("---\ndescription: Stray.\n---\n\n# Stray\n")
    with pytest.raises(BuildError, match=r"stray\.md"):
        mkdocs_build(project_copy / "site", offline=False, config=project_copy / "mkdocs.yml")
