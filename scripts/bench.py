"""`make bench`: figures for speed, each beside its target in tests/budgets.toml.

Prints a table and writes dist/bench.json. Nothing here fails a test: these are timings, and
timings depend on the machine. The byte and request budgets are tested in `make test`.

    python -m scripts.bench                 # everything (builds, link check, make test, pages, Lighthouse)
    python -m scripts.bench --quick         # one run each, no make test, Lighthouse on two pages

"readings" are the browser tests' visits to every page (scripts/reader.PageReader), timed with 1 to 4
pages in flight, and the seconds each step of a visit took at the tests' setting.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from scripts.browser import FLAGS, find_chromium, launch
from scripts.build import ROOT, Outputs, build_all, default_outputs, mkdocs_build, mkdocs_build_both
from scripts.check_links import check_site
from scripts.local_server import serve
from scripts.page_weight import QUESTION_BANK, load_budgets, weigh
from scripts.pages import Page, SiteMap, load_site_map
from scripts.prerender_diagrams import Prerenderer
from scripts.reader import IN_FLIGHT, STEPS, PageReader, Reading, Visit

LIGHTHOUSE = "lighthouse@12.2.3"
RESULTS = ROOT / "dist" / "bench.json"

# Recorded in the page from its first script on: when every diagram has an SVG.
TIMING_INIT = """
(() => {
  const drawn = () => [...document.querySelectorAll("pre.mermaid, div.mermaid")]
    .every((el) => el.shadowRoot && el.shadowRoot.querySelector("svg"));
  window.__lcp = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
    .observe({ type: "largest-contentful-paint", buffered: true });
  const poll = () => {
    if (document.readyState !== "loading" && drawn()) window.__diagramsAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
"""
PAGE_TIMES = """
() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, lcp: window.__lcp,
           diagrams: window.__diagramsAt ?? null,
           count: document.querySelectorAll("pre.mermaid, div.mermaid").length };
}
"""
SEARCH_TIME = """
async (query) => {
  const box = document.querySelector("input[data-md-component=search-query]");
  const list = document.querySelector(".md-search-result__list");
  box.focus();
  const type = (value) => {
    box.value = value;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: value.slice(-1) || "Backspace" }));
  };
  type("");
  while (list.querySelector(".md-search-result__item")) await new Promise(requestAnimationFrame);
  const start = performance.now();
  type(query);
  while (!list.querySelector(".md-search-result__item")) {
    if (performance.now() - start > 10000) return null;
    await new Promise(requestAnimationFrame);
  }
  return performance.now() - start;
}
"""


@dataclass
class Figure:
    name: str
    median: float
    low: float
    high: float
    unit: str
    target: float | None = None

    @property
    def within(self) -> str:
        if self.target is None:
            return ""
        return "ok" if self.median <= self.target else "OVER"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def figure(name: str, samples: list[float], unit: str, target: float | None = None) -> Figure:
    return Figure(name, statistics.median(samples), min(samples), max(samples), unit, target)


def bench_builds(tmp: Path, runs: int, targets: dict) -> tuple[list[Figure], Outputs]:
    out = default_outputs(tmp)
    online = timed(lambda: mkdocs_build(out.online, offline=False), runs)
    offline = timed(lambda: mkdocs_build(out.offline, offline=True), runs)
    both = timed(lambda: mkdocs_build_both(out), runs)
    figures = [
        figure("strict build, online", online, "s"),
        figure("strict build, offline", offline, "s"),
        figure("both strict builds, side by side", both, "s", targets["builds_total_s"]),
    ]
    if find_chromium():
        with launch() as browser:
            drawing = Prerenderer(browser)
            full = timed(lambda: (build_all(out, drawing), drawing.cache.clear()), runs)
        figures.append(figure("make build (both, diagrams drawn, zip)", full, "s"))
    else:
        build_all(out)
    return figures, out


def bench_link_check(out: Outputs, runs: int, targets: dict) -> Figure:
    def both() -> None:
        check_site(out.online)
        check_site(out.offline)

    return figure("link check, both builds", timed(both, runs), "s", targets["link_check_s"])


def bench_make_test(runs: int, targets: dict) -> Figure:
    """`make test` in a clean clone of the committed project (CI's view), reusing this .venv so the
    figure is the checks, not the package downloads."""

    def make_test() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            clone = Path(tmp) / "clone"
            subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
            (clone / ".venv").symlink_to(ROOT / ".venv")
            subprocess.run(["make", "test"], cwd=clone, check=True, capture_output=True)

    return figure("make test, clean clone", timed(make_test, runs), "s", targets["make_test_s"])


def bench_check(runs: int, targets: dict) -> Figure:
    """`make check` for a one-page edit: what a contributor waits for."""

    def check() -> None:
        env = {**os.environ, "PAGES": "docs/ecs/task-placement.md"}
        subprocess.run(["make", "check"], cwd=ROOT, env=env, check=False, capture_output=True)

    return figure("make check, one page", timed(check, runs), "s", targets["check_one_page_s"])


def bench_pages(out: Outputs, pages: tuple[Page, ...], runs: int, targets: dict) -> list[dict]:
    rows = []
    with launch() as browser, serve(out.online, gzip=True) as served:
        for page in pages:
            samples = []
            for _ in range(runs):
                context = browser.new_context()
                context.add_init_script(TIMING_INIT)
                tab = context.new_page()
                tab.goto(served.url(page.url(directory_urls=True)), wait_until="load")
                if tab.evaluate("document.querySelectorAll('pre.mermaid, div.mermaid').length"):
                    tab.wait_for_function("window.__diagramsAt !== undefined", timeout=15_000)
                tab.wait_for_timeout(50)  # let the LCP observer report
                samples.append(tab.evaluate(PAGE_TIMES))
                context.close()
            row = {"page": page.src, "diagrams": samples[0]["count"]}
            for key in ("dcl", "load", "lcp", "diagrams"):
                values = [s[key] for s in samples if s[key] is not None]
                row[key] = statistics.median(values) if values else None
            row["diagrams_target"] = targets["diagrams_drawn_ms"] if row["diagrams"] else None
            rows.append(row)
    return rows


def bench_readings(out: Outputs, pages: tuple[Page, ...], levels: tuple[int, ...]) -> tuple[list[Figure], list[dict]]:
    """The browser tests' visits (every page of both builds, axe on the online ones, the 404 page), all of
    them at each number of pages in flight; and per step of a visit, its seconds at IN_FLIGHT."""
    figures, steps = [], []
    with serve(out.online) as served:
        visits = {("online", p.src): Visit(served.url(p.url(directory_urls=True))) for p in pages}
        visits |= {
            ("offline", p.src): Visit(p.built(out.offline, directory_urls=False).as_uri(), accessibility=False)
            for p in pages
        }
        visits[("online", "404")] = Visit(served.base + "no-such-page/", document_status=404)
        at_setting: dict[tuple[str, str], Reading] = {}
        for level in levels:
            with PageReader(visits, in_flight=level) as reader:
                readings = {key: reader.reading(key) for key in visits}
            assert reader.elapsed is not None
            mark = " (the tests' setting)" if level == IN_FLIGHT else ""
            figures.append(figure(f"read {len(visits)} pages, {level} in flight{mark}", [reader.elapsed], "s"))
            if level == IN_FLIGHT:
                at_setting = readings
    for step in STEPS:
        seconds = [r.timings.get(step, 0.0) for r in at_setting.values()]
        if seconds:
            steps.append(
                {"step": step, "total": sum(seconds), "median": statistics.median(seconds), "max": max(seconds)}
            )
    return figures, steps


def bench_search(out: Outputs, queries: list[str], runs: int) -> list[Figure]:
    figures = []
    with launch() as browser, serve(out.online, gzip=True) as served:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(served.url(""), wait_until="load")
        tab.locator("input[data-md-component=search-query]").focus()
        tab.wait_for_timeout(1500)  # the index loads once search has focus
        for query in queries:
            samples = [tab.evaluate(SEARCH_TIME, query) for _ in range(runs)]
            figures.append(figure(f"search {query!r} to results", [s for s in samples if s is not None], "ms"))
        context.close()
    return figures


# From navigation start: the practice page is ready, Start is pressed, the first question shows.
FIRST_QUESTION = """
async () => {
  const until = (test) => new Promise((done) => { const poll = () => test() ? done() : setTimeout(poll, 5); poll(); });
  await until(() => document.querySelector(".practice__setup button[type=submit]"));
  document.querySelector(".practice__setup button[type=submit]").click();
  await until(() => document.querySelector(".practice__question"));
  return performance.now();
}
"""


def bench_practice(out: Outputs, site_map: SiteMap, runs: int, budgets: dict) -> list[Figure]:
    """The practice exam page: its weight as GitHub Pages sends it, and the time to its first question."""
    url_path = site_map.by_src("study/practice-exam.md").url(directory_urls=True)
    samples, requested = [], []
    with launch() as browser, serve(out.online, gzip=True) as served:
        for run in range(runs):
            context = browser.new_context()
            tab = context.new_page()
            if run == 0:
                tab.on("request", lambda request: requested.append(request.url))
            tab.goto(served.url(url_path), wait_until="domcontentloaded")
            samples.append(tab.evaluate(FIRST_QUESTION))
            context.close()
        weight = weigh(out.online, served.root, served.url(url_path), requested, False)
    bank = sum(size for path, size in weight.files if path == QUESTION_BANK) / 1000
    targets, bank_budget = budgets["bench"], budgets["practice"]["max_bank_kb_gzip"]
    return [
        figure("practice page: time to the first question", samples, "ms", targets["practice_first_question_ms"]),
        figure(
            "practice page: transferred, gzip",
            [weight.kb],
            "KB",
            budgets["page"]["max_kb_without_diagram"] + bank_budget,
        ),
        figure("practice page: its question bank, gzip", [bank], "KB", bank_budget),
    ]


def lighthouse(out: Outputs, pages: tuple[Page, ...]) -> list[dict]:
    npx = shutil.which("npx")
    chromium = find_chromium(full=True)  # Lighthouse drives a full browser's headless mode
    if npx is None or chromium is None:
        print("bench: Lighthouse skipped: it needs Node.js (npx) and a Chromium", file=sys.stderr)
        return []
    rows = []
    env = {**os.environ, "CHROME_PATH": chromium}
    flags = " ".join(["--headless=new", *FLAGS])
    with serve(out.online, gzip=True) as served, tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            report = Path(tmp) / "report.json"
            url = served.url(page.url(directory_urls=True))
            command = [
                npx,
                "--yes",
                LIGHTHOUSE,
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={flags}",
                "--only-categories=performance,accessibility,best-practices,seo",
            ]
            proc = subprocess.run(command, env=env, capture_output=True, text=True)
            if proc.returncode != 0 or not report.is_file():
                print(f"bench: Lighthouse failed on {url}: {proc.stderr.strip()[-300:]}", file=sys.stderr)
                continue
            data = json.loads(report.read_text())
            scores = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
            audits = data["audits"]
            rows.append(
                {
                    "page": page.src,
                    **scores,
                    "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
                    "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
                    "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
                    "bytes": round(audits["total-byte-weight"]["numericValue"]),
                }
            )
    return rows


def print_report(
    figures: list[Figure], pages: list[dict], scores: list[dict], budgets: dict, steps: list[dict] | None = None
) -> None:
    print(f"\n{'figure':45} {'median':>9} {'min':>9} {'max':>9}  {'target':>8}")
    for f in figures:
        target = f"{f.target:g} {f.unit}" if f.target is not None else ""
        print(f"{f.name:45} {f.median:9.3f} {f.low:9.3f} {f.high:9.3f}  {target:>8} {f.within}")
    if pages:
        print(f"\n{'page (median ms)':35} {'DCL':>7} {'load':>7} {'LCP':>7} {'diagrams':>9}")
        for row in pages:
            drawn = f"{row['diagrams']:.0f}" if row["diagrams_target"] and row["diagrams"] is not None else "-"
            flag = "" if not row["diagrams_target"] or (row["diagrams"] or 0) <= row["diagrams_target"] else " OVER"
            print(f"{row['page']:35} {row['dcl']:7.0f} {row['load']:7.0f} {row['lcp']:7.0f} {drawn:>9}{flag}")
    if steps:
        print(f"\n{f'step of a page read, {IN_FLIGHT} in flight (s)':45} {'total':>9} {'median':>9} {'max':>9}")
        for row in steps:
            print(f"{row['step']:45} {row['total']:9.2f} {row['median']:9.3f} {row['max']:9.3f}")
    if scores:
        lh = budgets["lighthouse"]
        print(f"\n{'Lighthouse (mobile)':35} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'TBT ms':>7} {'KB':>6}")
        for row in scores:
            print(
                f"{row['page']:35} {row['performance']:5} {row['accessibility']:5} {row['best-practices']:5} "
                f"{row['seo']:5} {row['tbt_ms']:7} {row['bytes'] / 1000:6.0f}"
            )
        print(
            f"targets: performance {lh['performance_without_diagram']} (text) / {lh['performance_with_diagram']} "
            f"(diagrams), accessibility {lh['accessibility']}, best practices {lh['best_practices']}, seo {lh['seo']}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--test-runs", type=int, default=3, help="runs of make test (default 3; 0 skips)")
    parser.add_argument("--quick", action="store_true", help="one run each, no make test, Lighthouse on 2 pages")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    runs, test_runs = (1, 0) if args.quick else (args.runs, args.test_runs)
    budgets = load_budgets()
    targets = budgets["bench"]
    site_map = load_site_map()

    with tempfile.TemporaryDirectory() as tmp:
        figures, out = bench_builds(Path(tmp), runs, targets)
        figures.append(bench_link_check(out, runs, targets))
        figures.append(bench_check(max(1, runs // 2), targets))
        if test_runs:
            figures.append(bench_make_test(test_runs, targets))
        pages: list[dict] = []
        steps: list[dict] = []
        if find_chromium():
            pages = bench_pages(out, site_map.pages, max(1, runs // 2), targets)
            figures += bench_search(out, ["task role", "taints", "Fargate EFS"], runs)
            figures += bench_practice(out, site_map, runs, budgets)
            levels = (IN_FLIGHT,) if args.quick else (1, 2, 3, 4)
            reading_figures, steps = bench_readings(out, site_map.pages, levels)
            figures += reading_figures
        lighthouse_pages = site_map.pages if not args.quick else (site_map.pages[0], site_map.pages[-1])
        scores = [] if args.no_lighthouse else lighthouse(out, lighthouse_pages)

    print_report(figures, pages, scores, budgets, steps)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    results = {"figures": [asdict(f) for f in figures], "pages": pages, "reading_steps": steps, "lighthouse": scores}
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
