"""Every change leaves one audit entry, written in the change's own transaction: who, what
(the entity's key), before → after. A change that rolls back leaves none."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from click.testing import CliRunner

from graphmap import access, audit, backup, engagement, register, users
from graphmap.cli import cli
from graphmap.errors import GraphmapError
from graphmap.ingest import seed
from graphmap.ingest.spreadsheet import apply_import, plan_import

PASSWORD = "een lang genoeg wachtwoord"


def _values(org: dict, **changed) -> dict:
    values = {
        "name": org["name"],
        "category": org["category"],
        "municipality": org.get("municipality"),
        "kbo": org.get("kbo"),
        "website": org.get("website"),
    }
    return {**values, **changed}


def test_a_register_save_records_before_and_after(seeded):
    org = register.organisation(seeded, "pallion")
    register.save_organisation(seeded, _values(org, name="Pallion vzw"), "pallion", editor="an")
    [entry] = audit.entries(seeded, action="organisation")
    assert (entry["by"], entry["action"], entry["key"]) == ("an", "organisation.update", "pallion")
    assert entry["before_data"]["name"] == org["name"]
    assert entry["after_data"]["name"] == "Pallion vzw"
    assert "maasland" in entry["zones"]
    # Staff read the fields in Dutch, and the moment to the second.
    assert "naam: Pallion vzw" in entry["after"] and "name" not in entry["after"]
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d:\d\d", entry["when"])
    # Saving what is already there changes nothing, and records nothing.
    register.save_organisation(seeded, _values(org, name="Pallion vzw"), "pallion", editor="an")
    assert len(audit.entries(seeded, action="organisation")) == 1


def test_an_engagement_change_records_from_and_to(seeded):
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor="an")
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "involved", actor="an")
    entry, first = audit.entries(seeded, action="engagement")
    assert first["before_data"] == {"status": "nieuw"}
    assert (entry["by"], entry["key"], entry["zones"]) == ("an", "pallion", "maasland")
    assert entry["before_data"] == {"status": "gecontacteerd"}
    assert entry["after_data"]["status"] == "betrokken"


def _engagement_log(store, zone: str | None = None) -> list[tuple]:
    return [
        (e["before_data"], e["after_data"])
        for e in audit.entries(store, zone=zone, action="engagement")
    ]


def test_an_engagement_entry_keeps_what_was_done_when_a_back_dated_change_follows(seeded):
    """A change dated earlier alters the from-status of the change after it (the history
    reads without a jump), or replaces it; the entry of that change still says what was
    recorded then."""
    today = date(2026, 3, 10)

    def set_status(status, on=None):
        engagement.set_status(
            seeded, "pallion", "maasland", "welzijn", status, actor="an", on=on, today=today
        )

    set_status("contacted", "2026-02-01")
    set_status("member")
    recorded = [
        ({"status": "gecontacteerd"}, {"status": "lid", "op": "2026-03-10"}),
        ({"status": "nieuw"}, {"status": "gecontacteerd", "op": "2026-02-01"}),
    ]
    assert _engagement_log(seeded) == recorded
    set_status("involved", "2026-02-10")  # the member change now starts from involved
    involved = ({"status": "gecontacteerd"}, {"status": "betrokken", "op": "2026-02-10"})
    assert _engagement_log(seeded) == [involved, *recorded]
    set_status("member", "2026-02-20")  # the member change of today goes: it is this one
    member = ({"status": "betrokken"}, {"status": "lid", "op": "2026-02-20"})
    assert _engagement_log(seeded) == [member, involved, *recorded]
    assert _engagement_log(seeded, zone="maasland") == [member, involved, *recorded]


def test_a_reset_keeps_the_before_and_after_of_every_engagement_entry(seeded, embedded_env):
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor="an")
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "involved", actor="an")
    before = _engagement_log(seeded)
    assert before[0][0] == {"status": "gecontacteerd"}
    listed = CliRunner().invoke(cli, ["audit", "--action", "engagement"])
    assert "status: gecontacteerd -> status: betrokken" in listed.output
    result = CliRunner().invoke(cli, ["seed", "--reset"])
    assert result.exit_code == 0, result.output
    assert _engagement_log(seeded) == before
    assert _engagement_log(seeded, zone="maasland") == before
    listed = CliRunner().invoke(cli, ["audit", "--action", "engagement"])
    assert "status: gecontacteerd -> status: betrokken" in listed.output
    assert "status: nieuw -> status: gecontacteerd" in listed.output


def _imported(store, path, text: str):
    """An organisation list for Maasland, written to `path` and imported by user "an"."""
    path.write_text(text, encoding="utf-8")
    report = plan_import(store, path, "organisations", zone="maasland")
    apply_import(store, report, actor="an")
    return report


def test_an_import_records_its_counts_and_each_changed_organisation(seeded, tmp_path):
    report = _imported(
        seeded,
        tmp_path / "partners.csv",
        "Naam;Gemeente;Cluster;Categorie;Status\n"
        "Diëtistenkring Maasland;Maaseik;zorg;dietisten;lid\n"
        "Pallion;;welzijn;;betrokken\n",
    )
    [summary] = [e for e in audit.entries(seeded, action="import") if e["action"] == "import"]
    assert summary["key"] == "partners.csv"
    assert summary["after_data"] == {"soort": "organisations", **report.counts}
    words = set(summary["after"].split(", "))
    assert {"soort: organisaties", "nieuw: 1", "bijgewerkt: 1", "geweigerd: 0"} <= words
    rows = [e for e in audit.entries(seeded, action="import.row")]
    new = report.rows[0].organisation
    assert [e["key"] for e in rows if e["entity"] == "Organisation"] == [new]
    # A new organisation and its membership are one act of the row, and one entry: listed
    # as an engagement change too.
    [added] = [e for e in audit.entries(seeded) if e["key"] == new]
    assert added["action"] == "import.row" and added["change"]
    assert added["before_data"] == {"status": "nieuw"}
    assert added["after_data"]["name"].startswith("Diët") and added["after_data"]["status"] == "lid"
    changes = audit.entries(seeded, action="engagement")
    assert {e["key"] for e in changes} == {new, "pallion"}
    assert audit.count(seeded, zone="maasland", action="engagement.change") == 2


def test_a_new_organisations_entry_is_the_organisation_as_the_graph_holds_it(seeded, tmp_path):
    # The entry of a new organisation is made from what the import wrote, not read back:
    # every field must still be what the graph holds, the seat by the graph's own name.
    report = _imported(
        seeded,
        tmp_path / "nieuw.csv",
        "Naam;KBO;Website;Gemeente;Cluster;Categorie;Status\n"
        "Thuiszorg De Brug;0403.170.701;https://debrug.example;Maaseik;zorg;thuisverpleging;lid\n"
        "Zonder Gemeente vzw;;;;welzijn;;betrokken\n",
    )
    new = [row.organisation for row in report.rows]
    assert [row.outcome for row in report.rows] == ["new", "new"], [r.messages for r in report.rows]
    entries = {e["key"]: e for e in audit.entries(seeded, action="import.row")}
    held = seeded.read_transaction(lambda tx: audit.organisation_states(tx, new))
    for organisation in new:
        stored = {k: v for k, v in held[organisation].items() if k != "id"}
        after = entries[organisation]["after_data"]
        fields = {k: v for k, v in after.items() if k not in ("status", "op")}  # its change's
        assert fields == stored
    assert held[new[0]]["municipality"] == "Maaseik" and held[new[0]]["kbo"]
    assert held[new[1]]["municipality"] is None


def test_an_import_that_changes_only_an_organisations_e_mail_and_phone_records_it(seeded, tmp_path):
    text = "Naam;Gemeente;E-mail;Telefoon\nPallion;;{};{}\n"
    _imported(seeded, tmp_path / "a.csv", text.format("info@pallion.example", "011 22 33 44"))
    _imported(seeded, tmp_path / "b.csv", text.format("hallo@pallion.example", "011 22 33 55"))
    first, second = [
        e for e in audit.entries(seeded, action="import.row") if e["key"] == "pallion"
    ][::-1]
    assert first["after_data"]["email"] == "info@pallion.example"
    assert second["before_data"]["email"] == "info@pallion.example"
    assert (second["after_data"]["email"], second["after_data"]["phone"]) == (
        "hallo@pallion.example",
        "+3211223355",
    )
    assert "e-mail: hallo@pallion.example" in second["after"]


def test_a_contact_lists_entries_are_of_the_zones_of_its_organisations(seeded, tmp_path):
    """A contact list names no zone of its own: whatever zone its caller named (the
    dashboard's Zone select held Maasland), its entries go to its organisations' zones."""
    path = tmp_path / "contacten.csv"
    path.write_text("Naam;Organisatie;E-mail\nAn Demo;Logo Kempen;an@example.org\n", "utf-8")
    report = plan_import(seeded, path, "contacts", zone="maasland")
    assert [row.outcome for row in report.rows] == ["new"], report.rows[0].messages
    apply_import(seeded, report, actor="an")
    zones = ", ".join(sorted(access.organisation_zones(seeded, ["logo-kempen"])["logo-kempen"]))
    assert zones == "kempenland"
    entries = audit.entries(seeded, action="import")
    assert {(e["action"], e["zones"]) for e in entries} == {
        ("import", zones),
        ("import.row", zones),
    }
    assert audit.entries(seeded, zone="maasland", action="import") == []


def test_an_erased_contact_is_named_by_key_only(seeded):
    contact = {"name": "Jorien Vanhees", "email": "jorien.vanhees@example.org"}
    contact["phone"] = "011 22 33 44"
    person = register.add_contact(seeded, "pallion", contact, actor="an")
    register.remove_contact(seeded, person, actor="an")
    [entry] = audit.entries(seeded, action="contact.erase")
    assert (entry["by"], entry["key"]) == ("an", person)
    assert entry["before_data"] == {"organisaties": ["pallion"]}
    stored = json.dumps(
        seeded.read("audit_entries", since="", action="", changes=False, skip=0, limit=100)
    )
    assert "Jorien" not in stored and "vanhees" not in stored and "22 33" not in stored


def test_user_management_is_recorded_without_a_password(seeded):
    users.add(seeded, "an", PASSWORD, "editor", ["maasland"], actor="cli:root")
    users.set_role(seeded, "an", "viewer", actor="cli:root")
    users.set_zones(seeded, "an", ["maasland", "kempenland"], actor="cli:root")
    users.reset_password(seeded, "an", PASSWORD + " nieuw", actor="cli:root")
    users.disable(seeded, "an", actor="cli:root")
    found = audit.entries(seeded, action="user")
    assert [e["action"] for e in reversed(found)] == [
        "user.add",
        "user.set-role",
        "user.set-zones",
        "user.reset-password",
        "user.disable",
    ]
    assert {e["key"] for e in found} == {"an"} and {e["by"] for e in found} == {"cli:root"}
    assert found[-1]["after_data"] == {"rol": "editor", "zones": ["maasland"]}
    assert found[-2]["before_data"] == {"rol": "editor", "zones": ["maasland"]}
    assert found[-2]["after_data"] == {"rol": "viewer", "zones": ["maasland"]}
    assert found[0]["after_data"] == {"uitgeschakeld": True}
    stored = json.dumps(
        seeded.read("audit_entries", since="", action="", changes=False, skip=0, limit=100)
    )
    assert PASSWORD not in stored and "argon2" not in stored


def test_a_change_that_rolls_back_leaves_no_entry(seeded):
    before = audit.entries(seeded)
    # Real changes refused inside their transaction: a zone that does not exist, …
    with pytest.raises(GraphmapError):
        users.add(seeded, "an", PASSWORD, "editor", ["nergens"], actor="cli:root")
    assert users.get(seeded, "an") is None
    # … the last admin cannot be disabled: the user stays, and so does the audit.
    users.add(seeded, "baas", PASSWORD, "admin", [], actor="cli:root")
    with pytest.raises(GraphmapError):
        users.disable(seeded, "baas", actor="cli:root")
    assert len(audit.entries(seeded)) == len(before) + 1  # the add only

    # An entry written before a change fails in the same transaction goes with it.
    def work(tx):
        audit.record(tx, by="an", action="organisation.update", key="pallion", after={"x": 1})
        raise GraphmapError("the change fails after its entry was written")

    with pytest.raises(GraphmapError):
        seeded.transaction(work)
    assert len(audit.entries(seeded)) == len(before) + 1


def test_users_and_the_audit_travel_in_a_backup(seeded, tmp_path):
    users.add(seeded, "an", PASSWORD, "editor", ["maasland"], actor="cli:root")
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="an")
    entries = audit.entries(seeded)
    path = tmp_path / "graaf.jsonl"
    backup.write(seeded, path)
    seeded.reset()
    assert users.authenticate(seeded, "an", PASSWORD) is None
    backup.restore(seeded, path.read_text().splitlines())
    assert users.authenticate(seeded, "an", PASSWORD) is not None
    restored = audit.entries(seeded)
    assert [e["id"] for e in restored if e["action"] != "restore"] == [e["id"] for e in entries]
    assert [e["id"] for e in audit.entries(seeded, zone="maasland", action="engagement")] == [
        e["id"] for e in entries if e["action"] == "engagement.change"
    ]


def test_a_zones_log_outlives_a_reset_of_the_data(seeded):
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="an")
    [change] = audit.entries(seeded, zone="maasland", action="engagement")
    seed.write_rows(seeded, seed.build_rows(), reset=True, actor="an")
    assert [e["id"] for e in audit.entries(seeded, zone="maasland", action="engagement")] == [
        change["id"]
    ]
    assert audit.entries(seeded, zone="maasland")[0]["action"] == "seed"


def test_the_audit_of_a_graph_from_before_the_logs_joins_them_on_connect(seeded):
    """An earlier graphmap wrote entries with their zones and no log: the next connect links
    them, and a zone's Logboek shows them."""
    old = "CREATE (:AuditEntry {id: $id, at: $at, by: 'an', action: 'export', zones: $zones})"
    for n, zones in enumerate((["maasland"], ["maasland", "kempenland"], [])):
        seeded.driver.execute_query(
            old, {"id": f"old-{n}", "at": f"2025-01-0{n + 1}", "zones": zones},
            database_=seeded.database,
        )  # fmt: skip
    seeded.driver.execute_query("MATCH (l:Log) DETACH DELETE l", database_=seeded.database)
    assert audit.entries(seeded, zone="maasland") == []
    seeded.ensure_schema()
    assert [e["id"] for e in audit.entries(seeded, zone="maasland", action="export")] == [
        "old-1",
        "old-0",
    ]
    assert [e["id"] for e in audit.entries(seeded, zone="kempenland")][-1] == "old-1"
    assert audit.count(seeded, action="export") == 3


def test_the_cli_records_as_the_operating_system_user(seeded, embedded_env):
    result = CliRunner().invoke(
        cli, ["users", "add", "an", "--role", "viewer", "--zone", "maasland", "--password-stdin"],
        input=PASSWORD + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    [entry] = audit.entries(seeded, action="user")
    assert entry["by"].startswith("cli:")
    listed = CliRunner().invoke(cli, ["audit", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert any(e["key"] == "an" for e in json.loads(listed.output))


def test_the_cli_names_the_kinds_it_takes(seeded, embedded_env):
    # `--action bogus` listed nothing ("0 regels", exit 0), as if nothing of that kind happened.
    result = CliRunner().invoke(cli, ["audit", "--action", "bogus"])
    assert result.exit_code == 2
    assert "'bogus' is not one of" in result.output
    assert "'engagement'" in result.output and "'user.add'" in result.output
    seeded.transaction(lambda tx: audit.record(tx, by="an", action="user.add", key="bert"))
    for kind in ("user", "user.add"):
        listed = CliRunner().invoke(cli, ["audit", "--action", kind, "--format", "json"])
        assert [e["key"] for e in json.loads(listed.output)] == ["bert"], kind


def test_the_kind_is_chosen_before_the_limit(store):
    """Entries of one kind older than the newest `limit` of all still show: the filter is
    applied by the query, not to the newest entries afterwards."""
    old = [audit.entry(by="an", action="export", key="lijst", at=f"2026-01-0{n}") for n in (1, 2)]
    new = [audit.entry(by="an", action="seed", at=f"2026-02-0{n}") for n in range(1, 6)]
    store.transaction(lambda tx: audit.record_all(tx, old + new))
    assert [e["at"] for e in audit.entries(store, action="export", limit=3)] == [
        "2026-01-02",
        "2026-01-01",
    ]
    assert len(audit.entries(store, limit=3)) == 3
