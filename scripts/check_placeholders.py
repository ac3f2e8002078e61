"""No page keeps a `TODO:` of the new-page template; `make lint` runs this before the spell check.

    python -m scripts.check_placeholders              # every page under docs/
    python -m scripts.check_placeholders docs/x.md    # only these pages

Each placeholder left is reported as `docs/x.md:LINE: ...`, with what to write there instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.new_page import PLACEHOLDER, placeholders
from scripts.pages import DOCS

ROOT = DOCS.parent


def problems(paths: list[Path], root: Path = ROOT) -> list[str]:
    found = []
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        for number in placeholders("\n".join(lines)):
            what = lines[number - 1].split(PLACEHOLDER, 1)[1].strip().rstrip('"').strip()
            where = f"{path.resolve().relative_to(root.resolve()).as_posix()}:{number}"
            found.append(f"{where}: the new-page template's `{PLACEHOLDER}` is still there: replace it with {what}")
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] or sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.parts)
    found = problems(paths)
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
