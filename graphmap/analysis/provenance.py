"""How a fact's source reads for staff: its document (a plan by its title) and section."""

from __future__ import annotations

import re

# A spreadsheet row's section as imports wrote it before they wrote "rij N": shown in Dutch,
# the stored Source left as it is.
_ROW = re.compile(r"row (\d+)")


def label(document: str | None, section: str | None) -> str:
    if not document:
        return ""
    old = _ROW.fullmatch(section or "")
    if old:
        section = f"rij {old.group(1)}"
    return f"{document}, {section}" if section else document
