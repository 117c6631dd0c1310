"""Named Cypher queries: one `cypher/<name>.cypher` file each.

A file starts with a header in comments:

    // name: zone_network
    // params: zone
    // Clusters of a zone with their member organisations.

`params` lists every `$parameter` the query uses (comma-separated, may be empty). A file may
hold several statements separated by `;` (the schema does); they run in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphmap.errors import QueryError
from graphmap.paths import cypher_dir

_HEADER = re.compile(r"^//\s*(name|params):\s*(.*?)\s*$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    params: frozenset[str]

    @property
    def statements(self) -> tuple[str, ...]:
        parts = (part.strip() for part in _code(self.text).split(";"))
        return tuple(part for part in parts if part)

    def check(self, given: dict) -> None:
        """Callers pass exactly the declared parameters: no more, no fewer."""
        missing, extra = self.params - given.keys(), given.keys() - self.params
        if missing or extra:
            raise QueryError(
                f"query {self.name!r} takes {sorted(self.params)}; "
                f"missing {sorted(missing)}, unexpected {sorted(extra)}"
            )


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
