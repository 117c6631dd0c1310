"""Contact lists and their files, read back and compared row by row."""

from __future__ import annotations

import csv
import io
import shutil

import openpyxl
import pytest
import vobject
import yaml
from click.testing import CliRunner

from graphmap import access, audit, export, register
from graphmap.analysis import contacts
from graphmap.cli import cli
from graphmap.errors import ValidationError
from graphmap.ingest import seed
from graphmap.paths import seed_dir

# Maasland action 1.2-a by hand: led by the zorgraad (An Peeters, also its named contact);
# partners Pallion (Bart Claes, also a named contact), VAPH and Opgroeien (demo contacts).
EXPECTED_1_2_A = [
    ("An Peeters (demo)", "ELZ Maasland", "an.peeters@example.org", "trekker, contactpersoon"),
    ("Dirk Maes (demo)", "Opgroeien", "dirk.maes@example.org", "partner"),
    (
        "Bart Claes (demo)",
        "Pallion (palliatief netwerk Limburg)",
        "bart.claes@example.org",
        "partner, contactpersoon",
    ),
    (
        "Carine Jacobs (demo)",
        "Vlaams Agentschap voor Personen met een Handicap (VAPH)",
        "carine.jacobs@example.org",
        "partner",
    ),
]


def read_csv(data: bytes) -> tuple[list[str], list[dict]]:
    """An exported CSV read back as Excel in Flanders reads it: UTF-8 with BOM, `;`."""
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def _people(found):
    return [(p["name"], p["organisation"], p["email"], p["role"]) for p in found.people]


def test_contact_list_of_an_action(seeded):
    found = contacts.for_action(seeded, "maasland/1.2-a")
    assert _people(found) == EXPECTED_1_2_A
    assert found.unreachable == []
    assert found.people[0]["phone"] == "089 00 00 01"


def test_deduplicated_on_email_and_nobody_dropped(seeded):
    # 5.1-a: Greet Willems works at partner ELZ Kemp en Duin and is a named contact.
    found = contacts.for_action(seeded, "maasland/5.1-a")
    emails = [p["email"] for p in found.people]
    assert len(emails) == len(set(emails)) == 3
    # 3.3-a: partner Plantrekkers has nobody on record: listed apart, not dropped.
    found = contacts.for_action(seeded, "maasland/3.3-a")
    assert [o["organisation"] for o in found.unreachable] == ["Plantrekkers"]


def test_contact_list_of_a_goal_and_a_cluster(seeded):
    goal = contacts.for_goal(seeded, "maasland", "1")
    assert {p["email"] for p in goal.people} >= {e for _, _, e, _ in EXPECTED_1_2_A}
    from graphmap.engagement import set_status

    set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor="test")
    cluster = contacts.for_cluster(seeded, "maasland", "welzijn")
    assert _people(cluster) == [
        (
            "Bart Claes (demo)",
            "Pallion (palliatief netwerk Limburg)",
            "bart.claes@example.org",
            "gecontacteerd",
        )
    ]
    _, table = read_csv(export.contacts_bytes(cluster, "csv"))
    assert [r["Rol"] for r in table] == ["gecontacteerd"], "the dashboard's word, not 'contacted'"


def test_unknown_action_is_a_clear_error(seeded):
    with pytest.raises(ValidationError, match="geen actie 'maasland/9.9'"):
        contacts.for_action(seeded, "maasland/9.9")


def test_csv_opens_in_flemish_excel_and_reads_back(seeded):
    found = contacts.for_action(seeded, "maasland/1.2-a")
    data = export.contacts_bytes(found, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    header, table = read_csv(data)
    assert header == list(export.CONTACT_COLUMNS.values())
    rows = [(r["Naam"], r["Organisatie"], r["E-mail"], r["Rol"]) for r in table]
    assert rows == EXPECTED_1_2_A


def test_xlsx_has_a_header_widths_and_the_unreachable_sheet(seeded):
    found = contacts.for_action(seeded, "maasland/3.3-a")
    book = openpyxl.load_workbook(io.BytesIO(export.contacts_bytes(found, "xlsx")))
    sheet = book["Contacten"]
    header = [c.value for c in sheet[1]]
    assert header == list(export.CONTACT_COLUMNS.values()) and sheet[1][0].font.bold
    assert sheet.freeze_panes == "A2"
    rows = [[c.value or "" for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [r[header.index("E-mail")] for r in rows] == [p["email"] for p in found.people]
    assert all(sheet.column_dimensions[c].width >= 10 for c in "ABCDEFGH")
    assert [c.value for c in book["Zonder contactpersoon"]["A"]][1:] == ["Plantrekkers"]


def test_vcards_import_into_a_mail_client(seeded):
    found = contacts.for_action(seeded, "maasland/1.2-a")
    cards = list(vobject.readComponents(export.contacts_bytes(found, "vcf").decode()))
    assert [(c.fn.value, c.email.value) for c in cards] == [(n, e) for n, _, e, _ in EXPECTED_1_2_A]
    assert cards[0].org.value == ["ELZ Maasland"]


def test_a_vcard_keeps_a_name_whole_rather_than_guess_its_parts(seeded):
    # The graph holds a person's name as written; split at the first space, "Dr." became
    # the first name and "Jan Vermeulen (demo)" the family name.
    name = "Dr. Jan Vermeulen (demo)"
    register.add_contact(seeded, "pallion", {"name": name, "email": "jan.v@example.org"})
    found = contacts.for_action(seeded, "maasland/1.2-a")
    cards = list(vobject.readComponents(export.contacts_bytes(found, "vcf").decode()))
    [card] = [c for c in cards if c.fn.value == name]
    assert (card.n.value.family, card.n.value.given, card.n.value.prefix) == (name, "", "")
    assert f"N:{name};;;;" in card.serialize()


def test_formula_injection_round_trips_inert(store, tmp_path):
    folder = tmp_path / "seed"
    shutil.copytree(seed_dir(), folder)
    demo = folder / "demo" / "contacts.yaml"
    data = yaml.safe_load(demo.read_text())
    evil = '=HYPERLINK("http://evil.example","klik")'
    data["people"].append(
        {
            "id": "demo-evil",
            "name": evil,
            "email": "evil@example.org",
            "function": "@SUM(A1:A9)",
            "phone": "-1",
            "organisation": "pallion",
            "contact_for": ["maasland/1.2-a"],
        }
    )
    demo.write_text(yaml.safe_dump(data, allow_unicode=True))
    seed.load(store, folder)
    found = contacts.for_action(store, "maasland/1.2-a")

    _, table = read_csv(export.contacts_bytes(found, "csv"))
    [row] = [r for r in table if r["E-mail"] == "evil@example.org"]
    assert row["Naam"] == "'" + evil and row["Functie"] == "'@SUM(A1:A9)"

    sheet = openpyxl.load_workbook(io.BytesIO(export.contacts_bytes(found, "xlsx")))["Contacten"]
    [row] = [r for r in sheet.iter_rows(min_row=2) if r[3].value == "evil@example.org"]
    # The text as it is, as a string cell with the quote prefix: no apostrophe shows.
    assert [(c.value, c.data_type, c.quotePrefix) for c in (row[0], row[2], row[4])] == [
        (evil, "s", True),
        ("@SUM(A1:A9)", "s", True),
        ("-1", "s", True),
    ]
    assert row[1].quotePrefix is False


def test_cli_contacts_writes_the_file_and_records_the_export(seeded, embedded_env, tmp_path):
    target = tmp_path / "werkgroep.xlsx"
    result = CliRunner().invoke(
        cli, ["contacts", "--action", "maasland/3.3-a", "--format", "xlsx", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert "zonder bereikbare contactpersoon: Plantrekkers" in result.output
    assert openpyxl.load_workbook(target)["Contacten"].max_row == 3  # header + 2 people
    [last] = audit.entries(seeded, action="export")
    assert last["after_data"] == {"lijst": "actie maasland/3.3-a", "formaat": "xlsx", "rijen": 2}
    assert last["by"] == access.cli_user() and last["zones"] == "maasland"


def test_cli_contacts_needs_exactly_one_selection(seeded, embedded_env):
    result = CliRunner().invoke(cli, ["contacts"])
    assert (
        result.exit_code == 2 and "precies één van --action, --goal of --cluster" in result.output
    )
    result = CliRunner().invoke(cli, ["contacts", "--action", "x/1", "--format", "xlsx"])
    assert result.exit_code != 0
