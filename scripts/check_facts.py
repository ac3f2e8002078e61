"""Facts that recur on several pages live once, in docs/includes/facts/, and pages include them.

A page includes a fact with a line of its own, `--8<-- "facts/<name>.md"` (pymdownx.snippets), so an
edit to the fact reaches every page at once. This check fails when:

- a page restates a fact in its own words (a line matching the fact's SIGNATURE, link titles aside),
  so the copies could drift apart; exempt are AWS quotes (`>` lines), front matter, code, table rows
  (they compare options cell by cell: keep such a cell short and link the page that holds the fact)
  and the self-check questions, which apply a fact to a scenario;
- a fact has no SIGNATURE, or fewer than two pages include it (then it is no recurring fact);
- a page includes a fact file that does not exist;
- a hand-written copy of a fact listed in docs/includes/facts/copies.toml (table cells, list items and
  glossary definitions, where no snippet can go) lacks a string every copy holds, or a page that the
  file lists no longer holds a copy: the copies were edited apart.

Usage: python -m scripts.check_facts [docs/x.md ...]
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

DOCS = Path("docs")
FACTS = DOCS / "includes" / "facts"
LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
COPIES = FACTS / "copies.toml"
INCLUDE = re.compile(r'^\s*-{2}8<-{2}\s+"facts/(?P<name>[^"]+)"\s*$')

# What a hand-written restatement of each fact looks like, matched against one source line.
SIGNATURES: dict[str, re.Pattern[str]] = {
    "eks-pod-identity-scope.md": re.compile(r"Pod Identit(?:y|ies)\b.*\b(?:Fargate|Windows|Outposts)\b"),
    "eks-auto-mode-capacity.md": re.compile(
        r"Auto Mode\b.*\b(?:Capacity Reservations?|Capacity Blocks?|ODCRs?)\b", re.IGNORECASE
    ),
    "ecs-s3-files-capacity.md": re.compile(r"S3 Files\b.*\bEC2 launch type\b"),
    "ecr-private-pull-endpoints.md": re.compile(r"`ecr\.(?:api|dkr)`.*`ecr\.(?:api|dkr)`.*\bS3\b"),
}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def fact_names(facts: Path = FACTS) -> list[str]:
    return sorted(p.name for p in facts.glob("*.md"))


def page_lines(path: Path) -> list[tuple[int, str, bool]]:
    """(line number, text without links, exempt) for each line of a page."""
    out: list[tuple[int, str, bool]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    in_front_matter = bool(lines) and lines[0] == "---"
    in_self_check = in_fence = False
    for number, text in enumerate(lines, start=1):
        stripped = text.strip()
        if in_front_matter and number > 1 and stripped == "---":
            in_front_matter = False
            out.append((number, text, True))
            continue
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and text.startswith("## "):
            in_self_check = stripped == "## Self-check"
        exempt = in_front_matter or in_self_check or in_fence or stripped.startswith((">", "|"))
        out.append((number, LINK.sub("", text), exempt))
    return out


def check(pages: list[Path], all_pages: list[Path], facts: Path = FACTS) -> list[Finding]:
    names = fact_names(facts)
    findings: list[Finding] = []
    users: dict[str, set[Path]] = {name: set() for name in names}
    for page in all_pages:
        for number, text, _ in page_lines(page):
            match = INCLUDE.match(text)
            if not match:
                continue
            name = match["name"]
            if name in users:
                users[name].add(page)
            elif page in pages:
                findings.append(Finding(page, number, f"includes facts/{name}, which is not in {facts}"))
    for page in pages:
        term = ""  # a glossary definition (`:   ...`) restates a fact together with its term, on the line above
        for number, text, exempt in page_lines(page):
            said = f"{term} {text}" if text.startswith(":   ") else text
            term = text if text.strip() and not text.startswith(" ") else term
            if exempt or INCLUDE.match(text):
                continue
            for name in names:
                signature = SIGNATURES.get(name)
                if signature and signature.search(said):
                    findings.append(
                        Finding(
                            page,
                            number,
                            f"restates the fact in {facts / name}; replace the line with "
                            f'`--8<-- "facts/{name}"` (edit the fact there, once for every page)',
                        )
                    )
    for name in names:
        path = facts / name
        if name not in SIGNATURES:
            findings.append(
                Finding(
                    path,
                    1,
                    "no signature: add what a restatement looks like to SIGNATURES in scripts/check_facts.py",
                )
            )
        if len(users[name]) < 2:
            findings.append(
                Finding(
                    path,
                    1,
                    f"included by {len(users[name])} page(s); a fact lives here when two or more pages need it",
                )
            )
    return findings


@dataclass(frozen=True)
class CopiedFact:
    """A fact written by hand on several pages (docs/includes/facts/copies.toml)."""

    name: str
    source: str  # the page that teaches it in full, in its own words; not compared
    evidence: str  # the page the fact rests on, cited on `source`
    where: tuple[str, ...]  # a line holding all of these restates the fact
    names: tuple[str, ...]  # what every restatement holds
    pages: tuple[str, ...]  # the pages that hold a restatement


def copied_facts(path: Path = COPIES) -> list[CopiedFact]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        CopiedFact(
            name,
            fact["source"],
            fact["evidence"],
            tuple(fact["where"]),
            tuple(fact["names"]),
            tuple(fact["pages"]),
        )
        for name, fact in data.items()
    ]


def check_copies(pages: list[Path], docs: Path = DOCS, copies: Path = COPIES) -> list[Finding]:
    """Every restatement of a copied fact holds what the others hold, and every listed page keeps one."""
    findings: list[Finding] = []
    read = {page: page_lines(page) for page in pages}
    for fact in copied_facts(copies):
        source = docs / fact.source
        if not source.is_file() or fact.evidence not in source.read_text(encoding="utf-8"):
            findings.append(
                Finding(copies, 1, f"[{fact.name}]: its source page {source} does not cite {fact.evidence}")
            )
        holders: set[Path] = set()
        for page in pages:
            if page == source:
                continue
            for number, text, exempt in read[page]:
                if exempt and not text.strip().startswith(
                    "|"
                ):  # table cells are compared; quotes, code and self-checks not
                    continue
                if not all(part in text for part in fact.where):
                    continue
                holders.add(page)
                missing = [name for name in fact.names if name not in text]
                if missing:
                    findings.append(
                        Finding(
                            page,
                            number,
                            f"a copy of the fact [{fact.name}] in {copies} lacks "
                            + ", ".join(repr(m) for m in missing)
                            + f"; every copy holds {list(fact.names)} (taught in full on {source})",
                        )
                    )
        for listed in fact.pages:
            page = docs / listed
            if not page.is_file():
                findings.append(Finding(copies, 1, f"[{fact.name}]: lists {page}, which does not exist"))
            elif page in pages and page not in holders:
                findings.append(
                    Finding(
                        page,
                        1,
                        f"holds no copy of the fact [{fact.name}] that {copies} lists for it (a line with "
                        f"{list(fact.where)}); restore it, or drop the page from the list",
                    )
                )
    return findings


def topic_pages(docs: Path = DOCS) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if "includes" not in p.relative_to(docs).parts)


def main(argv: list[str]) -> int:
    every = topic_pages()
    pages = [Path(a) for a in argv] or every
    findings = check(pages, every) + check_copies(pages)
    for finding in findings:
        print(finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
