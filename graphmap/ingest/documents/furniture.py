"""Page furniture out of a document's pages: lines that repeat at the top or bottom of most
pages (a running title, the plan's name, a footer) and page numbers there ("3", "- 3 -",
"Pagina 3 van 12"), so that an action broken over two pages reads on as one. A text export
without form feeds is cut into pages where its page numbers stand."""

from __future__ import annotations

import itertools
import re

from graphmap.ingest.documents.headers import _NUMBER_HEADER
from graphmap.ingest.documents.lines import (
    Lines,
)
from graphmap.ingest.outline import (
    ACTIONS_BLOCK,
    heading_or_field,
)

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,3}(?:\s*(?:/|van|of)\s*\d{1,3})?"
    r"(?:\s*[-–—])?$",
    re.IGNORECASE,
)

_EDGE = 2  # lines at the top and at the bottom of a page where furniture sits


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def _pages_by_number(lines: Lines) -> list[Lines]:
    """A text without form feeds as pages, each ending after its page number ("Pagina 3
    van 12", "- 3 -", "p. 3", or a running footer that ends in it, "ELZ X – Actieplan 2025
    8"); a bare number only where the numbers go up (a lone "3" in the text that does not
    is no page's end)."""
    pages, page, last = [], Lines(numbers=[]), 0
    running = _running_footers(lines)
    for line, number in zip(lines, lines.numbers, strict=True):
        page.add(line, number)
        footer = _furniture_key(line) in running
        if footer or _PAGE_NUMBER.match(line.strip()):
            number = _page_of(line.strip(), footer)
            bare = line.strip().isdigit()
            # A bare number under a flattened table's column of numbers is a row's ("Nr." /
            # "Actie" / … / "1" / "Buurtzorgpunt" / … / "2" / …), no page's end.
            if (number > last or not bare) and not (bare and _numbered_rows(page)):
                last = number
                pages.append(page)
                page = Lines(numbers=[])
    pages.append(page)
    return pages if len(pages) > 2 else [lines]


def _numbered_rows(page: Lines) -> bool:
    """Whether the page so far holds a table's header of the rows' numbers ("Nr.") alone on
    its line, as a PDF's text gives a table a cell a line."""
    return any(_NUMBER_HEADER.match(line.strip()) for line in page)


def _page_of(line: str, footer: bool) -> int:
    """The page's number in its footer: the first of "Pagina 2 van 9" (9 is how many
    pages there are), else the last of a running footer ("… Actieplan 2025 8")."""
    out_of = _OUT_OF.search(line)
    if out_of:
        return int(out_of[1])
    if footer:  # "… Actieplan 2025 8", "… - 8 -", "8 | Actieplan 2025"
        return int((re.search(r"(\d+)\s*[-–—]?$", line) or re.match(r"(\d+)", line))[1])
    return int(re.search(r"\d+", line)[0])


_OUT_OF = re.compile(r"(\d{1,3})\s*(?:/|van|of)\s*\d{1,3}\s*[-–—]?$", re.I)


# A footer that ends in the page's number: "ELZ Voorkempen – Actieplan 2025 8", "… - 8 -",
# "… 8/12"; or opens with it: "8 | Meerjarenplan ELZ Oostkust".
_NUMBERED_FOOTER = re.compile(
    r"^(?=(?:.*?[^\W\d_]{2,}){2})"
    r"(?:.{6,}\s(?:[-–—]\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?|\d{1,3}\s*[|–—-]\s+.{6,})$"
)


def _running_footers(lines: Lines) -> set[str]:
    """The footers (digits aside) that end in a page number on three lines or more, no
    heading or field of the plan among them: their numbers go up through the text, and they
    name the plan ("ELZ Voorkempen – Actieplan 2025 8") or stand a page apart ("Infosessie
    1" / "…" / "Infosessie 2" two lines on is a list of the plan's)."""
    found: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for at, line in enumerate(lines):
        text = line.strip()
        if _NUMBERED_FOOTER.match(text) and not heading_or_field(text):
            # All its numbers: "Actieplan 2025 – Pagina 2 van 9" goes up in its second.
            numbers = tuple(int(n) for n in re.findall(r"\d+", text))
            found.setdefault(_furniture_key(text), []).append((at, numbers))
    return {key for key, seen in found.items() if _a_running_footer(key, seen)}


_PLAN_WORDS = re.compile(r"\b(?:\w*plan|elz|eerstelijnszone|zorgraad)\b", re.I)

_TITLE_LINES = 5  # the lines at the top of the first page where the plan's title stands

# A line that names the plan or the zone ("Jaarplan 2026", "Eerstelijnszone Druivenstreek");
# "Trekker: Zorgraad" does not.
_NAMES_THE_PLAN = re.compile(r"\b(?:(?i:elz|eerstelijnszone|zorgraad)\s+[A-Z]|(?i:\w*plan)\b)")

_PAGE_APART = 20  # the fewest lines between two pages' footers

# A sentence of the text ("Dit plan beschrijft de acties."), which names no plan as a title
# does, though it says "plan".
_SENTENCE_LINE = re.compile(r"^\s*\S+(?: +\S+){3,}[.!?]\s*$")


def _a_running_footer(key: str, seen: list[tuple[int, tuple[int, ...]]]) -> bool:
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(seen)]
    if len(seen) < 2 or any(b <= a for (_, a), (_, b) in itertools.pairwise(seen)):
        return False
    if len(seen) == 2:
        # A plan of two pages: its name with the pages' numbers one after the other, a
        # page apart ("Zorgraad X – Meerjarenplan 2026-2031   1" … "… 2").
        (_, first), (_, second) = seen
        return (
            bool(_PLAN_WORDS.search(key)) and gaps[0] >= _PAGE_APART and first[-1] + 1 == second[-1]
        )
    return bool(_PLAN_WORDS.search(key)) or min(gaps) >= _PAGE_APART


def _the_plans(page: Lines, index: int) -> bool:
    """A heading, a field, or the value under a label on a line of its own ("Hoe meten?" /
    "Aantal deelnemers" at the end of two pages is each action's indicator, no footer)."""
    if heading_or_field(page[index]) or ACTIONS_BLOCK.match(page[index].strip()):
        return True  # "Acties" over each row of a table read on two pages is no header
    before = next((page[i].strip() for i in range(index - 1, -1, -1) if page[i].strip()), "")
    return before.endswith(("?", ":")) and heading_or_field(before)


# A section or action opened by its number: "B.1 Vormingsreeks 2025", "2.3 Netwerkdag".
_SECTION_NUMBER = re.compile(r"^(?:[A-Z]|\d{1,2})(?:\.\d{1,2})+\.?\s+\S")


def _numbered_sections(texts: set[str]) -> bool:
    """Whether lines alike but for their digits at the top of pages are sections of the plan
    numbered one after the other ("B.1 Vormingsreeks mantelzorg 2025" / "B.2 Vormingsreeks
    mantelzorg 2026"), not a running header whose page number changes: each opens with its
    own section number."""
    return len(texts) > 1 and all(_SECTION_NUMBER.match(text) for text in texts)


def without_furniture(pages: list[Lines]) -> Lines:
    """The pages' lines in order, without running headers, footers and page numbers.

    A running header is a line at the top of most pages (at least two), a footer one at the
    bottom; page numbers differ per page, so digits do not count when comparing. A heading, a
    field or the value under a label is the plan's, even when two pages end alike ("Timing:
    2026" on both)."""
    tops, bottoms = [], []
    for page in pages:
        filled = [i for i, line in enumerate(page) if line.strip()]
        tops.append(set(filled[:_EDGE]))
        bottoms.append(set(filled[-_EDGE:]))
    needed = max(2, (sum(1 for top in tops if top) + 1) // 2)
    repeated = set()
    for side in (tops, bottoms):
        counts: dict[str, int] = {}
        texts: dict[str, set[str]] = {}
        for page, edge in zip(pages, side, strict=True):
            for i in edge:
                if not _the_plans(page, i):
                    texts.setdefault(_furniture_key(page[i]), set()).add(" ".join(page[i].split()))
            for key in {_furniture_key(page[i]) for i in edge if not _the_plans(page, i)}:
                counts[key] = counts.get(key, 0) + 1
        repeated |= {
            (id(side), key)
            for key, count in counts.items()
            if count >= needed and not _numbered_sections(texts[key])
        }
    lines = Lines()
    # A running header that names the plan on the first page, where no other line at its
    # top does, is its title too ("ELZ Waasland – Jaaractieplan 2026" on every page): the
    # zone's name may be nowhere else.
    opening = [i for i, line in enumerate(pages[0]) if line.strip()][:_TITLE_LINES]
    named = [
        i
        for i in opening
        if _NAMES_THE_PLAN.search(pages[0][i]) and not _SENTENCE_LINE.search(pages[0][i])
    ]
    # A header of two lines that name the zone and the plan ("ELZ X" / "Zorgraadplan
    # 2025-2030"), the cover's lines too: both are the title.
    titles = set(named) if named and set(named) <= tops[0] else set()
    for at, (page, top, bottom) in enumerate(zip(pages, tops, bottoms, strict=True)):
        for i, line in enumerate(page):
            side = tops if i in top else bottoms if i in bottom else None
            title = at == 0 and i in titles
            if (
                side is not None
                and not title
                and (
                    (id(side), _furniture_key(line)) in repeated or _PAGE_NUMBER.match(line.strip())
                )
            ):
                continue
            lines.add(line, page.numbers[i])
    return lines
