"""A plan reads the same however its text was exported: paged with a running header and
footer, every line indented by a page's margin (pdftotext -layout), with Windows line ends or
encoding, Word's Symbol bullets or dashes, non-breaking spaces, ligatures, soft hyphens,
Markdown headings, more blank lines. Each plan of the test corpus (and the real plans in
../shared/seeds, where they are), changed so, must give the goals, actions, leads, partners
and municipalities it gives as it is."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from graphmap.ingest import plan

ROOT = Path(__file__).resolve().parent
PLANS = sorted((ROOT / "data" / "plans").glob("*.txt"))
SEEDS = sorted((ROOT.parent.parent / "shared" / "seeds").glob("0*.txt"))


def _paged(text: str, every: int = 45) -> str:
    lines = text.split("\n")
    count = len(lines) // every + 1
    return "\f".join(
        "Jaarplan 2026 – versie van 12 maart\n\n"
        + "\n".join(lines[at : at + every])
        + f"\n\nPagina {at // every + 1} van {count}\n"
        for at in range(0, len(lines), every)
    )


_LINES = re.M | re.I

CHANGES: dict[str, tuple[Callable[[str], str], str]] = {
    "paged": (_paged, "utf-8"),
    "paged without form feeds": (lambda t: _paged(t).replace("\f", "\n"), "utf-8"),
    "a margin of two spaces": (lambda t: re.sub(r"^(?=.)", "  ", t, flags=re.M), "utf-8"),
    "a margin of six spaces": (lambda t: re.sub(r"^(?=.)", " " * 6, t, flags=re.M), "utf-8"),
    "windows line ends": (lambda t: t.replace("\n", "\r\n"), "utf-8"),
    "windows-1252": (lambda t: t, "cp1252"),
    "symbol bullets": (lambda t: re.sub(r"^(\s*)•", "\\1\uf0b7", t, flags=re.M), "utf-8"),
    "dashes for bullets": (lambda t: re.sub(r"^(\s*)•", "\\1-", t, flags=re.M), "utf-8"),
    "non-breaking spaces": (lambda t: t.replace(": ", ":\u00a0"), "utf-8"),
    "ligatures": (lambda t: t.replace("fi", "ﬁ").replace("fl", "ﬂ"), "utf-8"),
    "soft hyphens": (lambda t: t.replace("samenwerking", "samen\u00adwerking"), "utf-8"),
    "no trailing spaces": (lambda t: re.sub(r"[ \t]+$", "", t, flags=re.M), "utf-8"),
    "trailing spaces": (lambda t: re.sub(r"$", "  ", t, flags=re.M), "utf-8"),
    "doubled blank lines": (lambda t: re.sub(r"\n\s*\n", "\n\n\n", t), "utf-8"),
    "markdown headings": (
        lambda t: re.sub(
            r"^((?:strategische|operationele) doelstelling)", r"## \1", t, flags=re.M | re.I
        ),
        "utf-8",
    ),
}


def _read(path: Path) -> dict:
    preview = plan.read_plan(path, "proefzone")
    return {
        "goals": [(g.number, g.title) for g in preview.strategic_goals + preview.operational_goals],
        "actions": [
            (a.id_code, a.title, a.lead, a.lead_self, sorted(a.partners)) for a in preview.actions
        ],
        "organisations": sorted(preview.organisations),
        "municipalities": sorted(preview.municipalities),
    }


@pytest.mark.parametrize(
    "source",
    [*PLANS, *SEEDS] or [pytest.param(None, marks=pytest.mark.skip("no plans"))],
    ids=lambda p: p.name if p else "none",
)
def test_a_plan_reads_the_same_however_its_text_was_exported(source, tmp_path):
    text = source.read_text(encoding="utf-8")
    as_it_is = _read(source)
    assert as_it_is["actions"], "a plan the reader finds no action in proves nothing here"
    for name, (change, encoding) in CHANGES.items():
        try:
            data = change(text).encode(encoding)
        except UnicodeEncodeError:
            continue  # a character Windows-1252 has not: no such file was ever saved
        path = tmp_path / f"{name.replace(' ', '-')}.txt"
        path.write_bytes(data)
        assert _read(path) == as_it_is, name


def test_a_list_after_actions_and_its_first_item_on_one_line_keeps_its_items_at_a_margin():
    """Before: in a text whose every line stood two spaces in (a page's margin), the items
    after "Acties - Versterken …" read as sub-items of that first one, taken to stand at
    the margin's left: 14 actions of a real plan were lost."""
    text = (
        "Strategische doelstelling 1: Samen\n"
        "Operationele doelstelling 1.4 Bekendmaking\n"
        "Acties - Versterken van de rol van leden van ELZ Maasland.\n"
        "- Meer zichtbaar maken van de acties van ELZ Maasland voor partners.\n"
        "- Incentive voorzien voor projecten van andere partners.\n"
    )
    for margin in ("", "  "):
        lines = [margin + line for line in text.splitlines()]
        preview = plan.parse_lines(lines, "proefzone", "plan.txt")
        assert [a.id_code for a in preview.actions] == ["1.4-a", "1.4-b", "1.4-c"], margin
