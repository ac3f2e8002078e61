"""Build the site: the offline variant, its zip, then the online site that offers the zip.

    python -m scripts.build                 # site/ (with the zip) and site-offline/ + dist/*.zip
    python -m scripts.build --offline-only  # site-offline/ and dist/*.zip
    python -m scripts.build --online-only   # site/ without building the zip again

Both variants come from the one mkdocs.yml; OFFLINE=true switches on the offline plugin.
The zip is reproducible: sorted entries, fixed timestamps and permissions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from scripts.prerender_diagrams import DiagramError, Prerenderer

ROOT = Path(__file__).resolve().parent.parent
ZIP_NAME = "aws-containers-study-offline.zip"
# Where the online site offers the zip; overrides/main.html links to the same path.
DOWNLOAD_PATH = f"downloads/{ZIP_NAME}"
# Where the vendored Mermaid lands in a built site (relative to its root).
MERMAID_JS = Path("assets/vendor/mermaid/mermaid.min.js")
# 1980-01-01, the earliest time a zip entry can hold: no build time leaks into the archive.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Outputs:
    online: Path
    offline: Path
    zip: Path


def default_outputs(base: Path = ROOT) -> Outputs:
    return Outputs(base / "site", base / "site-offline", base / "dist" / ZIP_NAME)


class BuildError(RuntimeError):
    """mkdocs failed; the message holds its warnings and errors."""


def problem_lines(log: str) -> list[str]:
    """The warnings and errors of a MkDocs log, with the indented lines that continue them."""
    kept: list[str] = []
    keeping = False
    for line in log.splitlines():
        if line.startswith(("WARNING", "ERROR", "Aborted")):
            keeping = True
        elif not line.startswith((" ", "\t")):
            keeping = False
        if keeping:
            kept.append(line)
    return kept


def start_mkdocs(site_dir: Path, *, offline: bool, config: Path = ROOT / "mkdocs.yml") -> subprocess.Popen[str]:
    """Start a strict build of one variant in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish_mkdocs(proc: subprocess.Popen[str], *, offline: bool) -> str:
    """Wait for a build and return its log; raise BuildError with its warnings when it fails."""
    log, _ = proc.communicate()
    if proc.returncode != 0:
        variant = "offline" if offline else "online"
        raise BuildError(f"the {variant} build failed:\n" + "\n".join(problem_lines(log) or log.splitlines()[-20:]))
    return log


def mkdocs_build(site_dir: Path, *, offline: bool, config: Path = ROOT / "mkdocs.yml") -> str:
    """Run a strict build and return its log; raise BuildError with the log when it fails."""
    return finish_mkdocs(start_mkdocs(site_dir, offline=offline, config=config), offline=offline)


def mkdocs_build_both(out: Outputs, config: Path = ROOT / "mkdocs.yml") -> None:
    """Both strict builds at once, one process each: they share nothing, and the machine has two cores."""
    finish_all(
        [
            (start_mkdocs(out.offline, offline=True, config=config), True),
            (start_mkdocs(out.online, offline=False, config=config), False),
        ]
    )


def finish_all(running: list[tuple[subprocess.Popen[str], bool]]) -> None:
    """Wait for builds started side by side, as (process, offline); one BuildError holds every failure,
    and a failure both variants share (a page's fault fails both) is said once."""
    failed: dict[str, list[str]] = {}  # what went wrong -> the variants it happened to
    for proc, offline in running:
        try:
            finish_mkdocs(proc, offline=offline)
        except BuildError as error:
            header, _, body = str(error).partition("\n")
            failed.setdefault(body, []).append(header.removeprefix("the ").removesuffix(" build failed:"))
    if failed:
        raise BuildError(
            "\n".join(
                f"the {' and '.join(variants)} build{'s' * (len(variants) > 1)} failed:\n{body}"
                for body, variants in failed.items()
            )
        )


def pack(site_dir: Path, archive: Path) -> Path:
    """Zip a built site so that its top-level index.html opens it; same input, same bytes."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(site_dir).as_posix(), date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the building machine
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    return archive


@contextmanager
def prerenderer() -> Iterator[Prerenderer | None]:
    """A Chromium to draw diagrams at build time, so what a contributor builds is what Pages serves.

    PRERENDER=on (the default) finds a Chromium or installs one (scripts/chromium.py) and fails
    when neither works; PRERENDER=off leaves the diagrams to client-side Mermaid, as `make serve` does.
    """
    mode = os.environ.get("PRERENDER", "on")
    if mode not in {"on", "off"}:
        raise BuildError(f"PRERENDER={mode!r}: use on or off")
    if mode == "off":
        yield None
        return
    from scripts.browser import launch
    from scripts.chromium import NoChromium, provide_chromium

    try:
        provide_chromium()
    except NoChromium as error:
        raise BuildError(f"build: {error} (or build with PRERENDER=off)") from error
    with launch() as browser:
        yield Prerenderer(browser)


def drop_unused_mermaid(site: Path) -> None:
    """Once every diagram is drawn, no page loads Mermaid: leave its 3.6 MB out of the offline zip."""
    if not any(MERMAID_JS.name in page.read_text(encoding="utf-8") for page in site.rglob("*.html")):
        shutil.rmtree(site / MERMAID_JS.parent, ignore_errors=True)


def build_offline(out: Outputs, diagrams: Prerenderer | None = None, config: Path = ROOT / "mkdocs.yml") -> None:
    mkdocs_build(out.offline, offline=True, config=config)
    if diagrams:
        diagrams.prerender_sites(out.offline, docs=config.parent / "docs")
    drop_unused_mermaid(out.offline)
    pack(out.offline, out.zip)


def build_online(out: Outputs, diagrams: Prerenderer | None = None) -> None:
    mkdocs_build(out.online, offline=False)
    if diagrams:
        diagrams.prerender_sites(out.online, docs=ROOT / "docs")
    offer_zip(out)


def offer_zip(out: Outputs) -> None:
    """Copy the offline zip to the online site's download path, when there is one."""
    if out.zip.is_file():
        target = out.online / DOWNLOAD_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out.zip, target)


def build_all(out: Outputs, diagrams: Prerenderer | None = None, config: Path = ROOT / "mkdocs.yml") -> None:
    """What `make build` does: both variants, their diagrams, the zip, and the zip offered online."""
    mkdocs_build_both(out, config)
    if diagrams:
        diagrams.prerender_sites(out.offline, out.online, docs=config.parent / "docs")
    drop_unused_mermaid(out.offline)
    pack(out.offline, out.zip)
    offer_zip(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--online-only", action="store_true")
    group.add_argument("--offline-only", action="store_true")
    args = parser.parse_args(argv)
    out = default_outputs()
    try:
        with prerenderer() as diagrams:
            if args.offline_only:
                build_offline(out, diagrams)
            elif args.online_only:
                build_online(out, diagrams)
            else:
                build_all(out, diagrams)
        if not args.online_only:
            print(f"offline: {out.offline.relative_to(ROOT)}/ and {out.zip.relative_to(ROOT)}")
        if not args.offline_only:
            print(f"online: {out.online.relative_to(ROOT)}/")
    except (BuildError, DiagramError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
