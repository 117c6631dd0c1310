"""The CLI, in-process, against the session's embedded server (which it joins)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from graphmap.cli import cli


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result


def test_seed_then_stats_json(store, embedded_env):
    assert run("seed").exit_code == 0
    result = run("stats", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["nodes"]["Zone"] == 4
    assert data["nodes"]["Cluster"] == 16
    assert data["relationships"]["HAS_CLUSTER"] == 16
    assert data["nodes"]["Municipality"] == 26
    assert {z["zone"]: z["actions"] for z in data["zones"]} == {
        "kemp-en-duin": 54,
        "kempenland": 13,
        "maasland": 36,
        "noord-limburg": 12,
    }


def test_seed_twice_same_counts(store, embedded_env):
    run("seed")
    first = run("stats", "--format", "json").output
    run("seed")
    assert run("stats", "--format", "json").output == first


def test_stats_table(seeded, embedded_env):
    result = run("stats")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.split() == ["Zone", "4"] for line in lines)
    assert any(line.split() == ["maasland", "5", "5", "14", "36"] for line in lines)


def test_seed_reset_empties_first(seeded, embedded_env):
    from graphmap import register

    register.add_organisations(
        seeded,
        [{"id": "tijdelijk", "name": "Tijdelijk", "category": "caw", "kbo": None, "website": None}],
    )
    assert run("seed", "--reset").exit_code == 0
    assert seeded.read("organisation_ids", ids=["tijdelijk"]) == []


def test_unreachable_server_is_one_clear_line(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    result = run("stats")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith("Error: bolt://127.0.0.1:9: the graph database is unreachable")
    assert "Traceback" not in result.output


def test_missing_password_is_a_configuration_error(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    result = run("stats")
    assert result.exit_code == 1
    assert "NEO4J_PASSWORD" in result.output


def test_gaps_table_is_grouped_by_zone_and_cluster(seeded, embedded_env):
    result = run("gaps", "--zone", "maasland")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "ELZ Maasland"
    assert "  Welzijn" in lines
    assert any("doel van de zone: Palliatief netwerk" in line for line in lines)
    assert lines[-1].endswith("hiaten")


def test_gaps_json_csv_and_xlsx(seeded, embedded_env, tmp_path):
    import openpyxl

    data = json.loads(
        run("gaps", "--zone", "maasland", "--cluster", "welzijn", "--format", "json").output
    )
    assert {g["cluster"] for g in data} == {"welzijn"}
    assert {"zone", "cluster", "missing", "status", "reason", "source"} <= set(data[0])
    csv_out = run("gaps", "--zone", "maasland", "--format", "csv").output
    assert csv_out.splitlines()[0] == "Zone;Cluster;Soort;Wat ontbreekt;Status;Waarom verwacht;Bron"
    target = tmp_path / "hiaten.xlsx"
    assert run("gaps", "--format", "xlsx", "-o", str(target)).exit_code == 0
    assert openpyxl.load_workbook(target)["Hiaten"].max_row > 100


def test_status_command_moves_a_gap(seeded, embedded_env):
    assert (
        run(
            "status", "pallion", "contacted", "--zone", "maasland", "--cluster", "welzijn"
        ).exit_code
        == 0
    )
    data = json.loads(run("gaps", "--zone", "maasland", "--format", "json").output)
    [gap] = [g for g in data if g["subject"] == "palliatief-netwerk"]
    assert gap["status"] == "in progress"
    result = run("status", "pallion", "lid", "--zone", "maasland", "--cluster", "welzijn")
    assert result.exit_code == 0 and result.output == "pallion in maasland/welzijn: member\n"
    result = run("status", "pallion", "lidd", "--zone", "maasland", "--cluster", "welzijn")
    assert result.exit_code == 1 and "onbekende status 'lidd'" in result.output
    result = run("status", "pallion", "lid", "--zone", "nergens", "--cluster", "welzijn")
    assert result.output == "Error: status niet vastgelegd: er is geen zone 'nergens'\n"


def test_a_back_dated_status_corrects_the_day_of_the_same_status(seeded, embedded_env):
    """The reviewer's steps: contacted a month ago, member today, then member on an earlier
    day. No "lid -> lid" anywhere; the audit keeps what each command recorded."""
    today = date.today()
    first, corrected = (today - timedelta(days=n) for n in (35, 21))
    where = ("--zone", "maasland", "--cluster", "welzijn")
    run("status", "pallion", "gecontacteerd", *where, "--on", first.isoformat())
    run("status", "pallion", "lid", *where)
    result = run("status", "pallion", "lid", *where, "--on", corrected.isoformat())
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"pallion in maasland/welzijn: member\nreplaces the change to member of {today}\n"
    )
    history = run("history", "--zone", "maasland", "--organisation", "pallion").output
    assert "lid -> lid" not in history
    assert f"{corrected}  maasland  welzijn  pallion      gecontacteerd -> lid" in history
    logged = json.loads(run("audit", "--action", "engagement", "--format", "json").output)
    assert [(e["before"], e["after"]) for e in logged] == [
        ({"status": "gecontacteerd"}, {"status": "lid", "op": corrected.isoformat()}),
        ({"status": "gecontacteerd"}, {"status": "lid", "op": today.isoformat()}),
        ({"status": "nieuw"}, {"status": "gecontacteerd", "op": first.isoformat()}),
    ]


def test_actions_lists_ids(seeded, embedded_env):
    data = json.loads(run("actions", "--zone", "noord-limburg", "--format", "json").output)
    assert [a["id"] for a in data][:2] == ["noord-limburg/1.1.1", "noord-limburg/1.2.1"]
    assert len(data) == 12


UNSEEN_PLAN = Path(__file__).resolve().parent / "data" / "unseen_plan.txt"


def test_import_plan_dry_run_on_a_plan_it_has_never_seen(store, embedded_env):
    result = run(
        "import", "plan", str(UNSEEN_PLAN), "--zone", "testzone", "--dry-run", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    preview = json.loads(result.output)
    assert [g["number"] for g in preview["strategic_goals"]] == ["1", "2"]
    assert [g["number"] for g in preview["operational_goals"]] == ["1.1", "1.2", "2.1"]
    assert [a["id_code"] for a in preview["actions"]] == ["1.1-a", "1.1-b", "1.2.1", "2.1.1"]
    assert preview["actions"][2]["lead"] == "Samana"
    assert preview["actions"][3]["partners"] == ["Jessa Ziekenhuis", "Wit-Gele Kruis Limburg"]
    assert store.read("stats_nodes") == []  # a dry run writes nothing


def test_import_plan_writes_after_confirmation(store, embedded_env):
    declined = CliRunner().invoke(
        cli, ["import", "plan", str(UNSEEN_PLAN), "--zone", "testzone"], input="n\n"
    )
    assert declined.exit_code == 0 and "niets geschreven" in declined.output
    assert store.read("stats_nodes") == []
    accepted = run("import", "plan", str(UNSEEN_PLAN), "--zone", "testzone", "--yes")
    assert accepted.exit_code == 0, accepted.output
    actions = json.loads(run("actions", "--zone", "testzone", "--format", "json").output)
    assert [a["id"] for a in actions] == [
        "testzone/1.1-a",
        "testzone/1.1-b",
        "testzone/1.2.1",
        "testzone/2.1.1",
    ]


def test_import_plan_refuses_a_file_it_cannot_read(store, embedded_env, tmp_path):
    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"not a word document")
    result = run("import", "plan", str(bad), "--zone", "testzone", "--dry-run")
    assert result.exit_code == 1
    assert "plan.docx" in result.output and "Traceback" not in result.output


def test_import_organisations_dry_run_then_apply(seeded, embedded_env, tmp_path):
    sheet = tmp_path / "partners.csv"
    sheet.write_text(
        "Naam;KBO;Gemeente;Cluster;Categorie\n"
        "WZC De Linde;0403.170.701;Borgloon;welzijn;woonzorgcentrum\n"
        "Foute KBO;0123.456.789;Genk;zorg;huisartsenkring\n",
        encoding="cp1252",
    )
    before = seeded.read("stats_nodes")
    dry = run("import", "organisations", str(sheet), "--zone", "maasland", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "rij 3, kolom 'KBO': '0123.456.789'" in dry.output
    assert "1 nieuw" in dry.output and "1 geweigerd" in dry.output
    assert seeded.read("stats_nodes") == before
    applied = run("import", "organisations", str(sheet), "--zone", "maasland", "--format", "json")
    assert applied.exit_code == 0, applied.output
    assert seeded.read("organisation_ids", ids=["wzc-de-linde"]) == [{"id": "wzc-de-linde"}]
    summary = seeded.read("organisation_summary", organisation="wzc-de-linde")[0]
    assert summary["municipality"] == "Tongeren-Borgloon"  # a name from before 2025


def test_import_report_wraps_its_messages_and_links_a_likely_duplicate(
    seeded, embedded_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("COLUMNS", "80")
    sheet = tmp_path / "welzijn.csv"
    sheet.write_text("Naam;Cluster\nPallion;welzijn\n", encoding="utf-8")
    dry = run("import", "organisations", str(sheet), "--zone", "maasland", "--dry-run")
    assert dry.exit_code == 0, dry.output
    table = dry.output.split("\n\n")[0].splitlines()
    assert max(len(line) for line in table) <= 80 < len(" ".join(table))
    assert "bestaat waarschijnlijk al als" in " ".join(table)
    assert "1 bijgewerkt" in dry.output  # linked to Pallion: its cluster is new
    # The table says the outcome in the words of the counts below it.
    assert table[0].split()[:2] == ["rij", "uitkomst"]
    assert table[2].split()[:3] == ["2", "bijgewerkt", "pallion"]
    new = run("import", "organisations", str(sheet), "--zone", "maasland", "--dry-run",
              "--new-if-similar", "--format", "json")  # fmt: skip
    assert json.loads(new.output)["counts"]["new"] == 1
    assert "controleren" not in new.output  # no progress bar outside a terminal


def test_output_to_a_missing_folder_or_a_full_disk_is_one_line(seeded, embedded_env, tmp_path):
    for target, reason in [
        (tmp_path / "nergens" / "hiaten.csv", "de map"),
        (Path("/dev/full"), "No space left on device"),
    ]:
        result = run("gaps", "--format", "csv", "-o", str(target))
        assert result.exit_code == 1
        assert result.output.count("\n") == 1, result.output
        assert result.output.startswith(f"Error: kan {target} niet schrijven: ")
        assert reason in result.output
        assert "Traceback" not in result.output


def test_output_dash_is_stdout_even_for_xlsx(seeded, embedded_env, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["gaps", "--format", "xlsx", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"PK\x03\x04")
    assert not (tmp_path / "-").exists()
    csv_out = run("contacts", "--action", "maasland/1.2-a", "-o", "-")
    assert csv_out.stdout.startswith("\ufeffNaam;Organisatie")
