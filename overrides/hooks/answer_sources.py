"""Every self-check answer and every exam tip ends with the page that settles it.

Learners memorise these lines, so each must be checkable in one click. The last paragraph of every
`??? question` block and every `!!! tip "Exam tip..."` box is its source line:

    ??? question "A team wants ...?"

        **The answer**, then why.

        Source: [AWS page title](https://docs.aws.amazon.com/<guide>/latest/<book>/<page>.html)

`Sources:` takes several links, comma-separated. A source is AWS documentation (or an aws.amazon.com
page), or for their own facts Kubernetes' or Docker's documentation. The build stops, naming file and
line, when an answer or a tip lacks its source line or cites anything else.
`python -m scripts.check_evidence docs/x.md` runs the same check without a build.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

OPENING = re.compile(r'^(?P<indent> *)(?:\?\?\?\+? question|!!! tip) "(?P<title>[^"]*)"\s*$')
TIP_TITLE = "Exam tip"
SOURCE_LINE = re.compile(r"^Sources?: (?P<links>.+)$")
LINK = re.compile(r"\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)")
SOURCE_HOSTS = re.compile(
    r"^https://(?:docs\.aws\.amazon\.com/|aws\.amazon\.com/|kubernetes\.io/|docs\.docker\.com/"
    r"|kubernetes-sigs\.github\.io/|github\.com/(?:kubernetes|kubernetes-sigs|aws|awslabs)/)"
)
FORM = "Source: [AWS page title](https://docs.aws.amazon.com/...)"


def _paragraphs(lines: list[str], start: int, indent: int) -> list[tuple[int, str]]:
    """(first line number, text) of each paragraph in the block that opens at index `start`."""
    body_indent = " " * (indent + 4)
    paragraphs: list[tuple[int, str]] = []
    previous_blank = True
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if line.strip() and not line.startswith(body_indent):
            break
        text = line.strip()
        if not text:
            previous_blank = True
        elif previous_blank:
            paragraphs.append((number, text))
            previous_blank = False
        else:
            first, joined = paragraphs[-1]
            paragraphs[-1] = (first, f"{joined} {text}")
    return paragraphs


def problems(src: str, markdown: str) -> list[str]:
    """What is wrong with the sources of one page's answers and exam tips (`docs/x.md:12: ...`)."""
    found = []
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        opening = OPENING.match(line)
        if not opening:
            continue
        is_tip = line.lstrip().startswith("!!!")
        if is_tip and not opening["title"].startswith(TIP_TITLE):
            continue
        what = f'exam tip "{opening["title"]}"' if is_tip else f'self-check "{opening["title"][:60]}"'
        where = f"docs/{src}:{index + 1}: {what}"
        paragraphs = _paragraphs(lines, index, len(opening["indent"]))
        last = SOURCE_LINE.match(paragraphs[-1][1]) if paragraphs else None
        if last is None:
            found.append(f"{where}: end it with a paragraph of its own that names the page settling it: {FORM}")
            continue
        number = paragraphs[-1][0]
        links = LINK.findall(last["links"])
        if not links:
            found.append(f"docs/{src}:{number}: {what}: the source line links no page: {FORM}")
        for _title, url in links:
            if not SOURCE_HOSTS.match(url):
                found.append(
                    f"docs/{src}:{number}: {what}: {url} is not a documentation source "
                    "(AWS documentation or aws.amazon.com; Kubernetes or Docker documentation for their own facts)"
                )
    return found


def on_files(files: Files, config: MkDocsConfig) -> Files:
    found: list[str] = []
    for file in files.documentation_pages():
        found += problems(file.src_uri, Path(file.abs_src_path).read_text(encoding="utf-8"))
    if found:
        # Indented, so the lines stay with the error in the build log (scripts/build.py keeps them).
        raise PluginError("answer sources:\n" + "\n".join(f"  {problem}" for problem in found))
    return files
