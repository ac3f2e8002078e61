"""Start a new page: write docs/<section>/<slug>.md from the house template and add it to the nav.

    python -m scripts.new_page ecs service-connect "Service Connect"

The page lands at the end of its section in mkdocs.yml's `nav:`. mkdocs.yml is edited as text, one
line inserted, so its comments and tags (!ENV, !!python/name) stay as they are. The template's
`TODO:` placeholders fail `make test` (tests/test_new_page.py) until they are replaced.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = "TODO:"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
NAV_ENTRY = re.compile(r"^(?P<indent>\s*)- (?:(?P<title>.+?): )?(?P<src>[\w./-]+\.md)\s*(?:#.*)?$")
# Characters that make a plain YAML scalar mean something else.
YAML_SPECIAL = re.compile(r"""^[\s\-?:,\[\]{}#&*!|>'"%@`]|: | #|\s$""")

TEMPLATE = """\
---
description: "TODO: one sentence under 160 characters, used as the meta description."
checked: {today}
---

# {title}

TODO: two or three sentences on what this page answers.

!!! abstract "Key points"

    - TODO: the first thing a learner must remember, in one line. ([TODO: first section](#todo-first-section))
    - TODO: the second, with its exceptions (Fargate, Windows...). ([TODO: first section](#todo-first-section))
    - TODO: the third. ([TODO: first section](#todo-first-section))

## TODO: first section

TODO: one sentence per line.

## Self-check

??? question "TODO: a scenario that ends in a question, with one right answer of four?"

    - [ ] TODO: a wrong option a learner could pick
        - TODO: why it is wrong here, in one sentence. [TODO: AWS page that settles it](https://docs.aws.amazon.com/)
    - [x] TODO: the right option
        - TODO: why it is right. [TODO: AWS page that settles it](https://docs.aws.amazon.com/)
    - [ ] TODO: another wrong option
        - TODO: why it is wrong here. [TODO: AWS page that settles it](https://docs.aws.amazon.com/)
    - [ ] TODO: a third wrong option
        - TODO: why it is wrong here. [TODO: AWS page that settles it](https://docs.aws.amazon.com/)

    TODO: the answer in bold, then one or two sentences on why.

    Reread: [TODO: the section that teaches it](#todo-first-section)

    Source: [TODO: title of the AWS page that settles it](https://docs.aws.amazon.com/)

??? question "TODO: a second question?"

    - [x] TODO: the right option
        - TODO: why. [TODO: AWS page](https://docs.aws.amazon.com/)
    - [ ] TODO: a first wrong option
        - TODO: why. [TODO: AWS page](https://docs.aws.amazon.com/)
    - [ ] TODO: a second wrong option
        - TODO: why. [TODO: AWS page](https://docs.aws.amazon.com/)
    - [ ] TODO: a third wrong option
        - TODO: why. [TODO: AWS page](https://docs.aws.amazon.com/)

    TODO: the answer.

    Reread: [TODO: the section that teaches it](#todo-first-section)

    Source: [TODO: title of the AWS page that settles it](https://docs.aws.amazon.com/)

??? question "TODO: a third question?"

    - [x] TODO: the right option
        - TODO: why. [TODO: AWS page](https://docs.aws.amazon.com/)
    - [ ] TODO: a first wrong option
        - TODO: why. [TODO: AWS page](https://docs.aws.amazon.com/)
    - [ ] TODO: a second wrong option
        - TODO: why. [TODO: AWS page](https://docs.aws.amazon.com/)
    - [ ] TODO: a third wrong option
        - TODO: why. [TODO: AWS page](https://docs.aws.amazon.com/)

    TODO: the answer.

    Reread: [TODO: the section that teaches it](#todo-first-section)

    Source: [TODO: title of the AWS page that settles it](https://docs.aws.amazon.com/)

## Official documentation

- [TODO: title of the AWS page](https://docs.aws.amazon.com/) — TODO: one line on what it covers.
"""


class NewPageError(ValueError):
    """The page cannot be created; the message says why."""


def yaml_scalar(text: str) -> str:
    return json.dumps(text, ensure_ascii=False) if YAML_SPECIAL.search(text) else text


def section_entries(config_text: str, section: str) -> list[tuple[int, str]]:
    """(line index, indent) of each nav line whose page lives in docs/<section>/."""
    lines = config_text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == "nav:")
    except StopIteration:
        raise NewPageError("mkdocs.yml: no `nav:` section") from None
    found = []
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line and not line[0].isspace() and not line.startswith("#"):
            break  # the next top-level key
        match = NAV_ENTRY.match(line)
        if match and match["src"].startswith(f"{section}/"):
            found.append((i, match["indent"]))
    return found


def create(section: str, slug: str, title: str, root: Path = ROOT) -> Path:
    """Write the page and add it to the nav; return the new file. Raise NewPageError when it cannot."""
    if not SLUG.fullmatch(slug):
        raise NewPageError(f"{slug!r}: a page name is lowercase words joined by hyphens, like `service-connect`")
    if not title.strip():
        raise NewPageError("the title is empty")
    docs, config = root / "docs", root / "mkdocs.yml"
    page = docs / section / f"{slug}.md"
    src = f"{section}/{slug}.md"
    if page.exists():
        raise NewPageError(f"docs/{src} already exists: choose another name, or edit that page")
    text = config.read_text(encoding="utf-8")
    entries = section_entries(text, section)
    if not entries:
        known = sorted(
            {m["src"].split("/")[0] for m in map(NAV_ENTRY.match, text.splitlines()) if m and "/" in m["src"]}
        )
        raise NewPageError(f"no nav section holds pages of docs/{section}/; the sections are: {', '.join(known)}")
    if re.search(rf"(?m):\s+{re.escape(src)}\s*$|^\s*-\s+{re.escape(src)}\s*$", text):
        raise NewPageError(f"mkdocs.yml: the nav already lists {src}")
    last, indent = entries[-1]
    lines = text.splitlines(keepends=True)
    lines.insert(last + 1, f"{indent}- {yaml_scalar(title.strip())}: {src}\n")
    page.write_text(TEMPLATE.format(title=title.strip(), today=date.today().isoformat()), encoding="utf-8")
    config.write_text("".join(lines), encoding="utf-8")
    return page


def placeholders(text: str) -> list[int]:
    """The line numbers that still hold a template placeholder."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if PLACEHOLDER in line]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("section", help="the folder under docs/, e.g. ecs")
    parser.add_argument("slug", help="the file name without .md, e.g. service-connect")
    parser.add_argument("title", help='the H1 and nav title, e.g. "Service Connect"')
    args = parser.parse_args(argv)
    try:
        page = create(args.section, args.slug, args.title)
    except NewPageError as error:
        print(f"new_page: {error}", file=sys.stderr)
        return 1
    print(f"created {page.relative_to(ROOT)} and added it to the nav in mkdocs.yml")
    print("next: replace every `TODO:`, then `make serve` to preview and `make test` before you push")
    return 0


if __name__ == "__main__":
    sys.exit(main())
