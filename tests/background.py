"""Work that the test run does in the background: session fixtures started at the first test, whose
judging tests run last. tests/conftest.py and tests/browser/conftest.py each start the ones they define."""

from __future__ import annotations

from contextlib import suppress

import pytest

# Started in this order; each only when a selected test uses it.
IN_CONFTEST = ("content_check_findings", "second_offline_zip")
IN_BROWSER_CONFTEST = ("faulty_copy", "fault_findings", "readings", "device_visits", "typed_searches")


def uses(item: pytest.Item, names: tuple[str, ...]) -> bool:
    return any(name in getattr(item, "fixturenames", ()) for name in names)


def judged_last(items: list[pytest.Item]) -> list[pytest.Item]:
    """`items` with the tests that judge background work moved last, each group in its order."""
    names = IN_CONFTEST + IN_BROWSER_CONFTEST
    return [i for i in items if not uses(i, names)] + [i for i in items if uses(i, names)]


def start(request: pytest.FixtureRequest, names: tuple[str, ...]) -> None:
    """Start each of `names` that a selected test uses (a fixture that skips, as when the site does not
    build, is left to the tests that need it)."""
    for name in names:
        if any(uses(item, (name,)) for item in request.session.items):
            with suppress(pytest.skip.Exception):
                request.getfixturevalue(name)
