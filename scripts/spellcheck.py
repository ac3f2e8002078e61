"""Spell-check the Markdown prose against pyspellchecker's English dictionary and the project word list.

    python -m scripts.spellcheck                  # every page, README.md and CONTRIBUTING.md
    python -m scripts.spellcheck docs/ecs/x.md    # only these files

Code (fenced and inline), Mermaid diagrams, URLs, HTML tags, attribute lists and the admonition and
front-matter keywords are blanked out first, keeping columns, so every unknown word is reported as
`file:line:column`. A word the dictionary does not know must be in .spelling-wordlist.txt: one word a line,
written as it is meant (a lowercase entry also accepts the capitalized form; `EKS` accepts only `EKS`).
Words with digits (EC2, S3, IPv4) are never looked up: they must be in the word list.
The dictionary is pyspellchecker's (a pip package, so `make` installs it into .venv): about 160,000
words, American spellings (`colour` and `virtualisation` are unknown to it).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker

ROOT = Path(__file__).resolve().parent.parent
WORDLIST = ROOT / ".spelling-wordlist.txt"
DEFAULT_FILES = ("docs", "README.md", "CONTRIBUTING.md")
SKIP_DIRS = ("docs/assets/",)

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
FRONT_KEY = re.compile(r"^\s*[\w-]+:")
# The new-page template's placeholder: scripts/check_placeholders.py names it with its own message.
PLACEHOLDER = re.compile(r"\bTODO:")
MASKS = [
    re.compile(r"(`+).+?\1"),  # inline code
    re.compile(r"<!--.*?-->|</?[A-Za-z][^>]*>"),  # HTML comments and tags, autolinks
    re.compile(r"\]\([^)]*\)"),  # link and image targets
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+"),  # reference definitions
    re.compile(r"\bhttps?://\S+"),  # bare URLs
    re.compile(r"\{[:#.][^}]*\}"),  # attribute lists {: .class #id }
    re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+"),  # admonition markers and their type
    re.compile(r"^\s*-{2}8<-{2}.*"),  # snippet includes
    re.compile(r":[a-z0-9_+-]+:"),  # emoji and icon shortcodes
    re.compile(r"\[\^[^\]]+\]"),  # footnote references
    re.compile(r"\+\+[\w+-]+\+\+"),  # keys
    re.compile(r"\b[\w./-]+\.(?:md|yml|yaml|py|txt|json|html|zip|js|css|sh)\b"),  # file names
    # Verbatim quotes of the source notes keep the notes' spelling: a quote after "say:" or
    # "says:", and a list item that is only a quote.
    # AWS's own sentences, quoted as evidence in a blockquote (`> "..."`), keep AWS's wording.
    re.compile(r'^\s*>\s*"[^"]*"\s*$'),
    re.compile(r"(?<=\bsays: )\"[^\"]*\"|(?<=\bsay: )\"[^\"]*\"|^(\s*[-*] )\"[^\"]*\"(?=[.,;]?\s*$)"),
]
# A word: letters and digits, with inner apostrophes, underscores or hyphens (add-ons, X86_64).
WORD = re.compile(r"[A-Za-z0-9]+(?:['_-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Misspelling:
    path: str
    line: int
    column: int
    word: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: unknown word {self.word!r}: fix the spelling, "
            f"or add it to {WORDLIST.name} if it is right"
        )


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of a Markdown file with everything that is not prose replaced by spaces."""
    lines = text.splitlines()
    in_front = bool(lines) and lines[0].strip() == "---"
    fence: str | None = None
    for number, line in enumerate(lines, start=1):
        if in_front:
            if number > 1 and line.strip() == "---":
                in_front = False
                continue
            if number > 1:
                yield number, PLACEHOLDER.sub(_blank, FRONT_KEY.sub(_blank, line))
            continue
        opening = FENCE.match(line)
        if fence is not None:
            closing = opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence)
            if closing and not line.strip().lstrip(fence[0]):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        for mask in (*MASKS, PLACEHOLDER):
            line = mask.sub(_blank, line)
        yield number, line.replace("\u2019", "'")


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, word) for every word of the prose; columns count from 1."""
    for number, line in prose_lines(text):
        for match in WORD.finditer(line):
            word = match.group(0)
            if word.endswith("'s"):
                word = word[:-2]
            # Quantities and zone names (10GB, 1a) are not words.
            if word[0].isdigit():
                continue
            yield number, match.start() + 1, word


def load_wordlist(path: Path = WORDLIST) -> set[str]:
    if not path.is_file():
        return set()
    entries = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {entry for entry in entries if entry}


@cache
def _dictionary() -> SpellChecker:
    """The English dictionary, loaded once per process (a fifth of a CPU-second each time: the test run checks
    twenty copies of the pages)."""
    from spellchecker import SpellChecker  # loading the dictionary takes a moment: only when needed

    return SpellChecker(language="en", case_sensitive=False)


def known_to_dictionary(candidates: Iterable[str]) -> set[str]:
    """The candidates that the English dictionary knows (in any case: `Kernel` as `kernel`)."""
    candidates = set(candidates)
    unknown = _dictionary().unknown(candidates)
    return {word for word in candidates if word.lower() not in unknown}


def in_wordlist(word: str, wordlist: set[str]) -> bool:
    return word in wordlist or (word[:1].isupper() and word[1:].islower() and word.lower() in wordlist)


def parts(word: str) -> list[tuple[int, str]]:
    """(offset, part) of a hyphenated word: `add-ons` is checked whole first, then part by part."""
    if "-" not in word:
        return [(0, word)]
    found, offset = [], 0
    for part in word.split("-"):
        found.append((offset, part))
        offset += len(part) + 1
    return found


def check(paths: Iterable[Path], wordlist: set[str], root: Path = ROOT) -> list[Misspelling]:
    found: list[tuple[str, int, int, str]] = []
    for path in paths:
        shown = path.resolve().relative_to(root).as_posix() if path.resolve().is_relative_to(root) else str(path)
        for line, column, word in words(path.read_text(encoding="utf-8")):
            if in_wordlist(word, wordlist):
                continue
            found += [(shown, line, column + offset, part) for offset, part in parts(word) if part[:1].isalpha()]
    found = [hit for hit in found if not in_wordlist(hit[3], wordlist)]
    # Words with digits or underscores are names, never dictionary words: they must be in the word list.
    to_ask = {word for *_, word in found if word.replace("'", "").isalpha()}
    known = known_to_dictionary(to_ask) if to_ask else set()
    return [Misspelling(*hit) for hit in found if hit[3] not in known]


def markdown_files(args: Iterable[str], root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for arg in args:
        path = root / arg
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.md") if not p.relative_to(root).as_posix().startswith(SKIP_DIRS))
        elif path.is_file():
            files.append(path)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_FILES))
    args = parser.parse_args(argv)
    problems = check(markdown_files(args.paths), load_wordlist())
    for problem in problems:
        print(problem)
    if problems:
        print(f"spellcheck: {len(problems)} unknown word(s); the word list is {WORDLIST.name}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
