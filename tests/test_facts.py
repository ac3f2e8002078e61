"""A fact that recurs on several pages is written once, in docs/includes/facts/, and every page shows it."""

from __future__ import annotations

import re
from pathlib import Path

from scripts import check_facts
from scripts.html import parse

FACT = "EKS Pod Identity works on Linux EC2 nodes; not for pods on Fargate, which use IRSA.\n"
INCLUDE = '--8<-- "facts/eks-pod-identity-scope.md"\n'


def write(docs: Path, files: dict[str, str]) -> None:
    """Write each file of `files`, named below `docs`."""
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text)


def as_written(findings: list[check_facts.Finding], docs: Path) -> list[str]:
    return [str(f).replace(str(docs), "docs") for f in findings]


def plant(tmp_path: Path, pages: dict[str, str], facts: dict[str, str] | None = None) -> list[str]:
    docs = tmp_path / "docs"
    write(docs, {f"includes/facts/{n}": t for n, t in (facts or {"eks-pod-identity-scope.md": FACT}).items()})
    write(docs, pages)
    every = check_facts.topic_pages(docs)
    return as_written(check_facts.check(every, every, docs / "includes" / "facts"), docs)


def test_the_site_restates_no_shared_fact_and_every_fact_is_shared():
    assert [str(f) for f in check_facts.check(check_facts.topic_pages(), check_facts.topic_pages())] == []


def test_pages_that_include_a_fact_pass(tmp_path: Path):
    assert plant(tmp_path, {"eks/a.md": "# A\n\n" + INCLUDE, "study/b.md": "# B\n\n    " + INCLUDE}) == []


def test_a_fact_restated_by_hand_is_named_with_file_line_and_the_include_to_use(tmp_path: Path):
    copy = "Pods on Fargate get credentials from IRSA, as EKS Pod Identity does not run on Fargate.\n"
    findings = plant(tmp_path, {"eks/a.md": "# A\n\n" + INCLUDE, "study/b.md": INCLUDE, "study/c.md": "# C\n\n" + copy})
    assert findings == [
        "docs/study/c.md:3: restates the fact in docs/includes/facts/eks-pod-identity-scope.md; replace the line "
        'with `--8<-- "facts/eks-pod-identity-scope.md"` (edit the fact there, once for every page)'
    ]


def test_quotes_tables_links_and_self_checks_may_name_the_fact(tmp_path: Path):
    lines = (
        "---\ndescription: EKS Pod Identity and Fargate\n---\n\n# C\n\n"
        '> "Linux and Windows pods that run on AWS Fargate (Fargate) aren\'t supported by EKS Pod Identity."\n\n'
        "| EKS Pod Identity | Fargate: no |\n| --- | --- |\n\n"
        "See [EKS Pod Identity on Fargate](https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html).\n\n"
        '## Self-check\n\n??? question "Pods on Fargate need S3: EKS Pod Identity or IRSA?"\n'
    )
    assert plant(tmp_path, {"eks/a.md": INCLUDE, "study/b.md": INCLUDE, "study/c.md": lines}) == []


def test_a_fact_needs_two_pages_and_a_signature(tmp_path: Path):
    findings = plant(
        tmp_path,
        {"eks/a.md": INCLUDE + '--8<-- "facts/new-fact.md"\n', "study/b.md": INCLUDE},
        {"eks-pod-identity-scope.md": FACT, "new-fact.md": "A new fact.\n"},
    )
    assert findings == [
        "docs/includes/facts/new-fact.md:1: no signature: add what a restatement looks like to SIGNATURES in "
        "scripts/check_facts.py",
        "docs/includes/facts/new-fact.md:1: included by 1 page(s); a fact lives here when two or more pages need it",
    ]


def test_including_a_missing_fact_is_named(tmp_path: Path):
    findings = plant(tmp_path, {"eks/a.md": INCLUDE, "study/b.md": INCLUDE + '--8<-- "facts/gone.md"\n'})
    assert findings == ["docs/study/b.md:2: includes facts/gone.md, which is not in docs/includes/facts"]


def test_every_page_that_includes_a_fact_shows_its_words(online: Path):
    checked = 0
    for page in check_facts.topic_pages():
        for _, text, _ in check_facts.page_lines(page):
            match = check_facts.INCLUDE.match(text)
            if not match:
                continue
            fact = (check_facts.FACTS / match["name"]).read_text(encoding="utf-8")
            opening = " ".join(re.split(r"[`(\[*]", fact, maxsplit=1)[0].split()[:6])
            html = online / page.relative_to(check_facts.DOCS).with_suffix("") / "index.html"
            shown = " ".join(parse(html).body.text().split())
            assert opening in shown, f"{page}: the words of facts/{match['name']} are missing from {html}"
            checked += 1
    assert checked >= 8


# Facts written by hand in table cells, lists and glossary definitions (docs/includes/facts/copies.toml).

COPIES = """
[fargate-size]
source = "ecs/sizes.md"
evidence = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html"
where = ["16 vCPU "]
names = ["16 vCPU", "120 GB"]
pages = ["study/a.md", "study/b.md"]
"""
SOURCE = "# Sizes\n\n[Sizes](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html)\n"


def plant_copies(tmp_path: Path, pages: dict[str, str], copies: str = COPIES) -> list[str]:
    docs = tmp_path / "docs"
    write(docs, {"includes/facts/copies.toml": copies, "ecs/sizes.md": SOURCE, **pages})
    findings = check_facts.check_copies(
        check_facts.topic_pages(docs), docs, docs / "includes" / "facts" / "copies.toml"
    )
    return as_written(findings, docs)


def test_the_site_copies_of_each_recurring_fact_agree():
    assert [str(f) for f in check_facts.check_copies(check_facts.topic_pages())] == []


def test_every_copied_fact_lists_two_pages_and_cites_its_evidence_on_its_source():
    for fact in check_facts.copied_facts():
        assert len(fact.pages) >= 2, fact.name
        assert fact.evidence.startswith("https://"), fact.name


def test_copies_that_agree_pass(tmp_path: Path):
    pages = {
        "study/a.md": "# A\n\n| Fargate | Up to 16 vCPU and 120 GB |\n",
        "study/b.md": "# B\n\n- Fargate tasks: up to 16 vCPU and 120 GB of memory.\n",
    }
    assert plant_copies(tmp_path, pages) == []


def test_a_copy_edited_alone_is_named_with_file_line_and_what_it_lacks(tmp_path: Path):
    pages = {
        "study/a.md": "# A\n\n| Fargate | Up to 16 vCPU and 120 GB |\n",
        "study/b.md": "# B\n\n- Fargate tasks: up to 16 vCPU and 128 GB of memory.\n",
    }
    [finding] = plant_copies(tmp_path, pages)
    assert finding.startswith("docs/study/b.md:3: a copy of the fact [fargate-size] in docs/includes/facts/copies.toml")
    assert "lacks '120 GB'" in finding and "docs/ecs/sizes.md" in finding


def test_an_unlisted_page_that_restates_the_fact_is_compared_too(tmp_path: Path):
    pages = {
        "study/a.md": "# A\n\nUp to 16 vCPU and 120 GB.\n",
        "study/b.md": "# B\n\nUp to 16 vCPU and 120 GB.\n",
        "eks/c.md": "# C\n\nFargate pods: up to 16 vCPU and 32 GB.\n",
    }
    assert [f.split(" in ")[0] for f in plant_copies(tmp_path, pages)] == [
        "docs/eks/c.md:3: a copy of the fact [fargate-size]"
    ]


def test_quotes_self_checks_and_the_source_page_are_not_compared(tmp_path: Path):
    pages = {
        "study/a.md": '# A\n\nUp to 16 vCPU and 120 GB.\n\n> "Fargate supports 16 vCPU tasks"\n',
        "study/b.md": "# B\n\nUp to 16 vCPU and 120 GB.\n\n## Self-check\n\nA task needs 16 vCPU and 200 GB.\n",
    }
    assert plant_copies(tmp_path, pages) == []


def test_a_listed_page_that_lost_its_copy_is_named(tmp_path: Path):
    pages = {"study/a.md": "# A\n\nUp to 16 vCPU and 120 GB.\n", "study/b.md": "# B\n\nFargate tasks are small.\n"}
    assert plant_copies(tmp_path, pages) == [
        "docs/study/b.md:1: holds no copy of the fact [fargate-size] that docs/includes/facts/copies.toml lists for "
        "it (a line with ['16 vCPU ']); restore it, or drop the page from the list"
    ]


def test_a_source_page_that_does_not_cite_the_evidence_is_named(tmp_path: Path):
    pages = {"study/a.md": "# A\n\nUp to 16 vCPU and 120 GB.\n", "study/b.md": "# B\n\nUp to 16 vCPU and 120 GB.\n"}
    copies = COPIES.replace("task-cpu-memory-error", "fargate-tasks-services")
    [finding] = plant_copies(tmp_path, pages, copies)
    assert finding.startswith("docs/includes/facts/copies.toml:1: [fargate-size]: its source page docs/ecs/sizes.md")


def test_a_listed_page_that_does_not_exist_is_named(tmp_path: Path):
    pages = {"study/a.md": "# A\n\nUp to 16 vCPU and 120 GB.\n", "study/c.md": "# C\n\nUp to 16 vCPU and 120 GB.\n"}
    assert plant_copies(tmp_path, pages) == [
        "docs/includes/facts/copies.toml:1: [fargate-size]: lists docs/study/b.md, which does not exist"
    ]


def test_a_glossary_definition_that_restates_a_fact_under_its_term_is_named(tmp_path: Path):
    glossary = (
        "# Glossary\n\nEKS Pod Identity\n:   Gives pods credentials; AWS supports it on Linux nodes, not on Fargate.\n"
    )
    findings = plant(tmp_path, {"eks/a.md": INCLUDE, "study/b.md": INCLUDE, "study/glossary.md": glossary})
    assert [f.split(": ")[0] for f in findings] == ["docs/study/glossary.md:4"]
