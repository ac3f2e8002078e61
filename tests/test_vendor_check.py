"""The checksum check catches a changed or missing vendored file and says which."""

from __future__ import annotations

import json

from scripts import vendor


def _manifest(tmp_path, sha: str):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.js").write_text("console.log(1)\n")
    manifest = tmp_path / "manifest.json"
    entry = {"source": "a.js", "path": "lib/a.js", "sha256": sha}
    package = {"name": "lib", "version": "1.0.0", "license": "MIT", "files": [entry]}
    manifest.write_text(json.dumps({"packages": [package]}))
    return manifest


def test_matching_file_passes(tmp_path):
    manifest = _manifest(tmp_path, "")
    good = vendor.sha256(tmp_path / "lib" / "a.js")
    manifest.write_text(manifest.read_text().replace('"sha256": ""', f'"sha256": "{good}"'))
    assert vendor.check(manifest) == []


def test_changed_file_is_named(tmp_path):
    manifest = _manifest(tmp_path, "0" * 64)
    [problem] = vendor.check(manifest)
    assert problem.path.endswith("lib/a.js")
    assert "does not match" in problem.reason and "lib@1.0.0" in problem.reason


def test_missing_file_is_named(tmp_path):
    manifest = _manifest(tmp_path, "0" * 64)
    (tmp_path / "lib" / "a.js").unlink()
    [problem] = vendor.check(manifest)
    assert "missing" in problem.reason
