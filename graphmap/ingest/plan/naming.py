"""The names in a value of a plan: which organisations lead an action or work on it, which
words are persons (never organisations: personal data), councils of the zone's municipalities,
short forms the plan defines, and the zone's own name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphmap import limits
from graphmap.errors import ValidationError
from graphmap.ingest.organisations import (
    GENERIC_ACRONYMS,
    KNOWN_SPELLINGS,
    ORG_WORDS,
    Register,
    begins_known,
    is_kind_acronym,
    is_known_name,
    is_organisation,
    is_person,
    is_place,
    match_organisation,
    normalise,
)
from graphmap.ingest.plan.patterns import (
    _EMAIL,
    _LEAD_CUT,
    _NAMED_PERSON,
    _PERSON,
    _PHONE,
    _SELF_WORDS,
    _TOPIC,
    _WEB,
    _ZORGRAAD_OF,
    SENTENCE_BREAK,
    _unique,
)
from graphmap.ingest.plan.preview import ActionOut
from graphmap.ingest.seats import local_seat
from graphmap.ingest.seed import slug
from graphmap.ingest.territory import current

_CLOSING_WORDS = re.compile(
    r"^(?:met\s+)?(?:vriendelijke|hartelijke|beste)\s+groet(?:en)?\b|^groeten\b", re.I
)


# Who leads, said in an action's running text: "De huisartsenkring neemt hierin het
# voortouw", "CAW X is trekker van deze actie", "De Minder Mobielen Centrale trekt deze actie".
# After an opening adverbial the subject follows the verb: "Vanaf september neemt CAW X het
# voortouw" (`between`).
_PROSE_LEAD = re.compile(
    r"^(?P<name>(?:(?:de|het)\s+)?[A-ZÀ-Ý\w][^,.;:()]{1,80}?)\s+(?:"
    r"(?:neemt|nemen)\s+(?P<between>(?:[^\s,.;:()]+\s+){0,6}?)"
    r"(?:het\s+voortouw|de\s+trekkersrol|het\s+trekkerschap)|"
    r"(?:is|zijn)\s+(?:de\s+)?(?:trekkers?|eindverantwoordelijke)|"
    r"(?:trekt|trekken|coördineert|coördineren|coordineert|coordineren)\s+(?:deze|dit|de|het)\s+"
    r"(?:actie|project|initiatief|werkgroep|stuurgroep|overleg)|"
    r"(?:is|zijn)\s+verantwoordelijk\s+voor\s+(?:deze|dit|de|het)\s+"
    r"(?:actie|project|initiatief|werkgroep|stuurgroep|overleg)|"
    r"(?:zit|zitten)\s+(?:deze|dit|de|het)\s+(?:werkgroep|stuurgroep|overleg|actie)\s+voor)\b",
    re.I,
)

# Who leads, said after the verb: "Trekker is het Sociaal Huis Temse", "De trekker van deze
# actie is X", "Trekkers zijn X en Y", "Deze actie wordt getrokken door X", "Vorming voor
# leerkrachten, georganiseerd door X" (who organises it leads): the names that
# open what follows (`_names_after`), not every name the sentence goes on to give.
_PROSE_LEAD_AFTER = re.compile(
    r"^(?:(?:de|onze)\s+)?(?:trekkers?|eindverantwoordelijke|hoofdtrekker)"
    r"(?:\s+van\s+(?:deze|dit|de|het)\s+(?:actie|project|initiatief))?\s+(?:is|zijn|wordt|worden)\s+|"
    r"(?:\b(?:wordt|worden)\s+(?:mee\s+)?|,\s*)"
    r"(?:getrokken|gecoördineerd|gecoordineerd|georganiseerd)\s+door\s+",
    re.I,
)

_NOT_A_LEAD = re.compile(r"^(?:we|wij|zij|ze|hij|zij|dit|dat|deze|die|er|niemand|iedereen)\b", re.I)

# Who takes part, said in running text: "In samenwerking met het OCMW en Samana …".
_PROSE_WITH = re.compile(
    r"\b(?:in\s+samenwerking\s+met|samen\s+met|i\.\s?s\.\s?m\.?|"
    r"met\s+(?:de\s+)?(?:steun|medewerking|hulp|ondersteuning|begeleiding)\s+van|"
    r"(?:ondersteund|bijgestaan)\s+door)\s+",
    re.I,
)

_PROSE_TOKEN = re.compile(r"\s*([\w’'&/-]+|,)")

_JOINING = frozenset({"en", "van", "de", "het", "der", "den", "voor", "vzw", "'t", "’t", ","})


def _names_after(text: str) -> str:
    """The names that open a text: words with a capital, joined by small words, and the
    phrase after "de" or "het" whole ("de huisartsenkring Dender", "de lokale besturen, OCMW
    Genk en het Wit-Gele Kruis"); up to the first other word ("… werken we") or a sign that
    is no comma. "o.a.", "zoals" … before them are no part of them."""
    taken: list[str] = []
    at = examples.end() if (examples := _EXAMPLES.match(text)) else 0
    while match := _PROSE_TOKEN.match(text, at):
        word = match[1]
        after_article = bool(taken) and taken[-1].lower() in ("de", "het")
        # "de lokale besturen", "de Vlaamse overheid": an adjective does not end the phrase.
        after_adjective = (
            len(taken) >= 2
            and taken[-2].lower() in ("de", "het")
            and bool(_ADJECTIVE.fullmatch(taken[-1]))
        )
        # "i-mens" is a name written in lower case.
        named = word[:1].isupper() or word in _KNOWN_IN_LOWER_CASE
        if not (word.lower() in _JOINING or named or after_article or after_adjective):
            break
        taken.append(word)
        at = match.end()
    while taken and taken[-1].lower() in _JOINING:
        taken.pop()
    return " ".join(taken).replace(" ,", ",")


_KNOWN_IN_LOWER_CASE = frozenset(name for name in KNOWN_SPELLINGS if name[:1].islower())

# An adjective before its noun: "lokale", "Vlaamse", "eerste", "medische".
_ADJECTIVE = re.compile(r"[\wà-ÿÀ-Ý-]+(?:ale|ele|iele|ische|se|ste|ere|ige|ke|aire)", re.I)


def _prose_lead(name: str) -> bool:
    """Whether the subject of "… neemt het voortouw" names who leads: the zorgraad, or a
    name with a capital; "Het ziekenhuis is trekker" points back at a name said before."""
    words = re.sub(r"^(?:de|het)\s+", "", name, flags=re.I).split()
    if _NOT_A_LEAD.match(name) or not words or len(words) > 8:
        return False
    return bool(_SELF_WORDS.match(name)) or any(w[:1].isupper() for w in words)


def _subject(match: re.Match) -> str | None:
    """Who leads in a sentence `_PROSE_LEAD` matched: the words between the verb and "het
    voortouw" where they name someone ("In 2026 neemt de zorgraad het voortouw"), as the
    words before the verb then open the sentence as an adverbial; else those words before
    it, unless they are such an adverbial ("Binnen de werkgroep neemt hierin …")."""
    between = (match["between"] or "").strip()
    if between and _prose_lead(between):
        return between
    name = match["name"]
    if between and not _ADVERB_ONLY.fullmatch(between):
        return None
    return None if _OPENING.match(name) or not _prose_lead(name) else name


def prose_lead(sentence: str) -> tuple[bool, str | None]:
    """Whether a sentence says who leads, and who: "CAW X neemt het voortouw", "Logo X
    coördineert deze actie", "Trekker is het Sociaal Huis Temse" (the name after the verb; "het
    ziekenhuis is trekker" says so but names none)."""
    match = _PROSE_LEAD.match(sentence)
    if match:
        return True, _subject(match)
    after = _PROSE_LEAD_AFTER.search(sentence)
    if after is None:
        return False, None
    names = re.sub(r"^(?:de|het)\s+(?=[A-ZÀ-Ý])", "", _names_after(sentence[after.end() :]))
    return True, names if names and _prose_lead(names) else None


# Small words between "neemt" and "het voortouw" that leave the subject before the verb.
_ADVERB_ONLY = re.compile(
    r"(?:(?:hierin|hier|daarin|daarbij|ook|mee|opnieuw|graag|zelf)\s*)+", re.I
)

# An opening adverbial ("Vanaf september", "Binnen de werkgroep"): no one who leads;
# "In-Gent" is a name.
_OPENING = re.compile(
    r"^(?:vanaf|vanuit|in|binnen|tijdens|na|voor|sinds|zoals|met|op|bij|per|tegen|"
    r"eind|begin|midden|halverwege|ook|daarna|nadien|nu|samen)(?=\s)",
    re.I,
)


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _items(values: list[str], existing: list[dict] = (), *, targets: bool = False) -> list[str]:
    """The names and groups in a field's values: split at commas, ";", "+", " & ", " / " and
    " en " (but not inside one name, see `_split_and`); "|" ends a value (what follows is
    another field of a table row). Of `targets` (groups of people), a label before a colon
    is the group and what follows says more of it ("Mantelzorgers: vooral jonge …")."""
    items = []
    for whole in values:
        value, examples = _without_brackets(
            _TOPIC.sub("", without_contact_details(whole.split("|")[0])), existing, via=not targets
        )
        label, colon, after = value.partition(":")
        if targets and colon and after.strip() and len(label.split()) <= 3:
            value, examples = label, []
        value = _PLACES_LISTED.sub(_places_joined, value)
        for part in [p for text in (value, *examples) for p in _ITEM_SEP.split(text)]:
            part = re.sub(r"\([^)]*\)?", "", part)
            # "Ziekenfondsen: CM, Solidaris": a group's word as a label before the names.
            label, colon, after = part.partition(":")
            if colon and after.strip() and (len(label.split()) <= 3 or _PARTNERS_OF.match(label)):
                # "OKRA Sint-Truiden: vrijwilligers": an organisation and its part in lower
                # case after it; the organisation takes part, as it does before its contact
                # person ("Samana: Els Claes").
                body, rest = label.strip(_ITEM_EDGE), after.strip(_ITEM_EDGE)
                its_own = rest[:1].islower() or is_person(rest, existing)
                part = label if its_own and is_organisation(body, existing) else after
            part = _CLUSTER_BEFORE_DASH.sub("", part)  # "welzijn – CAW Limburg"
            for item in [i for piece in _split_dashes(part) for i in _split_and(piece, existing)]:
                # A bullet typed before an item in a table's cell ("• CAW") is no part of it.
                item = _EXAMPLES.sub("", item.strip(_ITEM_EDGE)).strip(_ITEM_EDGE)
                # "…, dat de vorming geeft, en X"; "…, aangevuld met X"
                item = re.sub(r"^(?:en|aangevuld\s+met|plus)\s+(?=\S)", "", item)
                item = item if targets else _unquoted(item)  # a name, not a group's text
                item = item if targets else _kind_of_place(_KIND_BEFORE_ACRONYM.sub("", item))
                if item and not re.fullmatch(r"[\W\d]*", item):
                    items.append(item)
    return items


# A kind in lower case before a name that opens with its kind's acronym: "het ziekenhuis AZ
# Jan Palfijn", "woonzorgcentrum WZC De Linde" (the name says the kind).
_KIND_BEFORE_ACRONYM = re.compile(
    r"^(?:het\s+|de\s+)?(?:(?:algemeen|psychiatrisch)\s+)?(?:ziekenhuis|woonzorgcentrum|"
    r"(?:lokaal\s+)?dienstencentrum)\s+(?=(?:AZ|UZ|PZ|OPZ|PC|WZC|LDC)\s+[A-ZÀ-Ý])"
)


# A municipality's own body "van" it: "het OCMW van Zulte", "de Stad van Deinze".
_KIND_VAN_PLACE = re.compile(
    r"^(?:de\s+|het\s+)?(?P<kind>OCMW|Gemeente|Stad|Sociaal Huis|Lokaal [Bb]estuur)\s+van\s+"
    r"(?P<place>[A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*){0,2})$",
    re.I,
)


# A municipality's body by its French name, as the plans of the zones around Brussels add it:
# "CPAS Drogenbos" is OCMW Drogenbos, "Commune de Linkebeek" Gemeente Linkebeek.
_FRENCH_KIND = re.compile(
    r"^(?:le\s+|la\s+)?(?P<kind>CPAS|commune|administration\s+communale)\s+(?:de\s+|d['’])?"
    r"(?P<place>[A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*){0,2})$",
    re.I,
)
_FRENCH_KINDS = {"cpas": "OCMW", "commune": "Gemeente", "administration communale": "Gemeente"}


def _kind_of_place(item: str) -> str:
    """ "het OCMW van Zulte" as its name is written, "OCMW Zulte" (one body, its seat); "CPAS
    Drogenbos" as "OCMW Drogenbos"."""
    match = _KIND_VAN_PLACE.match(item)
    if match is not None and _is_municipality(match["place"]):
        return f"{_KINDS_WRITTEN[match['kind'].lower()]} {match['place']}"
    french = _FRENCH_KIND.match(item)
    if french is not None and _is_municipality(french["place"]):
        kind = _FRENCH_KINDS[" ".join(french["kind"].lower().split())]
        return f"{kind} {french['place']}"
    return item


_KINDS_WRITTEN = {
    "ocmw": "OCMW",
    "gemeente": "Gemeente",
    "stad": "Stad",
    "sociaal huis": "Sociaal Huis",
    "lokaal bestuur": "Lokaal bestuur",
}


# A cluster's name before the partners of that cluster, with a dash where a colon would do
# ("zorg – Huisartsenkring Demer, apothekers; welzijn – CAW Limburg"): a label.
_CLUSTER_BEFORE_DASH = re.compile(
    r"^\s*(?:(?:de\s+)?cluster\s+)?(?:zorg|welzijn|lokale\s+besturen|lokaal\s+bestuur|pzon)"
    r"\s+[–—-]\s+(?=\S)",
    re.I,
)


# Contact details beside a lead or partner: an e-mail address, a web address, a phone number
# with its label ("tel. 016 56 78 90", "(0477 12 34 56)", "016/12.34.56", "+32 16 …"), and a
# contact person after the word ("contactpersoon Jan Claes", "contact: Ann Peeters"; not
# "Contactpunt X" nor "Expertisecentrum Dementie Contact", names). None
# names an organisation, and a person's details stay out of the register (README).
_CONTACT_PERSON = r"\b(?:contact\s?perso(?:on|nen)\b\s*:?|contact\s*:)\s*[^,;()|]{0,60}"
_CONTACT_DETAILS = re.compile(rf"{_EMAIL}|{_WEB}|{_PHONE}|{_CONTACT_PERSON}", re.IGNORECASE)
_LEFT_EMPTY = re.compile(r"\(\s*[,;:]?\s*\)|\s+[-–—]\s*(?=[,;]|$)")


def without_contact_details(value: str) -> str:
    """A field's value without the contact details beside its names ("i-mens
    (info@i-mens.be)", "Samana – tel. 016 56 78 90", "X, contactpersoon Jan Claes")."""
    if not _CONTACT_HINT.search(value):
        return value
    return _LEFT_EMPTY.sub("", _CONTACT_DETAILS.sub("", value)).strip()


# A line that gives whom to contact: "Meer info: Jan Claes, jan@…", "Contact: …", "Vragen?
# …", "Meer weten?", or any line with an e-mail address.
_CONTACT_LINE = re.compile(
    rf"^(?:meer\s+)?(?:info(?:rmatie)?|contact(?:\s?persoon|gegevens)?|vragen|weten)\s*[:?]"
    rf"|{_EMAIL}",
    re.IGNORECASE,
)


def is_contact_line(text: str) -> bool:
    """Whether a line of a list says whom to contact (no action: its title would keep a
    person's name and address in the graph)."""
    return bool(_CONTACT_LINE.search(text)) if "@" in text or ":" in text or "?" in text else False


# Where contact details could be: a cheap look before the pattern above.
_CONTACT_HINT = re.compile(r"@|www\.|https?:|contact|(?<![\w/.])(?:\+32|0)\d", re.IGNORECASE)


# A kind of local body over a list of places ("de sociale huizen van Aalter, Assenede en
# Zelzate"): one item, not split at its commas, so that it is that body in each place
# (`_kind_in_each`), not one in the first and the others' councils.
_PLACE = r"[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)?"

_PLACES_LISTED = re.compile(
    r"\b(?P<kind>(?:OCMW['’]s|sociale\s+huizen|gemeenten|steden(?:\s+en\s+gemeenten)?|"
    rf"lokale\s+besturen)\s+(?:van\s+)?)(?P<places>{_PLACE}(?:\s*,\s*{_PLACE})+\s+en\s+{_PLACE})",
    re.I,
)


def _places_joined(match: re.Match) -> str:
    places = [p for p in re.split(r"\s*,\s*|\s+en\s+", match["places"]) if p]
    if not all(_is_municipality(place) for place in places):
        return match[0]
    return match["kind"] + " en ".join(places)


# A cluster's or a group's heading over the partners on the lines below it ("Zorg:" /
# "• Huisartsenkring X", "Lokale besturen:", "PZON:"): a heading, no partner of its own.
_HEADING_OVER_ITEMS = re.compile(r"^[^:,;]{1,40}:\s*$")


def _heading_over_items(value: str, after: list[str], existing: list[dict]) -> bool:
    """Whether a partners' value is a heading over the next (see _HEADING_OVER_ITEMS): a
    label alone before a value, unless it names an organisation and what follows is no
    organisation of its ("CAW Oost-Vlaanderen:" / "• Jan Peeters, teamcoach": CAW takes
    part)."""
    if not _HEADING_OVER_ITEMS.match(value) or not after:
        return False
    label, following = value.rstrip(" :"), after[0].split(",")[0].strip(_ITEM_EDGE)
    return not is_organisation(label, existing) or _is_named_organisation(following, existing)


# A label of the partners of a cluster or a group before their names ("Partners uit de
# cluster welzijn: CAW De Kempen, OCMW's en het JAC"): those names take part.
_PARTNERS_OF = re.compile(
    r"^\s*(?:(?:samen\s+)?met\s+)?(?:de\s+|alle\s+)?(?:partners|leden|organisaties|actoren)\s+"
    r"(?:uit|van|binnen)\s+"
    r"(?:de\s+|het\s+)?\w+(?:\s+[\w-]+){0,2}\s*$",
    re.I,
)

_DASH = re.compile(r"\s[-–—]\s")

_ITEM_EDGE = " .:-–—/•▪●◦*·■"

_SINGLE_QUOTED = re.compile(r"‘([A-ZÀ-Ý][^‘’]+)’")


def _unquoted(item: str) -> str:
    """A name less the quotes around it or a part of it ("“De Kleine Prins”", "VZW ‘De
    Bolster’"); the apostrophe of "‘t Kompas" stays."""
    return _SINGLE_QUOTED.sub(r"\1", re.sub(r"[“”\"]", "", item)).strip()


def _split_dashes(part: str) -> list[str]:
    """A part split at dashes between spaces where each piece names an organisation
    ("Huisartsenkring Dender - CAW Oost-Vlaanderen - Familiehulp"); a place or a department
    after a dash is part of the name ("AZ Sint-Jan Brugge - Oostende")."""
    part = part.strip(_ITEM_EDGE)
    pieces = [p.strip() for p in _DASH.split(part)]
    department = len(pieces) == 2 and _DEPARTMENT.match(pieces[1])
    if department and is_organisation(pieces[0]) and not _is_municipality(pieces[1].split()[-1]):
        return [pieces[0]]  # "Stad Genk – Dienst Welzijn", "Stad Genk – Sociaal Huis": Stad Genk
    named = all(p[:1].isupper() and is_organisation(p) and not _is_municipality(p) for p in pieces)
    # "Huisartsenkring Waasland – apothekers – thuisverpleging": groups in lower case after
    # a body, which is no part of it ("– regio Kempen", "– sociale dienst").
    groups = is_organisation(pieces[0]) and all(
        p[:1].islower() and not _PART_WORD.search(p) for p in pieces[1:]
    )
    return pieces if len(pieces) >= 2 and (named or groups) else [part]


def _is_municipality(name: str) -> bool:
    try:
        current(name)
    except ValidationError:
        return False
    return True


def _council(name: str, existing: list[dict] = ()) -> str:
    """The body a municipality named alone as a lead or a partner stands for: its local
    government ("Lichtervelde" works with a care action as its council and OCMW, one body
    since 2019): the register's council or city seated there ("Stad Maaseik"), else
    "Lokaal bestuur Lichtervelde", so that its seat and its cluster (lokale besturen) are
    read from its name."""
    place = current(name)
    for org in existing:
        seat = local_seat(org["name"])
        if seat and seat.category == "gemeente" and seat.municipality.nis == place.nis:
            return org["name"]
    return f"{_LOCAL_GOVERNMENT}{place.name}"


# An organisation's name with the short form the plan uses for it after, in brackets:
# "Welzijnsschakels (WS)", "Huisartsenkring Noord-Hageland (HKNH)", "Logo Dender (Logo)".
_DEFINED = re.compile(r"\((?P<short>[A-Z][A-Za-z0-9&-]{1,9}(?: [A-Z][A-Za-z0-9&-]{1,9})?)\)")

_NAME_WORD = re.compile(r"[A-ZÀ-Ý0-9][\w’'&.-]*|van|de|der|den|het|voor|en|vzw|'t|’t")


def _abbreviations(lines: list[str], existing: list[dict]) -> dict[str, str]:
    """The short forms a plan explains once with the organisation's name before them
    ("Welzijnsschakels (WS)"), to read "WS" among an action's partners as that name. The
    name is the longest run of words with capitals before the brackets that starts with the
    short form's first letter and holds its letters in order ("Lokaal Overleg Kinderopvang
    (LOK)"; "… met Familiehulp en Welzijnsschakels (WS)": Welzijnsschakels). Neither a
    kind's words ("Centrum Algemeen Welzijnswerk (CAW)": "CAW" alone stays the region's
    own, but "CAW Oost-Brabant (CAW)" is that one) nor a place ("Sint-Truiden (ST)") is
    explained so, nor is a short form the plan gives two names."""
    found: dict[str, set[str]] = {}
    text = " ".join(" ".join(line.split()) for line in lines)  # a name broken over lines too
    for match in _DEFINED.finditer(text):
        short = match["short"]
        if short.upper() in GENERIC_ACRONYMS:
            continue  # "Woonzorgcentrum (WZC)": a kind of body, never one
        before = re.split(r"[()]", text[max(0, match.start() - 200) : match.start()])[-1]
        name = _name_before(before, short)
        if not name or _is_municipality(name) or not _is_named_organisation(name, existing):
            continue
        if is_kind_acronym(short) and short not in name.split():
            continue  # "Centrum Algemeen Welzijnswerk (CAW)": "CAW" stays the region's
        found.setdefault(short, set()).add(name)
    return {short: names.pop() for short, names in found.items() if len(names) == 1}


def _name_before(text: str, short: str) -> str | None:
    words = text.split()
    run: list[str] = []
    for word in reversed(words):
        if not _NAME_WORD.fullmatch(word):
            break
        run.insert(0, word)
    best = None
    for start, word in enumerate(run):
        if word[:1].casefold() != short[:1].casefold() or not word[:1].isupper():
            continue
        name = " ".join(run[start:])
        if _spells(short, name) and name != short:
            best = name
            break  # the longest: the first start that spells it
    return best


# A group with a short form in brackets: "de huisartsenkring (HKNH)".
_GROUP_SHORT = re.compile(
    r"(?<![^\s,;:])(?P<group>(?:de |het )?[a-zà-ÿ][^,;()]{0,60}?)\s*"
    r"\((?P<short>[^()]{2,20})\)"
)


def _short_forms_written_out(actions: list[ActionOut], names: dict[str, str]) -> None:
    """Leads and partners written as a short form the plan explained: its name."""
    if not names:
        return
    for action in actions:
        if action.lead in names:
            action.lead = names[action.lead]
        action.co_leads = _unique([names.get(n, n) for n in action.co_leads])
        leading = {action.lead, *action.co_leads}
        action.partners = _unique(
            [names.get(n, n) for n in action.partners if names.get(n, n) not in leading]
        )


def _acronyms_of_the_plan(actions: list[ActionOut]) -> None:
    """A kind's acronym alone ("CAW", "CGG", "Logo") where the plan's actions name one
    organisation of that acronym in full ("CAW Noord-West-Vlaanderen"): that one, as a plan
    shortens a name after giving it whole, not a second organisation "CAW". Two in full
    ("AZ Delta", "AZ West") leave it as it is."""
    named = {n for a in actions for n in (a.lead or "", *a.co_leads, *a.partners) if n}
    full: dict[str, set[str]] = {}
    for name in named:
        first, _, rest = name.partition(" ")
        if rest and is_kind_acronym(first) and first.upper() not in GENERIC_ACRONYMS:
            full.setdefault(first, set()).add(name)
    names = {short: next(iter(f)) for short, f in full.items() if len(f) == 1 and short in named}
    _short_forms_written_out(actions, names)


# A kind of body written out at a name's start, and the acronym the sector writes it with.
_SPELLED_OUT = tuple(
    (re.compile(words + r"\s+(?=\S)", re.IGNORECASE), acronym)
    for words, acronym in (
        (r"^centrum\s+(?:voor\s+)?algemeen\s+welzijnswerk", "CAW"),
        (r"^centrum\s+(?:voor\s+)?geestelijke\s+gezondheidszorg", "CGG"),
        (r"^openbaar\s+centrum\s+voor\s+maatschappelijk\s+welzijn", "OCMW"),
        (r"^lokaal\s+dienstencentrum", "LDC"),
        (r"^woonzorgcentrum", "WZC"),
        (r"^dienst\s+maatschappelijk\s+werk(?:\s+van(?:\s+de|\s+het)?)?", "DMW"),
        (r"^algemeen\s+ziekenhuis", "AZ"),
    )
)


def acronym_form(name: str) -> str:
    """A name with its kind written out at its start by the kind's acronym ("Centrum
    Algemeen Welzijnswerk Antwerpen": "CAW Antwerpen"); any other name as it is."""
    for words, acronym in _SPELLED_OUT:
        short = words.sub(f"{acronym} ", name, count=1)
        if short != name:
            return short
    return name


def _kinds_spelled_out_of_the_plan(actions: list[ActionOut]) -> None:
    """A name whose kind is written out ("Centrum Algemeen Welzijnswerk Antwerpen",
    "Lokaal dienstencentrum Den Travoo") where the plan's actions also name it with the
    kind's acronym ("CAW Antwerpen", "LDC Den Travoo"): that one organisation, by its
    acronym, as a plan writes one partner either way; written out only, it stays so."""
    named = {n for a in actions for n in (a.lead or "", *a.co_leads, *a.partners) if n}
    names = {n: short for n in named if (short := acronym_form(n)) != n and short in named}
    _short_forms_written_out(actions, names)


# A department of a local government written as such, in lower case, with its municipality
# ("dienst welzijn Duffel", "sociale dienst Putte", "welzijnsdienst Bonheiden", "de dienst
# welzijn van Sint-Katelijne-Waver"); "Jeugddienst Herentals" as a name stays a name.
_DEPARTMENT_OF_PLACE = re.compile(
    r"^(?:de\s+)?(?:(?:[a-zà-ÿ]+\s+)?dienst(?:en)?(?:\s+(?!van\b)[a-zà-ÿ-]+){0,3}|"
    r"[a-zà-ÿ]+dienst(?:en)?)"
    r"\s+(?:van\s+(?:de\s+(?:gemeente|stad)\s+)?)?(?P<place>[A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*){0,2})$"
)


def department_council(name: str, existing: list[dict] = ()) -> str | None:
    """The local government a department written in lower case with its municipality is
    part of (see `_DEPARTMENT_OF_PLACE`): that council, as the municipality named alone is."""
    match = _DEPARTMENT_OF_PLACE.match(name.strip(" ."))
    if not match or not _is_municipality(match["place"]):
        return None
    return _council(match["place"], existing)


def _councils_of_the_plan(actions: list[ActionOut]) -> None:
    """A municipality named alone ("Maaseik") as the council the plan names elsewhere
    ("Stad Maaseik", "Gemeente Kinrooi"): one body, not a second "Lokaal bestuur Maaseik"."""
    councils: dict[str, str] = {}
    for action in actions:
        for name in [action.lead or "", *action.co_leads, *action.partners]:
            seat = local_seat(name) if not name.startswith(_LOCAL_GOVERNMENT) else None
            if seat and seat.category == "gemeente":
                councils.setdefault(f"{_LOCAL_GOVERNMENT}{seat.municipality.name}", name)
    for action in actions:
        if action.lead in councils:
            action.lead = councils[action.lead]
        action.co_leads = _unique([councils.get(n, n) for n in action.co_leads])
        leading = {action.lead, *action.co_leads}
        action.partners = _unique(
            [
                councils.get(n, n)
                for n in action.partners
                if n not in councils or councils[n] not in leading
            ]
        )


_LOCAL_GOVERNMENT = "Lokaal bestuur "

_COUNCIL_WORD = re.compile(r"^(?:bestu(?:ur|ren)|gemeenten?|steden|stad|ocmw'?s?)$", re.I)

# Towns after a group's word and "van"/"in" ("de woonzorgcentra van Tongeren-Borgloon en
# Bilzen-Hoeselt"): where those are, not who takes part.
_PLACES_OF = re.compile(
    r"\b(?P<group>[a-zà-ÿ’']+)\s+(?:van|in|uit|te|binnen)\s+"
    r"(?P<names>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
    r"(?:(?:\s*,\s*|\s+en\s+)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})*)"
)


def _places_of_groups(text: str) -> set[str]:
    """The towns a text names as where a group is (see _PLACES_OF); "de besturen van X"
    names councils."""
    places = set()
    for match in _PLACES_OF.finditer(text):
        if not _COUNCIL_WORD.match(match["group"]):
            places.update(n.strip() for n in re.split(r"\s*,\s*|\s+en\s+", match["names"]))
    return places


def _names_a_body_in_a_role(item: str, existing: list[dict]) -> bool:
    """Whether a word of the answer on the zorgraad's role names a body: one word alone
    ("Ondersteunend.", "Faciliterend") is mostly the role itself, unless the name is known,
    an acronym or the register's."""
    if len(item.split()) > 1 or begins_known(item) or ORG_WORDS.search(item):
        return True
    known = {normalise(org["name"]) for org in existing}
    return sum(ch.isupper() for ch in item) >= 2 or normalise(item) in known


# A part of a body after a dash, in lower case: "Solidariteit voor het Gezin – regio Kempen",
# "OCMW Aalst – dienst welzijn".
_PART_WORD = re.compile(
    r"\b(?:regio|dienst|afdeling|team|campus|locatie|site|werking|antenne|sector|kantoor|"
    r"cel|afdelingen|diensten|teams)\b",
    re.I,
)

# A department of the body before a dash, in capitals too: "Dienst Welzijn", "Afdeling
# Zorg", "Team Thuiszorg", "Sociaal Huis" (a municipality's own, named without its place);
# not with a place of its own ("Dienst Welzijn Genk" is Genk's).
_DEPARTMENT = re.compile(
    r"^(?:(?:dienst|afdeling|team|cel|sector)\s+[A-ZÀ-Ýa-zà-ÿ][\w-]*|"
    r"sociaal\s+huis|sociale\s+dienst)$",
    re.I,
)

_PART_AFTER_DASH = re.compile(r"\s+[–—-]\s+(?=[a-zà-ÿ]).*$")


def _without_part(name: str, existing: list[dict]) -> str:
    """A partner less the part of it after a dash: the body takes part."""
    body = _PART_AFTER_DASH.sub("", name)
    part = name[len(body) :]
    named = body != name and _is_named_organisation(body, existing)
    return body if named and _PART_WORD.search(part) else name


# The first word of a body's name by its kind ("Huis van het Kind Niel", "Dienst …").
_KIND_FIRST = re.compile(r"^(?:huis|dienst|team|platform|regio|lokaal|sociaal)\b", re.I)


# "de zorgraad van ELZ Noord-Hageland": another zone's zorgraad, by its zone's name (as the
# plan of two zones names it also: "ELZ Noord-Hageland"), one organisation.
_ZORGRAAD_OF_ZONE = re.compile(
    r"^(?:de\s+)?zorgraad\s+(?:van\s+(?:de\s+)?)?(?=(?:ELZ|eerstelijnszone)\s+[A-Z])", re.I
)


def _without_article(item: str) -> str:
    """A partner less its article: "het RSG"; "Het Wit-Gele Kruis Limburg", "De
    Apothekersvereniging Rupelstreek", "Het OCMW Boom" too, where a well-known name, a word
    of a kind of body or an acronym follows, though "De Bolster" is a name with its article."""
    item = _ZORGRAAD_OF_ZONE.sub("", item)
    if _LOWER_ARTICLE.match(item):
        return _LOWER_ARTICLE.sub("", item)
    rest = _ARTICLE.sub("", item)
    if rest == item or not rest:
        return item
    first = rest.split()[0]
    # A word of a kind alone is the name ("De Schakel"); before a proper name it is a kind.
    named = len(rest.split()) >= 2 and (ORG_WORDS.search(first) or _KIND_FIRST.match(first))
    return rest if begins_known(rest) or named or _ACRONYM_WORD.fullmatch(first) else item


def _lead_without_article(item: str) -> str:
    """A lead less its article, but for a name of one word with its own ("Trekker: Het
    Anker", "De Kade", "De Lovie vzw": its legal form aside)."""
    rest = _ARTICLE.sub("", item)
    word = _LEGAL_END.sub("", rest).strip()
    own = len(word.split()) == 1 and rest[:1].isupper() and _without_article(item) == item
    return item if own else rest


# A partner "item" that is a clause, a finite verb after its subject ("Alle partners leveren
# input aan de werkgroep."): a sentence about the partners, no group of them. After "die" or
# "dat" the verb is a group's own ("huisartsen die werken in de regio"), after "te" no
# finite verb ("Nog in kaart te brengen …").
_CLAUSE = re.compile(
    r"^(?P<subject>\S+(?:\s+\S+){0,8}?)\s+(?<!\bdie\s)(?<!\bdat\s)(?<!\bte\s)(?:is|zijn|wordt|worden|zal|zullen|kan|"
    r"kunnen|moet|moeten|heeft|hebben|levert|leveren|geeft|geven|neemt|nemen|werkt|werken|"
    r"helpt|helpen|zet|zetten|brengt|brengen|biedt|bieden|denkt|denken|ondersteunt|"
    r"ondersteunen|participeert|participeren|draagt|dragen|sluit|sluiten|dient|dienen|gaat|gaan|"
    r"krijgt|krijgen|maakt|maken|volgt|volgen|"
    # What partners do in a plan's answers: "… organiseren de vorming", "… engageren zich".
    r"organiseert|organiseren|coördineert|coördineren|faciliteert|faciliteren|verzorgt|"
    r"verzorgen|begeleidt|begeleiden|zorgt|zorgen|stelt|stellen|voert|voeren|"
    r"verspreidt|verspreiden|informeert|informeren|betrekt|betrekken|"
    # (not after a pronoun: "Zij bevinden zich …" says no more of a name above)
    r"(?<!\b[Zz]ij\s)(?<!\b[Zz]e\s)(?<!\b[Ww]e\s)(?<!\b[Ww]ij\s)[a-zà-ÿ]{3,}(?:en|t)(?=\s+zich\b))"
    r"\s+[a-zà-ÿ]",
)


def _names_in_sentence(values: list[str]) -> list[str]:
    """A field's answer in sentences naming who works with whom, as the names it gives:
    after "samen met", "i.s.m." … ("Het OCMW werkt samen met Familiehulp, i-mens en de
    Christelijke Mutualiteit voor de bezoeken.", "De zorgraad nodigt samen met Samana de
    partners uit."), else those of a clause's subject ("Huisartsenkring X en de
    Apothekersvereniging Y nemen deel aan de werkgroep; ook het Vlaams Patiëntenplatform
    wordt betrokken."); the verb and what follows it name no organisation. Any other
    answer as it is; each line of it apart ("• Kinesitherapeutenkring Brugge" / "• Alle
    partners … worden geïnformeerd."), but for a sentence broken over lines ("… nemen deel
    aan" / "de werkgroep.")."""
    units: list[str] = []
    for value in values:
        value = " ".join(value.split())
        if units and _sentence_going_on(units[-1]):
            units[-1] = f"{units[-1]} {value}"
        elif value:
            units.append(value)
    return [name for unit in units for name in _names_in_one(unit)]


def _sentence_going_on(text: str) -> bool:
    """Whether a line is a sentence without its end yet ("Huisartsenkring X nemen deel
    aan"), not a name of a list ("Lichtervelde")."""
    # "We werken samen met X en met:" opens the list below it: it goes on in its items.
    ends = (".", ";", "!", "?", ":")
    return not text.endswith(ends) and bool(_said(text) or _OWN_SUBJECT.match(text))


# A name that ends in its legal form ("Mensen helpen mensen vzw") is no clause.
_LEGAL_END = re.compile(r"\b(?:vzw|v\.z\.w|cvba|cv|bv|nv)\.?$", re.I)


def _said(clause: str) -> str | None:
    """The subject of a clause, a finite verb after it (`_CLAUSE`), looked for in each item
    of a list apart: "Mensen helpen mensen vzw, Samana" is two names, and a long list before
    its verb ("A, B, C, D, E en F werken mee") is the subject whole."""
    at = 0
    for item in re.split(r"(?<=,)", clause):
        said = _CLAUSE.search(item.lstrip())
        # "…, dat de vorming geeft, …", "lid kringwerking dat ook lid is": a relative
        # clause says more of a name, its verb is no sentence's.
        relative = said and re.search(r"\b(?:die|dat|welke|waarvan)\b", said["subject"], re.I)
        if said and not relative and not _LEGAL_END.search(item.strip(" ,")):
            return f"{clause[:at]}{item[: len(item) - len(item.lstrip())]}{said['subject']}".strip()
        at += len(item)
    return None


# Who takes part after "samen met" …, and after the words of a sentence only an answer uses
# ("Er wordt samengewerkt met CAW X", "… wordt betrokken via het Wit-Gele Kruis").
_SENTENCE_WITH = re.compile(
    rf"{_PROSE_WITH.pattern}|\b(?:samengewerkt|samenwerken|samenwerkt|in\s+overleg)\s+met\s+|"
    r"\bvia\s+",
    re.I,
)

# A subject that names no one ("Betrokken partners zijn het Wit-Gele Kruis en i-mens.",
# "Partners: Samana en OKRA …", "De werkgroep bestaat uit vertegenwoordigers van Samana,
# …"): the names follow "zijn", the colon or what the group is made of.
_GENERIC_SAID = re.compile(
    r"^(?:(?:de|het|alle|onze|deze|diverse|betrokken|andere|mogelijke|externe|volgende|"
    r"belangrijkste)\s+)*(?:(?:samenwerkings)?(?:partners?|stakeholders?|betrokkenen|actoren)"
    r"(?:\s*:|\s+(?:zijn|is)\s+)|"
    r"(?:\w+groep|overleg|netwerk|partnerschap)\s+(?:bestaat|bestaan|is\s+samengesteld)\s+uit\s+"
    r"(?:(?:vertegenwoordigers|afgevaardigden|medewerkers|leden)\s+(?:van|uit)\s+)?)\s*(?=\S)",
    re.I,
)

# A subject in lower case that points back at the action, no group ("Dit project wordt …").
_NO_GROUP = re.compile(
    r"^(?:(?:dit|deze|dat|die|het|de)\s+)*(?:actie|acties|project|initiatief|werkgroep|overleg|"
    r"aanpak|plan|partners?|stakeholders?|betrokkenen|actoren|organisaties|iedereen|niemand|"
    r"daarnaast|verder|bovendien|tevens|ook|hierbij|daarbij|daarvoor|hiervoor|nadien|eerst)\b",
    re.I,
)


# A clause about the action itself that says with whom it runs ("Het project loopt samen met
# het CLB Kempen, …", "Deze actie gebeurt in overleg met …"): its names follow the "met".
_BACK_WITH = re.compile(rf"(?=(?:{_NO_GROUP.pattern})).*?(?:{_SENTENCE_WITH.pattern})", re.I)


def _names_in_one(text: str) -> list[str]:
    clauses = [c for c in re.split(SENTENCE_BREAK, text) if c]
    named = [_GENERIC_SAID.sub("", c) for c in clauses]
    if named != clauses:
        text, clauses = " ".join(named), named
    if not any(_said(c) or _OWN_SUBJECT.match(c) or _BACK_WITH.match(c) for c in clauses):
        return [text]
    found: list[str] = []
    for clause in clauses:
        withs = list(_SENTENCE_WITH.finditer(clause))
        for with_ in withs:
            # Of a clause about the action itself, the groups it works with too ("… samen met
            # het CLB Kempen en de jeugddiensten van Hoogstraten").
            found += _names_of(
                re.split(SENTENCE_BREAK, clause[with_.end() :])[0],
                groups=bool(_BACK_WITH.match(clause)),
            )
        if not withs and (own := _OWN_SUBJECT.match(clause)):
            # The names after its verb: the zorgraad's own ("ELZ DL") is none of them.
            found += _names_of(", ".join(_capitalised_runs(" " + clause[own.start("verb") :])))
        elif not withs and (said := _said(clause)):
            subject = _SENTENCE_START.sub("", said)
            if not _NO_SUBJECT.match(subject):
                found += _names_of(subject, groups=not re.match(r"(?:dit|deze)\b", said, re.I))
        elif not withs:
            found.append(clause)  # a list of its own ("Familiehulp en Landelijke Thuiszorg;")
    return found


# A relative clause after a comma says more of the name before it ("OCMW Zottegem, die elk
# een maatschappelijk werker inzetten"): no group of its own.
_RELATIVE = re.compile(r"^(?:die|dat|welke|waarbij|waar|wat)\s", re.I)


# Words a sentence opens with before its subject's name ("Ook het …", "Alle partners").
_SENTENCE_START = re.compile(
    r"^(?:(?:ook|nog|daarnaast|verder|tevens|alle|elke|iedere|onze|deze|dit)\s+)*", re.I
)


# A clause that opens with a preposition or a pronoun ("Via de partners … dienen alle
# actoren …", "We werken …") has no name before its verb.
_NO_SUBJECT = re.compile(
    r"^(?:via|voor|in|op|met|door|bij|naar|om|als|na|tijdens|vanuit|binnen|we|wij|er|zij|"
    r"ze|een)\b",
    re.I,
)


# A sentence about what the zorgraad or "we" do ("De zorgraad faciliteert … bij
# Huisartsenkring Hasselt en het Jessa Ziekenhuis.", "ELZ DL zit het overleg voor."): the
# names are those after its verb. "ELZ Noorderkempen en ELZ Kempenland" (a zone's name, then
# "en") is a list of names, no subject.
_OWN_SUBJECT = re.compile(
    r"^(?:de\s+)?(?:(?:zorgraad|elz|eerstelijnszone)(?:\s+(?-i:[A-ZÀ-Ý])[\w’'&/-]*)*|we|wij)"
    r"\s+(?!(?:en|of|vzw|met|van|uit|i\.s\.m)\b)(?-i:(?P<verb>[a-zà-ÿ]))",
    re.I,
)

_CAPITAL_WORD = re.compile(r"(?<=\s)[A-ZÀ-Ý][\w’'&/-]*")


def _capitalised_runs(clause: str) -> list[str]:
    """The names in a sentence after its first word: each run of words with a capital and
    the small words between them ("Huisartsenkring Hasselt en het Jessa Ziekenhuis")."""
    runs, end = [], 0
    for word in _CAPITAL_WORD.finditer(clause):
        if word.start() < end:
            continue
        names = _without_trailing_words(_compound_names_after(clause[word.start() :]))
        if names:
            runs.append(names)
            end = word.start() + len(names)
    return runs


_COMPOUND = re.compile(r"(?<=\w)- en (?=[a-zà-ÿ])")


def _compound_names_after(text: str) -> str:
    """`_names_after`, with a word shared by two ("Expertisecentrum Val- en
    fractuurpreventie Vlaanderen") kept in the name."""
    return _names_after(_COMPOUND.sub("-&&", text)).replace("-&&", "- en ")


def _names_of(text: str, groups: bool = False) -> list[str]:
    """The names a part of a sentence lists, less the words in lower case after them; a
    name keeps its article as in a list ("De Kade"). With `groups`, a group in lower case
    too ("Huisartsen, apothekers en vrijwilligers zijn betrokken.")."""
    found = []
    for piece in [i for part in _ITEM_SEP.split(text) for i in _split_and(part.strip())]:
        if examples := _EXAMPLES.match(piece):
            piece = piece[examples.end() :]  # "o.a. Samana": Samana
        words = piece.split()
        rest = _ARTICLE.sub("", piece)
        if words and words[0][:1].islower() and is_known_name(words[0].strip(".")):
            found.append(words[0].strip("."))  # "i-mens", written so ("Samana X": its region)
        elif rest[:1].isupper() and (names := _compound_names_after(_without_article(piece))):
            found.append(_without_trailing_words(names))
        elif groups and rest[:1].islower() and not _NO_GROUP.match(piece):
            found.append(piece.strip(_ITEM_EDGE))
        elif names := _compound_names_after(rest):
            found.append(_without_trailing_words(names))
    return found


_TRAILING_WORDS = re.compile(r"(?:\s+(?:de|het)\s+[a-zà-ÿ][\w-]*|\s+(?:en|van|voor|de|het))+$")


def _without_trailing_words(names: str) -> str:
    """Names less the words in lower case they run into ("Samana de partners", "Christelijke
    Mutualiteit voor de bezoeken")."""
    return _TRAILING_WORDS.sub("", names)


_BRACKETS = re.compile(r"\(([^()]*)\)")

# Examples in brackets name partners too: "thuisverpleging (o.a. Wit-Gele Kruis, i-mens)".
# Before an item too: "o.a. Samana", "m.n. OCMW Diest".
# Who works along, said in brackets after a name: "Samana (i.s.m. OKRA)".
_WITH_WORDS = (
    r"(?:i\.\s?s\.\s?m\.?|ism|in samenwerking met|samen met|met steun van|ondersteund door)"
)

_WITH_INSIDE = re.compile(rf"^\s*{_WITH_WORDS}\s+", re.I)

_VIA_INSIDE = re.compile(r"^\s*via\s+(?=\S)", re.I)

_WITH_IN_BRACKETS = re.compile(rf"\s*\(\s*{_WITH_WORDS}\s+(?P<names>[^()]+)\)", re.I)

_EXAMPLES = re.compile(
    r"^\s*(?:o\.\s?a\.?|bv\.?|bijv\.?|zoals|onder andere|onder meer|w\.o\.?|m\.n\.?|met name|"
    r"waaronder|inclusief|incl\.|in het bijzonder|meer bepaald|vooral)(?:\s+|$)",
    re.I,
)


def _without_brackets(
    value: str, existing: list[dict] = (), *, via: bool = True
) -> tuple[str, list[str]]:
    """A value less what it says in brackets, which is no item of its own ("lokale besturen
    (Aalst, Lede)" is one group, not three items), and the partners it names there: its
    examples ("(o.a. Wit-Gele Kruis, i-mens)") and a list of organisations ("Ziekenfondsen
    (CM, Solidaris, Helan)"), which were lost otherwise; `via`: the body a group is reached
    through ("Apothekers (via APB)"), as partner (of a target group, the way to it: none)."""
    value = _without_persons(value, existing)
    examples = []
    for inner in _BRACKETS.findall(value):
        if _EXAMPLES.match(inner):
            examples.append(_EXAMPLES.sub("", inner))
        elif _WITH_INSIDE.match(inner):
            examples.append(_WITH_INSIDE.sub("", inner))  # "Samana (i.s.m. OKRA)": both
        elif via and _VIA_INSIDE.match(inner):
            # "Apothekers (via APB)": the body the group is reached through, as after " via ".
            examples.append(_VIA_INSIDE.sub("", inner))
        elif _names_organisations(inner, existing):
            examples.append(inner)
    return " ".join(_BRACKETS.sub(" ", value).split()), examples


# An item of a person and the body they are of: "Jan Claes (Samana)".
_PERSON_WITH_BODY = re.compile(
    # `who` begins and ends with a letter, not a space: spaces on either side went to
    # `space` and before the bracket, and a run of spaces is never split among three
    # repeats (that took cubic time on a long run of them).
    r"(?:^|(?<=[,;&/])|(?<=\sen\s))(?P<space>\s*)"
    r"(?P<who>[^\s,;&/()](?:[^,;&/()]*?[^\s,;&/()])?)\s*"
    r"\((?P<body>[^(),;]+)\)"
)

# Where such an item can stand: a run of a name's characters from its start (never from
# within, possessive), then the body in brackets. Every " en " starts an item, and each start
# read on to the run's end: a run of many " en " without a body after it was quadratic.
_RUN_WITH_BODY = re.compile(r"(?<![^,;&/()])[^,;&/()]*+\([^(),;]+\)")


def _persons_with_bodies(value: str, replace) -> str:
    """`_PERSON_WITH_BODY.sub(replace, value)`, each start tried only in a run that has a
    body after it (any start in a run ends where its run ends, so one run without a body
    has no match at all)."""
    out, done = [], 0
    for run in _RUN_WITH_BODY.finditer(value):
        match = _PERSON_WITH_BODY.search(value, run.start(), run.end())
        if match:
            out += [value[done : match.start()], replace(match)]
            done = match.end()
    return "".join(out) + value[done:] if out else value


# A person in brackets after a body: "CAW Oost-Vlaanderen (Els Peeters)", "(Els Peeters,
# stafmedewerker)", "(voorzitter: Els Peeters)".
_BRACKETS_OF_PERSON = re.compile(r"\s*\(([^()]+)\)")


def _without_persons(value: str, existing: list[dict]) -> str:
    """A lead or partner field less its persons: "Jan Claes (Samana)" is Samana, "OCMW Gent
    (Jan Claes)" is OCMW Gent. A person's name is no organisation (personal data)."""
    return _persons_apart(value, existing)[0]


def _persons_in(value: str, existing: list[dict]) -> list[str]:
    """The persons `_without_persons` takes out of a value, by name."""
    return _persons_apart(value, existing)[1]


def _persons_apart(value: str, existing: list[dict]) -> tuple[str, list[str]]:
    """A value less its persons, and those persons by name."""
    found: list[str] = []

    def body(match: re.Match) -> str:
        kept = _body_of_person(match, existing)
        if kept != match.group(0):
            found.extend(p for p in _persons_of(match["who"]) if is_person(p, existing))
        return kept

    def names_person(match: re.Match) -> str:
        persons = [
            p.strip() for p in re.split(r"[,;:]", match[1]) if is_person(p.strip(), existing)
        ]
        found.extend(persons)
        return "" if persons else match.group(0)

    value = _persons_with_bodies(value, body)
    value = _BRACKETS_OF_PERSON.sub(names_person, value)
    if _OF_WORD.search(value):
        value = _PERSON_OF_BODY.sub(lambda m: _body_after_person(m, existing, found), value)
    # "Els Peeters; OCMW Brugge": a person among the items is no item.
    items = [item.strip() for item in re.split(r"[;,]", value)]
    persons = [item for item in items if item and is_person(item, existing)]
    if persons and len(persons) < len([item for item in items if item]):
        found.extend(persons)
        for person in persons:
            # "Jeroen Wouters, Begijnendijk": the place after a person is where they work or
            # live, no local government of the action's ("Sociaal Huis, Aalst" is one).
            value = re.sub(
                rf"\s*{re.escape(person)}\s*(?:,\s*(?P<place>[^;,]+?)\s*(?=[;,]|$))?[;,]?\s*",
                _person_and_place,
                value,
                count=1,
            )
        value = value.strip(" ;,")
    return value, found


# A person "of" a body in one item: "Sofie De Smet van Vief Dender", "mevrouw Els Peeters
# bij CAW Oost-Vlaanderen", or of a place: "Tom Wouters van Aalst" (an item runs from the
# value's start or a comma or ";").
_PERSON_OF_BODY = re.compile(
    r"(?:^|(?<=[;,]))(?P<space>\s*)"
    r"(?:(?P<title>mevrouw|mevr\.|meneer|mijnheer|dhr\.|dr\.)\s+)?"
    r"(?P<who>[A-ZÀ-Ý][^;,()]{2,60}?)\s+(?-i:van|bij|uit)\s+(?:de\s+|het\s+)?"
    r"(?P<body>[A-ZÀ-Ý][^;,()]{1,120}?)(?=\s*(?:[;,]|$))",
    re.I,
)


_OF_WORD = re.compile(r"\s(?:van|bij|uit)\s")


def _body_after_person(match: re.Match, existing: list[dict], found: list[str]) -> str:
    """The body a person "of" it names, the person found (personal data, no partner)."""
    who, body = match["who"].strip(), match["body"].strip()
    if not match["who"][:1].isupper() or not is_person(who, existing):
        return match.group(0)
    place = _is_municipality(body)  # "Tom Wouters van Aalst": where he works, no body
    if not place and not is_organisation(body, existing):
        return match.group(0)
    found.append(f"{match['title']} {who}" if match["title"] else who)
    return match["space"] if place else f"{match['space']}{body}"


def _person_and_place(match: re.Match) -> str:
    """Nothing of a person and the municipality after them; another item after them stays."""
    place = match["place"]
    return f" {place}, " if place and not _is_municipality(place) else " "


def _body_of_person(match: re.Match, existing: list[dict]) -> str:
    """ "Jan Claes (Samana)" is Samana, as is "Els Claes en Jan Peeters (Samana)"; in
    "CAW Dender en Jan Claes (Samana)" the person before the brackets is Samana's, the
    name before it a partner of its own. A person's name is no partner (personal data)."""
    parts = _persons_of(match["who"])
    if not is_person(parts[-1], existing) or not is_organisation(match["body"], existing):
        return match.group(0)
    others = [p for p in parts if not is_person(p, existing)]
    return f"{match['space']}{' en '.join([*others, match['body'].strip()])}"


def _persons_of(who: str) -> list[str]:
    """The persons before one body's brackets: "Els Claes en Jan Peeters"."""
    return [p.strip() for p in re.split(r"\s+(?:en|&)\s+", who.strip()) if p.strip()]


def _names_organisations(text: str, existing: list[dict] = ()) -> bool:
    """Whether brackets hold a list of organisations: two or more, none a place (a single
    one is mostly the name before it shortened: "Geïntegreerd Breed Onthaal (GBO)"), apart
    by commas or " en " ("(Familiehulp en Thuishulp)")."""
    items = [
        name.strip(" .")
        for item in _ITEM_SEP.split(text)
        for name in _split_and(item.strip(" ."), existing)
        if name.strip(" .")
    ]
    return len(items) >= 2 and all(
        is_organisation(item, existing) and not _is_municipality(item) for item in items
    )


# " via ": "de huisartsen via Huisartsenkring Demer" names a group and the body for it.
_ITEM_SEP = re.compile(
    r"\s*(?:,|;|\s\+\s|\s/\s|\sen/of\s|\svia\s|\betc\b\.?|\be\.\s?a\.?(?!\w)|\benz\b\.?|…|\.\.\.)\s*"
)

_SLASH = re.compile(r"(?<=\w)/(?=\w)")

_AND = re.compile(r"(?<!-)\s+en\s+")

# " & " parts as " en " does, inside one name too ("Kind & Gezin", "Kemp & Duin").
_AND_JOINT = re.compile(r"(?<!-)\s+(en|&)\s+")

_ARTICLE = re.compile(r"^(?:de|het)\s+", re.I)

_LOWER_ARTICLE = re.compile(r"^(?:de|het)\s+")

# A word that is a name on its own after " en ": an acronym ("CAW", "WZC's") or a word of
# organisations ("Alzheimerliga", "Huisartsenkring").
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&]{1,7}(?:['’]s)?")


def _split_and(part: str, existing: list[dict] = ()) -> list[str]:
    """A partner item split at " en ", except inside one name.

    "X en Y" is one name when the register knows it as one ("Kind en Gezin", "CM Waas en
    Dender" where they are organisations of the graph), or when Y is a single capitalised
    word after a capitalised name that is no name on its own: no acronym, no word of
    organisations, not in the register ("Kind en Gezin", "CGG Waas en Dender", "Vlaams
    Agentschap Zorg en Gezondheid"). So "CAW Limburg en Alzheimerliga Vlaanderen",
    "zorgraad en OCMW Genk" and "huisartsen en apothekers" are two."""
    slashed = _SLASH.split(part)
    if len(slashed) > 1 and all(
        (p[:1].isupper() or is_known_name(p))
        and is_organisation(p, existing)
        and not _is_municipality(p)
        for p in slashed
    ):
        # "Samana/OKRA", "CAW Limburg/OCMW Genk": two names; "OCMW Aalst/Lede" stays one.
        return [name for p in slashed for name in _split_and(p, existing)]
    parts = _AND_JOINT.split(part)
    out = [parts[0]]
    joints, pieces = parts[1::2], parts[2::2]
    for k, (joint, piece) in enumerate(zip(joints, pieces, strict=True)):
        base = _provincial_base(out[-1], piece, existing) or _local_base(out[-1], piece)
        after = f"{piece} en {pieces[k + 1]}" if k + 1 < len(pieces) else None
        if base:
            out.append(f"{base} {piece.strip()}")  # "Wit-Gele Kruis Limburg", "OCMW Vosselaar"
        elif after and (_known_name(after, existing) or is_known_name(after)):
            out.append(piece)  # "Huis van het Kind & Kind en Gezin": the next is one name
        elif _one_name(out[-1], piece, existing) or _known_across(out[-1], joint, piece):
            out[-1] = f"{out[-1]} {joint} {piece}"
        else:
            out.append(piece)
    return out


_PROVINCES = frozenset(
    ["antwerpen", "limburg", "oost-vlaanderen", "west-vlaanderen", "vlaams-brabant"]
)


def _local_base(left: str, right: str) -> str | None:
    """The kind before a municipality that " en " gives a second municipality: "het OCMW
    Beerse en Vosselaar" is an OCMW in each, read as "OCMW Beerse" is (see `_LOCAL_KIND`);
    "Gemeente Zulte en Deinze", "de gemeente Destelbergen en Oosterzele" name the councils
    of both, each a body with its seat. "de jeugddiensten van Hoogstraten en Merksplas" (a
    kind in lower case, a group) stays."""
    right = right.strip()
    words = _ARTICLE.sub("", left.strip()).split()
    if len(words) < 2 or len(right.split()) > 3 or not _is_municipality(right):
        return None
    for cut in range(1, min(len(words), 4)):
        kind, place = words[:cut], " ".join(words[cut:])
        if _is_municipality(place):
            kind = " ".join(kind)
            # A local government's kind in any case ("de gemeente X"), as seats reads it.
            if _LOCAL_KIND.fullmatch(kind) or local_seat(f"{kind} {place}"):
                return kind
            return None
    return None


# The kinds of a municipality's own bodies, one in each ("CM Antwerpen en Brussel" is one
# regional body).
_LOCAL_KIND = re.compile(
    r"OCMW|Gemeente(?:bestuur)?|Stad(?:sbestuur)?|Sociaal Huis|Lokaal [Bb]estuur|"
    r"Huis van het Kind|Bibliotheek|Sportdienst|Jeugddienst|Welzijnsdienst"
)


def _provincial_base(left: str, right: str, existing: list[dict]) -> str | None:
    """The name before a province that " en " gives a second province: "Wit-Gele Kruis
    Oost-Vlaanderen en Limburg" is Wit-Gele Kruis, for two bodies. Such organisations are
    one per province (each its own vzw, board and region), so the plan names two; a name
    the register knows whole stays one."""
    words = left.split()
    if len(words) < 2 or words[-1].lower() not in _PROVINCES:
        return None
    if right.strip().lower() not in _PROVINCES or right.strip().lower() == words[-1].lower():
        return None
    if _known_name(f"{left} en {right}", existing):
        return None
    base = " ".join(words[:-1])
    return base if base[:1].isupper() and is_organisation(base, existing) else None


# Words of a sector that open a name joined by "en" and are no name alone ("Zorg en Welzijn
# Vlaanderen", "Wonen en Zorg Kempen", "Welzijn en Zorg Geel").
_SECTOR_WORDS = frozenset(
    {
        "zorg",
        "welzijn",
        "wonen",
        "gezondheid",
        "kind",
        "gezin",
        "werk",
        "onderwijs",
        "jeugd",
        "opvoeding",
        "samenleving",
        "sport",
        "cultuur",
        "armoede",
        "thuiszorg",
        "preventie",
        "hulpverlening",
    }
)


def _one_name(left: str, right: str, existing: list[dict]) -> bool:
    if _known_name(f"{left} en {right}", existing) or is_known_name(f"{left} en {right}"):
        return True  # "Kind en Gezin"; in lower case ("kind en gezin") one group
    if left.strip().casefold() in _SECTOR_WORDS and left.strip()[:1].isupper():
        return right.strip()[:1].isupper()  # "Zorg en Welzijn Vlaanderen": one name
    words, before = right.split(), left.split()
    if len(words) != 1 or not before or not before[-1][:1].isupper():
        return False
    word = words[0]
    if not word[:1].isupper() or _ACRONYM_WORD.fullmatch(word) or ORG_WORDS.search(word):
        return False
    if is_known_name(word) or is_known_name(left):
        return False  # "OKRA en Vief", "Integra en Familiehulp": each a name of its own
    if _is_municipality(left) and _is_municipality(word):
        return False  # "Rumst en Schelle": two municipalities
    if len(before) == 1 and _ACRONYM_WORD.fullmatch(before[0]):
        return False  # "VAPH en Opgroeien": an acronym is a name of its own
    if len(before) >= 2 and _is_municipality(word) and not _region_word(before[-1]):
        # "het lokaal dienstencentrum De Schakel en Kruibeke": a body, then a municipality
        # (its council); a region goes on ("Apothekersvereniging Halle-Vilvoorde en Leuven").
        return False
    if len(before) >= 2 and is_place(before[-1]) and not is_place(word):
        # "Samana Limburg en Ziekenzorg": a name ends with its region, so what follows is
        # a second body; a second region continues the name ("CGG Waas en Dender").
        return False
    return not (existing and match_organisation(word, existing).id)


def _known_across(left: str, joint: str, right: str) -> bool:
    """A well-known name that the joint is part of, as written ("Vlaams & Neutraal
    Ziekenfonds", with its region after it too), where the words before the joint name no
    known organisation of their own ("Samana & OKRA" are two)."""
    if not left.casefold().endswith(_BEFORE_A_JOINT):
        return False  # no known name has these words before its joint
    whole = f"{left} {joint} {right}"
    return begins_known(whole) and not begins_known(left)


# The words of the well-known names before their "&" or "en" ("Vlaams", "Kind").
_BEFORE_A_JOINT = tuple(
    re.split(r"\s(?:&|en)\s", name)[0].casefold()
    for name in KNOWN_SPELLINGS
    if re.search(r"\s(?:&|en)\s", name)
)


def _region_word(word: str) -> bool:
    """A place, or places joined by hyphens ("Halle-Vilvoorde")."""
    return is_place(word) or all(is_place(part) for part in word.split("-"))


def _known_name(text: str, existing: list[dict]) -> bool:
    """Whether an organisation of the register holds these words in its name."""
    return Register.of(existing).holds_words(normalise(text))


# What a lead field says when nobody leads yet: "nog te bepalen", "N.v.t.", "tbd", "?" …
# No one yet: "nog te bepalen", "in overleg te bepalen", "n.v.t.", "?"; partners named by no
# one: "diverse partners", "verschillende organisaties".
_PLACEHOLDER = re.compile(
    r"^(?:nog\s+)?(?:(?:in\s+overleg\s+|later\s+|nader\s+)?te\s+bepalen|"
    r"niet\s+(?:gekend|bekend|bepaald)|"
    r"onbekend|n\.?\s?v\.?\s?t|n\.?\s?t\.?\s?b|tbd|tbc|n/?a|geen|niemand|x|\?+|[-–—/]+|"
    r"(?:diverse|verschillende|andere|overige)\s+(?:partners|organisaties|actoren))"
    r"\.?$",
    re.I,
)

# A lead said in a sentence that opens with the label: "De trekker is CAW Limburg."
_LEAD_IS = re.compile(r"^(?:de\s+)?(?:hoofd)?trekker\s+(?:is|wordt)\s+", re.I)

# "X i.s.m. Y en Z": X leads, Y and Z take part.
# Starts where a run of spaces starts: searched from inside a run, each start read the run
# to its end and back (cubic in the run; with runs held to 200 spaces, a deep indent cost
# 0.17 s a line).
_WITH = re.compile(
    r"(?<!\s)\s*,?\s*(?:\bi\.\s?s\.\s?m\.?|\bism\b|\bin samenwerking met\b|\bsamen met\b|"
    r"\bmet (?:de )?(?:steun|medewerking|hulp|ondersteuning|begeleiding) van\b|"
    r"\b(?:ondersteund|bijgestaan) door\b)\s*",
    re.I,
)

# A role in the zorgraad before its name: "Stafmedewerker ELZ Zuid-Limburg", "Coördinator
# van de zorgraad", "Dagelijks bestuur zorgraad"; in another body too ("preventiewerker Logo
# Kempen", "projectleider CAW Oost-Vlaanderen").
_ROLE_OF = re.compile(
    r"^(?:de\s+)?(?:\w*medewerkers?|\w*co[öo]rdinator(?:en)?|voorzitter|directeur|"
    r"\w*werkers?|\w*leiders?|consulent(?:en)?|diensthoofd|verantwoordelijke|"
    r"secretariaat|staf(?:team)?|team|dagelijks\s+bestuur|bestuur)\s+"
    r"(?:van\s+(?:de\s+|het\s+)?)?",
    re.I,
)

# The zorgraad's staff, named by role alone ("Stafmedewerker", "ELZ-coördinator",
# "zorgraadcoördinator", "de communicatiemedewerker", "het stafteam", "het
# zorgraadbureau", "het ELZ-team"); not a role in care ("zorgcoördinator",
# "thuiszorgmedewerker": someone of a partner, no body).
_STAFF = re.compile(
    r"^(?:de\s+|het\s+)?(?:(?:(?:elz|zorgraad|eerstelijnszone)[-\s]?)?"
    r"(?:staf|project|beleids|netwerk|communicatie|data|kwaliteits)?"
    r"(?:medewerker|co[öo]rdinator)(?:s|en)?|staf(?:team)?|secretariaat|bureau|"
    r"(?:elz|zorgraad|eerstelijnszone)[-\s]?(?:bureau|team|secretariaat))$",
    re.I,
)

# A role alone, one word: a person of some partner, no organisation ("Zorgcoördinator").
_ROLE_ALONE = re.compile(
    r"^\w*(?:medewerker|co[öo]rdinator|werker|consulent|begeleider)(?:s|en)?$", re.I
)

_OWN_WORDS = re.compile(r"\b(?:zorgraad|ELZ|eerstelijnszone)\b", re.I)


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text.strip()))


def _is_named_organisation(name: str, existing: list[dict]) -> bool:
    """An organisation by the register's checks, with a name that fits the register.

    A local government with its municipality ("Gemeente Lanaken", "Stad Genk", "OCMW Bree")
    is one body wherever the plan names it, though "gemeente" alone is a group ("de
    gemeenten"). "Gemeente Lanaken en Zutendaal" names two councils in one item, which
    `_split_and` puts apart ("Gemeente Lanaken", "Gemeente Zutendaal")."""
    if len(name) > limits.NAME or is_person(name, existing):
        return False
    return local_seat(name) is not None or is_organisation(name, existing)


# A working group the zorgraad sets up on a theme, which the plan writes in lower case
# ("Werkgroep dementie", "Stuurgroep preventie"): one body when it leads.
_GROUP_ON_A_THEME = re.compile(
    r"^(?:werk|stuur|project|kern)groep\s+(?!van\b|voor\b|en\b|of\b)[\w’'-]+(?:\s+[\w’'-]+){0,2}$",
    re.I,
)


def _in_register(name: str, existing: list[dict]) -> bool:
    key = normalise(name)
    return any(normalise(org["name"]) == key for org in existing)


def _names_a_body(name: str) -> bool:
    """A lead that names one body by a kind and a proper name: "Werkgroep Buurtgerichte
    Zorg", "Gemeente Drogenbos", or a working group by its theme ("Werkgroep dementie") (as a
    partner, "werkgroep" or "gemeente" is a group; the one who leads is one body)."""
    words = name.split()
    if not 2 <= len(words) <= 6 or len(name) > limits.NAME or is_person(name):
        return False
    if _GROUP_ON_A_THEME.match(name):
        return True
    rest = [w for w in words[1:] if w.lower() not in ("van", "voor", "de", "het", "der", "en")]
    return bool(rest) and all(w[:1].isupper() for w in rest)


@dataclass
class _Lead:
    own: str | None = None  # how the plan names the zorgraad itself as lead
    names: list[str] = field(default_factory=list)  # organisations that lead
    partners: list[str] = field(default_factory=list)  # named after "i.s.m.": they take part
    text: str | None = None  # as written, when it names no organisation ("nog te bepalen")


def _is_self(text: str, zone: str, zone_names: list[str]) -> bool:
    key = normalise(text)
    if not key:
        return False
    if _SELF_WORDS.match(text) and len(key.split()) <= 2 and "zorgraad" in key:
        return True
    names = {normalise(n) for n in zone_names} | {normalise(zone.replace("-", " "))}
    # "Zorgraad ELZ Dender", "zorgraad van de eerstelijnszone Dender": the zone's by its name.
    key = _ZORGRAAD_OF.sub("", key)
    for name in names:
        initials = "".join(word[0] for word in name.split())
        for prefix in ("elz ", "eerstelijnszone ", "zorgraad "):
            if key in (prefix + name, prefix + initials, name):
                return True
    return key in ("zorgraad", "elz", "eerstelijnszone")


def _after_group_label(value: str, zone: str, zone_names: list[str], existing: list[dict]) -> str:
    """A lead field less a group's word before a colon ("thuiszorgdiensten: Familiehulp,
    i-mens" is Familiehulp and i-mens); "OCMW Gent: Els Peeters" names OCMW Gent."""
    head, colon, tail = value.partition(":")
    head = head.strip()
    if not colon or not tail.strip() or len(head.split()) > 3:
        return value
    if _is_self(head, zone, zone_names) or _is_named_organisation(head, existing):
        return value
    items = _items([tail], existing)
    return tail.strip() if any(_is_named_organisation(i, existing) for i in items) else value


def _lead(values: list[str], zone: str, zone_names: list[str], existing: list[dict] = ()) -> _Lead:
    """The lead of an action from its lead field: the first value that says something.

    Several organisations ("zorgraad en OCMW Genk", "A, B") lead together; "X i.s.m. Y"
    makes Y a partner; a role of the zorgraad ("Stafmedewerker zorgraad") is the zorgraad;
    a placeholder ("nog te bepalen") or a group ("huisartsen") is no organisation: the
    action has no lead yet, and the text says so in the preview."""
    alone = None  # a person named without an organisation: no lead, unless a later value is
    for value in values:
        value = _without_location(_lead_of_clauses(value), existing)
        value = _without_persons(value, existing) or value
        value = _LEAD_IS.sub("", value.strip())  # "De trekker is CAW Limburg."
        value = department_council(value, existing) or value  # "dienst welzijn Duffel"
        person = _PERSON.match(value.strip())
        named = _NAMED_PERSON.match(value.strip())
        if not person and named and is_person(named["who"], existing):
            person = named
        elif not person and is_person(value.split("|")[0].strip(" ."), existing):
            alone = alone or value.strip()
            continue
        if person:
            # The organisation the person works for leads; a person alone is no lead.
            value = person["org"] or person["after"] or ""
            if _is_municipality(value.strip(" .")):
                value = ""  # "Sofie De Smet, Zulte": where the person works, no lead
            if not value:
                alone = alone or person.group(0)
                continue
        value = _after_group_label(value, zone, zone_names, existing)
        # "Samana (i.s.m. OKRA)": who works along, in brackets, as after "i.s.m." alone.
        value = _WITH_IN_BRACKETS.sub(lambda m: f" i.s.m. {m['names']}", value)
        main, *others = _WITH.split(value.split("|")[0], maxsplit=1)
        main = _lead_without_article(_LEAD_CUT.sub("", main).strip(" ."))
        if not main or main in ("/", "-"):
            continue
        found = _Lead()
        if is_placeholder(main):
            found.text = main
            return found
        for whole in _items([main], existing):
            # "Het Anker" keeps its article as in a list; the words after it say the rest.
            part, name = _ARTICLE.sub("", whole), _lead_without_article(whole)
            name = _ZORGRAAD_OF_ZONE.sub("", name)  # another zone's (the own is `part`'s)
            # "huisartsenkring X" is a name; "i-mens" is written so.
            name = name if re.match(r"[a-z]-\w", name) else name[:1].upper() + name[1:]
            # A role in a body leads as that body: "Stafmedewerker ELZ Zuid-Limburg" is the
            # zorgraad, "Medewerker OCMW Hasselt" is OCMW Hasselt.
            body = _ROLE_OF.sub("", part)
            if _is_self(part, zone, zone_names):
                found.own = found.own or part
            elif _is_self(body, zone, zone_names):
                found.own = found.own or body  # "stafmedewerker ELZ WaaS": ELZ WaaS
            elif _STAFF.match(part):
                # "Stafmedewerker", "Els Peeters (netwerkcoördinator)": the zone's own staff.
                found.own = found.own or part
            elif _ROLE_ALONE.match(name) and not _in_register(name, existing):
                continue  # "zorgcoördinator": someone's role, no body to lead
            elif body != part and _is_named_organisation(body, existing):
                found.names.append(body)
            elif _is_municipality(name):
                found.names.append(_council(name, existing))
            elif _is_named_organisation(name, existing):
                found.names.append(name)
            elif _OWN_WORDS.search(part) and len(part.split()) <= 4:
                found.own = found.own or part  # "Stafmedewerker zorgraad", "coördinator ELZ"
            elif _names_a_body(name):
                found.names.append(name)
        for item in _items(others, existing):
            item = _ARTICLE.sub("", item)
            if department := department_council(item, existing):
                found.partners.append(department)  # "i.s.m. de jeugddienst van Leuven"
            elif not _is_self(item, zone, zone_names) and _is_named_organisation(item, existing):
                found.partners.append(item)
        if found.own is None and not found.names:
            found.text = main
        return found
    return _Lead(text=alone)


# A part of a body named after it ("regio Kempen", "afdeling Welzijn", "Team Onthaal").
_PART_FIRST = re.compile(rf"^{_PART_WORD.pattern}\s+\S", re.I)


def _without_location(value: str, existing) -> str:
    """A lead less the place after its name ("Lokaal dienstencentrum Het Kompas, Bredene"):
    a single municipality as the last of two comma-items, after a named body, is where that
    body is, not a second lead; so is a part of it ("Familiehulp, regio Kempen")."""
    name, comma, place = value.rpartition(",")
    name, place = name.strip(), place.strip(" .")
    if comma and "," not in name and _PART_FIRST.match(place) and is_organisation(name, existing):
        return name  # "Familiehulp, regio Kempen", "CAW De Kempen, Team Onthaal": its part
    if not comma or "," in name or len(name.split()) < 2 or not _is_municipality(place):
        return value
    if _is_municipality(name) or not _is_named_organisation(name, existing):
        return value
    return name


def _lead_of_clauses(value: str) -> str:
    """A lead field written as a sentence of clauses ("De zorgraad coördineert, Netwerk GGZ
    Kempen trekt deze actie."; "De zorgraad neemt de coördinatie op; X is trekker."): who
    leads in the clause that says so, as running text reads it; the zorgraad's role in
    another clause is no lead; "…, samen met X" after the clause that says who leads names
    who leads along; "Dit is een actie van X" is X's. Any other value as it is."""
    clauses = [c.strip(" .") for c in re.split(r"[;,]", value)]
    for at, clause in enumerate(clauses):
        owner = _ACTION_OF.match(clause)
        if owner:
            return owner["name"]  # "Dit is een actie van OCMW Herne; de zorgraad ondersteunt."
        name = prose_lead(clause)[1]
        if name:
            # "De zorgraad neemt de trekkersrol op, samen met Logo X": they lead together.
            along = [_SHARED_LEAD.match(c) for c in clauses[at + 1 :]]
            leads = ", ".join([name] + [m["names"] for m in along if m])
            # "…, ondersteund door X": X takes part, as after "i.s.m." (see `_WITH`).
            helping = _SUPPORTED_BY.search(value)
            return f"{leads} i.s.m. {helping['names'].strip()}" if helping else leads
    # "CAW X coördineert, Samana ondersteunt.": the subjects, the verb no part of a name;
    # who supports does not lead.
    said = [_CLAUSE_VERB.match(c) for c in clauses]
    if not any(said):
        return value
    leading = [m["name"] for m in said if m and not _SUPPORTS.match(m["verb"])]
    return ", ".join(leading) if leading else value


# Whose action it is: "Dit is een actie van OCMW Herne", "Deze actie is een project van X".
_ACTION_OF = re.compile(
    r"^(?:dit|deze\s+actie|het)\s+is\s+een\s+(?:actie|initiatief|project)\s+van\s+"
    r"(?P<name>(?:de\s+|het\s+)?[A-Z\w].{1,80})$",
    re.I,
)

# A clause after the one that says who leads, naming who leads along: "samen met Logo X".
_SHARED_LEAD = re.compile(r"^(?:samen\s+met|en)\s+(?P<names>.+)$", re.I)

_SUPPORTED_BY = re.compile(r",\s*(?:ondersteund|bijgestaan)\s+door\s+(?P<names>[^;.]+)", re.I)

# A lead's clause with its verb: "CAW De Kempen coördineert", "De zorgraad organiseert dit".
_CLAUSE_VERB = re.compile(
    r"^(?P<name>[^\s].*?)\s+(?P<verb>coördineert|coordineert|organiseert|faciliteert|"
    r"begeleidt|leidt|ondersteunt|helpt|werkt|volgt)\b.*$"
)

_SUPPORTS = re.compile(r"ondersteunt|helpt|werkt")


# "ELZ Maasland", "Eerstelijnszone Kemp en Duin", "Zorgraad Meetjesland", "Zorgraad ELZ
# Dender", and the same in capitals in a title ("ELZ MEETJESLAND – JAARPLAN 2026").
_ZONE_WORD = (
    r"(?:(?:[Zz]orgraad|ZORGRAAD)(?:\s+(?:van\s+de\s+)?(?:ELZ|[Ee]erstelijnszone|"
    r"EERSTELIJNSZONE))?|ELZ|[Ee]erstelijnszone|EERSTELIJNSZONE)"
)

_ZONE_NAME = re.compile(
    rf"\b(?P<word>{_ZONE_WORD})(?:\s*\(ELZ\))?\s+[‘“\"']?"  # "ELZ ‘Rivierenland’" too
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?i:en|&|aan\s+de|van\s+de|van|aan)\s+"  # "Land van Rode"
    r"[A-Z][\w’'-]*|\s+[A-Z][\w’'-]*)*)"
)

# Words of the document after the zone's name in a title ("ELZ Meetjesland Jaarplan 2026"):
# no part of the name.
_NOT_OF_NAME = re.compile(
    r"^(?:\w*plan\w*|jaarverslag|verslag|rapport|nota|versie|ontwerp|bijlage|zorgraad|"
    r"elz|eerstelijnszone|strategisch\w*|operationele?|doelstelling\w*|actie\w*|inleiding|"
    r"met|algemene|dagelijks|bestuur|vergadering|partners?|trekker|staf\w*|i\.?s\.?m\.?|vzw)$",
    re.I,
)


def _zone_name_of(match: re.Match) -> str | None:
    """The name in a match of `_ZONE_NAME` as a name is written: less the document's words
    after it, and in capitals only where the plan writes it so ("MEETJESLAND" in an
    all-caps title is "Meetjesland"; a short word such as "HVRT" stays an acronym)."""
    words = match.group("name").rstrip(_NAME_END).split()
    while words and _NOT_OF_NAME.match(words[-1].rstrip(_NAME_END)):
        words.pop()
    cut = next((i for i, w in enumerate(words) if _NOT_OF_NAME.match(w)), len(words))
    words = words[:cut]
    while words and words[-1].lower() in ("en", "de", "aan", "van"):
        words.pop()
    if not words:
        return None
    capitals = all(not w.isalpha() or w.isupper() for w in words if w.lower() not in ("en", "de"))
    if capitals and not _acronym_in_text(words, match.string):
        words = [_title_word(w) for w in words]
    return " ".join(words)


def _acronym_in_text(words: list[str], line: str) -> bool:
    """Whether a name in capitals is the plan's own spelling, an acronym ("ELZ ZORA lanceert
    haar beleidsplan", "Zuid Oost Rand Antwerpen (ELZ ZORA)"): one word in a line otherwise
    written in lower case, not a title in capitals ("ELZ MEETJESLAND – JAARPLAN 2026")."""
    rest = re.sub(r"\b[A-ZÀ-Ý0-9&’'-]{2,}\b", " ", line)
    return len(words) == 1 and sum(c.islower() for c in rest) >= 10


def _title_word(word: str) -> str:
    if word.lower() in ("en", "aan", "de", "van"):
        return word.lower()
    if word.isalpha() and (len(word) <= 3 or not re.search(r"[AEIOUY]", word)):
        return word  # "HVRT", "ZOL": an acronym
    return "-".join(part.capitalize() for part in word.split("-"))


# A sentence that says what the zone calls itself: "ZoDi is de zorgraad van de
# eerstelijnszone.", "Zorgzaam Leie is de eerstelijnszone van …"; not a pronoun ("Dit is de
# zorgraad …").
_CALLS_ITSELF = re.compile(
    r"(?:^|[.!?]\s+)(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+is\s+(?:de|onze)\s+"
    r"(?:zorgraad|eerstelijnszone)\b"
)

_NO_NAME = re.compile(
    r"^(?:dit|dat|deze|die|het|de|er|hier|wie|wat|ook|dan|zo|onze?|uw|een|elke|iedere|"
    r"zij|hij|wij|welke)$",
    re.I,
)


def _names_itself(lines: list[str]) -> list[str]:
    """The names a plan gives itself in a sentence that says so ("ZoDi is de zorgraad …"),
    where it never writes "ELZ ZoDi": the zorgraad, wherever it leads or partners."""
    names = []
    for line in lines:
        for match in _CALLS_ITSELF.finditer(" ".join(line.split())):
            name = match["name"]
            if not _NO_NAME.match(name.split()[0]) and name not in names:
                names.append(name)
    return names


def _zone_names(lines: list[str], zone: str) -> tuple[str | None, list[str]]:
    """The zone's name as the plan gives it ("ELZ Maasland"), and every name it uses for
    itself (to tell the zorgraad as lead from other organisations)."""
    counts: dict[str, int] = {}
    for line in lines:
        for match in _ZONE_NAME.finditer(" ".join(line.split())):
            name = _zone_name_of(match)
            if name:
                counts[name] = counts.get(name, 0) + 1
    itself = _names_itself(lines)
    if not counts:
        return (f"ELZ {itself[0]}", itself) if itself else (None, [])
    by_id = [name for name in counts if slug(name) == zone]
    chosen = by_id[0] if by_id else max(counts, key=lambda n: _count(n, counts))
    full = _spelled_out(chosen, counts)
    names = [name for name, count in counts.items() if count >= 3 or name in (chosen, full)]
    return f"ELZ {full}", _unique(names + itself)


# A zone that states its own territory: "ELZ Zuid-Hageland omvat Tienen, …".
_STATES_TERRITORY = re.compile(
    r"^\s*(?:omvat|bestaat\s+uit|is\s+samengesteld\s+uit|telt\s+de\s+gemeenten)\b", re.I
)


_TERRITORY_WORDS = ("omvat", "bestaat", "samengesteld", "telt")


def _other_zones(lines: list[str], zone_name: str | None) -> list[str]:
    """The other zones of a plan written by two (a "regio" of two zones, each its
    territory): each a name the plan gives a zone, neither the zone's nor a short form of
    it, that states its own territory ("ELZ Zuid-Hageland omvat Tienen, …"). The zones a
    merged zone was formed of state none ("ELZ X en ELZ Y vormen samen ELZ Z"): they stay
    the zone's own names."""
    own = zone_name.split(" ", 1)[-1] if zone_name else ""
    stating = set()
    for line in lines:
        if not any(word in line for word in _TERRITORY_WORDS):
            continue  # (a look for every zone's name in every line slows a plan's reading)
        text = " ".join(line.split())
        for match in _ZONE_NAME.finditer(text):
            name = _zone_name_of(match)
            if name and _STATES_TERRITORY.match(text[match.end("name") :]):
                stating.add(name)
    return [
        n
        for n in sorted(stating)
        if normalise(n) != normalise(own) and not _short_for(n, own) and not _short_for(own, n)
    ]


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word).upper()


def _short_for(short: str, name: str) -> bool:
    """Whether a zone's short name stands for its name: the initials ("NL": Noord-Limburg)
    or letters of it in order, the first first ("DL": Dijleland)."""
    if not (short.isupper() and 2 <= len(short) <= 5) or name.isupper():
        return False
    return _initials(name) == short or _spells(short, name)


def _spelled_out(name: str, counts: dict[str, int]) -> str:
    """The name in full where the plan mostly writes it short: "ELZ NL" 32 times and "ELZ
    Noord-Limburg" 6 times is ELZ Noord-Limburg."""
    full = [n for n in counts if n != name and _short_for(name, n)]
    return max(full, key=lambda n: counts[n]) if full else name


def _count(name: str, counts: dict[str, int]) -> int:
    """How often the plan names its zone so: in full or by its short name."""
    return counts[name] + sum(c for short, c in counts.items() if _short_for(short, name))


def _named_zones(lines: list[str], territory_text: list[str]) -> list[str]:
    """The zones the plan says it is of: "ELZ X" or "Eerstelijnszone X" in its first lines
    (its title page), else in the sentences that state its territory (which may also name
    the zone a municipality moves to)."""
    head = [" ".join(line.split()) for line in lines if line.strip()][:15]
    for texts in (head, territory_text):
        named = [
            f"ELZ {name}"
            for text in texts
            for match in _ZONE_NAME.finditer(" ".join(text.split()))
            if (name := _zone_name_of(match))
        ]
        named = _unique([n for n in named if len(n) <= limits.NAME])
        if named:
            return named
    return []


_NAME_END = "’'-”\""


def _spells(short: str, long: str) -> bool:
    """Whether the letters of an abbreviation stand in order in the words it is short for,
    the first first ("LDC": "Lokaal Dienstencentrum")."""
    letters, words = short.lower().removesuffix("'s").removesuffix("’s"), long.lower()
    if not words.startswith(letters[:1]):
        return False
    at = 0
    for letter in letters:
        at = words.find(letter, at)
        if at < 0:
            return False
        at += 1
    return True
