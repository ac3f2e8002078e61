"""The evidence boxes of a page, read from its Markdown: one parser for the build hooks and the scripts.

Two admonition types carry the site's claims about AWS, and both end with the AWS sentence they rest on:

    ??? correction "Correction: <title>"

        The notes say: "<the notes, verbatim>"

        <what is true>

        > "<AWS's sentence, verbatim>"
        >
        > [<AWS page title>](https://docs.aws.amazon.com/...)

    !!! changed "Recent AWS change: <title>"

        Changed by AWS: 2024-09-05. Checked: 2026-11-28.

        <what changed>

        > "<AWS's sentence, verbatim>"
        >
        > [<AWS page title>](https://docs.aws.amazon.com/...)

A correction is a collapsed aside (`???`; `???+` shows it open), read after the page has taught what is
true; a changed box is open (`!!!`) or collapsed alike.

`boxes_in` returns the boxes and, for every box that breaks the format, a problem naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

KINDS = ("correction", "changed")
OPENING = re.compile(r'^(?P<marker>!!!|\?\?\?\+?) (?P<kind>correction|changed) "(?P<title>[^"]+)"\s*$')
PREFIX = {"correction": "Correction: ", "changed": "Recent AWS change: "}
NOTES_QUOTE = re.compile(r'The notes say: "(?P<quote>.+)"[.,;]?\s*$')
DATES = re.compile(
    r"^Changed by AWS: (?P<aws>\d{4}(?:-\d{2}(?:-\d{2})?)?)\. Checked: (?P<checked>\d{4}-\d{2}-\d{2})\.$"
)
QUOTE = re.compile(r'^"(?P<text>.+)"$', re.DOTALL)
LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)$")
AWS_SOURCE = re.compile(r"^https://(?:docs\.aws\.amazon\.com|aws\.amazon\.com)/")
EVIDENCE_FORM = '> "<AWS sentence, verbatim>" / > / > [<AWS page title>](https://docs.aws.amazon.com/...)'


@dataclass(frozen=True)
class Evidence:
    quote: str
    url: str
    title: str
    line: int


@dataclass(frozen=True)
class Box:
    src: str  # below docs/
    line: int
    kind: str
    title: str  # without its prefix
    notes_quote: str | None
    evidence: tuple[Evidence, ...]
    aws_date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    checked: str | None

    @property
    def anchor(self) -> str:
        """The box's id in the built page, so logs can link to the box itself."""
        return f"{self.kind}-" + (re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-") or "box")


def _body(lines: list[str], start: int) -> list[tuple[int, str]]:
    """(line number, text without the 4-space indent) of the admonition that opens at index `start`."""
    body = []
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if line.strip() and not line.startswith("    "):
            break
        body.append((number, line[4:].rstrip()))
    while body and not body[-1][1]:
        body.pop()
    return body


def _blockquotes(body: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """Each blockquote of the body: its first line number and its paragraphs, `>` markers removed."""
    quotes: list[tuple[int, list[str]]] = []
    previous = -1
    for number, text in body:
        if not text.startswith(">"):
            continue
        content = text[1:].strip()
        if number != previous + 1:
            quotes.append((number, [""]))
        paragraphs = quotes[-1][1]
        if not content:
            paragraphs.append("")
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {content}".strip()
        previous = number
    return [(number, [p for p in paragraphs if p]) for number, paragraphs in quotes]


def _valid_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")]
    try:
        date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError:
        return False
    return True


def boxes_in(src: str, markdown: str) -> tuple[list[Box], list[str]]:
    """The correction and changed boxes of one page, and what is wrong with them (`docs/x.md:12: ...`)."""
    boxes: list[Box] = []
    problems: list[str] = []
    lines = markdown.splitlines()
    seen: set[str] = set()
    for index, line in enumerate(lines):
        opening = OPENING.match(line)
        if not opening:
            continue
        kind, full_title, number = opening["kind"], opening["title"], index + 1
        where = f'docs/{src}:{number}: {kind} box "{full_title}"'
        if not full_title.startswith(PREFIX[kind]):
            problems.append(f'{where}: the title must start with "{PREFIX[kind]}"')
        if kind == "correction" and opening["marker"] == "!!!":
            problems.append(
                f"{where}: a correction is a collapsed aside after the page's own explanation: "
                f'open it with `??? correction "{full_title}"`, not `!!!`'
            )
        body = _body(lines, index)
        notes = next((m["quote"] for m in (NOTES_QUOTE.match(text) for _, text in body) if m), None)
        if kind == "correction" and notes is None:
            problems.append(f'{where}: a correction must quote the notes: The notes say: "..."')
        dates = next((m for m in (DATES.match(text) for _, text in body) if m), None)
        if kind == "changed":
            if dates is None:
                problems.append(
                    f"{where}: say when AWS made the change and when it was checked, on a line of its own: "
                    "Changed by AWS: YYYY-MM-DD. Checked: YYYY-MM-DD. (AWS's date may be YYYY-MM or YYYY)"
                )
            elif not (_valid_date(dates["aws"]) and _valid_date(dates["checked"])):
                problems.append(f"{where}: not a real date in {dates.group(0)!r}")
        evidence = []
        for quote_line, paragraphs in _blockquotes(body):
            quote = QUOTE.match(paragraphs[0]) if paragraphs else None
            link = LINK.match(paragraphs[-1]) if len(paragraphs) >= 2 else None
            if not (quote and link and len(paragraphs) == 2):
                problems.append(f'docs/{src}:{quote_line}: {kind} box "{full_title}": evidence must be {EVIDENCE_FORM}')
                continue
            if not AWS_SOURCE.match(link["url"]):
                problems.append(
                    f'docs/{src}:{quote_line}: {kind} box "{full_title}": the quote\'s source must be an AWS page '
                    f"(https://docs.aws.amazon.com/ or https://aws.amazon.com/), not {link['url']}"
                )
                continue
            evidence.append(Evidence(quote["text"], link["url"], link["title"], quote_line))
        if not evidence:
            problems.append(
                f"{where}: end the box with the AWS sentence it rests on, quoted, and the AWS page it is on: "
                f"{EVIDENCE_FORM}"
            )
        box = Box(
            src,
            number,
            kind,
            full_title.removeprefix(PREFIX[kind]),
            notes,
            tuple(evidence),
            dates["aws"] if dates else None,
            dates["checked"] if dates else None,
        )
        if box.anchor in seen:
            problems.append(f"{where}: another {kind} box on this page has the same title")
        seen.add(box.anchor)
        boxes.append(box)
    return boxes, problems
