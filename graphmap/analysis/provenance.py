"""How a fact's source reads for staff: its document (a plan by its title) and section."""

from __future__ import annotations


def label(document: str | None, section: str | None) -> str:
    if not document:
        return ""
    return f"{document}, {section}" if section else document
