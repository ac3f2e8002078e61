"""Learner-friendly search: extend Material's own search worker rather than replace it.

Material builds its lunr index in a web worker (assets/javascripts/workers/search.*.min.js), in
both builds: over http online, inside the iframe-worker shim from file:// offline. This hook
writes that worker again at the end of every build, as Material's file followed by

- the glossary's synonyms (docs/includes/abbreviations.md, the file the tooltips come from):
  each abbreviation beside its expansion, so `k8s` also finds Kubernetes and
  `application load balancer` also finds ALB;
- docs/assets/javascripts/search-worker.js, which wraps lunr's search with typo tolerance,
  the synonyms, comparisons and questions (its header says how).

One script, so nothing loads later or in another order, and the search index itself
(search/search_index.json, with its budget) is unchanged. The extension's source is kept out
of the built site: only the worker carries it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import glossary
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

EXTENSION = "assets/javascripts/search-worker.js"  # below docs_dir
WORKERS = "assets/javascripts/workers"  # below Material's templates and the site
# Material's English default, for a config that sets no separator.
DEFAULT_SEPARATOR = r"[\s\-]+"
# Brand words the glossary puts before service names ("Amazon Elastic Container Service"),
# which readers mostly leave out when they type a name.
BRANDS = ("amazon", "aws")
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")


def compact(script: str) -> str:
    """The extension without its comments, blank lines and indentation: what readers download.

    Whole-line comments only (the file's own style), so no code is ever taken for a comment.
    """
    kept, in_comment = [], False
    for line in script.splitlines():
        text = line.strip()
        if in_comment or text.startswith("/*"):
            in_comment = not text.endswith("*/")
        elif text and not text.startswith("//"):
            kept.append(text)
    return "\n".join(kept)


def words(text: str, separator: str = DEFAULT_SEPARATOR) -> list[str]:
    """Lowercase words as the search index splits them (its separator, then lowercase), without
    punctuation at either end."""
    found = (w.lower().strip(".,;:!?()\"'") for w in re.split(separator, text))
    return [w for w in found if w]


# Where the search worker splits a camelCase name into the parts it also indexes (search-worker.js).
CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")


def synonyms(entries: list[glossary.Abbreviation], separator: str = DEFAULT_SEPARATOR) -> list[list[list[str]]]:
    """Groups of equivalent forms, each a list of words: [["alb"], ["application", "load", "balancer"]].

    A camelCase expansion counts as written and as its parts, as the index holds both:
    [["pvc"], ["persistentvolumeclaim"], ["persistent", "volume", "claim"]].
    Plural entries (`CVEs` beside `CVE`) add nothing: the search matches word beginnings and plurals.
    """
    terms = {e.term for e in entries}
    groups = []
    for entry in entries:
        if entry.term.endswith("s") and entry.term[:-1] in terms:
            continue
        term, expansion = words(entry.term, separator), words(entry.expansion, separator)
        while len(expansion) > 1 and expansion[0] in BRANDS:
            expansion = expansion[1:]
        if not expansion or expansion == term:
            continue
        split = words(CAMEL_BOUNDARY.sub(" ", entry.expansion), separator)
        while len(split) > 1 and split[0] in BRANDS:
            split = split[1:]
        groups.append([term, expansion] + ([split] if split not in (expansion, term) else []))
    return groups


def worker_source(material_worker: str, groups: list[list[list[str]]], extension: str) -> str:
    """Material's worker, then the data, then the extension; Material's source map comment stays last."""
    match = SOURCE_MAP.search(material_worker)
    comment = match.group(0).strip() if match else ""
    code = material_worker[: match.start()] if match else material_worker
    data = json.dumps({"synonyms": groups}, separators=(",", ":"), ensure_ascii=False)
    parts = [code.rstrip("\n"), f"self.studySearchData={data};", compact(extension), comment]
    return "\n".join(p for p in parts if p) + "\n"


def material_worker(config: MkDocsConfig) -> Path:
    """Material's own search worker, read from the theme (not the site), so rebuilds never extend it twice."""
    for theme_dir in config.theme.dirs:
        found = sorted(Path(theme_dir, WORKERS).glob("search.*.min.js"))
        if found:
            return found[0]
    raise PluginError(f"search hook: no {WORKERS}/search.*.min.js in the theme directories")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    extension = files.get_file_from_path(EXTENSION)
    if extension is None:
        raise PluginError(f"search hook: docs/{EXTENSION} is missing")
    files.remove(extension)  # it reaches readers inside the worker only
    return files


def on_post_build(config: MkDocsConfig) -> None:
    source = material_worker(config)
    try:
        entries = glossary.read(Path(config.docs_dir))
    except (OSError, ValueError) as error:
        raise PluginError(str(error)) from error
    extension = (Path(config.docs_dir) / EXTENSION).read_text(encoding="utf-8")
    search = config.plugins.get("material/search")
    separator = (search.config.separator if search else None) or DEFAULT_SEPARATOR
    target = Path(config.site_dir) / WORKERS / source.name
    text = worker_source(source.read_text(encoding="utf-8"), synonyms(entries, separator), extension)
    target.write_text(text, encoding="utf-8")
