"""The curated seed data in the real store, checked against counts taken from the plans."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from graphmap.analysis import stats
from graphmap.errors import ValidationError
from graphmap.ingest import municipalities, seed
from graphmap.paths import seed_dir

# Counted by hand from shared/seeds/*.txt (Noord-Limburg: the 2025 action plan).
PLANS = {
    "maasland": {"municipalities": 5, "strategic_goals": 5, "operational_goals": 14, "actions": 36},
    "kemp-en-duin": {
        "municipalities": 5,
        "strategic_goals": 5,
        "operational_goals": 20,
        "actions": 54,
    },
    "noord-limburg": {
        "municipalities": 6,
        "strategic_goals": 5,
        "operational_goals": 11,
        "actions": 12,
    },
    "kempenland": {
        "municipalities": 10,
        "strategic_goals": 6,
        "operational_goals": 6,
        "actions": 13,
    },
}


def test_seeding_twice_gives_identical_counts(store):
    seed.load(store)
    first = stats.counts(store)
    seed.load(store)
    assert stats.counts(store) == first
    assert first["nodes"]["Zone"] == 4
    assert first["nodes"]["Cluster"] == 16
    assert first["relationships"]["HAS_CLUSTER"] == 16


def test_each_zone_holds_its_plan(seeded):
    summary = {
        row["zone"]: {k: row[k] for k in PLANS["maasland"]} for row in stats.zone_summary(seeded)
    }
    assert summary == PLANS


def test_municipalities_come_with_current_nis_codes(seeded):
    assert municipalities.resolve("Genk").nis == "71016"
    assert municipalities.resolve("Lommel").nis == "72020"
    assert municipalities.resolve("dilsen stokkem").name == "Dilsen-Stokkem"
    assert municipalities.resolve("Tongeren-Borgloon").nis == "73111"  # a 2025 merger
    assert stats.counts(seeded)["nodes"]["Municipality"] == sum(
        p["municipalities"] for p in PLANS.values()
    )


def test_unknown_municipality_is_refused_by_name():
    with pytest.raises(ValidationError, match="'Atlantis'"):
        municipalities.resolve("Atlantis")


def test_every_goal_action_and_organisation_has_a_source(seeded):
    rows = seed.build_rows()
    assert all(row["source"] for row in rows.goals + rows.actions + rows.leads + rows.partners)
    assert all(row["source"] for row in rows.organisations.values())
    assert all(row["source"] for row in rows.covers + rows.expectations)


def test_noord_limburg_municipalities_cite_the_press_not_the_plan():
    rows = seed.build_rows()
    sources = {row["source"] for row in rows.covers if row["nis"] in {"72020", "72043"}}
    assert len(sources) == 1 and sources.pop().startswith("Het Belang van Limburg")


def test_demo_contacts_are_fictitious():
    for person in seed.build_rows().persons:
        assert person["demo"] is True
        assert person["email"].endswith("@example.org")
        assert "(demo)" in person["name"]


def _copy_seed(tmp_path: Path) -> Path:
    folder = tmp_path / "seed"
    shutil.copytree(seed_dir(), folder)
    return folder


def test_bad_seed_file_names_file_field_and_value_and_writes_nothing(store, tmp_path):
    folder = _copy_seed(tmp_path)
    path = folder / "zones" / "maasland.yaml"
    data = yaml.safe_load(path.read_text())
    data["organisations"][0]["category"] = "geen-categorie"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(ValidationError, match="maasland.yaml.*'geen-categorie'"):
        seed.load(store, folder)
    assert store.read("stats_nodes") == []


def test_wrong_field_type_is_reported_with_its_path(tmp_path):
    folder = _copy_seed(tmp_path)
    path = folder / "zones" / "kempenland.yaml"
    data = yaml.safe_load(path.read_text())
    data["memberships"] = [
        {"organisation": "pallion", "cluster": "zorg", "status": "lid", "source": "1"}
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(ValidationError, match=r"kempenland.yaml: memberships.0.status.*'lid'"):
        seed.build_rows(folder)
