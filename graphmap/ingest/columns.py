"""Which spreadsheet column holds which field: guessed from usual Dutch and English headers.

Headers are compared case-, accent-, space- and punctuation-insensitively ("E-mail adres",
"e-mailadres" and "EmailAdres" are the same). An explicit mapping (column -> field) given by
the user overrides the guess for those columns. A field is read from one column: where two
columns would give it (a header written twice, two mapped to one field) the file is refused,
naming both, rather than one of them silently left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from openpyxl.utils import get_column_letter

from graphmap.errors import ColumnError, ValidationError

ORGANISATIONS = "organisations"
CONTACTS = "contacts"
KINDS = (ORGANISATIONS, CONTACTS)

# Field -> header spellings (already in `header_key` form). The same spelling may mean a
# different field per kind: "naam" is the organisation in an organisation list and the
# person in a contact list (but see `_surname`: beside "voornaam" it is a surname).
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
        "vastetelefoon",
        "vastnummer",
        # Outlook's contact export (Dutch, English): a person's work number.
        "telefoonopwerk",
        "businessphone",
    ),
    # A list may give both: a person or organisation keeps one number (see _Row).
    "mobile": (
        "gsm",
        "gsmnummer",
        "gsmnr",
        "mobiel",
        "mobielnummer",
        "mobile",
        "cellphone",
        "mobieletelefoon",
        "mobilephone",
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
        # Only the place is read of it (see normalise.address_place): the register keeps no
        # street. Not of a contact list: a person's address is theirs.
        "address": (
            "adres",
            "address",
            "postadres",
            "bezoekadres",
            "vestigingsadres",
            "adresgegevens",
            "volledigadres",
        ),
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
            # Outlook's contact export names a person's organisation so (Dutch, English).
            "bedrijf",
            "company",
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
    "mobile": "gsm",
    "function": "functie",
    "website": "website",
    "first_name": "voornaam",
    "last_name": "achternaam",
    "cluster": "cluster",
    "category": "categorie",
    "status": "status",
    "contact": "contactpersoon",
    "address": "adres",
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
    """Column header -> field for every column graphmap understands; others are left out.

    Each field comes from one column: two columns that mean the same field (also one header
    written twice, or two columns mapped to one field) are refused, naming both.
    """
    if kind not in KINDS:
        raise ValidationError(f"onbekende soort import {kind!r}; kies uit {', '.join(KINDS)}")
    mapping = _explicit(kind, headers, explicit or {})
    _refuse_repeated(kind, headers, mapping)
    taken = set(mapping.values())
    guessed: dict[str, list[str]] = {}
    for header in headers:
        if header in mapping:
            continue
        field = field_for(kind, header)
        if field is not None and field not in taken:
            guessed.setdefault(field, []).append(header)
    _surname(kind, guessed, taken)
    for field, columns in guessed.items():
        if len(columns) > 1:
            raise ColumnError(
                f"de kolommen {', '.join(repr(c) for c in columns)} betekenen allebei "
                f"'{FIELD_LABELS[field]}'",
                "geef aan welke kolom welk veld is "
                f"(bv. --map '{columns[1]}={_other_hint(kind, field)}')",
                fields=(field,),
                doubled=True,
            )
        mapping[columns[0]] = field
    _require(kind, headers, mapping)
    return {header: mapping[header] for header in headers if header in mapping}


def names_required(
    kind: str, headers: tuple[str, ...], explicit: dict[str, str] | None = None
) -> bool:
    """Whether a row's cells can be the header of a list of `kind`: the required fields are
    named (also twice: that header is refused by `map_columns`, naming both columns) and
    the columns of the user's mapping are among them. A title above the header is not."""
    try:
        map_columns(kind, headers, explicit)
    except ColumnError as error:
        return error.doubled
    except ValidationError:
        return False
    return True


def header_fit(
    kind: str, headers: tuple[str, ...], explicit: dict[str, str] | None = None
) -> tuple[bool, int]:
    """Whether a row's cells can be the header of a list of `kind` (`names_required`), and
    how many of them name a column graphmap knows: a title or a date row names none, the
    header most often several (see `tables.read_table`)."""
    return names_required(kind, headers, explicit), known(kind, headers, explicit)


def known(kind: str, headers: tuple[str, ...], explicit: dict[str, str] | None = None) -> int:
    """How many of `headers` name a field of `kind`, or a column of the user's mapping."""
    mapped = {header_key(column) for column in explicit or {}}
    return sum(
        1 for h in headers if h and (field_for(kind, h) is not None or header_key(h) in mapped)
    )


def ignored(headers: tuple[str, ...], mapping: dict[str, str]) -> list[str]:
    """The columns no field is read from, in the file's order."""
    return [header for header in headers if header not in mapping]


def field_names(kind: str) -> list[str]:
    """The fields of a kind of import as a user may write them in a mapping (Dutch)."""
    return [FIELD_LABELS[field] for field in synonyms(kind)]


def _explicit(kind: str, headers: tuple[str, ...], explicit: dict[str, str]) -> dict[str, str]:
    """The user's mapping, checked: every column in the file, every field known, and each
    column and field named once."""
    mapping: dict[str, str] = {}
    by_key = {header_key(h): h for h in headers}
    column_of: dict[str, str] = {}  # field -> the column mapped to it
    for column, field_name in explicit.items():
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
        if header in mapping:
            raise ValidationError(
                f"kolom {header!r} staat twee keer in de koppeling "
                f"('{FIELD_LABELS[mapping[header]]}' en '{FIELD_LABELS[field]}'); kies één veld"
            )
        if field in column_of:
            raise ValidationError(
                f"de koppeling geeft de kolommen {column_of[field]!r} en {header!r} allebei "
                f"het veld '{FIELD_LABELS[field]}'; een veld komt uit één kolom"
            )
        mapping[header] = field
        column_of[field] = header
    return mapping


def _refuse_repeated(kind: str, headers: tuple[str, ...], mapping: dict[str, str]) -> None:
    """A header written twice is refused when it means a field: which column holds it is
    not for graphmap to guess. The file reader names the second one 'E-mail (2)'."""
    taken = set(mapping.values())
    for position, header in enumerate(headers):
        field = field_for(kind, header)
        if field is None or field in taken or header in mapping:
            continue
        repeats = [
            (i, h) for i, h in enumerate(headers) if _REPEATED.fullmatch(h) and _base(h) == header
        ]
        if not repeats or any(h in mapping for _, h in repeats):
            continue
        where = [position] + [i for i, _ in repeats]
        raise ColumnError(
            f"de kolomtitel {header!r} staat {len(where)} keer in het bestand: "
            f"{_positions(where)}, en elke kolom betekent '{FIELD_LABELS[field]}'",
            "geef de kolommen een eigen titel, of zeg welke kolom welk veld is "
            f"(bv. --map '{repeats[0][1]}={_other_hint(kind, field)}')",
            fields=(field,),
            doubled=True,
        )


_REPEATED = re.compile(r"(.+) \((\d+)\)")


def _base(header: str) -> str:
    return _REPEATED.fullmatch(header).group(1)


def _positions(indexes: list[int]) -> str:
    """Columns by their letters in a spreadsheet program and their numbers: 'kolom C en D
    (de 3e en 4e kolom)'."""
    letters = [get_column_letter(i + 1) for i in indexes]
    numbers = [f"{i + 1}e" for i in indexes]
    return f"kolom {_and(letters)} (de {_and(numbers)} kolom)"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def _surname(kind: str, guessed: dict[str, list[str]], taken: set[str]) -> None:
    """ "Voornaam; Naam" is a first name and a surname: beside a first name, and with no
    surname column, a column headed "naam" is the surname. In a contact list always; in an
    organisation list only when another column names the organisation ("Organisatie;
    Voornaam; Naam"), as "naam" alone is the organisation there."""
    fields = taken | set(guessed)
    if "first_name" not in fields or "last_name" in fields:
        return
    names = guessed.get("name", [])
    plain = [h for h in names if header_key(h) in _SURNAME_WHEN_FIRST_NAME]
    if len(plain) != 1 or (kind == ORGANISATIONS and len(names) == 1):
        return
    names.remove(plain[0])
    if not names:
        del guessed["name"]
    guessed["last_name"] = plain


_SURNAME_WHEN_FIRST_NAME = frozenset({"naam", "name"})


def _other_hint(kind: str, field: str) -> str:
    if kind == ORGANISATIONS and field == "name":
        return "contact"
    return "veld"


def _require(kind: str, headers: tuple[str, ...], mapping: dict[str, str]) -> None:
    fields = set(mapping.values())
    missing, wanted = [], []
    if "name" not in fields and not (kind == CONTACTS and fields & {"first_name", "last_name"}):
        missing.append("naam (name)" if kind == ORGANISATIONS else "naam of voornaam/achternaam")
        wanted.append("name")
    if kind == CONTACTS and "organisation" not in fields:
        missing.append("organisatie (organisation)")
        wanted.append("organisation")
    if missing:
        raise ColumnError(
            f"verplichte kolom ontbreekt: {', '.join(missing)}. "
            f"Gevonden kolommen: {', '.join(headers) or '(geen)'}.",
            "Geef een koppeling op met --map KOLOM=VELD.",
            fields=tuple(wanted),
            doubled=False,
            joiner=" ",
        )


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """`COLUMN=FIELD` pairs as typed on the command line (a column may hold '=' itself)."""
    mapping = {}
    for pair in pairs:
        column, sep, field = pair.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise ValidationError(f"koppeling {pair!r}: schrijf KOLOM=VELD, bv. 'Wie=naam'")
        column, field = column.strip(), field.strip()
        if column in mapping and mapping[column] != field:
            raise ValidationError(
                f"kolom {column!r} staat twee keer in de koppeling "
                f"({mapping[column]!r} en {field!r}); kies één veld"
            )
        mapping[column] = field
    return mapping
