"""Flows staff use on a shared server of many zones read from their own zone outwards, or
read Flanders once: checked by what they ask of the database (query names, rows), never by
a timing."""

from __future__ import annotations

from pathlib import Path

from conftest import UPDATE, callback_body
from dashboard_client import PASSWORD, sign_in

from dashboard.app import create_app
from graphmap import engagement, users
from graphmap.ingest import plan
from graphmap.ingest.columns import CONTACTS, ORGANISATIONS
from graphmap.ingest.spreadsheet import (
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATED,
    apply_import,
    person_index,
    plan_import,
)

DATA = Path(__file__).resolve().parent / "data"


def test_an_editors_action_choices_are_read_from_their_own_zones(seeded):
    """Organisaties' tab 'Acties' offers an editor the actions of their own zones: read from
    those zones outwards, not as every action of Flanders filtered afterwards (3,000 actions
    at 60 zones for an editor's 50)."""
    users.add(seeded, "medewerker", PASSWORD, "editor", ["maasland"], actor="test")
    app = create_app(seeded)
    client = sign_in(app, "medewerker")
    body = callback_body(
        app, "organisaties-tabs.active_tab", {"organisaties-tabs.active_tab": "actions"}
    )
    with seeded.traced() as trace:
        answer = client.post(UPDATE, json=body)
    assert answer.status_code == 200, answer.text
    options = answer.get_json()["response"]["organisaties-action"]["options"]
    maasland = [row["id"] for row in seeded.read("actions", zone="maasland")]
    assert sorted(o["value"] for o in options) == sorted(maasland)
    assert all(o["label"].startswith("ELZ Maasland · ") for o in options), options[:2]
    read = {name for name, _ in trace}
    assert "zone_action_choices" in read and "actions" not in read, read


def _csv(path, rows):
    path.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_a_contact_list_reads_the_persons_it_can_mean_not_every_person(seeded, tmp_path):
    """A contact list is compared with the persons of its e-mail addresses and of the
    organisations it names (48,000 persons of Flanders were read and keyed for a list of 200
    rows): a known person is still found by e-mail in another case, at another organisation,
    and one without e-mail by name within their organisation."""
    header = ["Naam", "Organisatie", "E-mail"]
    alone = _csv(tmp_path / "alone.csv", [header, ["Zonder Mail (demo)", "Pallion", ""]])
    apply_import(seeded, plan_import(seeded, alone, CONTACTS), actor="test")
    rows = [
        header,
        ["Bart Claes (demo)", "VAPH", "BART.CLAES@example.org"],
        ["Zonder Mail (demo)", "Pallion", ""],
    ]
    with seeded.traced() as trace:
        report = plan_import(seeded, _csv(tmp_path / "both.csv", rows), CONTACTS)
    read = {name for name, _ in trace}
    assert "import_persons_named" in read and "import_person_index" not in read, read
    bart, alone_again = report.rows
    assert (bart.person, bart.outcome) == ("demo-bart-claes", UPDATED), bart.notes
    assert alone_again.outcome == UNCHANGED, alone_again.notes
    [known] = [r for r in person_index(seeded) if r["name"] == "Zonder Mail (demo)"]
    assert alone_again.person == known["id"]


def test_the_register_a_plan_is_matched_against_is_read_once_per_revision(seeded):
    """Flanders' register (30,000 names) is read and keyed once while the graph stays the
    same: the dashboard previews a plan again to apply it, and staff preview several
    versions. A write, by any process, makes the next preview read it afresh."""
    path = DATA / "plans" / "elz-demervallei.txt"

    def preview():
        with seeded.traced() as trace:
            found = plan.preview_plan(seeded, path, "demervallei")
        return found, [name for name, _ in trace]

    first, read_first = preview()
    second, read_second = preview()
    assert read_first.count("organisation_names") == 1
    assert "organisation_names" not in read_second
    assert second.organisation_matches == first.organisation_matches
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="test")
    _, read_third = preview()
    assert read_third.count("organisation_names") == 1


def test_a_list_naming_no_municipality_reads_the_register_once_per_revision(seeded, tmp_path):
    """A list of contacts is compared with every organisation of Flanders (30,000 read and
    indexed for 200 rows), and the dashboard checks it again to apply it: the organisations
    are read once while the graph stays the same. An organisation added meanwhile, by any
    writer, is found by the next check."""
    header = ["Naam", "Organisatie", "E-mail"]
    rows = [
        header,
        ["Bart Claes (demo)", "VAPH", "bart.claes@example.org"],
        ["Nieuwe Collega (demo)", "Dienstencentrum De Nieuwe Hoek", "nieuw@example.org"],
    ]
    contacts = _csv(tmp_path / "contacts.csv", rows)

    def check():
        with seeded.traced() as trace:
            report = plan_import(seeded, contacts, CONTACTS)
        return report, [name for name, _ in trace]

    first, read_first = check()
    second, read_second = check()
    assert read_first.count("import_organisation_index") == 1
    assert "import_organisation_index" not in read_second
    assert [(r.outcome, r.organisation) for r in second.rows] == [
        (r.outcome, r.organisation) for r in first.rows
    ]
    assert first.rows[1].outcome == REJECTED, first.rows[1].notes
    organisations = _csv(
        tmp_path / "organisations.csv",
        [["Naam", "Gemeente", "Categorie"], ["Dienstencentrum De Nieuwe Hoek", "Maasmechelen", ""]],
    )
    apply_import(seeded, plan_import(seeded, organisations, ORGANISATIONS), actor="test")
    third, read_third = check()
    assert read_third.count("import_organisation_index") == 1
    assert third.rows[1].outcome == NEW and third.rows[1].organisation, third.rows[1].notes
