"""Which spreadsheet column holds which field: guessed from usual Dutch and English headers.

Headers are compared case-, accent-, space- and punctuation-insensitively ("E-mail adres",
"e-mailadres" and "EmailAdres" are the same). An explicit mapping (column -> field) given by
the user overrides the guess for those columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from graphmap.errors import ValidationError

ORGANISATIONS = "organisations"
CONTACTS = "contacts"
KINDS = (ORGANISATIONS, CONTACTS)

# Field -> header spellings (already in `header_key` form). The same spelling may mean a
# different field per kind: "naam" is the organisation in an organisation list and the
# person in a contact list.
_COMMON = {
    "kbo": (
        "kbo",
        "kbonummer",
        "kbonr",
        "ondernemingsnummer",
        "enterprisenumber",
        "companynumber",
        "btw",
        "btwnummer",
        "btwnr",
        "vat",
        "vatnumber",
    ),
    "municipality": ("gemeente", "municipality", "stad", "city", "plaats", "woonplaats", "town"),
    "postcode": ("postcode", "postalcode", "postnummer", "zip", "zipcode", "postcodegemeente"),
    "email": ("email", "emailadres", "emailaddress", "mail", "mailadres", "epost"),
    "phone": (
        "telefoon",
        "telefoonnummer",
        "tel",
        "telnr",
        "phone",
        "phonenumber",
        "telephone",
        "gsm",
        "gsmnummer",
        "mobiel",
        "mobile",
    ),
    "function": ("functie", "function", "rol", "role", "jobtitle"),
    "website": ("website", "site", "url", "webadres", "webpagina", "web"),
    "first_name": ("voornaam", "firstname", "givenname"),
    "last_name": ("achternaam", "familienaam", "lastname", "surname", "familyname"),
}
_BY_KIND = {
    ORGANISATIONS: {
        "name": (
            "naam",
            "name",
            "organisatie",
            "organisation",
            "organization",
            "organisatienaam",
            "organisationname",
            "naamorganisatie",
            "partner",
        ),
        "cluster": ("cluster",),
        "category": ("categorie", "category", "soort", "type", "soortpartner"),
        "status": ("status", "engagement", "betrokkenheid"),
        "contact": ("contactpersoon", "contact", "contactperson"),
    },
    CONTACTS: {
        "name": ("naam", "name", "contactpersoon", "contact", "volledigenaam", "fullname"),
        "organisation": (
            "organisatie",
            "organisation",
            "organization",
            "organisatienaam",
            "werkgever",
            "employer",
        ),
    },
}
FIELD_LABELS = {
    "name": "naam",
    "kbo": "KBO-nummer",
    "municipality": "gemeente",
    "postcode": "postcode",
    "email": "e-mail",
    "phone": "telefoon",
    "function": "functie",
    "website": "website",
    "first_name": "voornaam",
    "last_name": "achternaam",
    "cluster": "cluster",
    "category": "categorie",
    "status": "status",
    "contact": "contactpersoon",
    "organisation": "organisatie",
}


def header_key(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_text.casefold())


def synonyms(kind: str) -> dict[str, tuple[str, ...]]:
    return {**_COMMON, **_BY_KIND[kind]}


def field_for(kind: str, spelling: str) -> str | None:
    """The field a header (or a field name typed by the user) stands for in this kind."""
    key = header_key(spelling)
    for field, spellings in synonyms(kind).items():
        if key == header_key(field) or key in spellings:
            return field
    return None


def map_columns(
    kind: str, headers: tuple[str, ...], explicit: dict[str, str] | None = None
) -> dict[str, str]:
    """Column header -> field for every column graphmap understands; others are left out."""
    if kind not in KINDS:
        raise ValidationError(f"onbekende soort import {kind!r}; kies uit {', '.join(KINDS)}")
    mapping: dict[str, str] = {}
    by_key = {header_key(h): h for h in headers}
    for column, field_name in (explicit or {}).items():
        header = column if column in headers else by_key.get(header_key(column))
        if header is None:
            raise ValidationError(
                f"kolom {column!r} uit de opgegeven koppeling staat niet in het bestand "
                f"(kolommen: {', '.join(headers)})"
            )
        field = field_for(kind, field_name)
        if field is None:
            raise ValidationError(
                f"onbekend veld {field_name!r} voor kolom {column!r}; "
                f"kies uit {', '.join(synonyms(kind))}"
            )
        mapping[header] = field
    taken = set(mapping.values())
    guessed: dict[str, list[str]] = {}
    for header in headers:
        if header in mapping:
            continue
        field = field_for(kind, header)
        if field is not None and field not in taken:
            guessed.setdefault(field, []).append(header)
    for field, columns in guessed.items():
        if len(columns) > 1:
            raise ValidationError(
                f"de kolommen {', '.join(repr(c) for c in columns)} betekenen allebei "
                f"'{FIELD_LABELS[field]}'; geef aan welke kolom welk veld is "
                f"(bv. --map '{columns[1]}={_other_hint(kind, field)}')"
            )
        mapping[columns[0]] = field
    _require(kind, headers, mapping)
    return mapping


def _other_hint(kind: str, field: str) -> str:
    if kind == ORGANISATIONS and field == "name":
        return "contact"
    return "veld"


def _require(kind: str, headers: tuple[str, ...], mapping: dict[str, str]) -> None:
    fields = set(mapping.values())
    missing = []
    if "name" not in fields and not (kind == CONTACTS and fields & {"first_name", "last_name"}):
        missing.append("naam (name)" if kind == ORGANISATIONS else "naam of voornaam/achternaam")
    if kind == CONTACTS and "organisation" not in fields:
        missing.append("organisatie (organisation)")
    if missing:
        raise ValidationError(
            f"verplichte kolom ontbreekt: {', '.join(missing)}. "
            f"Gevonden kolommen: {', '.join(headers) or '(geen)'}. "
            "Geef een koppeling op met --map KOLOM=VELD."
        )


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """`COLUMN=FIELD` pairs as typed on the command line (a column may hold '=' itself)."""
    mapping = {}
    for pair in pairs:
        column, sep, field = pair.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise ValidationError(f"koppeling {pair!r}: schrijf KOLOM=VELD, bv. 'Wie=naam'")
        mapping[column.strip()] = field.strip()
    return mapping
