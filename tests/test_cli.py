"""The CLI, in-process, against the session's embedded server (which it joins)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner

from graphmap import access, dates, followup
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
    # Its headers in Dutch, as every table staff read (they said nodes, strategic_goals …).
    assert [line.split() for line in lines if line.startswith(("label", "type", "zone "))] == [
        ["label", "knopen"],
        ["type", "relaties"],
        ["zone", "gemeenten", "strategische", "doelen", "operationele", "doelen", "acties"],
    ]


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
    assert result.output.startswith("Error: bolt://127.0.0.1:9: de databank is onbereikbaar")
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
    # A cluster kind as staff write it, capital and all, as zones are.
    capital = run("gaps", "--zone", "Maasland", "--cluster", "Welzijn", "--format", "json")
    assert json.loads(capital.output) == data
    # ... and as the pages and lists name it: "Lokale besturen" was refused, in English.
    local = [run("gaps", "--zone", "maasland", "--cluster", kind, "--format", "json").output
             for kind in ("lokale_besturen", "Lokale besturen", "lokaal bestuur")]  # fmt: skip
    assert local[0] == local[1] == local[2] and json.loads(local[0])
    result = run("gaps", "--cluster", "thuiszorg")
    assert result.exit_code == 2 and "'zorg', 'welzijn', 'pzon', 'lokale_besturen'" in result.output
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
    assert result.exit_code == 0 and result.output == "pallion in maasland/welzijn: lid\n"
    result = run("status", "pallion", "lid", "--zone", "maasland", "--cluster", "Lokaal bestuur")
    assert result.output == "pallion in maasland/lokale_besturen: lid\n"
    result = run("status", "pallion", "lidd", "--zone", "maasland", "--cluster", "welzijn")
    assert result.exit_code == 1 and "onbekende status 'lidd'" in result.output
    result = run("status", "pallion", "lid", "--zone", "nergens", "--cluster", "welzijn")
    assert result.output.startswith("Error: onbekende zone 'nergens'; bekende zones: ")


def test_status_takes_the_organisation_id_case_aside(seeded, embedded_env):
    where = ("--zone", "Maasland", "--cluster", "welzijn")
    result = run("status", "Pallion", "gecontacteerd", *where)
    assert result.exit_code == 0, result.output
    assert result.output == "pallion in maasland/welzijn: gecontacteerd\n"
    result = run("status", " PALLION ", "gecontacteerd", *where)
    assert result.output == "pallion in maasland/welzijn: al gecontacteerd; niets vastgelegd\n"


def test_a_back_dated_status_corrects_the_day_of_the_same_status(seeded, embedded_env):
    """The reviewer's steps: contacted a month ago, member today, then member on an earlier
    day. No "lid -> lid" anywhere; the audit keeps what each command recorded."""
    today = dates.today()
    first, corrected = (today - timedelta(days=n) for n in (35, 21))
    where = ("--zone", "maasland", "--cluster", "welzijn")
    run("status", "pallion", "gecontacteerd", *where, "--on", first.isoformat())
    run("status", "pallion", "lid", *where)
    result = run("status", "pallion", "lid", *where, "--on", corrected.isoformat())
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"pallion in maasland/welzijn: lid\nvervangt de wijziging naar lid van {today}\n"
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
    # Involved on a day before that lid joins the history; lid stays, and the user who typed
    # betrokken is told why the status is not that (it said "member", and no more).
    between = (today - timedelta(days=28)).isoformat()
    result = run("status", "pallion", "betrokken", *where, "--on", between)
    assert result.output == (
        f"pallion in maasland/welzijn: betrokken vastgelegd op {between}; de status blijft "
        f"lid, van de latere wijziging op {corrected}\n"
    )


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
    """Staff answer in Dutch (j, ja; n, nee) and are answered in Dutch: click's confirm took
    y or n only ("Error: invalid input"), and the end of the input was "Aborted!"."""
    command = ["import", "plan", str(UNSEEN_PLAN), "--zone", "testzone"]
    for answers in ("x\nnee\n", ""):
        declined = CliRunner().invoke(cli, command, input=answers)
        assert declined.exit_code == 0 and "[j/N]" in declined.output
        assert declined.output.endswith("niets geschreven\n")
        assert "Error" not in declined.output and "Aborted" not in declined.output
    assert "antwoord j (ja) of n (nee), niet 'x'" in declined.output or answers == ""
    assert store.read("stats_nodes") == []
    accepted = CliRunner().invoke(cli, command, input="Ja\n")
    assert accepted.exit_code == 0, accepted.output
    actions = json.loads(run("actions", "--zone", "testzone", "--format", "json").output)
    assert [a["id"] for a in actions] == [
        "testzone/1.1-a",
        "testzone/1.1-b",
        "testzone/1.2.1",
        "testzone/2.1.1",
    ]


def test_import_plan_new_makes_an_alike_match_a_new_organisation(seeded, embedded_env, tmp_path):
    """Before: a name the preview took for the register's organisation of an alike name
    ("Apothekersvereniging Jekerdaal" for "… Jekerdal") could only be skipped, which left it
    off its action (qa15). --new keeps it on the action as a new organisation."""
    from graphmap import register

    register.save_organisation(
        seeded, {"name": "Apothekersvereniging Jekerdal", "category": "huisartsenkring"}
    )
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "Strategische doelstelling 1: Samenwerking\n"
        "Operationele doelstelling 1.1: Netwerk\n"
        "Actie 1.1.1: Overleg met de apothekers\n"
        "Trekker: Apothekersvereniging Jekerdaal\n"
    )
    shown = run("import", "plan", str(plan), "--zone", "maasland", "--dry-run")
    assert "≈ apothekersvereniging-jekerdal (" in shown.output, shown.output
    assert "gelijkende naam: Apothekersvereniging Jekerdal)" in shown.output
    same = run("import", "plan", str(plan), "--zone", "maasland", "--dry-run",
               "--new", "Apothekersvereniging Jekerdal")  # fmt: skip
    assert same.exit_code != 0 and "geen organisatie van deze preview" in same.output
    written = run("import", "plan", str(plan), "--zone", "maasland", "--yes",
                  "--new", "apothekersvereniging jekerdaal")  # fmt: skip
    assert written.exit_code == 0, written.output
    [action] = [a for a in seeded.read("actions", zone="maasland") if a["code"] == "1.1.1"]
    assert action["leads"] == ["Apothekersvereniging Jekerdaal"]
    names = dict(seeded.read("organisation_names")[0]["organisations"])
    assert names["apothekersvereniging-jekerdal"] == "Apothekersvereniging Jekerdal"
    assert "Apothekersvereniging Jekerdaal" in names.values()


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
    # A refused row ends the command with exit code 3, after the whole report.
    assert dry.exit_code == 3, dry.output
    assert "rij 3, kolom 'KBO': '0123.456.789'" in dry.output
    assert "1 nieuw" in dry.output and "1 geweigerd" in dry.output
    assert seeded.read("stats_nodes") == before
    applied = run("import", "organisations", str(sheet), "--zone", "maasland", "--format", "json")
    assert applied.exit_code == 3, applied.output
    assert json.loads(applied.output)["counts"]["rejected"] == 1
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
    # A contact list's rows of one organisation differ in the person alone: it is named.
    people = tmp_path / "contacten.csv"
    people.write_text("Naam;Organisatie\nAn Eén (demo);Pallion\nJan Twee (demo);Pallion\n")
    dry = run("import", "contacts", str(people), "--dry-run")
    table = dry.output.split("\n\n")[0].splitlines()
    assert table[0].split() == ["rij", "uitkomst", "naam", "organisatie", "melding"]
    assert [line.split()[2:5] for line in table[2:]] == [
        ["An", "Eén", "(demo)"],
        ["Jan", "Twee", "(demo)"],
    ]


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


KNOWN = "bekende zones: kemp-en-duin, kempenland, maasland, noord-limburg"


def _exports(store) -> list[dict]:
    from graphmap import audit

    return audit.entries(store, action="export", limit=None)


def test_an_unknown_zone_is_refused_naming_the_known_ones(seeded, embedded_env, tmp_path):
    """A typo must not read as "nothing missing": every command with a zone refuses it,
    and records no export."""
    where = ("--cluster", "welzijn")
    for args in [
        ("gaps", "--zone", "nope"),
        ("history", "--zone", "nope"),
        ("followups", "--zone", "nope"),
        ("actions", "--zone", "nope"),
        ("audit", "--zone", "nope"),
        ("contacts", "--cluster", "nope/zorg"),
        ("contacts", "--goal", "nope/1"),
        ("status", "pallion", "lid", "--zone", "nope", *where),
        ("report", "--zone", "nope", "-o", str(tmp_path / "r.pdf")),
    ]:
        result = run(*args)
        assert result.exit_code == 1, args
        assert result.output == f"Error: onbekende zone 'nope'; {KNOWN}\n", args
    result = run("contacts", "--cluster", "maasland/nope")
    assert result.exit_code == 1 and "onbekende cluster 'nope'" in result.output
    assert _exports(seeded) == []
    assert not (tmp_path / "r.pdf").exists()


def test_a_zone_id_is_taken_case_aside(seeded, embedded_env):
    """Zone ids are lower case, so `Maasland` can only mean maasland."""
    assert run("gaps", "--zone", "Maasland").output == run("gaps", "--zone", "maasland").output
    assert not run("gaps", "--zone", "Maasland").output.startswith("0 hiaten")
    result = run("contacts", "--cluster", "MAASLAND/welzijn", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [e["zones"] for e in _exports(seeded)] == ["maasland"]
    lower = run("contacts", "--action", "maasland/1.2-a", "--format", "json")
    result = run("contacts", "--action", "Maasland/1.2-a", "--format", "json")
    assert result.exit_code == 0 and result.output == lower.output, result.output
    result = run("contacts", "--action", "nergens/1.2-a")
    assert result.output.startswith("Error: onbekende zone 'nergens'; bekende zones: ")


def test_the_audit_of_a_zone_a_reset_removed_can_still_be_read(store, embedded_env):
    from graphmap import audit

    audit.record_export(store, by="an", what="lijst", fmt="csv", rows=1, zones=["weg"])
    result = run("audit", "--zone", "weg", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [e["key"] for e in json.loads(result.output)] == ["lijst"]


def test_the_format_follows_the_extension_of_the_output(seeded, embedded_env, tmp_path):
    import openpyxl

    def o(name: str) -> str:
        return str(tmp_path / name)

    assert run("gaps", "-o", o("g.xlsx")).exit_code == 0
    assert openpyxl.load_workbook(tmp_path / "g.xlsx")["Hiaten"].max_row > 100
    assert run("contacts", "--cluster", "maasland/welzijn", "-o", o("c.XLSX")).exit_code == 0
    assert openpyxl.load_workbook(tmp_path / "c.XLSX")["Contacten"]
    assert run("history", "-o", o("h.json")).exit_code == 0
    assert json.loads((tmp_path / "h.json").read_text()) == []
    assert run("followups", "-o", o("f.ics")).exit_code == 0
    assert (tmp_path / "f.ics").read_text().startswith("BEGIN:VCALENDAR")
    assert run("audit", "-o", o("a.csv")).exit_code == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").startswith("Wanneer")
    assert run("gaps", "-o", o("g.txt")).output == f"geschreven: {tmp_path / 'g.txt'}\n"
    assert (tmp_path / "g.txt").read_text().endswith(" hiaten\n")


def test_an_extension_the_format_is_not_is_refused(seeded, embedded_env, tmp_path):
    exported = len(_exports(seeded))
    for args, message in [
        (("gaps", "-o", "g.pdf"), "g.pdf: gaps schrijft geen .pdf-bestand; wel .txt, .csv, "),
        (("history", "-o", "h.xlsx"), "h.xlsx: history schrijft geen .xlsx-bestand"),
        (("gaps", "--format", "csv", "-o", "g.xlsx"), "g.xlsx: --format csv schrijft geen .xlsx"),
        (
            ("contacts", "--cluster", "maasland/welzijn", "--format", "csv", "-o", "c.xlsx"),
            "c.xlsx: --format csv schrijft geen .xlsx-bestand",
        ),
        (
            ("contacts", "--cluster", "maasland/welzijn", "-o", "c.txt"),
            "c.txt: contacts schrijft geen",
        ),
    ]:
        *command, _, name = args
        result = run(*command, "-o", str(tmp_path / name))
        assert result.exit_code == 1, args
        assert result.output.startswith(f"Error: {message}"), result.output
        assert result.output.count("\n") == 1
        assert not (tmp_path / name).exists()
    assert len(_exports(seeded)) == exported
    # Asked for in so many words, text goes into a .txt file as well.
    result = run("gaps", "--format", "csv", "-o", str(tmp_path / "g.txt"))
    assert result.exit_code == 0
    assert (tmp_path / "g.txt").read_text(encoding="utf-8-sig").startswith("Zone;Cluster")


def test_history_and_followups_listings_are_in_the_zones_log(seeded, embedded_env, tmp_path):
    """They name persons and hold notes: to a file or to stdout, each is an export of the
    zones it concerns, so the zone's Logboek shows it."""
    from graphmap import followup

    run("status", "pallion", "gecontacteerd", "--zone", "maasland", "--cluster", "welzijn",
        "--note", "belde")  # fmt: skip
    step = {"kind": "telefoon", "on": dates.today().isoformat(), "what": "Terugbellen",
            "due": (dates.today() + timedelta(days=7)).isoformat()}  # fmt: skip
    followup.record_moment(seeded, "pallion", "maasland", step, actor="an")
    for args in [
        ("followups", "--zone", "maasland", "-o", str(tmp_path / "f.ics")),
        ("history", "--zone", "maasland", "-o", str(tmp_path / "h.csv")),
        ("history", "--zone", "maasland"),
        ("followups", "--format", "json"),
        ("history", "--organisation", "pallion", "-o", "-"),
    ]:
        assert run(*args).exit_code == 0, args
    logged = [(e["key"], e["zones"]) for e in _exports(seeded)][::-1]
    assert logged == [
        ("volgende stappen maasland", "maasland"),
        ("geschiedenis maasland", "maasland"),
        ("geschiedenis maasland", "maasland"),
        ("volgende stappen alle zones", "maasland"),
        ("geschiedenis pallion", "maasland"),
    ]
    from graphmap import audit

    assert len(audit.entries(seeded, zone="maasland", action="export")) == 5
    # A calendar asked for on the terminal is refused, and then it was no export.
    assert run("followups", "--format", "ics").exit_code == 2
    assert len(_exports(seeded)) == 5


def test_serve_seed_says_what_the_seed_load_does():
    promise = "adds what is missing; changes nothing that exists"
    assert promise in run("seed", "--help").output
    assert promise in " ".join(run("serve", "--help").output.split())


def test_stop_with_a_neo4j_server_says_so_in_dutch(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_PASSWORD", "geheim")
    result = run("stop")
    assert (result.exit_code, result.output) == (
        1,
        "Error: NEO4J_URI is ingesteld: er is geen ingebedde databank om te stoppen\n",
    )


def test_a_missing_neo4j_password_is_named_in_dutch(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    result = run("stats")
    assert result.output == "Error: NEO4J_URI is ingesteld maar NEO4J_PASSWORD niet.\n"


def test_a_setting_that_is_no_number_is_named_in_dutch(monkeypatch):
    monkeypatch.setenv("GRAPHMAP_SESSION_HOURS", "acht")
    result = run("serve", "--demo")
    assert result.exit_code == 2
    assert "Error: GRAPHMAP_SESSION_HOURS='acht' is geen getal" in result.output
    monkeypatch.delenv("GRAPHMAP_SESSION_HOURS")
    monkeypatch.setenv("GRAPHMAP_BACKUPS", "veertien")  # a traceback, before
    result = run("serve", "--demo")
    assert result.exit_code == 2
    assert "Error: GRAPHMAP_BACKUPS='veertien' is geen geheel getal" in result.output


def test_contacts_of_a_goal_without_its_zone_is_refused_in_dutch(seeded, embedded_env):
    result = run("contacts", "--goal", "1.1")
    assert result.exit_code == 2 and "Error: verwacht ZONE/NUMBER" in result.output
    result = run("contacts", "--cluster", "maasland")
    assert result.exit_code == 2 and "Error: verwacht ZONE/CLUSTER" in result.output


def test_a_binary_format_without_a_file_is_refused_in_dutch(seeded, embedded_env):
    result = run("contacts", "--action", "maasland/3.3-a", "--format", "xlsx")
    assert result.exit_code == 2
    assert "Error: dit formaat is binair: geef een bestand met -o (of -o - voor stdout)" in (
        result.output
    )


def test_a_count_of_one_is_singular(seeded, embedded_env):
    """A listing ends "1 regel", not "1 regels": it counts as a reader says it."""
    from graphmap import audit

    audit.record_export(seeded, by="an", what="lijst", fmt="csv", rows=1, zones=["weg"])
    assert run("audit", "--zone", "weg").output.endswith("\n1 regel\n")
    run("status", "pallion", "contacted", "--zone", "maasland", "--cluster", "welzijn")
    assert run("history", "--zone", "maasland").output.endswith("\n1 wijziging\n")
    result = run("contacts", "--cluster", "maasland/welzijn")
    assert "1 persoon voor cluster welzijn van maasland" in result.output, result.output
    assert run("followups").output.endswith("\n0 open stappen\n")


def _users(*args, given: str | None = None):
    return CliRunner().invoke(cli, ["users", *args], input=given)


def test_users_add_says_what_is_wrong_before_the_password_is_typed(seeded, embedded_env):
    """Typing a password twice to hear then that a zone was missing, misspelt or the name
    taken: each is said first, and nothing is asked."""
    result = _users("add", "lotte", "--role", "viewer")
    assert result.exit_code == 2 and "een viewer handelt voor een of meer zones: geef --zone" in (
        result.output
    )
    assert "Wachtwoord" not in result.output
    result = _users("add", "lotte", "--role", "editor", "--zone", "nergens")
    assert result.exit_code == 1 and "onbekende zone 'nergens'" in result.output
    assert "Wachtwoord" not in result.output
    password = "een lang genoeg wachtwoord\n"
    # Two passwords that differ are said so in Dutch, and asked again.
    add = ("add", "lotte", "--role", "editor", "--zone", "Maasland")
    result = _users(*add, given="een lang genoeg\nwachtwoord\n" + password * 2)
    assert result.exit_code == 0 and "lotte toegevoegd: editor, maasland" in result.output
    assert "de twee wachtwoorden verschillen; nog eens" in result.output
    assert "Error" not in result.output
    result = _users("add", "lotte", "--role", "admin")
    assert result.exit_code == 1 and "gebruiker 'lotte' bestaat al" in result.output
    assert "Wachtwoord" not in result.output
    result = _users("reset-password", "niemand")
    assert result.exit_code == 1 and "geen gebruiker 'niemand'" in result.output
    assert "Wachtwoord" not in result.output
    result = _users("set-zones", "lotte")  # --zone is missing: usage, as for `add`
    assert result.exit_code == 2 and "geef de zones met --zone" in result.output
    result = _users("set-zones", "lotte", "--zone", "KEMPENLAND", "--zone", "maasland")
    assert result.output == "lotte: editor, kempenland, maasland\n"
    result = _users("set-role", "lotte", "viewer", "--zone", "Kemp-en-Duin")
    assert result.output == "lotte: viewer, kemp-en-duin\n"


def test_status_suggests_the_organisation_a_typo_meant(seeded, embedded_env):
    where = ("--zone", "maasland", "--cluster", "welzijn")
    result = run("status", "palion", "lid", *where)
    assert result.exit_code == 1
    assert "bedoelt u: pallion (Pallion (palliatief netwerk Limburg))?" in result.output
    result = run("status", "Opgroien", "lid", *where)
    assert "bedoelt u: opgroeien (Opgroeien)?" in result.output
    # Letters in common are no typo: nothing is suggested for a name like none.
    result = run("status", "xyzzy", "lid", *where)
    assert result.exit_code == 1 and "bedoelt" not in result.output


def test_history_of_an_organisation_takes_it_as_status_does(seeded, embedded_env):
    """Its id case aside or its name; a typo is refused with what it meant, not answered
    with an empty history that reads as "nothing happened"."""
    run("status", "pallion", "contacted", "--zone", "maasland", "--cluster", "welzijn")
    listed = run("history", "--organisation", "pallion", "--format", "json").output
    assert [c["organisation"] for c in json.loads(listed)] == ["pallion"]
    for given in ("Pallion", "pallion (palliatief netwerk limburg)"):
        result = run("history", "--organisation", given, "--format", "json")
        assert result.exit_code == 0 and result.output == listed, given
    result = run("history", "--organisation", "palion")
    assert result.exit_code == 1
    assert result.output.startswith("Error: geen geschiedenis: er is geen organisatie met id")
    assert "bedoelt u: pallion" in result.output


def _examples(group, path=()):
    """Every `Example: graphmap …` line of the command line's help, with its command's path."""
    import click

    for name, command in getattr(group, "commands", {}).items():
        yield from _examples(command, (*path, name))
    for line in (group.help or "").splitlines():
        if line.strip().startswith("Example: graphmap ") and "|" not in line:
            yield path, line.strip().removeprefix("Example: graphmap ")
    assert isinstance(group, click.Command)


# What a new user tries first on the seed: the examples that read it, or change it as staff
# do. Not those that start servers, stop one, erase, restore or make new zones.
ON_THE_SEED = {
    ("gaps",), ("status",), ("history",), ("followups",), ("report",), ("actions",),
    ("contacts",), ("audit",), ("stats",), ("users", "add"), ("users", "list"),
    ("users", "set-role"), ("users", "set-zones"), ("users", "disable"), ("users", "enable"),
}  # fmt: skip


def test_the_help_examples_run_on_the_seed(seeded, embedded_env, tmp_path, monkeypatch):
    """An example in `--help` is what a new user types: it names zones, organisations and
    actions the seed holds, and it runs."""
    import shlex

    monkeypatch.chdir(tmp_path)
    examples = [line for path, line in _examples(cli) if path in ON_THE_SEED]
    assert len(examples) >= len(ON_THE_SEED)
    password = "een lang genoeg wachtwoord\n"
    for line in sorted(examples, key=lambda e: not e.startswith("users add")):
        words = [w for w in shlex.split(line) if w != "--password-stdin"]
        given = password * 2 if words[:2] == ["users", "add"] else None
        result = CliRunner().invoke(cli, words, input=given)
        assert result.exit_code == 0, f"graphmap {line}: {result.output}"


def test_a_contact_moment_and_its_next_step_on_the_command_line(seeded, embedded_env):
    """qa16: a contact moment could only be recorded on the pages, and a step marked done
    only today, from Opvolging's button."""
    recorded = run("moment", "Pallion", "--zone", "maasland", "--kind", "telefoon",
                   "--person", "bart claes (demo)", "--note", "belde over de AV",
                   "--next-step", "offerte sturen", "--due", "2026-12-20")  # fmt: skip
    assert recorded.exit_code == 0, recorded.output
    [step] = json.loads(run("followups", "--zone", "maasland", "--format", "json").output)
    assert (step["organisation"], step["what"], step["person"]) == (
        "pallion",
        "offerte sturen",
        "demo-bart-claes",
    )
    unnamed = run("moment", "pallion", "--zone", "maasland", "--kind", "overleg",
                  "--next-step", "AV")  # fmt: skip
    assert unnamed.exit_code != 0 and "--due: geef de volgende stap een datum" in unnamed.output
    nobody = run("moment", "pallion", "--zone", "maasland", "--kind", "overleg",
                 "--person", "Niemand")  # fmt: skip
    assert "geen contactpersoon van pallion (kies uit: Bart Claes (demo)" in nobody.output

    day = (dates.today() - timedelta(days=3)).isoformat()
    finished = run("done", "pallion", "--zone", "maasland", "--on", day, "--note", "verstuurd")
    assert finished.exit_code == 0, finished.output
    assert json.loads(run("followups", "--zone", "maasland", "--format", "json").output) == []
    [moment] = [m for m in followup.moments(seeded, zone="maasland") if m["done_on"]]
    assert (moment["done_on"], moment["done_by"]) == (day, access.cli_user())
    again = run("done", "pallion", "--zone", "maasland")
    assert "geen open volgende stap in zone maasland" in again.output

    for what in ("bellen", "mailen"):
        run("moment", "pallion", "--zone", "maasland", "--kind", "overleg",
            "--next-step", what, "--due", "2026-12-30")  # fmt: skip
    two = run("done", "pallion", "--zone", "maasland")
    assert "pallion heeft 2 open stappen in maasland" in two.output
    first = json.loads(run("followups", "--zone", "maasland", "--format", "json").output)[0]
    assert first["id"] in two.output
    assert run("done", first["id"], "--zone", "maasland").exit_code == 0
