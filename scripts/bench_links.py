"""Time our link checker beside LinkChecker on the same built site; `make bench-links` runs this.

    python -m scripts.bench_links                    # medians of 3 runs (AnchorCheck: 1 run), ratios
    python -m scripts.bench_links --runs 5 --anchor-runs 3

Both variants are built once into a temp folder; then, per run, each tool checks both builds:
- scripts.check_links as a command (interpreter start-up included, like LinkChecker's), and in process;
- LinkChecker as configured by default (links only: it checks no #fragment);
- LinkChecker with its AnchorCheck plugin, the closest it comes to what scripts.check_links checks.
LinkChecker, run as root, switches to user `nobody`: the builds are made readable by everyone.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from scripts.bench import timed
from scripts.build import ROOT, BuildError, Outputs, build_all, default_outputs
from scripts.check_links import check_site
from scripts.pages import load_config

BIN = Path(sys.executable).parent
LINKCHECKER = BIN / "linkchecker"


def median_seconds(action: Callable[[], object], runs: int) -> float:
    return statistics.median(timed(action, runs))


def readable_by_all(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def run_quietly(command: list[str]) -> None:
    # Exit status 1 means "broken links found"; only a crash (2 and up) spoils the timing.
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode > 1:
        raise RuntimeError(f"{' '.join(command)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs of each tool; the median is shown")
    # LinkChecker with AnchorCheck takes about a minute a run on this site.
    parser.add_argument("--anchor-runs", type=int, default=1, help="runs of LinkChecker + AnchorCheck")
    args = parser.parse_args(argv)
    if not LINKCHECKER.is_file():
        print(f"{LINKCHECKER} is missing: run `make deps` (requirements-dev.txt pins linkchecker)", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        out: Outputs = default_outputs(Path(tmp))
        try:
            build_all(out)
        except BuildError as error:
            print(error, file=sys.stderr)
            return 1
        readable_by_all(Path(tmp))
        sites = [out.online, out.offline]
        anchor_config = Path(tmp) / "linkcheckerrc"
        anchor_config.write_text("[AnchorCheck]\n", encoding="utf-8")
        anchor_config.chmod(0o644)
        extra_css = load_config().get("extra_css") or []

        def ours() -> None:
            for site in sites:
                assert check_site(site, extra_css=extra_css).ok

        def linkchecker(*options: str) -> Callable[[], None]:
            def run() -> None:
                for site in sites:
                    run_quietly([str(LINKCHECKER), *options, "--no-status", "-o", "none", str(site / "index.html")])

            return run

        checked = [check_site(site, extra_css=extra_css) for site in sites]
        size = f"{sum(r.pages for r in checked)} pages, {sum(r.links for r in checked)} links"
        command = [sys.executable, "-m", "scripts.check_links", *map(str, sites)]
        results = {
            "scripts.check_links, in process": median_seconds(ours, args.runs),
            "scripts.check_links, as a command": median_seconds(lambda: run_quietly(command), args.runs),
            "LinkChecker, default (no anchors)": median_seconds(linkchecker(), args.runs),
            "LinkChecker + AnchorCheck": median_seconds(linkchecker("-f", str(anchor_config)), args.anchor_runs),
        }

    version = subprocess.run([str(LINKCHECKER), "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    baseline = results["scripts.check_links, as a command"]
    print(f"Both builds (online + offline: {size}); {version.strip()}; uid {os.getuid()}")
    print(f"Median of {args.runs} runs ({args.anchor_runs} for AnchorCheck); ratios against our command:")
    for name, seconds in results.items():
        ratio = "" if "scripts.check_links" in name else f"  {seconds / baseline:6.1f}x"
        print(f"  {name:<36} {seconds:8.3f} s{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
