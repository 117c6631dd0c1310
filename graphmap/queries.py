"""Named Cypher queries: one `cypher/<name>.cypher` file each.

A file starts with a header in comments:

    // name: zone_network
    // params: zone
    // Clusters of a zone with their member organisations.

`params` lists every `$parameter` the query uses (comma-separated, may be empty). A file may
hold several statements separated by `;` (the schema does); they run in order.

Before a query runs, `check` also refuses a null value for a key that a MERGE matches on: Neo4j
aborts the transaction on one, ArcadeDB would create a node without a key.

A few queries are templates over labels and relationship types (backup and restore are
generic over whatever the graph holds, and Cypher takes no label as a parameter): they name
`__PLACEHOLDERS__` that `bind` fills in with validated identifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphmap import limits
from graphmap.errors import QueryError, ValidationError
from graphmap.paths import cypher_dir

_HEADER = re.compile(r"^//\s*(name|params):\s*(.*?)\s*$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_MERGE_NODE = re.compile(r"MERGE\s*\(\s*\w*\s*:\s*(\w+)\s*\{([^}]*)\}")
_MERGE_REL = re.compile(r"MERGE\s*\(\w*\)\s*<?-\[\s*\w*\s*:\s*(\w+)\s*\{([^}]*)\}")
_MERGE_KEY = re.compile(r"(\w+)\s*:\s*(\$\w+|row\.\w+)")
_UNWIND = re.compile(r"UNWIND\s+\$(\w+)\s+AS\s+row\b")
PLACEHOLDER = re.compile(r"__[A-Z_]+__")
# What template placeholders stand for (the linter takes them for labels and types).
PLACEHOLDER_LABELS = ("__LABELS__", "__LABEL__", "__START__", "__END__")
PLACEHOLDER_TYPES = ("__TYPE__",)
PLACEHOLDER_KEYS = ("__KEY__", "__START_KEY__", "__END_KEY__")
# The only text ever placed into a query: a name of a label, relationship type or property
# that the graph itself holds, checked against this pattern and quoted.
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")


def check_identifier(value: str) -> str:
    """`value` if it is a plain identifier, else a ValidationError naming it."""
    if not (isinstance(value, str) and IDENTIFIER.fullmatch(value)):
        raise ValidationError(f"geen geldige naam van label, type of sleutel: {value!r}")
    return value


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    params: frozenset[str]

    @property
    def statements(self) -> tuple[str, ...]:
        parts = (part.strip() for part in _code(self.text).split(";"))
        return tuple(part for part in parts if part)

    @property
    def merge_keys(self) -> tuple[tuple[str, str, str], ...]:
        """(label or type, key, value) of every MERGE: value is `$param` or `row.field`."""
        code = _code(self.text)
        return tuple(
            (label, key, value)
            for label, body in _MERGE_NODE.findall(code) + _MERGE_REL.findall(code)
            for key, value in _MERGE_KEY.findall(body)
        )

    def check(self, given: dict, sized: dict[str, int] | None = None) -> None:
        """Callers pass exactly the declared parameters, and no null key for a MERGE.
        `sized`: the bytes of parameters the caller has counted already (a part of rows)."""
        missing, extra = self.params - given.keys(), given.keys() - self.params
        if missing or extra:
            raise QueryError(
                f"query {self.name!r} takes {sorted(self.params)}; "
                f"missing {sorted(missing)}, unexpected {sorted(extra)}"
            )
        for key, value in given.items():
            # A safety net behind the field limits: a huge value would make the embedded
            # server refuse the Bolt message and leave the request hanging.
            if isinstance(value, str) and len(value) > limits.PARAMETER_CHARS:
                raise ValidationError(
                    f"{self.name}: ${key} is {limits.number(len(value))} characters long; "
                    f"at most {limits.number(limits.PARAMETER_CHARS)}"
                )
        sized = sized or {}
        counted = {key: value for key, value in given.items() if key not in sized}
        if limits.message_bytes(counted) + sum(sized.values()) > limits.MESSAGE_BYTES:
            raise QueryError(
                f"query {self.name!r}: its parameters exceed one message "
                f"({limits.megabytes(limits.MESSAGE_BYTES)}); send long lists with run_rows"
            )
        unwound = _UNWIND.search(_code(self.text))
        for label, key, value in self.merge_keys:
            if value.startswith("$"):
                if given.get(value[1:]) is None:
                    raise ValidationError(f"{self.name}: a {label} without {key} (${value[1:]})")
            elif unwound is not None:
                field = value.removeprefix("row.")
                for number, row in enumerate(given.get(unwound.group(1)) or (), start=1):
                    if row.get(field) is None:
                        raise ValidationError(
                            f"{self.name}: row {number}: a {label} without {key} ({field})"
                        )

    def bind(self, names: dict[str, str]) -> Query:
        """This template with its placeholders replaced by quoted, validated identifiers.

        A value may name several labels as `A:B`. Anything but plain identifiers is refused:
        these names come from a backup file or the graph, and never become query text as is.
        """
        wanted = set(PLACEHOLDER.findall(self.text))
        if wanted != set(names):
            raise QueryError(f"template {self.name!r} takes {sorted(wanted)}, got {sorted(names)}")
        text = self.text
        for placeholder, value in names.items():
            parts = [check_identifier(part) for part in value.split(":")]
            text = text.replace(placeholder, ":".join(f"`{part}`" for part in parts))
        return Query(name=self.name, text=text, params=self.params)


def _code(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))


def parse(path: Path) -> Query:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if match:
            header[match.group(1)] = match.group(2)
    if header.get("name") != path.stem:
        raise QueryError(f"{path}: header '// name: {path.stem}' is missing or differs")
    if "params" not in header:
        raise QueryError(f"{path}: header '// params: …' is missing")
    declared = frozenset(p.strip() for p in header["params"].split(",") if p.strip())
    used = frozenset(_PARAM.findall(_code(text)))
    if declared != used:
        raise QueryError(f"{path}: declares params {sorted(declared)} but uses {sorted(used)}")
    return Query(name=path.stem, text=text.strip(), params=declared)


def load_all(folder: Path | None = None) -> dict[str, Query]:
    folder = folder or cypher_dir()
    return {path.stem: parse(path) for path in sorted(folder.glob("*.cypher"))}


@cache
def _default() -> dict[str, Query]:
    return load_all()


def get(name: str) -> Query:
    try:
        return _default()[name]
    except KeyError:
        raise QueryError(f"no query named {name!r} in {cypher_dir()}") from None
