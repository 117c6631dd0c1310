"""Limits on input: bombs are refused early with bounded memory, long cells and fields are
reported by row or field, control characters never break an export.

The bombs are made here, small on disk, and read in a subprocess that reports its own peak
memory (before the limits: 1.6 GB and still growing for the wide sheet, 1.7 GB for the huge
shared string, 2.7 GB for the 200 MB CSV).
"""

from __future__ import annotations

import base64
import io
import json
import re
import socket
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_import_spreadsheet import write_csv

from graphmap import export, limits, register
from graphmap.analysis import contacts
from graphmap.errors import ValidationError
from graphmap.ingest import upload
from graphmap.ingest.spreadsheet import apply_import, plan_import
from graphmap.register import FormError

# What a bare workbook needs besides its sheet: content types, relationships, workbook.
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    ),
}
_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _workbook(path: Path, sheet_rows, dimension: str | None, strings=("Naam",)) -> Path:
    """A workbook written part by part, streaming: a bomb never exists in memory here."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/sharedStrings.xml", "w") as part:
            part.write(f'<sst {_MAIN} count="{len(strings)}">'.encode())
            for string in strings:
                part.write(b"<si><t>")
                for chunk in string() if callable(string) else [string]:
                    part.write(chunk.encode())
                part.write(b"</t></si>")
            part.write(b"</sst>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(f"<worksheet {_MAIN}>".encode())
            if dimension:
                part.write(f'<dimension ref="{dimension}"/>'.encode())
            part.write(b"<sheetData>")
            for row in sheet_rows():
                part.write(row.encode())
            part.write(b"</sheetData></worksheet>")
    return path


def _wide_rows(rows: int):
    """Rows with a header cell in A and one number far out in column XFD."""

    def generate():
        yield '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        for n in range(2, rows + 2):
            yield f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="XFD{n}"><v>1</v></c></row>'

    return generate


def _read_in_subprocess(path: Path) -> dict:
    """read_table(path) in a fresh interpreter: its outcome, time and peak memory (MB)."""
    script = (
        "import json, sys, time\n"
        "from graphmap.ingest.tables import read_table\n"
        "from graphmap.errors import ValidationError\n"
        "def high_water():  # VmHWM, not ru_maxrss: Linux carries that over from the parent\n"
        "    status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "    return int(status.split()[0]) / 1024\n"
        "before = high_water()\n"
        "started = time.perf_counter()\n"
        "try:\n"
        "    table = read_table(sys.argv[1])\n"
        "    outcome = f'read {len(table.rows)} rows'\n"
        "except ValidationError as error:\n"
        "    outcome = str(error)\n"
        "seconds = time.perf_counter() - started\n"
        "peak = high_water()\n"
        "print(json.dumps({'outcome': outcome, 'seconds': round(seconds, 3),\n"
        "                  'peak_mb': round(peak), 'reading_mb': round(peak - before, 1)}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    print(f"{path.name}: {result}")  # the figures, for the issue note (pytest -s)
    return result


# Reading a bomb until it is refused may take this much memory beyond what the interpreter
# held with graphmap imported (~115 MB).
READING_MB = 20


def test_a_sparse_very_wide_workbook_is_refused_at_its_first_far_value(tmp_path):
    # What a sheet declares of its size counts formatting too (a bold cell in column DP):
    # only a value beyond the limits refuses it, as soon as it comes.
    path = _workbook(tmp_path / "breed.xlsx", _wide_rows(3_000), "A1:XFD3001")
    assert path.stat().st_size < 200_000
    result = _read_in_subprocess(path)
    assert "meer dan 100 kolommen (cel XFD2)" in result["outcome"]
    assert result["reading_mb"] < READING_MB


def test_a_wide_workbook_that_hides_its_size_is_refused_at_the_first_far_cell(tmp_path):
    path = _workbook(tmp_path / "verstopt.xlsx", _wide_rows(3_000), dimension=None)
    result = _read_in_subprocess(path)
    assert "meer dan 100 kolommen (cel XFD2)" in result["outcome"]
    assert result["reading_mb"] < READING_MB


def test_a_workbook_with_one_huge_shared_string_is_refused_unread(tmp_path):
    def huge():  # 200 MB of text, a few hundred KB packed
        for _ in range(200):
            yield "a" * 1_000_000

    rows = lambda: iter(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'])  # noqa: E731
    path = _workbook(tmp_path / "string.xlsx", rows, "A1:A1", strings=(huge,))
    assert path.stat().st_size < 1_000_000
    result = _read_in_subprocess(path)
    assert "uitgepakt te groot" in result["outcome"]
    assert result["reading_mb"] < READING_MB


def test_a_200_mb_csv_is_refused_unread(tmp_path):
    path = tmp_path / "groot.csv"
    with open(path, "wb") as handle:  # sparse: 200 MB without writing them
        handle.write(b"Naam;Gemeente\r\n")
        handle.truncate(200 * 1024 * 1024)
    result = _read_in_subprocess(path)
    limit = limits.megabytes(limits.FILE_BYTES)
    assert f"te groot (200,0 MB; hoogstens {limit})" in result["outcome"]
    assert result["reading_mb"] < READING_MB


def test_a_file_just_over_the_limit_does_not_read_as_the_limit(tmp_path):
    path = tmp_path / "net-te-groot.csv"
    with open(path, "wb") as handle:
        handle.write(b"Naam\r\n")
        handle.truncate(limits.FILE_BYTES + 1)
    limit = limits.megabytes(limits.FILE_BYTES)
    with pytest.raises(ValidationError, match=f"te groot \\(meer dan {limit}\\)"):
        plan_import(None, path, "organisations")


def test_too_many_rows_are_refused_with_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ROWS", 5)
    path = write_csv(tmp_path / "lang.csv", [["Naam"], *[[f"Org {n}"] for n in range(9)]])
    with pytest.raises(ValidationError, match="lang.csv: meer dan 5 rijen"):
        plan_import(None, path, "organisations")


def test_a_long_cell_rejects_its_own_row_and_keeps_the_numbers(seeded, tmp_path):
    rows = [
        ["Naam", "Categorie"],
        ["Eerste Partner", "caw"],
        ["Tweede Partner", "caw"],
        ["Lange Partner " + "x" * 200_000, "caw"],  # row 4: 200 KB in one cell
        ["Vijfde Partner", "caw"],
    ]
    report = plan_import(seeded, write_csv(tmp_path / "lang.csv", rows), "organisations")
    assert [(r.row, r.outcome) for r in report.rows] == [
        (2, "new"),
        (3, "new"),
        (4, "rejected"),
        (5, "new"),
    ]
    assert report.rows[2].message.startswith("rij 4, kolom 'Naam': cel te lang: 200.014 tekens")
    assert apply_import(seeded, report, actor="test")["new"] == 3


def test_a_list_larger_than_one_database_message_imports_whole(seeded, tmp_path):
    """Its rows exceed the 16 MB message the embedded server takes (which then left the
    import waiting for ever): they go in parts, in one transaction."""
    name, site = "é" * 150, "https://example.org/" + "a" * 450
    rows = [["Naam", "Categorie", "Website"]]
    rows += [[f"Partner {n} {name}", "caw", f"{site}/{n}"] for n in range(8_000)]
    report = plan_import(seeded, write_csv(tmp_path / "groot.csv", rows), "organisations")
    assert limits.message_bytes(report.writes.new_organisations) > limits.MESSAGE_BYTES
    assert apply_import(seeded, report, actor="test")["new"] == 8_000
    assert seeded.read("organisation_ids", ids=[r.organisation for r in report.rows][-1:])


def test_a_name_longer_than_a_field_allows_is_rejected_in_its_row(seeded, tmp_path):
    rows = [["Naam", "Categorie"], ["N" * (limits.NAME + 1), "caw"]]
    report = plan_import(seeded, write_csv(tmp_path / "naam.csv", rows), "organisations")
    [row] = report.rows
    assert row.outcome == "rejected"
    assert "te lang: 201 tekens, hoogstens 200" in row.message


def test_a_1_mb_name_on_the_register_form_is_refused_at_once(seeded):
    with pytest.raises(FormError) as error:
        register.save_organisation(seeded, {"name": "x" * 1_000_000, "category": "caw"})
    assert error.value.fields == {"name": "te lang: 1.000.000 tekens, hoogstens 200"}
    with pytest.raises(FormError) as error:
        register.add_contact(seeded, "pallion", {"name": "An", "function": "f" * 5_000})
    assert list(error.value.fields) == ["function"]


def test_a_bel_in_a_contact_name_is_removed_on_input(seeded):
    person = register.add_contact(seeded, "pallion", {"name": "An\x07 Bel (demo)"})
    [contact] = [
        c for c in register.organisation(seeded, "pallion")["contacts"] if c["id"] == person
    ]
    assert contact["name"] == "An Bel (demo)"


def test_a_right_to_left_override_in_a_name_is_removed_on_input(seeded):
    """U+202E shows "Pallion (demo)" typed as "(omed) noillaP" reversed: a spoofed name."""
    person = register.add_contact(seeded, "pallion", {"name": "An \u202eomed\u202c Bel (demo)"})
    [contact] = [
        c for c in register.organisation(seeded, "pallion")["contacts"] if c["id"] == person
    ]
    assert contact["name"] == "An omed Bel (demo)"


@pytest.mark.parametrize(
    ("filename", "message"),
    [
        ("x" * 300 + ".csv", "de bestandsnaam is te lang (304 tekens)"),
        ("é" * 130 + ".csv", "de bestandsnaam is te lang (134 tekens)"),
        ("..", "het bestand heeft geen bruikbare naam"),
        ("", "het bestand heeft geen bruikbare naam"),
    ],
)
def test_an_upload_with_an_unwritable_name_is_refused_in_words(filename, message):
    small = "data:text/csv;base64," + base64.b64encode(b"Naam\nA\n").decode()
    with pytest.raises(ValidationError, match=re.escape(message)):
        upload.with_upload(small, filename, lambda path: path)


def test_an_upload_name_keeps_its_own_last_part_without_control_characters():
    small = "data:text/csv;base64," + base64.b64encode(b"Naam\nA\n").decode()
    assert upload.with_upload(small, "lij\x00st.csv", lambda p: p.name) == "lijst.csv"
    assert upload.with_upload(small, "C:\\Users\\an\\lijst.csv", lambda p: p.name) == "lijst.csv"
    assert upload.with_upload(small, "../../lijst.csv", lambda p: p.name) == "lijst.csv"


def test_control_characters_already_in_the_graph_never_break_an_export(seeded):
    """Data from before the input was cleaned: a BEL in a name still exports, without it."""
    seeded.transaction(
        lambda tx: (
            tx.run(
                "import_persons",
                rows=[
                    {
                        "id": "persoon-0000000000b1",
                        "name": "Oud\x07 Bel (demo)",
                        "email": "oud.bel@example.org",
                        "phone": None,
                        "function": "nul\x00teken",
                        "organisation": "pallion",
                        "source": "seed",
                    }
                ],
            )
            if tx.run("import_sources", rows=[{"id": "seed", "document": "t", "section": ""}])
            else None
        )
    )
    found = contacts.for_action(seeded, "maasland/1.2-a")
    assert any("\x07" in p["name"] for p in found.people), "the test needs the BEL in the graph"
    data = export.contacts_bytes(found, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Contacten"]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Oud Bel (demo)" in names
    assert "\x07" not in export.csv_bytes(found.people, export.CONTACT_COLUMNS).decode("utf-8-sig")


def test_an_upload_over_the_limit_is_refused_before_it_is_decoded(tmp_path):
    contents = "data:text/csv;base64," + "A" * (limits.UPLOAD_REQUEST_BYTES + 4)
    with pytest.raises(ValidationError, match="groot.csv: het bestand is te groot"):
        upload.with_upload(contents, "groot.csv", lambda path: path)
    small = "data:text/csv;base64," + base64.b64encode(b"Naam\nA\n").decode()
    assert upload.with_upload(small, "klein.csv", lambda path: path.read_text()) == "Naam\nA\n"


def test_the_dashboard_refuses_an_oversized_request_without_reading_it(seeded):
    """A 200 MB upload request gets 413 from the dashboard's server as soon as its headers
    arrive; the body is never sent here (before, the server read and decoded all of it)."""
    from werkzeug.serving import make_server

    from dashboard.app import create_app

    server = make_server("127.0.0.1", 0, create_app(seeded, demo=True).server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
            connection.sendall(
                b"POST /_dash-update-component HTTP/1.1\r\nHost: localhost\r\n"
                b"Content-Type: application/json\r\n"
                + f"Content-Length: {200 * 1024 * 1024}\r\n\r\n".encode()
                + b'{"output": "'
            )
            answer = connection.recv(200).decode("latin-1")
    finally:
        server.shutdown()
    assert answer.startswith("HTTP/1.1 413"), answer
