"""AWS documentation links in their canonical form only; `make lint` (and so `make test`) runs this.

    python -m scripts.check_aws_links                 # docs/, README.md, CONTRIBUTING.md, overrides/
    python -m scripts.check_aws_links docs/ecs/x.md   # only these files

Canonical: `https://docs.aws.amazon.com/<guide>/latest/<book>/<page>.html`. Each fault is reported as
`file:line: URL: what is wrong; use CANONICAL`:
- a locale segment (`/en_us/`, `/hi_in/`, `/ja_jp/`) opens a translated or older copy;
- docs.amazonaws.cn is the China Regions' copy, which lags behind;
- `/AmazonECS/latest/userguide/` is the old Fargate-only guide, not the Developer Guide (unless the
  line names that guide: "User Guide for AWS Fargate");
- CloudFormation resource and property pages moved to the TemplateReference guide;
- a raw `.md` source or an extension-less page name instead of the `.html` page;
- plain http.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = ("docs", "README.md", "CONTRIBUTING.md", "overrides")
SUFFIXES = (".md", ".html", ".yml", ".txt")
URL = re.compile(r"https?://docs\.(?:aws\.amazon\.com|amazonaws\.cn)[^\s)\"'<>\]`]*")
LOCALE = re.compile(r"^/[a-z]{2}_[a-z]{2}(?=/)")
FARGATE_GUIDE_NAMED = "User Guide for AWS Fargate"
CFN_MOVED = re.compile(r"^/AWSCloudFormation/latest/UserGuide/(?=(?:aws-resource-|aws-properties-)[^/]*$)")


@dataclass(frozen=True)
class BadLink:
    path: str
    line: int
    url: str
    reasons: tuple[str, ...]
    canonical: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.url}: {'; '.join(self.reasons)}; use {self.canonical}"


def canonical(url: str, line_text: str = "") -> tuple[str, list[str]]:
    """The canonical form of an AWS documentation URL, and why the given one is not it."""
    reasons = []
    match = re.match(r"^(https?)://([^/]+)(/[^?#]*)?([?#].*)?$", url)
    if not match:
        return url, []
    scheme, host, path, rest = match[1], match[2], match[3] or "/", match[4] or ""
    if scheme == "http":
        reasons.append("plain http")
    if host == "docs.amazonaws.cn":
        reasons.append("docs.amazonaws.cn is the China Regions' copy")
    if LOCALE.match(path):
        reasons.append(f"locale segment {LOCALE.match(path)[0]}/ opens a translated copy")  # type: ignore[index]
        path = LOCALE.sub("", path)
    if path.startswith("/AmazonECS/latest/userguide/") and FARGATE_GUIDE_NAMED not in line_text:
        reasons.append("/AmazonECS/latest/userguide/ is the old Fargate-only guide, not the ECS Developer Guide")
        path = path.replace("/userguide/", "/developerguide/", 1)
    if CFN_MOVED.match(path):
        reasons.append("CloudFormation resource and property pages are in the TemplateReference guide")
        path = CFN_MOVED.sub("/AWSCloudFormation/latest/TemplateReference/", path)
    last = path.rsplit("/", 1)[-1]
    if last.endswith(".md"):
        reasons.append("a raw .md source, not the page")
        path = path[:-3] + ".html"
    elif last and "." not in last and path.count("/") >= 4:
        reasons.append("a page name without .html")
        path += ".html"
    return f"https://docs.aws.amazon.com{path}{rest}", reasons


def files_under(args: Iterable[str], root: Path = ROOT) -> Iterator[Path]:
    for arg in args:
        path = root / arg
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and "vendor" not in p.parts)
        elif path.is_file():
            yield path


def check(paths: Iterable[Path], root: Path = ROOT) -> list[BadLink]:
    found = []
    for path in paths:
        shown = path.resolve().relative_to(root).as_posix() if path.resolve().is_relative_to(root) else str(path)
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in URL.finditer(text):
                url = match.group(0).rstrip(".,;:")
                fixed, reasons = canonical(url, text)
                if reasons:
                    found.append(BadLink(shown, number, url, tuple(reasons), fixed))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    args = parser.parse_args(argv)
    problems = check(files_under(args.paths))
    for problem in problems:
        print(problem)
    if problems:
        print(f"check_aws_links: {len(problems)} AWS link(s) not in canonical form", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
