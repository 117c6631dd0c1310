"""How a name is compared, ordered and searched, by the importers that write it and the
register that reads it."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graphmap.store import Store


def fold(text: str) -> str:
    """Text as names are compared: lower case, accents off ("é" is "e", "ß" is "ss"), every
    script's letters kept: an Arabic or Cyrillic name is no empty one."""
    if text.isascii():
        return text.casefold()  # most names, ten times faster than the general way
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ`´", "'"))
_OPENING = re.compile(r"^[\W_]+")


def folded(name: str) -> str:
    """A name as the register orders and searches it (`Organisation.folded`): folded
    (`fold`), every apostrophe alike, without the punctuation that opens it. "Éclat" is
    among the E's and "’t Kapelleke" among the T's, not after Z, and typing "eclat" or
    "'t kapelleke" finds them."""
    return _OPENING.sub("", fold(name.translate(_APOSTROPHES)))


def organisations(store: Store) -> list[dict]:
    """Every organisation of the register (`{id, name}`), by id: what a plan's names are
    matched against and what a mistyped name is compared with."""
    [row] = store.read("organisation_names")
    return [{"id": id_, "name": name} for id_, name in sorted(row["organisations"])]


# rapidfuzz's ratio (0-100) of a typed name with a name or id: one letter off or two swapped
# in a word ("palion": pallion, "Opgroien": Opgroeien) scores 83 or more; names that merely
# share letters (a word of another name, "zorg" and OKRA) score 60 or less.
MISTYPED_SCORE = 80


def mistyped(rows: list[dict], text: str, limit: int) -> list[dict]:
    """Of `rows` ({id, name, …}), those whose id or whole name `text` may be a typo of,
    closest first: for an error's hint (it compares with every row)."""
    from rapidfuzz import fuzz, process

    best: dict[int, float] = {}
    for key in ("id", "name"):
        found = process.extract(
            text,
            [row[key] or "" for row in rows],
            scorer=fuzz.ratio,
            processor=folded,
            score_cutoff=MISTYPED_SCORE,
            limit=limit,
        )
        for _, score, index in found:
            best[index] = max(score, best.get(index, 0))
    ranked = sorted(best, key=lambda index: (-best[index], rows[index]["name"]))
    return [rows[index] for index in ranked[:limit]]
