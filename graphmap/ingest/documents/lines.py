"""A document's lines (`Lines`), and each line's text as the parser wants it: no
non-breaking or zero-width spaces, soft hyphens, ligatures, unmapped glyphs of a PDF's font
or private-use bullets of Word's Symbol font; no run of spaces longer than a page is wide. A
text file's bytes decoded as the spreadsheet importer decodes a CSV."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from graphmap import limits
from graphmap.errors import ValidationError
from graphmap.ingest import tables


class Lines(list):
    """A document's lines (str), with `numbers`: for each line, the line of the document it
    comes from (counted before page furniture was taken out), for a warning to point at."""

    def __init__(self, lines: Iterable[str] = (), numbers: Iterable[int] | None = None) -> None:
        super().__init__(lines)
        self.numbers = list(range(1, len(self) + 1) if numbers is None else numbers)
        self.notes: list[str] = []  # how the document was read, for the preview's warnings
        # The lines (by number) that start a paragraph of a word processor's document: text
        # that no layout wrapped, so a title never runs on into one; and those of them that
        # are headings by their style, which no field's value goes on into.
        self.paragraphs: frozenset[int] = frozenset()
        self.headings: frozenset[int] = frozenset()
        # The lines (by number) of a PDF that go on with the line above only because its
        # layout wrapped a paragraph there, as a word processor does at a page's or a
        # column's width: no line of their own.
        self.wrapped: frozenset[int] = frozenset()
        # The lines of a PDF measured so (wrapped or not); a title goes on only on a line
        # the layout wrapped it onto.
        self.laid_out: frozenset[int] = frozenset()

    def add(self, line: str, number: int) -> None:
        self.append(line)
        self.numbers.append(number)


# A PDF's ligatures ("ﬁ" in "Proﬁel", "ﬂ" in "Reﬂectie"): the letters they join, as the
# Unicode block of such presentation forms maps them; a name or label reads as typed.
_LIGATURES = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
)


# A bullet of Word's Symbol or Wingdings font, as a PDF's or a text export's text gives it:
# a character of the private use area where the font has no Unicode for its glyph (""
# U+F0B7 is Symbol's "•", "" U+F0A7 Wingdings' "▪"), before the item's text.
_SYMBOL_BULLET = re.compile(r"^(\s*)([\uf000-\uf0ff])(?=\s)")

_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf06f": "o"}


# A glyph of a PDF's font that has no Unicode, as pdfminer writes it: "(cid:127)". Between
# spaces, or opening a line, it is a bullet or a separator of the slide's or page's own font
# ("(cid:127) Trekker: X", "Alveringem (cid:127) De Panne"): "•"; inside a word, nothing.
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d{1,5}\)")


def _glyph(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    alone = (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())
    return "•" if alone else ""


_SOFT_HYPHEN_AT_END = re.compile(r"(?<=\w)\u00ad\s*$")


def _clean(line: str) -> str:
    # Non-breaking and zero-width spaces and soft hyphens come with Word and PDF text. A
    # soft hyphen where the line breaks is where the word was broken ("jaar\u00ad" /
    # "actieplan"): a hyphen there, which the word's next line joins on as typed.
    line = _SOFT_HYPHEN_AT_END.sub("-", line)
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\u00ad", "")
    if "(cid:" in line:
        line = _UNMAPPED_GLYPH.sub(_glyph, line)
    line = _SYMBOL_BULLET.sub(lambda m: m[1] + _SYMBOL_BULLETS.get(m[2], "■"), line)
    return limits.clean(_shorter_spaces(line.translate(_LIGATURES))).rstrip()


# A run of more spaces than a page is wide says no more than one that wide (a gap between
# columns, a page's number far to the right). Every pattern that opens on spaces and is
# searched for tries each place in a run, and reads on to its end from there: quadratic in
# the run, so a line of a million spaces held the reader for hours. Held to SPACES, a run
# costs at most SPACES² steps, and reading stays linear in the file. A landscape page's
# table in pdftotext -layout is some 180 characters wide, and a row whose only wrapped cells
# are the first and the last has a gap of over 100 between them: held to 100, the last
# cell moved into the column before it.
SPACES = 200

_LONG_SPACE = re.compile(rf"(?<!\s)(\s{{{SPACES}}})\s+")


def _shorter_spaces(line: str) -> str:
    return _LONG_SPACE.sub(r"\1", line) if len(line) > SPACES else line


def _text(path: Path) -> str:
    """A text file's text (UTF-8 or Windows-1252); refused when empty or binary."""
    data = path.read_bytes()
    if not data.strip():
        raise ValidationError(f"{path.name}: het bestand is leeg")
    text = _decode(data, path.name)
    if text.count("\x00") or _control_share(text) > 0.05:
        raise ValidationError(f"{path.name}: geen tekstbestand (binaire inhoud)")
    return text


def _decode(data: bytes, name: str) -> str:
    """The text of a plan as the spreadsheet importer reads a CSV (one decoder for both):
    a byte-order mark, UTF-8, then Windows-1252 as Word and Excel write it in Belgium."""
    try:
        return tables.decode(name, data)
    except ValidationError:
        raise ValidationError(f"{name}: de tekstcodering is niet te herkennen") from None


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    return controls / max(len(text), 1)


class _ParagraphStart(str):
    """The first line of a paragraph of the document's body (see `Lines.paragraphs`)."""


class _LaidOut(str):
    """A line of a PDF whose place on the page was measured: whether the layout wrapped the
    line above onto it is known (see `Lines.laid_out`)."""


class _Wrapped(_LaidOut):
    """A line of a PDF that goes on with the line above, as the layout wrapped it: the line
    above was full, this line's first word would not have fitted on it (see
    `Lines.wrapped`)."""


class _HeadingLine(_ParagraphStart):
    """A heading by its style that Word does not number (see `_headings_over_actions`), and
    its level (Heading 1 is 1; None where the style says none)."""

    level: int | None = None
