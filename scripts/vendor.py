"""Vendor third-party browser scripts and record their checksums.

The pages must not load anything from a CDN, so the scripts they need live in the repository,
in docs/assets/vendor (shipped with the site). The browser checks' own script, axe-core, lives in
tests/vendor (never shipped). A `manifest.json` in each folder says, for each file, which npm
package and version it came from, under which licence, and its SHA-256.

    python -m scripts.vendor             # re-fetch every package at its recorded version
    python -m scripts.vendor mermaid@11  # move one package to the newest 11.x
    python -m scripts.vendor --check     # verify the files against the manifests
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "docs" / "assets" / "vendor"
MANIFEST = VENDOR_DIR / "manifest.json"
# What the tests run in the browser (axe-core): vendored the same way, outside docs/ so the site never ships it.
TEST_MANIFEST = ROOT / "tests" / "vendor" / "manifest.json"
MANIFESTS = (MANIFEST, TEST_MANIFEST)


@dataclass(frozen=True)
class Problem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_manifest(manifest: Path = MANIFEST) -> dict:
    return json.loads(manifest.read_text(encoding="utf-8"))


def packages(manifests: tuple[Path, ...] = MANIFESTS) -> list[dict]:
    """Every vendored package, from every manifest."""
    return [package for manifest in manifests for package in load_manifest(manifest)["packages"]]


def check(*manifests: Path) -> list[Problem]:
    """Every vendored file exists and matches the SHA-256 in its manifest (default: every manifest)."""
    problems: list[Problem] = []
    for manifest in manifests or MANIFESTS:
        problems += _check(manifest)
    return problems


def _check(manifest: Path) -> list[Problem]:
    base = manifest.parent
    problems: list[Problem] = []
    for package in load_manifest(manifest)["packages"]:
        for entry in package["files"]:
            target = base / entry["path"]
            rel = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
            if not target.is_file():
                problems.append(Problem(str(rel), "missing (run `make vendor`)"))
            elif (actual := sha256(target)) != entry["sha256"]:
                problems.append(
                    Problem(
                        str(rel),
                        f"SHA-256 {actual} does not match the manifest's {entry['sha256']} "
                        f"({package['name']}@{package['version']}); run `make vendor`",
                    )
                )
    return problems


def npm_pack(spec: str, workdir: Path) -> Path:
    """Download one package tarball from the npm registry, without installing it."""
    out = subprocess.run(
        ["npm", "pack", spec, "--json", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    return workdir / json.loads(out.stdout)[0]["filename"]


def update(package: dict, spec: str, folder: Path) -> None:
    """Fetch `spec` with npm pack and copy the listed files into `folder`, rewriting version and checksums."""
    with tempfile.TemporaryDirectory() as tmp:
        tarball = npm_pack(spec, Path(tmp))
        with tarfile.open(tarball) as tar:
            meta = json.load(tar.extractfile("package/package.json"))  # type: ignore[arg-type]
            for entry in package["files"]:
                member = tar.extractfile(f"package/{entry['source']}")
                if member is None:
                    raise SystemExit(f"{spec}: {entry['source']} is not a file in the package")
                target = folder / entry["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(member.read())
                entry["sha256"] = sha256(target)
    package["version"] = meta["version"]
    package["license"] = meta.get("license", "UNKNOWN")
    print(f"{package['name']}: {meta['version']} ({package['license']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("specs", nargs="*", help="name@range to move to; default: the recorded versions")
    parser.add_argument("--check", action="store_true", help="only verify the checksums")
    args = parser.parse_args(argv)

    if args.check:
        problems = check()
        for problem in problems:
            print(f"vendor: {problem}", file=sys.stderr)
        return 1 if problems else 0

    wanted = dict(s.rsplit("@", 1) for s in args.specs)
    for path in MANIFESTS:
        manifest = load_manifest(path)
        for package in manifest["packages"]:
            if args.specs and package["name"] not in wanted:
                continue
            update(package, f"{package['name']}@{wanted.get(package['name'], package['version'])}", path.parent)
        path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
