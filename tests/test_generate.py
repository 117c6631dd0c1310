"""`graphmap generate`: a deterministic synthetic network that `graphmap seed --path` loads."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graphmap.analysis import gaps, stats
from graphmap.cli import cli
from graphmap.errors import ValidationError
from graphmap.generate import Shape, flemish_municipalities, generate
from graphmap.ingest import seed


def _files(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    shape = Shape(zones=2, orgs_per_zone=60, persons_per_zone=40, actions_per_zone=8, seed=3)
    generate(tmp_path / "a", shape)
    generate(tmp_path / "b", shape)
    generate(tmp_path / "c", Shape(**{**shape.__dict__, "seed": 4}))
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_sixty_zones_cover_flanders_once():
    assert len(flemish_municipalities()) == 285


def test_generated_network_loads_and_has_gaps(store, tmp_path):
    shape = Shape(zones=3, orgs_per_zone=80, persons_per_zone=60, actions_per_zone=10)
    totals = generate(tmp_path / "net", shape)
    seed.load(store, tmp_path / "net")
    counts = stats.counts(store)["nodes"]
    assert counts["Zone"] == 3
    assert counts["Action"] == totals["actions"] == 30
    assert counts["Person"] == totals["persons"] == 180
    # The reference organisations (agencies, Pallion …) come on top of the generated ones.
    assert counts["Organisation"] >= totals["organisations"] == 240
    kinds = {g.kind for g in gaps.gaps(store, zone="synth-02")}
    assert {"category", "municipality", "outside"} <= kinds
    names = [z["name"] for z in stats.zone_summary(store)]
    assert all(name.startswith("Synthetische zone") for name in names)


TINY = Shape(zones=1, orgs_per_zone=20, persons_per_zone=2, actions_per_zone=1)


def test_an_earlier_output_is_replaced(tmp_path):
    generate(tmp_path / "net", Shape(zones=2, orgs_per_zone=20, persons_per_zone=2))
    generate(tmp_path / "net", TINY)
    assert sorted(p.name for p in (tmp_path / "net" / "zones").iterdir()) == ["synth-01.yaml"]
    assert "(zones=1, seed=1)" in (tmp_path / "net" / "README.txt").read_text()


def test_a_folder_with_other_files_is_refused_and_left_as_it_is(tmp_path, monkeypatch):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep")
    (mine / "README.txt").write_text("My own project. graphmap generate SYNTHETISCHE GEGEVENS\n")
    monkeypatch.chdir(mine)
    result = CliRunner().invoke(
        cli, ["generate", "--zones", "1", "--orgs-per-zone", "20", "-o", "."]
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: . is niet leeg en bevat geen eerdere uitvoer van graphmap generate (README.txt): "
        "geef een nieuwe of lege map\n"
    )
    assert sorted(p.name for p in mine.iterdir()) == ["README.txt", "notes.txt"]


def test_an_earlier_output_with_a_file_added_is_refused(tmp_path):
    generate(tmp_path / "net", TINY)
    (tmp_path / "net" / "mijn-notities.txt").write_text("keep")
    with pytest.raises(
        ValidationError, match="bevat mijn-notities.txt, dat graphmap generate niet schreef"
    ):
        generate(tmp_path / "net", TINY)
    assert (tmp_path / "net" / "mijn-notities.txt").read_text() == "keep"
    assert (tmp_path / "net" / "zones" / "synth-01.yaml").exists()


def test_a_network_without_contact_persons_is_written(tmp_path):
    # --persons-per-zone 0 is allowed: every action then has no named contact.
    totals = generate(tmp_path / "net", Shape(zones=2, orgs_per_zone=20, persons_per_zone=0))
    assert totals["persons"] == 0 and totals["actions"] == 100
    rows = seed.build_rows(tmp_path / "net")
    assert rows.persons == [] and rows.contacts == []
