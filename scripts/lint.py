"""Run every linter of the project and say which ones failed; `make lint` runs this.

    python -m scripts.lint              # all checks
    python -m scripts.lint spelling     # only the named checks (see --help for the names)

Each check is a command of a pinned tool; its own output names the file, the line and the problem.
All checks run even when one fails, so one push shows every problem at once.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTHON_DIRS = ["scripts", "tests", "overrides"]
MARKDOWN = ["docs", "README.md", "CONTRIBUTING.md", ".github"]
MARKDOWN_EXCLUDED = ["docs/includes/*", "docs/assets/*"]
# The Markdown lint is most of the lint's time: the files are shared out among this many processes.
MARKDOWN_SHARES = 2


@dataclass(frozen=True)
class Check:
    name: str
    what: str
    commands: tuple[tuple[str, ...], ...]


def _tool(name: str) -> str:
    return str(BIN / name)


def checks(root: Path = ROOT, *, markdown: list[str] | None = None) -> list[Check]:
    """The checks, with the file lists they need read from `root` (the project, or a test's copy);
    `markdown`: the files and folders the Markdown lint reads (default: MARKDOWN)."""

    def existing(pattern: str) -> list[str]:
        return sorted(p.relative_to(root).as_posix() for p in root.glob(pattern))

    def markdown_lint(paths: list[str]) -> tuple[str, ...]:
        excluded = [arg for pattern in MARKDOWN_EXCLUDED for arg in ("--exclude", pattern)]
        scan = ("--config", ".pymarkdown.yaml", "--strict-config", "scan", "--recurse", *excluded)
        return (_tool("pymarkdown"), *scan, *paths)

    if markdown is None:
        files = markdown_files(root)
        shares = [files[n::MARKDOWN_SHARES] for n in range(MARKDOWN_SHARES)]
        markdown_commands = tuple(markdown_lint(share) for share in shares if share)
    else:
        markdown_commands = (markdown_lint([p for p in markdown if (root / p).exists()]),)

    issue_forms = [p for p in existing(".github/ISSUE_TEMPLATE/*.yml") if not p.endswith("/config.yml")]
    schemas: list[tuple[str, list[str]]] = [
        ("vendor.github-workflows", existing(".github/workflows/*.yml")),
        ("vendor.dependabot", existing(".github/dependabot.yml")),
        ("vendor.github-issue-forms", issue_forms),
        ("vendor.github-issue-config", existing(".github/ISSUE_TEMPLATE/config.yml")),
    ]
    return [
        Check(
            "placeholders",
            "no `TODO:` of the new-page template left (scripts/check_placeholders.py)",
            ((sys.executable, "-m", "scripts.check_placeholders"),),
        ),
        Check("markdown", "Markdown lint (.pymarkdown.yaml)", markdown_commands),
        Check("spelling", "spell check (.spelling-wordlist.txt)", ((sys.executable, "-m", "scripts.spellcheck"),)),
        Check(
            "aws-links",
            "AWS documentation links in canonical form (scripts/check_aws_links.py)",
            ((sys.executable, "-m", "scripts.check_aws_links"),),
        ),
        Check(
            "yaml",
            "YAML lint (.yamllint.yaml)",
            ((_tool("yamllint"), "--strict", "--format", "parsable", "-c", ".yamllint.yaml", "."),),
        ),
        Check(
            "python",
            "ruff check and ruff format --check",
            (
                (_tool("ruff"), "check", "--quiet", "--output-format", "concise", *PYTHON_DIRS),
                (_tool("ruff"), "format", "--check", *PYTHON_DIRS),
            ),
        ),
        Check(
            "workflows",
            "GitHub files against their schemas, then zizmor (medium severity and above)",
            (
                *[
                    (_tool("check-jsonschema"), "--builtin-schema", schema, *files)
                    for schema, files in schemas
                    if files
                ],
                (_tool("zizmor"), "--offline", "--min-severity", "medium", "--quiet", ".github"),
            ),
        ),
    ]


def markdown_files(root: Path) -> list[str]:
    """The files of MARKDOWN, folders read recursively, but MARKDOWN_EXCLUDED: paths from `root`."""
    found = []
    for name in MARKDOWN:
        path = root / name
        found += sorted(path.rglob("*.md")) if path.is_dir() else [path] if path.is_file() else []
    paths = [p.relative_to(root).as_posix() for p in found]
    return [p for p in paths if not any(fnmatch.fnmatch(p, pattern) for pattern in MARKDOWN_EXCLUDED)]


@dataclass(frozen=True)
class Result:
    check: Check
    ok: bool
    output: str


def run(check: Check, cwd: Path = ROOT) -> Result:
    return run_all([check], cwd)[0]


def run_all(selected: list[Check], cwd: Path = ROOT) -> list[Result]:
    """Every command of the checks, as many at once as the machine has cores (they share nothing); each
    check's outputs in the order of its commands."""

    def execute(command: tuple[str, ...]) -> str | None:
        """What a failing command said; None when it passed."""
        proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        if proc.returncode == 0:
            return None
        return (proc.stdout + proc.stderr).strip() or f"{Path(command[0]).name} exited {proc.returncode}"

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        running = [[pool.submit(execute, command) for command in check.commands] for check in selected]
        said = [[future.result() for future in futures] for futures in running]
    return [
        Result(check, all(s is None for s in outputs), "\n".join(s for s in outputs if s is not None))
        for check, outputs in zip(selected, said, strict=True)
    ]


def main(argv: list[str] | None = None) -> int:
    available = {check.name: check for check in checks()}
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("names", nargs="*", metavar="CHECK", help="any of: " + ", ".join(available))
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in available]
    if unknown:
        parser.error(f"unknown check {', '.join(unknown)}; the checks are {', '.join(available)}")
    results = run_all([available[name] for name in (args.names or available)])
    for result in results:
        print(f"{'ok  ' if result.ok else 'FAIL'} {result.check.name}: {result.check.what}")
        if not result.ok:
            print("     " + result.output.replace("\n", "\n     "))
    failed = [r.check.name for r in results if not r.ok]
    if failed:
        print(f"lint failed: {', '.join(failed)} (fix the lines named above; CONTRIBUTING.md explains each check)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
