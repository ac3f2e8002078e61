"""`make check`: the checks a page edit can break, on the changed pages only, in seconds.

    python -m scripts.check_changed                  # pages changed against main, committed or not
    PAGES="docs/ecs/x.md docs/eks/y.md" make check   # these pages

The changed pages are the Markdown files under docs/ that differ from the merge base with `main`
(or, where there is no `main`, from HEAD), plus files not yet committed. For those pages it runs the
template-placeholder check, the spell check, the canonical AWS link check, the Markdown lint, the
evidence, answer-source and question checks, the shared facts and the facts of the notes; then one strict build of
the whole site (every link and anchor, so a page you did not touch but linked to still counts),
the link check of the built site, the glossary and self-check checks, the diagrams of the changed
pages, and each changed page in Chromium: no request leaves the machine or fails, no console error,
every diagram drawn, no serious accessibility problem, no sideways scroll on a phone.

Every message names the Markdown file and, where there is one, the line. `make test` runs all of
this and more on every page, and is what CI runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.build import DOWNLOAD_PATH, ROOT, BuildError, finish_mkdocs, start_mkdocs
from scripts.pages import load_site_map

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PHONE = {"width": 390, "height": 844}


def git(*args: str, cwd: Path = ROOT) -> list[str]:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    return [line for line in done.stdout.splitlines() if line.strip()] if done.returncode == 0 else []


def changed_pages(root: Path = ROOT, base: str = "main", named: str | None = None) -> list[str]:
    """The pages to check, as `docs/x.md`: those named (PAGES=...), or those changed against `base`."""
    if named:
        return sorted({p for p in named.replace(",", " ").split() if p.endswith(".md")})
    # A CI checkout of a pull request has the base branch only as origin/<base>.
    merge_base = git("merge-base", base, "HEAD", cwd=root) or git("merge-base", f"origin/{base}", "HEAD", cwd=root)
    since = (merge_base or ["HEAD"])[0]
    files = git("diff", "--name-only", since, "--", "docs", cwd=root)
    files += git("ls-files", "--others", "--exclude-standard", "--", "docs", cwd=root)
    pages = {f for f in files if f.endswith(".md") and not f.startswith("docs/includes/") and (root / f).is_file()}
    return sorted(pages | pages_including({f for f in files if f.startswith("docs/includes/facts/")}, root))


def pages_including(facts: set[str], root: Path = ROOT) -> set[str]:
    """The pages that show an edited fact of docs/includes/facts/ (an edit there is an edit of each)."""
    from scripts.check_facts import COPIES, INCLUDE, copied_facts

    names = {Path(f).name for f in facts}
    found: set[str] = set()
    if COPIES.name in names:  # a fact written by hand on several pages: each copy is compared again
        found |= {f"docs/{p}" for fact in copied_facts(root / COPIES) for p in (fact.source, *fact.pages)}
    for page in (root / "docs").rglob("*.md"):
        if "includes" in page.relative_to(root / "docs").parts:
            continue
        for line in page.read_text(encoding="utf-8").splitlines():
            match = INCLUDE.match(line)
            if match and match["name"] in names:
                found.add(page.relative_to(root).as_posix())
    return found


def run(title: str, command: list[str]) -> list[str]:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode == 0:
        return []
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    return [f"{title}: {line}" for line in lines[-40:]]


def source_checks(pages: list[str]) -> list[str]:
    from scripts.check_evidence import markdown_problems
    from scripts.check_facts import check as check_facts
    from scripts.check_facts import check_copies, topic_pages
    from scripts.check_placeholders import problems as placeholders
    from scripts.lint import checks
    from scripts.lint import run as run_check

    found = placeholders([ROOT / p for p in pages])
    found += run("spelling", [sys.executable, "-m", "scripts.spellcheck", *pages])
    found += run("aws-links", [sys.executable, "-m", "scripts.check_aws_links", *pages])
    (markdown,) = [c for c in checks(ROOT, markdown=pages) if c.name == "markdown"]
    result = run_check(markdown)
    found += [] if result.ok else [f"markdown: {line}" for line in result.output.splitlines()]
    found += markdown_problems([ROOT / p for p in pages])[1]
    found += [str(f) for f in check_facts([Path(p) for p in pages], topic_pages())]
    found += [str(f) for f in check_copies([Path(p) for p in pages])]
    found += run(
        "notes",
        [sys.executable, "-m", "pytest", "-q", "--no-header", "-p", "no:cacheprovider", "tests/test_notes_coverage.py"],
    )
    return found


def site_checks(site: Path, pages: list[str]) -> list[str]:
    from scripts import check_glossary, check_self_check
    from scripts.check_links import check_site

    site_map = load_site_map()
    (site / DOWNLOAD_PATH).parent.mkdir(parents=True, exist_ok=True)
    (site / DOWNLOAD_PATH).touch()  # the offline zip every page offers: make build makes it, here it only exists
    links = check_site(site)
    found = [] if links.ok else links.report().splitlines()
    wanted = tuple(f"{p}:" for p in pages)
    found += [e for e in check_glossary.check(site, site_map) if e.startswith(wanted)]
    found += [e for e in check_self_check.check(site) if e.startswith(wanted)]
    return found


def browser_checks(browser: Browser, site: Path, pages: list[str]) -> list[str]:
    from scripts.local_server import serve
    from scripts.reader import read_page

    site_map = load_site_map()
    found: list[str] = []
    with serve(site) as served:
        for src in pages:
            page = site_map.by_src(src.removeprefix("docs/"))
            url = served.url(page.url(directory_urls=True))
            reading = read_page(browser, url)
            problems = [
                *(f"request to another host: {u}" for u in reading.traffic.outside),
                *(f"failed request: {u}" for u in reading.traffic.failed),
                *(f"console error: {e}" for e in reading.traffic.console_errors),
                *(f"diagram {n} {why}" for n, why in reading.diagram_problems),
                *(f"axe (light): {line}" for line in reading.axe_light),
                *(f"axe (dark): {line}" for line in reading.axe_dark),
            ]
            context = browser.new_context(viewport=PHONE)
            phone = context.new_page()
            phone.goto(url, wait_until="load")
            if not phone.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"):
                problems.append("scrolls sideways on a 390 px phone")
            context.close()
            found += [f"{src}: {problem}" for problem in problems]
    return found


def main(argv: list[str] | None = None) -> int:
    pages = changed_pages(named=os.environ.get("PAGES"))
    if not pages:
        print("check: no page under docs/ differs from main; make test checks the whole site")
        return 0
    print(f"check: {len(pages)} changed page{'s' * (len(pages) > 1)}: {' '.join(pages)}")
    unknown = [p for p in pages if not (ROOT / p).is_file() or not p.startswith("docs/")]
    if unknown:
        print(f"check: not pages under docs/: {' '.join(unknown)}", file=sys.stderr)
        return 1
    from scripts.browser import launch
    from scripts.check_diagrams import check as check_diagrams

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        # The build takes half the time and one core: the checks that do not read it run on the other meanwhile.
        build = start_mkdocs(site, offline=False)
        found = source_checks(pages)
        with launch() as browser:
            found += check_diagrams([ROOT / p for p in pages], browser=browser)
            try:
                finish_mkdocs(build, offline=False)
            except BuildError as error:
                found += str(error).splitlines()
            else:
                found += site_checks(site, pages)
                found += browser_checks(browser, site, pages)
    for line in found:
        print(line, file=sys.stderr)
    print(f"check: {len(found)} problem{'s' * (len(found) != 1)} on {len(pages)} page{'s' * (len(pages) > 1)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
