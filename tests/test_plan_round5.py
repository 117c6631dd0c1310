"""Plans of zones the importer was not built on, fifth round, in the text a PDF extractor
gives (a blank line after every line): a zone that says where it works by its name, an
action table flattened one cell a line, a summary table of the goals at the plan's end,
and leads and partners named only in an action's running text."""

from __future__ import annotations

from graphmap.ingest import plan
from graphmap.ingest.documents import read_lines


def _extracted(text: str) -> str:
    """The text as the seeds' extractor writes it: a space and a blank line after every line."""
    return "".join(f"{line.rstrip()} \n\n" for line in text.splitlines())


def _read(tmp_path, text: str) -> plan.PlanPreview:
    path = tmp_path / "plan.txt"
    path.write_text(_extracted(text), encoding="utf-8")
    return plan.parse_lines(read_lines(path), "testzone", path.name)


def _actions(preview: plan.PlanPreview) -> dict[str, plan.ActionOut]:
    return {a.id_code: a for a in preview.actions}


NAMED_ZONE = """ELZ Voorkempen
Actieplan 2025
Inleiding
ELZ Voorkempen verbindt zorg en welzijn in Brecht, Malle, Schilde, Wijnegem, Zandhoven en
Zoersel. Dit actieplan is goedgekeurd door het bestuursorgaan.
SD 1 Sterke samenwerking
OD 1.1 Zorgverleners ontmoeten elkaar
Actie 1.1.1 Netwerkmoment
Trekker: Wit-Gele Kruis Antwerpen
"""


def test_a_zone_that_says_by_its_name_where_it_works_has_those_municipalities(tmp_path):
    preview = _read(tmp_path, NAMED_ZONE)
    assert preview.municipalities == [
        "Brecht",
        "Malle",
        "Schilde",
        "Wijnegem",
        "Zandhoven",
        "Zoersel",
    ]
