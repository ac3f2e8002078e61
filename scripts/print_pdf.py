"""Print a built page to PDF with headless Chromium, the way a reader's "Print" would, diagrams drawn.

    python -m scripts.print_pdf SITE_DIR [PAGE_URL] [OUT_PDF]
    # default page: study/cheat-sheet/ ; default output: dist/cheat-sheet.pdf

The site is served over http from a thread (directory URLs do not open from file://), and the
page is opened with the browser tests' reader, which waits until every diagram has its SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.browser import launch
from scripts.local_server import serve
from scripts.reader import diagram_problems, open_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent


def print_pdf(site: Path, page_url: str, out: Path, browser: Browser | None = None) -> Path:
    """Print one built page to `out` (a new headless Chromium unless `browser` is given)."""
    if not (site / page_url / "index.html").is_file() and not (site / page_url).is_file():
        raise FileNotFoundError(f"{site / page_url}: no such built page (build the site first)")
    if browser is None:
        with launch() as new_browser:
            return print_pdf(site, page_url, out, new_browser)
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve(site) as served, open_page(browser, served.url(page_url)) as (page, _):
        if problems := diagram_problems(page):
            raise RuntimeError(f"{page_url}: " + "; ".join(map(str, problems)))
        page.emulate_media(media="print")
        page.pdf(path=str(out), format="A4", print_background=True)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(args[0])
    page_url = args[1] if len(args) > 1 else "study/cheat-sheet/"
    out = Path(args[2]) if len(args) > 2 else ROOT / "dist" / "cheat-sheet.pdf"
    print(print_pdf(site, page_url, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
