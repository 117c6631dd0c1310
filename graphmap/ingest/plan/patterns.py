"""The line patterns and limits that the parser, the name readers and the preview share."""

from __future__ import annotations

import re
from functools import lru_cache

from graphmap.ingest.organisations import normalise
from graphmap.ingest.outline import ACTION, ACTIONS_BLOCK, BULLET, FIELDS, OD, SD

NEW_CATEGORY = "overig"

SELF_CATEGORY = "eerstelijnszone"

TITLE_LIMIT = 200

# An e-mail address, a web address and a Belgian phone number with its label ("tel. 016 56 78
# 90", "0477/12.34.56", "+32 16 …"), as a plan writes them beside a name.
_EMAIL = r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}"
_WEB = r"(?:https?://|www\.)[^\s,;()]{1,200}"
_PHONE = (
    r"(?:\b(?:tel(?:efoon)?|gsm|t)\.?\s*:?\s*)?(?<![\w/.])(?:\+32\s?|0)\d{1,3}"
    r"(?:[ ./]?\d{2,3}){2,4}(?![\w/.-]*\d)"
)
_PERSONAL_DETAILS = re.compile(rf"{_EMAIL}|{_PHONE}", re.IGNORECASE)


# Cached: one sentence names many organisations (a partners' line of 2,000 names gives each
# the same evidence), and the phone pattern reads a long line of numbered names slowly.
@lru_cache(maxsize=1024)
def masked(text: str) -> str:
    """A plan's sentence as a preview shows it: a person's e-mail address and phone number
    read "…" (nothing of them is written, and the preview need not show them either)."""
    if "@" not in text and not re.search(r"\d\d", text):
        return text
    return _PERSONAL_DETAILS.sub("…", text)


# Where one sentence of running text ends and the next starts: after ".", ";", "!" or "?",
# not after an abbreviation of dotted letters ("i.s.m. Logo X", "o.a. Samana"), which goes on.
SENTENCE_BREAK = r"(?<=[.;!?])(?<!\b\w\.)\s+"

_SD, _OD, _ACTION, _ACTIONS_BLOCK, _BULLET = SD, OD, ACTION, ACTIONS_BLOCK, BULLET

# A plan of four levels numbers its strategic goals inside a domain ("Werkdomein 1: Zorg" /
# "Strategisch doel 1.1" / "Subdoel 1.1.1" / "Actie 1.1.1.1"): a strategic goal keeps that
# number, its operational goals and actions are under it by theirs. Only in words: "SD 1.1"
# is too often an operational goal's short form.
_DOMAIN = re.compile(
    r"^(?:werk|focus|beleids)?(?:domein|thema|pijler|speerpunt|prioriteit)\s*"
    r"(?:\d{1,2}|[A-H]|VIII|VII|VI|IV|IX|V|III|II|I|X)\s*[:.\-–—]\s*[A-ZÀ-Ý]",
    re.I,
)

_SD_IN_DOMAIN = re.compile(
    r"^strategische\s+doelstelling\s*(?P<num>\d{1,2}\.\d{1,2})\.?(?![.\d])"
    r"\s*(?P<sep>[:.\-–—])?\s*(?P<rest>.*)$",
    re.I,
)

_FIELDS = FIELDS

# The columns of a table of partners, as their headers ("Organisatie" / "Contactpersoon" /
# "Rol"): see _Parser._role_table.
_NAME_COLUMN = re.compile(
    r"^(?:organisaties?|partners?|naam|stakeholders?|organisatie\s*/\s*partner)$", re.I
)

_OTHER_COLUMN = re.compile(
    r"^(?:rol(?:\s+in\s+de\s+actie|\s+van\s+de\s+partner)?|taak|bijdrage|inbreng|"
    r"contact(?:persoon|personen)?|engagement)$",
    re.I,
)

# The same headers on one line, as the seeds' extraction joins a table's cells ("Organisatie
# Contactpersoon Rol", "Partner Rol"): the names' column first.
_HEADER_ROW = re.compile(
    r"^(?:organisaties?|partners?|naam(?:\s+organisatie)?|stakeholders?|partnerorganisaties?)"
    r"(?:\s+(?:rol|taak|bijdrage|inbreng|contact(?:persoon|personen)?|engagement|"
    r"e-?mail|telefoon)){1,4}$",
    re.I,
)

# "Rol: trekker", "Rol projectleider": the zorgraad's own role in an action sheet.
_ROLE = re.compile(r"\bRol\s*:?\s*(?P<role>.+)$")

_LEADING_ROLE = re.compile(r"trekker|projectleid|coördin|coordin", re.I)

_TOPIC = re.compile(r"^(?:topic|thema|luik)\s*\d+\s*:\s*", re.I)

# "Zie actie 1.1.1", "Idem actie 2", "Zelfde partners als bij actie 1.1.1": that action's.
# What is left of a list after " en " that names nobody ("Gemeente Geel en omstreken", "OCMW
# Geel en partners", "Zelfde partners als bij actie 3.1.1 en actie 3.1.3").
_NOBODY = re.compile(
    r"^(?:(?:de|het|andere|overige)\s+)*(?:omstreken|omgeving|partners?|anderen|"
    r"overigen|actie\s+\d+(?:\.\d+)*)$",
    re.I,
)

_SEE_ACTION = re.compile(
    r"^(?:zie(?:\s+ook)?|idem(?:\s+als)?|(?:de)?zelfde\s+(?:partners\s+)?als(?:\s+bij|\s+in)?)"
    r"\s+(?:de\s+|het\s+)?actie\s+(?P<num>\d+(?:\.\d+)*)",
    re.I,
)

# "Zie hierboven", "Zie bijlage", "idem": the answer points elsewhere (the sheet above, whose
# lead and role are read there; an annex); it names no one.
_SEE_ABOVE = re.compile(r"^(?:zie|cf\.?)(?:\s+\S.*)?$|^idem(?:\s+hierboven)?\W*$", re.I)

_SELF_WORDS = re.compile(r"^(?:de\s+)?(?:zorgraad|elz|eerstelijnszone)\b", re.I)

_ZORGRAAD_OF = re.compile(
    r"^(?:de\s+)?zorgraad\s+(?:van\s+(?:de\s+)?)?(?=(?:elz|eerstelijnszone)\s)"
)

_LEAD_CUT = re.compile(
    r"\s*(?:=|\bis (?:de )?trekker\b|\bin trekker\b|\bvoor topic\b|\(|:|;|"
    r"[–—-]\s+(?=(?-i:[a-zà-ÿ]))).*$",  # "OCMW Aalst – dienst welzijn": the body is OCMW Aalst
    re.I,
)

# A person as lead, with the organisation they work for: "Mevr. Janssens (OCMW Aalst)".
_PERSON = re.compile(
    r"^(?:mevr(?:ouw)?|dhr|de heer|meneer|mr|dr|prof)\.?\s+[^(,–—]+"
    r"(?:\((?P<org>[^)]+)\)|[,–—]\s*(?P<after>.+))?$",
    re.I,
)

# The same without a title, where the words before the organisation are a person's name
# (`is_person`): "Els Peeters (CAW Oost-Vlaanderen)", "Jan De Smet, OCMW Ronse".
_NAMED_PERSON = re.compile(r"^(?P<who>[^(),–—]+?)\s*(?:\((?P<org>[^()]+)\)|[,–—]\s*(?P<after>.+))$")


def _clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a word boundary, with "…" where it was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = normalise(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out
