"""A text export of a plan (.txt, or .md as a converter of PDF or Word writes it): its
pages (at form feeds, else at their page numbers) without their furniture, its Markdown
taken off, its tables read as tables."""

from __future__ import annotations

import re
from pathlib import Path

from graphmap.ingest.documents.furniture import (
    _pages_by_number,
    without_furniture,
)
from graphmap.ingest.documents.lines import (
    Lines,
    _shorter_spaces,
    _text,
)
from graphmap.ingest.documents.text_tables import (
    _text_tables,
)


def _txt_lines(path: Path) -> Lines:
    text = _text(path)
    # A form feed is a page break in a text export of a PDF; without form feeds, a page
    # ends where its number stands ("Pagina 3 van 12", "- 3 -").
    pages, number = [], 1
    for page in text.split("\f"):
        lines, kept = page.splitlines(), page.splitlines(keepends=True)
        plain = [_without_markdown(_shorter_spaces(line)) for line in lines]
        pages.append(Lines(plain, range(number, number + len(lines))))
        # The next page starts on a line of its own, or on this page's last line when no
        # line break came before the form feed.
        number += len(kept) - (1 if kept and kept[-1] == lines[-1] else 0)
    if len(pages) == 1:
        pages = _pages_by_number(pages[0])
    return _text_tables(without_furniture(pages) if len(pages) > 1 else pages[0])


# Markdown, as a converter of PDF or Word to text writes it: "## Actie 1.1.1: X",
# "**Trekker:** Y", "- **Partners**: Z", "[naam](https://…)", a rule "---".
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")

_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")

_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])")

_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|www\.|mailto:)[^)\s]*\)")

_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")

_MD_ESCAPE = re.compile(r"\\([-*_#.()\[\]|!+])")


def _without_markdown(line: str) -> str:
    """A line of text less its Markdown: the words as they read."""
    if not any(mark in line for mark in "*_#[\\-"):
        return line
    if _MD_RULE.match(line) and "|" not in line:
        return ""
    line = _MD_HEADING.sub("", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EMPHASIS.sub(r"\1", line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_ESCAPE.sub(r"\1", line)
