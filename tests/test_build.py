"""The strict build of both variants passes without a warning."""

from __future__ import annotations

import pytest


def test_both_variants_build_strictly(build_outcome):
    if isinstance(build_outcome, str):
        pytest.fail(build_outcome, pytrace=False)
    builds = build_outcome
    assert (builds.online / "index.html").is_file()
    assert (builds.offline / "index.html").is_file()
    assert builds.zip.is_file()
