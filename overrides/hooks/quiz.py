"""Self-checks in the exam's format: each question is answered in place, and all of them make the
practice exam's question bank.

A question is a `??? question` block whose body starts with its options, as a task list: `[x]` marks
a right option, and under each option a nested line says why it is right or wrong and links the page
that settles it. Then come the explanation, a `Reread:` link to the section that teaches it, and the
`Source:` line (overrides/hooks/answer_sources.py):

    ??? question "A scenario ... Which launch type fits?"

        - [x] The Fargate launch type
            - Why it is right, in one line. [AWS page title](https://docs.aws.amazon.com/...)
        - [ ] The EC2 launch type
            - Why it is wrong, in one line. [AWS page title](https://docs.aws.amazon.com/...)
        - [ ] ...two more options

        **The Fargate launch type.**
        The reasoning, in one or two sentences.

        Reread: [EC2 versus Fargate](#ec2-versus-fargate)

        Source: [AWS page title](https://docs.aws.amazon.com/...)

One right answer of four options, or two of five when the question ends with "(Select TWO.)", as on
AWS's exams. The build stops, naming file and line, on a question without options or without a right
one, the wrong number of options or right ones for its kind, two identical options, an option without
its reason, a reason without its source, or a question without its `Reread:` link.

In the built page each question becomes a form (radio buttons, or checkboxes for "Select TWO"); the
reasons and the explanation stay hidden until the reader checks the answer
(docs/assets/javascripts/quiz.js). The forms stay out of the search index: the page's own text
answers a search, and a question's options would otherwise make every page match every option.
Every question also goes into `assets/javascripts/quiz-bank.js`, which only the practice exam page
loads (the `[[practice-exam]]` marker).
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

if __name__ == "overrides.hooks.quiz":  # imported as a module of the project (tests)
    from overrides.hooks.answer_sources import LINK, SOURCE_HOSTS
else:  # loaded by MkDocs from its path, with this folder on sys.path
    from answer_sources import LINK, SOURCE_HOSTS

OPENING = re.compile(r'^\?\?\?\+? question "(?P<title>[^"]+)"\s*$')
OPTION = re.compile(r"^    - \[(?P<mark>[ xX])\] (?P<text>\S.*)$")
REASON = re.compile(r"^        - (?P<text>\S.*)$")
REREAD = re.compile(r"^    Reread: \[[^\]]+\]\((?P<target>[^)\s]+)\)\s*$")
SELECT_TWO = "(Select TWO.)"
KINDS = {"single": (4, 1), "multiple": (5, 2)}  # options, right ones
OPTION_FORM = "- [x] a right option / - [ ] a wrong one, each with an indented line `- why. [AWS page](https://...)`"

BANK = "assets/javascripts/quiz-bank.js"
PRACTICE_MARKER = "<p>[[practice-exam]]</p>"
QUESTION_HTML = re.compile(r'<details class="question">.*?</details>', re.DOTALL)


@dataclass(frozen=True)
class Option:
    text: str
    right: bool
    reason: str | None
    line: int


@dataclass(frozen=True)
class Question:
    src: str
    line: int
    title: str
    options: tuple[Option, ...]
    reread: str | None

    @property
    def kind(self) -> str:
        return kind_of(self.title)


def kind_of(title: str) -> str:
    """The kind of a question: multiple when it ends with "(Select TWO.)", else single."""
    return "multiple" if title.rstrip().endswith(SELECT_TWO) else "single"


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[`*_.,;:!?()]", " ", text.lower()).split())


def questions_in(src: str, markdown: str) -> tuple[list[Question], list[str]]:
    """The questions of one page, and what is wrong with them (`docs/x.md:12: ...`)."""
    found: list[Question] = []
    problems: list[str] = []
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        opening = OPENING.match(line)
        if not opening:
            continue
        title, options, reread = opening["title"], [], None
        reason_of: dict[int, str] = {}
        for number, text in enumerate(lines[index + 1 :], start=index + 2):
            if text.strip() and not text.startswith("    "):
                break
            if option := OPTION.match(text):
                options.append((number, option["mark"] != " ", option["text"].strip()))
            elif (reason := REASON.match(text)) and options and options[-1][0] not in reason_of:
                reason_of[options[-1][0]] = reason["text"].strip()
            elif match := REREAD.match(text):
                reread = match["target"]
        question = Question(
            src,
            index + 1,
            title,
            tuple(Option(text, right, reason_of.get(number), number) for number, right, text in options),
            reread,
        )
        problems += _problems(question)
        found.append(question)
    return found, problems


def _problems(question: Question) -> list[str]:
    where = f'docs/{question.src}:{question.line}: question "{question.title[:60]}"'
    want_options, want_right = KINDS[question.kind]
    if not question.options:
        return [f"{where}: give it options, {OPTION_FORM}"]
    problems = []
    right = sum(option.right for option in question.options)
    if right == 0:
        problems.append(f"{where}: no option is marked right: write `- [x]` before the right one")
    elif (len(question.options), right) != (want_options, want_right):
        kind = f'"{SELECT_TWO}"' if question.kind == "multiple" else "one answer"
        problems.append(
            f"{where}: has {len(question.options)} options with {right} right; a question with {kind} has "
            f"{want_options} options with {want_right} right"
            + ("" if question.kind == "multiple" else f' (or end the question with "{SELECT_TWO}")')
        )
    seen: dict[str, Option] = {}
    for option in question.options:
        at = f'docs/{question.src}:{option.line}: option "{option.text[:50]}"'
        if _norm(option.text) in seen:
            problems.append(f"{at}: the same as the option on line {seen[_norm(option.text)].line}")
        seen.setdefault(_norm(option.text), option)
        if option.reason is None:
            problems.append(f"{at}: say why it is right or wrong on an indented line under it: {OPTION_FORM}")
            continue
        urls = [m["url"] for m in LINK.finditer(option.reason)]
        if not any(SOURCE_HOSTS.match(url) for url in urls):
            problems.append(
                f'docs/{question.src}:{option.line + 1}: the reason for option "{option.text[:50]}" needs its '
                "source: a link to the AWS (or Kubernetes, Docker) page that settles it"
            )
    if question.reread is None:
        problems.append(f"{where}: add `Reread: [section title](#its-anchor)` for the section that teaches it")
    return problems


def question_id(src: str, title: str) -> str:
    """Stable while the question's wording is: progress kept in the browser follows it."""
    return f"{src.removesuffix('.md')}#{hashlib.sha1(title.encode('utf-8')).hexdigest()[:8]}"


# --- the build -------------------------------------------------------------------------------------

_bank: list[dict] = []


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _bank.clear()
    problems: list[str] = []
    for file in files.documentation_pages():
        problems += questions_in(file.src_uri, Path(file.abs_src_path).read_text(encoding="utf-8"))[1]
    if problems:
        # Indented, so the lines stay with the error in the build log (scripts/build.py keeps them).
        raise PluginError("self-check questions:\n" + "\n".join(f"  {problem}" for problem in problems))
    return files


def _inner(tag: Tag) -> str:
    return "".join(str(child) for child in tag.contents).strip()


def _for_the_bank(tags: list[Tag], page: Page) -> None:
    """In place, once the page's form is written: relative links rewritten from the page's folder to the site
    root, and acronyms as plain text (each tooltip repeats its expansion: most of the bank's bytes otherwise)."""
    base = page.url.rstrip("/") if not page.url or page.url.endswith("/") else posixpath.dirname(page.url)
    for tag in tags:
        for abbr in tag.find_all("abbr"):
            abbr.unwrap()
        for a in tag.find_all("a", href=True):
            href = a["href"]
            if href.startswith("#"):
                a["href"] = f"{page.url}{href}"
            elif not re.match(r"^[a-z]+:|^/", href):
                a["href"] = posixpath.normpath(posixpath.join(base, href)) + ("/" if href.endswith("/") else "")


def _form(details: Tag, number: int, page: Page, topic: str) -> tuple[str, dict]:
    summary = details.find("summary")
    title = summary.get_text(" ", strip=True) if summary else ""
    question_html = _inner(summary) if summary else ""
    task_list = details.find("ul", class_="task-list")
    options = []
    parts: list[tuple[Tag, Tag | None]] = []  # per option, its text and its reason, for the bank
    for item in task_list.find_all("li", recursive=False) if task_list else []:
        box = item.find("input")
        right = bool(box is not None and box.has_attr("checked"))
        marker = item.find("label", class_="task-list-control") or box
        if marker is not None:
            marker.decompose()
        nested = item.find("ul")
        reason_tag = nested.find("li") if nested else None
        reason = _inner(reason_tag) if reason_tag else ""
        if nested:
            nested.extract()
        options.append({"html": _inner(item), "right": right, "reason": reason})
        parts.append((item, reason_tag))
    if task_list:
        task_list.extract()
    if summary:
        summary.extract()
    explanation = _inner(details)
    kind = kind_of(title)
    qid = question_id(page.file.src_uri, html.unescape(summary.get_text() if summary else title))
    control = "checkbox" if kind == "multiple" else "radio"
    name = f"quiz-{number}"
    items = "".join(
        f'<li class="quiz__option" data-right="{str(o["right"]).lower()}">'
        f'<label class="quiz__label"><input type="{control}" name="{name}" value="{i}"> '
        f'<span class="quiz__text">{o["html"]}</span></label>'
        f'<p class="quiz__reason" hidden>{o["reason"]}</p></li>'
        for i, o in enumerate(options)
    )
    instruction = "Choose two answers." if kind == "multiple" else "Choose one answer."
    form = (
        f'<form class="quiz" id="question-{number}" data-quiz="{html.escape(qid)}" data-kind="{kind}" '
        "data-search-exclude>"
        f'<fieldset class="quiz__fieldset"><legend class="quiz__question">'
        f'<span class="quiz__number">Question {number}.</span> {question_html}</legend>'
        f'<p class="quiz__instruction">{instruction}</p>'
        f'<ol class="quiz__options">{items}</ol></fieldset>'
        f'<div class="quiz__actions"><button type="submit" class="md-button quiz__check">Check answer</button>'
        f'<span class="quiz__status"></span></div>'
        f'<p class="quiz__result" role="status" aria-live="polite"></p>'
        f'<div class="quiz__explanation" hidden>{explanation}</div></form>'
    )
    # The form is written: the same tags, made ready for the bank, give its fragments (one parse a question).
    _for_the_bank([tag for tag in (summary, details, *(t for pair in parts for t in pair)) if tag is not None], page)
    entry = {
        "id": qid,
        "topic": topic,
        "page": page.title or page.file.src_uri,
        "question": _inner(summary) if summary else "",
        "kind": kind,
        "options": [
            {"html": _inner(item), "right": o["right"], "reason": _inner(reason) if reason else ""}
            for o, (item, reason) in zip(options, parts, strict=True)
        ],
        "explanation": _inner(details),
    }
    return form, entry


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    parent = page.parent
    topic = parent.title if parent and parent.title else "Home"
    number = 0

    def to_form(match: re.Match[str]) -> str:
        nonlocal number
        details = BeautifulSoup(match[0], "html.parser").find("details")
        if details is None or details.find("ul", class_="task-list") is None:
            return match[0]
        number += 1
        form, entry = _form(details, number, page, topic)
        _bank.append(entry)
        return form

    content = QUESTION_HTML.sub(to_form, content)
    if PRACTICE_MARKER in content:
        content = content.replace(PRACTICE_MARKER, '<div class="practice" id="practice-round" data-practice></div>')
    return content


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if 'id="practice-round"' not in output:
        return output
    bank = get_relative_url(BANK, page.url)
    return output.replace("</head>", f'<script src="{bank}" defer></script>\n</head>', 1)


def on_post_build(config: MkDocsConfig) -> None:
    bank = sorted(_bank, key=lambda entry: entry["id"])
    target = Path(config.site_dir) / BANK
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(bank, ensure_ascii=False, separators=(",", ":"))
    target.write_text(f"window.studyQuizBank={data};\n", encoding="utf-8")
