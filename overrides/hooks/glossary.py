"""One list of abbreviations feeds both the hover tooltips and the glossary page.

docs/includes/abbreviations.md holds lines like `*[AMI]: Amazon Machine Image — what it is`.
This hook makes them the `abbr` extension's glossary, which turns each use of the word on every
page into a tooltip, and adds two things the file cannot do by itself:

- plural tooltips (`AMIs`), derived from the singular entry, because `abbr` matches whole words only;
- the glossary table, rendered at the marker line `[[acronym-table]]` of the glossary page.

The glossary option, not the file appended to each page's Markdown: `abbr` reads one definition per
pass over a block and puts the rest back, so a hundred lines in one block were tested by every block
processor a hundred times, a tenth of a CPU-second a page (`make bench` times the builds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SOURCE = Path("includes") / "abbreviations.md"  # below docs_dir
MARKER = "[[acronym-table]]"
LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ \t]*(?P<text>\S.*?)\s*$")
SEPARATOR = " — "  # between the expansion and the short explanation
# Only all-capital terms get a derived plural ("AMIs"); "K8s" or "CI/CD" do not.
PLURALIZABLE = re.compile(r"^[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*$")


@dataclass(frozen=True)
class Abbreviation:
    term: str
    text: str  # the whole tooltip: "Expansion — explanation"

    @property
    def expansion(self) -> str:
        return self.text.split(SEPARATOR, 1)[0]

    @property
    def explanation(self) -> str:
        parts = self.text.split(SEPARATOR, 1)
        return parts[1] if len(parts) == 2 else ""


def parse(text: str, source: str = str(SOURCE)) -> list[Abbreviation]:
    """Read the abbreviation lines; a line of any other shape or a repeated term is an error."""
    entries: dict[str, Abbreviation] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = LINE.match(line)
        if match is None:
            shape = "`*[TERM]: Expansion — explanation`"
            raise ValueError(f"{source}:{number}: not an abbreviation line {shape}: {line!r}")
        term = match["term"]
        if term in entries:
            raise ValueError(f"{source}:{number}: {term} is defined twice")
        entries[term] = Abbreviation(term, match["text"])
    return list(entries.values())


def read(docs_dir: Path) -> list[Abbreviation]:
    path = docs_dir / SOURCE
    return parse(path.read_text(encoding="utf-8"), str(path))


def plurals(entries: list[Abbreviation]) -> list[Abbreviation]:
    """`AMIs` for `AMI`, unless the file defines the plural itself (for irregular expansions)."""
    defined = {e.term for e in entries}
    derived = []
    for entry in entries:
        plural = entry.term + "s"
        if PLURALIZABLE.match(entry.term) and plural not in defined:
            text = entry.expansion + "s"
            if entry.explanation:
                text += SEPARATOR + entry.explanation
            derived.append(Abbreviation(plural, text))
    return derived


def known_terms(entries: list[Abbreviation]) -> set[str]:
    """Every word the tooltips cover: terms, derived plurals, and the parts of `CI/CD`-like terms."""
    terms = {e.term for e in entries} | {p.term for p in plurals(entries)}
    return terms | {part for term in terms for part in re.split(r"[^A-Za-z0-9]+", term) if part}


def _is_plural_of_another(entry: Abbreviation, terms: set[str]) -> bool:
    return entry.term.endswith("s") and entry.term[:-1] in terms


def table(entries: list[Abbreviation]) -> str:
    """The glossary table in Markdown, one row per term (plural spellings fold into their singular)."""
    terms = {e.term for e in entries}
    rows = ["| Term | Stands for | What it is |", "| --- | --- | --- |"]
    for entry in sorted(entries, key=lambda e: e.term.casefold()):
        if _is_plural_of_another(entry, terms):
            continue
        explanation = entry.explanation[:1].upper() + entry.explanation[1:]
        cells = (entry.term, entry.expansion, explanation)
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows)


def read_or_stop(config: MkDocsConfig) -> list[Abbreviation]:
    try:
        return read(Path(config.docs_dir))
    except (OSError, ValueError) as error:
        raise PluginError(str(error)) from error


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Every abbreviation and derived plural becomes a tooltip on every page (`abbr`'s glossary)."""
    entries = read_or_stop(config)
    config.mdx_configs.setdefault("abbr", {})["glossary"] = {e.term: e.text for e in entries + plurals(entries)}
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown.replace(MARKER, table(read_or_stop(config))) if MARKER in markdown else markdown
