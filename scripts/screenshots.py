"""Full-page PNGs of every page of the built online site, light and dark, for reviewers.

    python -m scripts.screenshots [--site site] [--out screenshots] [--changed]

Serves the site on 127.0.0.1 as GitHub Pages would, waits for each page's diagrams, shoots it in
the light palette, switches to dark with the header toggle and shoots it again. The output folder
is emptied of old PNGs first, so it shows exactly the current pages:
`ecs--iam-roles.light.png`, `ecs--iam-roles.dark.png`, ..., `404.light.png`.

With --changed, the pages a pull request changed (scripts/check_changed.py; base branch from
BASE_REF, else main) come first, into `1-changed-pages/`: each on a phone and a laptop, light and
dark (`ecs--iam-roles.phone.dark.png`), so a reviewer opens the artifact and sees the change.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import Browser, Page

from scripts.browser import INSTALL_HINT, find_chromium, launch
from scripts.check_changed import changed_pages
from scripts.local_server import serve
from scripts.pages import ROOT, load_site_map
from scripts.reader import diagram_problems, open_page, settle, switch_palette, wait_for_label_colours

CHANGED = "1-changed-pages"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}


def shoot(
    browser: Browser, url: str, out: Path, name: str, *, status: int = 200, viewport: dict | None = None
) -> list[str]:
    """Write NAME.light.png and NAME.dark.png; return what went wrong on the page, if anything."""
    with open_page(browser, url, status=status, viewport=viewport) as (page, traffic):
        problems = [f"diagram {n} {why}" for n, why in diagram_problems(page)]
        _shoot(page, out / f"{name}.light.png")
        switch_palette(page, "slate")
        wait_for_label_colours(page, dark=True)
        _shoot(page, out / f"{name}.dark.png")
        return problems + traffic.failed + traffic.console_errors + traffic.outside


def _shoot(page: Page, path: Path) -> None:
    settle(page)  # no half-faded tooltip on the palette toggle just clicked
    page.screenshot(path=path, full_page=True, animations="disabled")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built online site (make build)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--changed", action="store_true", help="the changed pages first, phone and laptop")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site here; run `make build` first", file=sys.stderr)
        return 1
    if find_chromium() is None:
        print(INSTALL_HINT, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for old in [*args.out.glob("*.png"), *args.out.glob(f"{CHANGED}/*.png")]:
        old.unlink()
    site_map = load_site_map()
    changed = changed_pages(base=os.environ.get("BASE_REF") or "main") if args.changed else []
    problems: list[str] = []
    with serve(args.site) as served, launch() as browser:
        known = {page.src: page for page in site_map.pages}
        for src in changed:
            page = known.get(src.removeprefix("docs/"))
            if page is None:
                problems.append(f"{src}: not in the nav of mkdocs.yml, so not on the site")
                continue
            name = page.stem.replace("/", "--")
            for device, viewport in VIEWPORTS.items():
                url = served.url(page.url(directory_urls=True))
                shoot(browser, url, args.out / CHANGED, f"{name}.{device}", viewport=viewport)
        if changed:
            print(f"{len(changed)} changed page(s) first, phone and laptop, in {args.out / CHANGED}")
        for page in site_map.pages:
            name = page.stem.replace("/", "--")
            found = shoot(browser, served.url(page.url(directory_urls=True)), args.out, name)
            problems += [f"docs/{page.src}: {p}" for p in found]
        found = shoot(browser, served.base + "no-such-page/", args.out, "404", status=404)
        problems += [f"overrides/404.html: {p}" for p in found]
    print(f"{len(list(args.out.glob('*.png')))} screenshots in {args.out}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
