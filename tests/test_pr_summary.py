"""A pull request's CI summary lists the pages it changed, with where their screenshots are."""

from __future__ import annotations

from scripts.pages import load_site_map
from scripts.pr_summary import summary


def test_the_summary_names_each_changed_page_its_title_and_its_screenshots():
    text = summary(["docs/ecs/iam-roles.md", "docs/eks/overview.md"], load_site_map())
    site_map = load_site_map()
    assert text.startswith("### Pages changed (2)\n")
    for src in ("ecs/iam-roles.md", "eks/overview.md"):
        page = site_map.by_src(src)
        name = page.stem.replace("/", "--")
        assert (
            f"| {page.title} | `docs/{src}` | `1-changed-pages/{name}.phone.{{light,dark}}.png`, "
            f"`1-changed-pages/{name}.laptop.{{light,dark}}.png` |"
        ) in text


def test_a_page_outside_the_nav_is_said_so_and_no_change_is_said_too():
    assert "| (not in the nav) | `docs/ecs/nowhere.md` | none |" in summary(["docs/ecs/nowhere.md"], load_site_map())
    assert "No page under `docs/` changed" in summary([], load_site_map())
