"""Facts that recur on several pages live once, in docs/includes/facts/, and pages include them.

A page includes a fact with a line of its own, `--8<-- "facts/<name>.md"` (pymdownx.snippets), so an
edit to the fact reaches every page at once. This check fails when:

- a page restates a fact in its own words (a line matching the fact's SIGNATURE, link titles aside),
  so the copies could drift apart; exempt are AWS quotes (`>` lines), front matter, code, table rows
  (they compare options cell by cell: keep such a cell short and link the page that holds the fact)
  and the self-check questions, which apply a fact to a scenario;
- a fact has no SIGNATURE, or fewer than two pages include it (then it is no recurring fact);
- a page includes a fact file that does not exist.

Usage: python -m scripts.check_facts [docs/x.md ...]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

DOCS = Path("docs")
FACTS = DOCS / "includes" / "facts"
LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
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
        for number, text, exempt in page_lines(page):
            if exempt or INCLUDE.match(text):
                continue
            for name in names:
                signature = SIGNATURES.get(name)
                if signature and signature.search(text):
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


def topic_pages(docs: Path = DOCS) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if "includes" not in p.relative_to(docs).parts)


def main(argv: list[str]) -> int:
    every = topic_pages()
    pages = [Path(a) for a in argv] or every
    findings = check(pages, every)
    for finding in findings:
        print(finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
