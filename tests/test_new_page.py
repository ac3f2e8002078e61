"""scripts/new_page.py writes a page from the template and adds it to the nav, on a copy of the project."""

from __future__ import annotations

import shutil

import pytest

from scripts import check_placeholders, spellcheck
from scripts.build import ROOT
from scripts.lint import checks, run
from scripts.new_page import NewPageError, create, placeholders
from scripts.pages import DOCS, load_config


def fresh_slug(project, section: str, slug: str) -> str:
    """`slug`, or `slug-2`, `slug-3`...: a name no page of the copy has, so the test never collides
    with a page a contributor made with CONTRIBUTING's own example."""
    taken = {p.stem for p in (project / "docs" / section).glob("*.md")}
    return next(s for s in (slug, *(f"{slug}-{n}" for n in range(2, 100))) if s not in taken)


@pytest.fixture
def project(tmp_path):
    for name in ("mkdocs.yml", "docs", "overrides", ".pymarkdown.yaml"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copyfile)(src, tmp_path / name)
    return tmp_path


NEW_PAGE = "Service Connect: a first look"


def add_new_page(project) -> None:
    """CONTRIBUTING's own example, on a copy of the project."""
    create("ecs", fresh_slug(project, "ecs", "service-connect"), NEW_PAGE, root=project)


# The copy is made and checked in the background from the first test, as the bad-input copies are
# (tests/conftest.py, `content_check_findings`): the strict build, spelling, AWS links and Markdown lint.
@pytest.mark.parametrize(("copy", "change"), [("new page", add_new_page)])
def test_a_new_page_lands_in_its_section_and_passes_every_content_check(
    content_check_findings, build_outcome, copy, change
):
    if isinstance(build_outcome, str):
        pytest.skip("the unchanged pages do not build: test_both_variants_build_strictly says why")
    found = content_check_findings[copy].result()
    project = found.project
    slug = fresh_slug(found.snapshot, "ecs", "service-connect")
    page = project / "docs" / "ecs" / f"{slug}.md"
    assert page.is_file(), f"{page}: not written"
    nav = load_config(project / "mkdocs.yml")["nav"]
    (ecs,) = [item["Amazon ECS"] for item in nav if isinstance(item, dict) and "Amazon ECS" in item]
    assert ecs[-1] == {NEW_PAGE: f"ecs/{slug}.md"}
    # Exactly one line added: the comments and tags of mkdocs.yml are untouched.
    before = (found.snapshot / "mkdocs.yml").read_text().splitlines()
    after = (project / "mkdocs.yml").read_text().splitlines()
    added = [line for line in after if line not in before]
    assert added == [f'      - "{NEW_PAGE}": ecs/{slug}.md']
    assert len(after) == len(before) + 1

    text = page.read_text()
    assert text.startswith("---\ndescription: ")
    assert text.count("\n# ") == 1 and f"\n# {NEW_PAGE}\n" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[-2:] == ["## Self-check", "## Official documentation"]
    assert not found.after, "the new page fails a content check:\n" + "\n".join(found.after.values())


def test_the_template_passes_the_markdown_lint(project):
    page = create("eks", fresh_slug(project, "eks", "karpenter"), "Karpenter", root=project)
    # The lint judges each file on its own: the new page is all this test adds.
    (markdown,) = [c for c in checks(project, markdown=[page.relative_to(project).as_posix()]) if c.name == "markdown"]
    result = run(markdown, cwd=project)
    assert result.ok, result.output


def test_an_existing_page_is_refused_and_nothing_changes(project):
    before = (project / "mkdocs.yml").read_text()
    with pytest.raises(NewPageError, match=r"docs/ecs/launch-types\.md already exists"):
        create("ecs", "launch-types", "Launch types again", root=project)
    assert (project / "mkdocs.yml").read_text() == before


@pytest.mark.parametrize(
    ("section", "slug", "message"),
    [
        ("ecs", "Service_Connect", "lowercase words joined by hyphens"),
        ("ecs", "../escape", "lowercase words joined by hyphens"),
        ("lambda", "functions", "no nav section holds pages of docs/lambda/; the sections are: aws, docker"),
    ],
)
def test_bad_names_are_refused_with_a_reason(project, section, slug, message):
    with pytest.raises(NewPageError, match=message.replace("(", r"\(")):
        create(section, slug, "A title", root=project)


def test_no_page_keeps_a_template_placeholder():
    assert check_placeholders.problems(sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.parts)) == []


def test_a_fresh_page_gets_its_own_placeholder_message_before_the_spell_check(project):
    page = create("docker", fresh_slug(project, "docker", "buildkit"), "BuildKit", root=project)
    assert placeholders(page.read_text())[:2] == [2, 8]
    first = check_placeholders.problems([page], root=project)[0]
    assert first == (
        "docs/docker/" + page.name + ":2: the new-page template's `TODO:` is still there: "
        "replace it with one sentence under 160 characters, used as the meta description."
    )
    names = [check.name for check in checks(project)]
    assert names.index("placeholders") < names.index("spelling")
    # The spell check leaves the placeholder to that message instead of advising to add TODO to the word list.
    assert [
        m.word for m in spellcheck.check([page], spellcheck.load_wordlist(), root=project) if m.word == "TODO"
    ] == []
