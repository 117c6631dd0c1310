"""A new zone starts from its plan, or from `graphmap zone add`: municipalities, clusters,
the reference expectations and its own targets, so that its gap report has an answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap import audit
from graphmap.analysis.gaps import gaps
from graphmap.cli import cli
from graphmap.errors import ValidationError
from graphmap.ingest import plan, zones
from graphmap.ingest.municipalities import resolve
from graphmap.ingest.seed import read_reference
from graphmap.names import organisations as every_organisation
from graphmap.paths import seed_dir

PLANS = Path(__file__).resolve().parent / "data" / "plans"
CLUSTERS = {"zorg", "welzijn", "pzon", "lokale_besturen"}


def _covers(store, zone):
    """In a new zone no municipality is represented yet: its municipality gaps are exactly
    the municipalities it covers."""
    return {
        r["nis"] for r in store.read("gaps_municipalities", zones=[zone], cluster="lokale_besturen")
    }


def _reference_count() -> int:
    return sum(len(e.categories) for e in read_reference(seed_dir()).expectations)


def test_a_plan_for_a_new_zone_creates_it_whole(seeded):
    preview = plan.preview_plan(seeded, PLANS / "elz-jekervallei.pdf", "jekervallei")
    assert preview.new_zone and preview.zone_name == "ELZ Jekervallei"
    leaving = [m for m in preview.municipality_matches if m.leaving]
    assert [m.name for m in leaving] == ["Voeren"] and "verlaat" in leaving[0].leaving_evidence
    written = plan.apply_plan(seeded, preview, "jekervallei")
    assert written["municipalities"] == 5 and written["clusters"] == 4
    assert written["expectations"] == _reference_count() + 2  # the frame and two targets

    [zone] = [z for z in seeded.read("zones") if z["id"] == "jekervallei"]
    assert zone["name"] == "ELZ Jekervallei"
    # Borgloon and Tongeren are one municipality since 2025: current NIS codes only.
    assert _covers(seeded, "jekervallei") == {
        resolve(n).nis for n in ("Riemst", "Tongeren-Borgloon", "Herstappe", "Voeren")
    } | {resolve("Bilzen-Hoeselt").nis}
    found = gaps(seeded, zone="jekervallei", kinds=["category", "target", "municipality"])
    assert {g.cluster for g in found if g.kind == "category"} == CLUSTERS
    for gap in found:
        assert gap.reason and gap.source
    targets = {(g.cluster, g.subject): g for g in found if g.kind == "target"}
    assert set(targets) == {("zorg", "kinesitherapeutenkring"), ("zorg", "dietisten")}
    target = targets[("zorg", "dietisten")]
    assert "nog niet vertegenwoordigd" in target.reason
    assert target.source.startswith("Meerjarenplan 2026-2031")  # the plan's title
    # the zone's own zorgraad leads action 2.1.1
    tree = seeded.read("plan_tree", zone="jekervallei")
    [row] = [r for r in tree if r["code"] == "2.1.1"]
    assert row["leads"] == [{"id": "elz-jekervallei", "name": "ELZ Jekervallei", "scope": None}]

    # Applying the same preview again changes nothing (but is recorded as done, once).
    def graph():  # but for the audit: its entries, and their links to the zone's log
        nodes = [r for r in seeded.read("stats_nodes") if r["label"] != "AuditEntry"]
        links = [r for r in seeded.read("stats_relationships") if r["type"] != "IN_LOG"]
        return nodes, links

    before, entries = graph(), len(audit.entries(seeded))
    plan.apply_plan(seeded, preview, "jekervallei")
    assert graph() == before
    [again] = audit.entries(seeded)[: len(audit.entries(seeded)) - entries]
    assert again["action"] == "plan.import"


def test_unticked_proposals_are_not_written(seeded):
    preview = plan.preview_plan(seeded, PLANS / "elz-zuiderkempen.txt", "zuiderkempen")
    assert "Heusden-Zolder" in preview.municipalities
    chosen = plan.without(
        preview,
        organisations=["OKRA"],
        municipalities=["Heusden-Zolder"],
        targets=["zorg/apothekersvereniging"],
        actions=["2.2-a"],
    )
    plan.apply_plan(seeded, chosen, "zuiderkempen")
    assert resolve("Heusden-Zolder").nis not in _covers(seeded, "zuiderkempen")
    assert len(_covers(seeded, "zuiderkempen")) == 3
    ids = {r["id"] for r in every_organisation(seeded)}
    assert not any("okra" in i for i in ids)
    assert "zuiderkempen-welzijnsschakel-beringen" in ids
    found = gaps(seeded, zone="zuiderkempen", kinds=["target"])
    assert found == []
    codes = {r["code"] for r in seeded.read("plan_tree", zone="zuiderkempen")}
    assert "2.2-a" not in codes and "1.1-a" in codes
    # the preview as it was is untouched: the choice is a copy
    assert "OKRA" in [m.name for m in preview.organisation_matches]


def test_skip_on_the_command_line_names_what_it_does_not_know(seeded):
    preview = plan.preview_plan(seeded, PLANS / "elz-zuiderkempen.txt", "zuiderkempen")
    kept = plan.skip(preview, ["OKRA", "Heusden-Zolder", "apothekersvereniging", "1.1-a"])
    assert "Heusden-Zolder" not in kept.municipalities and not kept.targets
    with pytest.raises(ValidationError, match="'Nergenshuis'"):
        plan.skip(preview, ["Nergenshuis"])


def test_zone_add_without_a_plan(seeded):
    written = zones.add_zone(
        seeded, "haspengouw", "ELZ Haspengouw", ["Sint-Truiden", "Borgloon", "Tongeren"]
    )
    assert written == {"municipalities": 2, "clusters": 4, "expectations": _reference_count(),
                       "targets": 0, "name": "ELZ Haspengouw", "warnings": []}  # fmt: skip
    assert _covers(seeded, "haspengouw") == {resolve("Sint-Truiden").nis, "73111"}
    found = gaps(seeded, zone="haspengouw", kinds=["category"])
    assert {g.cluster for g in found} == CLUSTERS
    with pytest.raises(ValidationError, match="bestaat al"):
        zones.add_zone(seeded, "haspengouw", "ELZ Haspengouw", ["Sint-Truiden"])


def test_zone_add_knows_the_municipalities_merged_in_2019():
    rows = zones.municipality_rows(["Neerpelt", "Overpelt", "Opglabbeek", "Puurs"], "bron")
    assert [r["nis"] for r in rows] == [
        resolve(n).nis for n in ("Pelt", "Oudsbergen", "Puurs-Sint-Amands")
    ]


@pytest.mark.parametrize(
    ("zone", "name", "places", "message"),
    [
        ("Haspengouw!", "ELZ H", ["Riemst"], "kleine letters"),
        ("h", "", ["Riemst"], "naam"),
        ("h", "ELZ H", [], "minstens één gemeente"),
        ("h", "ELZ H", ["Riemst", "Atlantis"], "'Atlantis'"),
        ("h" * 201, "ELZ H", ["Riemst"], r"^zone-id: te lang: 201 tekens, hoogstens 200$"),
        ("h", "E" * 3000, ["Riemst"], r"^naam van de zone: te lang: 3.000 tekens, hoogstens 200$"),
        ("h", "ELZ H", ["R" * 201], r"^gemeente: te lang: 201 tekens, hoogstens 200$"),
        ("h", "\a\x1b", ["Riemst"], "geef de naam"),
    ],
)
def test_zone_add_refuses_bad_input_and_writes_nothing(store, zone, name, places, message):
    with pytest.raises(ValidationError, match=message):
        zones.add_zone(store, zone, name, places)
    assert store.read("stats_nodes") == []


def test_zone_add_removes_control_characters_from_the_name(store):
    written = zones.add_zone(store, "h", "ELZ\a Hasp\x1b[31mengouw", ["Riemst"])
    assert written["name"] == "ELZ Hasp[31mengouw"
    assert {r["id"]: r["name"] for r in store.read("zones")} == {"h": "ELZ Hasp[31mengouw"}


def test_zone_add_warns_of_a_municipality_another_zone_covers(seeded, embedded_env):
    result = CliRunner().invoke(
        cli, ["zone", "add", "maasrand", "--name", "ELZ Maasrand", "-m", "Maaseik", "-m", "Riemst"]
    )
    assert result.exit_code == 0, result.output
    assert "let op: gemeente Maaseik hoort al bij zone ELZ Maasland (maasland)" in result.output
    assert "Riemst hoort" not in result.output
    assert resolve("Maaseik").nis in _covers(seeded, "maasrand"), "a warning, not a refusal"


def test_zone_add_on_the_command_line(seeded, embedded_env):
    result = CliRunner().invoke(
        cli,
        ["zone", "add", "zuidrand", "--name", "ELZ Zuidrand", "--municipality", "Riemst",
         "--municipality", "Hoeselt", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["municipalities"] == 2
    again = CliRunner().invoke(
        cli, ["zone", "add", "zuidrand", "--name", "X", "--municipality", "Riemst"]
    )
    assert again.exit_code == 1 and "bestaat al" in again.output
    one = CliRunner().invoke(
        cli, ["zone", "add", "westrand", "--name", "ELZ Westrand", "--municipality", "Bilzen"]
    )
    assert one.exit_code == 0, one.output
    assert "zone westrand (ELZ Westrand): 1 gemeente, 4 clusters" in one.output


def test_a_new_zones_id_is_taken_case_aside_as_every_zone_is(seeded, embedded_env, tmp_path):
    """`--zone Maasland` is maasland everywhere; a zone that does not exist yet, given so to
    `import plan` or `zone add`, is made under its id in lower case, not refused."""
    text = tmp_path / "plan.md"
    text.write_text(
        "# ELZ Jekervallei – Jaarplan 2026\n\nELZ Jekervallei bestaat uit Riemst en Voeren.\n\n"
        "## Strategische doelstelling 1: Zorg dichtbij\n\n"
        "### Operationele doelstelling 1.1: Een huisarts voor iedereen\n\n"
        "#### Actie 1.1.1: Aanmeldpunt\nTrekker: CAW Limburg\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["import", "plan", str(text), "--zone", "Jekervallei", "--yes", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["zone"] == "jekervallei"
    added = CliRunner().invoke(
        cli, ["zone", "add", "Westrand", "--name", "ELZ Westrand", "-m", "Bilzen"]
    )
    assert added.exit_code == 0, added.output
    assert {z["id"] for z in seeded.read("zones")} >= {"jekervallei", "westrand"}
