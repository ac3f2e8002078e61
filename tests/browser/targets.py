"""What the browser tests visit: every page of the nav in both variants, and the online 404 page."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.check_diagrams import extract
from scripts.pages import Page, load_site_map

VARIANTS = ("online", "offline")
PAGES = load_site_map().pages


@dataclass(frozen=True)
class Target:
    """One page of one variant; `source` names the file a failure is about."""

    variant: str
    source: str
    page: Page | None  # None: the 404 page, which has no Markdown source
    diagram_lines: tuple[int, ...] = ()  # the line of each ```mermaid fence in the source

    @property
    def audited(self) -> bool:
        """axe-core runs on the online pages only: the offline pages are the same markup with
        `.html` links, and axe is most of the time a visit takes."""
        return self.variant == "online"

    def __str__(self) -> str:
        return f"{self.variant}-{self.source}"


NOT_FOUND = Target("online", "overrides/404.html", None)


def page_target(variant: str, page: Page) -> Target:
    return Target(variant, f"docs/{page.src}", page, tuple(d.line for d in extract(page.path)))


TARGETS = [page_target(v, p) for v in VARIANTS for p in PAGES] + [NOT_FOUND]
