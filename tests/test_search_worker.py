"""The search worker that readers get: Material's own, extended by overrides/hooks/search.py with the
glossary's synonyms and docs/assets/javascripts/search-worker.js, within its budget.

How well it finds pages is tests/browser/test_search_quality.py; this checks how it is put together.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import material

from scripts.build import ROOT
from scripts.page_weight import load_budgets, transfer_size
from scripts.pages import DOCS, load_config

HOOKS = ROOT / "overrides" / "hooks"


def load_hook() -> ModuleType:
    """The hook as MkDocs loads it: by path, with its folder on sys.path for `import glossary`."""
    spec = importlib.util.spec_from_file_location("study_search_hook", HOOKS / "search.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(HOOKS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOKS))
    return module


def configured_separator() -> str:
    for plugin in load_config()["plugins"]:
        if isinstance(plugin, dict) and "search" in plugin:
            return (plugin["search"] or {}).get("separator") or HOOK.DEFAULT_SEPARATOR
    return HOOK.DEFAULT_SEPARATOR


HOOK = load_hook()


def built_worker(site: Path) -> Path:
    (worker,) = (site / HOOK.WORKERS).glob("search.*.min.js")
    return worker


def test_synonyms_come_from_the_glossary_in_both_directions():
    groups = HOOK.synonyms(HOOK.glossary.read(DOCS), configured_separator())
    assert [["k8s"], ["kubernetes"]] in groups
    assert [["alb"], ["application", "load", "balancer"]] in groups
    assert [["ecs"], ["elastic", "container", "service"]] in groups, "the brand word Amazon is optional"
    assert [["pvc"], ["persistentvolumeclaim"], ["persistent", "volume", "claim"]] in groups, (
        "a camelCase name as written and split, like the index"
    )
    assert not any(form == ["cves"] for group in groups for form in group), "plural entries add nothing"


def test_compact_drops_whole_line_comments_only():
    script = "/* header\n * more\n */\n(function () {\n  // a note\n  var a = 1; // kept\n\n  return a;\n})();\n"
    assert HOOK.compact(script) == "(function () {\nvar a = 1; // kept\nreturn a;\n})();"


def test_the_built_worker_is_materials_with_the_extension(online):
    text = built_worker(online).read_text(encoding="utf-8")
    assert "self.studySearchData=" in text and '["k8s"],["kubernetes"]' in text
    assert "lunr.Index.prototype.search" in text
    assert text.rstrip().splitlines()[-1].startswith("//# sourceMappingURL="), "the source map comment stays last"
    assert not (online / HOOK.EXTENSION).exists(), "the extension reaches readers inside the worker only"
    (original,) = (Path(material.__file__).parent / "templates" / HOOK.WORKERS).glob("search.*.min.js")
    code = HOOK.SOURCE_MAP.sub("", original.read_text(encoding="utf-8")).rstrip("\n")
    assert text.startswith(code), "Material's worker comes first, unchanged"


def test_the_search_worker_is_within_budget(online):
    kb = transfer_size(built_worker(online)) / 1000
    budget = load_budgets()["search"]["max_worker_kb_gzip"]
    assert kb < budget, f"search worker is {kb:.1f} KB gzip, budget {budget} KB (tests/budgets.toml)"
