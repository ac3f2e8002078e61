"""The CI summary of a pull request: the pages it changed, with their titles and where to look.

    BASE_REF=main python -m scripts.pr_summary   # Markdown to $GITHUB_STEP_SUMMARY, else to stdout

The pages are those scripts/check_changed.py finds against the base branch (an edited shared fact
counts for every page that shows it). The screenshots artifact holds them first, in
`1-changed-pages/` (scripts/screenshots.py --changed).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from scripts.check_changed import changed_pages
from scripts.pages import SiteMap, load_site_map
from scripts.screenshots import CHANGED, VIEWPORTS


def summary(pages: list[str], site_map: SiteMap) -> str:
    if not pages:
        return "### Pages changed\n\nNo page under `docs/` changed; `make test` checked the whole site.\n"
    lines = [f"### Pages changed ({len(pages)})", "", "| Page | Source | Screenshots |", "| --- | --- | --- |"]
    known = {p.src: p for p in site_map.pages}
    for src in pages:
        page = known.get(src.removeprefix("docs/"))
        if page is None:
            lines.append(f"| (not in the nav) | `{src}` | none |")
            continue
        name = page.stem.replace("/", "--")
        shots = ", ".join(f"`{CHANGED}/{name}.{device}.{{light,dark}}.png`" for device in VIEWPORTS)
        lines.append(f"| {page.title} | `{src}` | {shots} |")
    lines += [
        "",
        "Open the **screenshots** artifact of this run: the changed pages come first, on a phone and a laptop.",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    text = summary(changed_pages(base=os.environ.get("BASE_REF") or "main"), load_site_map())
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
