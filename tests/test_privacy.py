"""Personal data on disk: a private data folder, ids that tell nothing, erasure without trace.

Before: the database files were world-readable; an erased contact's id (their e-mail in
slug form) stayed in the unique index, and the write-ahead log kept their name and e-mail
until a clean shutdown.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_import_spreadsheet import write_csv

from graphmap import access, audit, backup, engagement, followup, register
from graphmap.cli import cli
from graphmap.embedded import make_private
from graphmap.errors import DuplicateKeyError
from graphmap.ingest import people
from graphmap.ingest.spreadsheet import apply_import, plan_import

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("NEO4J_URI")), reason="about the embedded store's files"
)


def _not_private(folder: Path) -> list[str]:
    found = []
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(root) / name
            mode = stat.S_IMODE(path.lstat().st_mode)
            if mode & 0o077:
                found.append(f"{path.relative_to(folder)} {oct(mode)}")
    return found


def _holding(folder: Path, text: str) -> list[str]:
    """Files under `folder` whose bytes hold `text` (as grep -rl would say)."""
    needle = text.encode()
    return [
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and needle in path.read_bytes()
    ]


def test_the_data_folder_and_everything_in_it_is_private(seeded, data_dir):
    register.add_contact(seeded, "pallion", {"name": "Priv Acy (demo)"})
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert _not_private(data_dir) == []
    assert any(data_dir.rglob("*.bucket")), "the database's own files were looked at"


def test_an_old_world_readable_folder_is_made_private(tmp_path):
    folder = tmp_path / "oud"
    (folder / "arcadedb").mkdir(parents=True, mode=0o755)
    (folder / "arcadedb" / "Person_0.bucket").write_text("x")
    os.chmod(folder / "arcadedb" / "Person_0.bucket", 0o644)
    os.chmod(folder, 0o755)
    make_private(folder)
    assert _not_private(folder) == []


def test_a_new_contact_gets_an_id_that_tells_nothing(seeded):
    person = register.add_contact(
        seeded, "pallion", {"name": "Iemand Anders (demo)", "email": "iemand@example.org"}
    )
    assert people.generated(person)
    assert "iemand" not in person


def test_an_erased_contact_leaves_no_trace_in_the_data_folder(seeded, data_dir, tmp_path):
    address, name = "wis.mij.volledig@example.org", "Wisbare Persoon (demo)"
    old_address = "oude.sleutel@example.org"  # a person whose id was made from the address
    person = register.add_contact(seeded, "pallion", {"name": name, "email": address})
    old_id = people.key("", "", old_address)
    seeded.transaction(
        lambda tx: (
            tx.run("import_sources", rows=[{"id": "oud", "document": "oud", "section": ""}]),
            tx.run(
                "import_persons",
                rows=[
                    {
                        "id": old_id,
                        "name": "Oude Sleutel (demo)",
                        "email": old_address,
                        "phone": None,
                        "function": None,
                        "organisation": "vaph",
                        "source": "oud",
                    }
                ],
            ),
        )
    )
    # An entry that names the old person by that key, as imports wrote them before.
    seeded.transaction(
        lambda tx: audit.record(
            tx, by="t", action="import.row", entity="Person", key=old_id, zones=["maasland"]
        )
    )
    # An import that updates the old person now names them by no key at all.
    listed = write_csv(
        tmp_path / "contacten.csv",
        [
            ["Naam", "E-mail", "Organisatie", "Functie"],
            ["Oude Sleutel (demo)", old_address, "vaph", "Coördinator"],
        ],
    )
    report = plan_import(seeded, listed, "contacts")
    apply_import(seeded, report, actor="t")
    imported = [e for e in audit.entries(seeded, action="import") if e["entity"] == "Person"]
    assert sorted(e["key"] or "" for e in imported) == ["", old_id], imported
    daily = backup.keep_daily(seeded, data_dir / backup.DAILY_FOLDER)
    assert address.encode() in daily.read_bytes()
    seeded.forget()  # everything so far reaches the data files: the test then sees them there
    assert _holding(data_dir, address), "the test must find the address before the erasure"
    assert _holding(data_dir, old_id)

    register.remove_contact(seeded, person)
    register.remove_contact(seeded, old_id)

    for trace in (address, name, old_address, old_id, "Oude Sleutel"):
        assert _holding(data_dir, trace) == [], trace
    # The rebuilt index still refuses a second person with a taken id.
    taken = register.organisation(seeded, "pallion")["contacts"][0]["id"]
    with pytest.raises(DuplicateKeyError):
        seeded.transaction(
            lambda tx: tx.run_template(
                "restore_nodes", {"__LABELS__": "Person"}, rows=[{"id": taken}]
            )
        )


# -- an erasure and a daily backup exclude each other ------------------------------------------
# Before: the dashboard's hourly backup thread (or another `graphmap serve`) could read the graph
# before an erasure committed and rename its file into backups/ after the erasure had scrubbed
# the files there: the erased person was back in a backup. Now both take one lock file in the
# data folder (`backup.locked`).
HOLDER = """
import sys
from pathlib import Path
from graphmap import backup
folder, late = Path(sys.argv[1]), Path(sys.argv[2])
with backup.locked(folder):
    print("locked", flush=True)
    sys.stdin.readline()
    late.replace(folder / "graphmap-2026-12-06.jsonl")  # the backup under way lands
"""


def _waiting_on(lock: Path) -> bool:
    """Whether some process or thread waits for the flock of `lock` (Linux's /proc/locks marks
    a waiter with `->`): the test then knows where the other side stands, without a clock."""
    inode = f":{lock.stat().st_ino} "
    with open("/proc/locks", encoding="ascii") as locks:
        return any("->" in line and "FLOCK" in line and inode in line for line in locks)


def _until(condition, what: str) -> None:
    for _ in range(600):
        if condition():
            return
        threading.Event().wait(0.05)
    raise AssertionError(f"never: {what}")


def _lock_of(folder: Path) -> Path:
    return folder.parent / f"{folder.name}.lock"


def test_an_erasure_waits_for_a_backup_under_way_in_another_process_and_scrubs_it(
    seeded, data_dir, tmp_path
):
    address = "late.backup@example.org"
    person = register.add_contact(seeded, "pallion", {"name": "Laat (demo)", "email": address})
    folder = data_dir / backup.DAILY_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    earlier = backup.keep_daily(seeded, folder, today=date(2026, 12, 5))
    late = folder.parent / "late.jsonl"  # the backup that read the graph before the erasure
    backup.write(seeded, late)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder), str(late)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    erasure = threading.Thread(target=register.remove_contact, args=(seeded, person))
    try:
        assert holder.stdout.readline().strip() == "locked"
        erasure.start()
        _until(lambda: _waiting_on(_lock_of(folder)), "the erasure waits for the backup")
        assert address.encode() in earlier.read_bytes(), "not scrubbed while the backup runs"
        holder.communicate("go\n", timeout=60)
        erasure.join(timeout=120)
    finally:
        holder.kill()
    assert holder.returncode == 0
    assert not erasure.is_alive()
    assert _holding(folder, address) == [], "the backup that landed was scrubbed too"
    assert _holding(folder, "Laat (demo)") == []


def test_a_backup_waits_for_an_erasure_and_reads_the_graph_without_the_person(
    seeded, data_dir, tmp_path
):
    address = "early.backup@example.org"
    person = register.add_contact(seeded, "pallion", {"name": "Vroeg (demo)", "email": address})
    folder = tmp_path / "backups"
    written = []
    with backup.locked(folder):  # as an erasure holds it while it scrubs
        daily = threading.Thread(
            target=lambda: written.append(backup.keep_daily(seeded, folder, today=date(2026, 1, 1)))
        )
        daily.start()
        _until(lambda: _waiting_on(_lock_of(folder)), "the backup waits for the erasure")
        assert list(folder.glob("*")) == [], "nothing written while the erasure holds the lock"
        seeded.write("register_remove_contact", person=person)
    daily.join(timeout=120)
    assert written and written[0].exists()
    assert address.encode() not in written[0].read_bytes()


def test_an_erasure_removes_a_half_written_backup_a_killed_writer_left(seeded, data_dir):
    address = "half.written@example.org"
    person = register.add_contact(seeded, "pallion", {"name": "Half (demo)", "email": address})
    folder = data_dir / backup.DAILY_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    half = folder / f"{backup.TEMPORARY_PREFIX}killed"
    half.write_text("\n".join(backup.dump(seeded))[:-200], encoding="utf-8")
    assert address.encode() in half.read_bytes()
    register.remove_contact(seeded, person)
    assert _holding(folder, address) == []


def test_an_erasure_takes_the_person_out_of_the_notes_about_their_organisation(seeded, data_dir):
    """Before: the notes staff wrote (a contact moment's, a next step's, an engagement
    change's) kept the erased person's name, e-mail and phone: in the graph, the database's
    files, the daily backups, and so in the history, the follow-ups and the report."""
    name, address = "Erika Notula (demo)", "erika.notula@example.org"
    person = register.add_contact(
        seeded, "pallion", {"name": name, "email": address, "phone": "0470 98 76 54"}
    )
    moment = followup.record_moment(
        seeded,
        "pallion",
        "maasland",
        {
            "kind": "telefoon",
            "person": person,
            "note": "erika notula belt terug op 0470 98 76 54",
            "what": f"Offerte mailen naar {address}",
            "due": "2099-12-31",
            "owner": "Erika Notula",
        },
        actor="t",
    )
    engagement.set_status(
        seeded, "pallion", "maasland", "welzijn", "contacted", actor="t",
        note="gesprek met Erika Notula (demo)",
    )  # fmt: skip
    daily = backup.keep_daily(seeded, data_dir / backup.DAILY_FOLDER, today=date(2026, 12, 1))
    seeded.forget()
    for trace in ("Notula", "notula", "98 76 54"):
        assert _holding(data_dir, trace), f"the test must find {trace!r} before the erasure"

    register.remove_contact(seeded, person)

    for trace in ("Notula", "notula", "98 76 54", "+32470987654"):
        assert _holding(data_dir, trace) == [], trace
    moments = followup.moments(seeded, organisation="pallion")
    assert [(m["note"], m["what"], m["owner"]) for m in moments if m["id"] == moment["moment"]] == [
        ("(gewist) belt terug op (gewist)", "Offerte mailen naar (gewist)", "(gewist)")
    ]
    notes = [c["note"] for c in engagement.history(seeded, organisation="pallion")]
    assert "gesprek met (gewist)" in notes
    assert address.encode() not in daily.read_bytes()
    with open(daily, encoding="utf-8") as lines:
        backup.restore(seeded, lines, replace=True)  # the scrubbed backup is still whole


def test_an_erasure_takes_whole_words_out_of_a_note():
    traces = register._traces({"name": "An Peeters (demo)", "email": None, "phone": None})
    note = "An Peeters (demo) en an  peeters; Jan Peetersen blijft, Anne ook"
    assert (
        register._scrubbed(note, traces) == "(gewist) en (gewist); Jan Peetersen blijft, Anne ook"
    )


def test_an_erasure_finds_a_phone_number_however_it_is_written():
    """Before: only +32470123456 and 0470 12 34 56 were found; the other ways staff write a
    number stayed in the notes and the backups."""
    traces = register._traces({"name": "An Peeters", "email": "an@x.be", "phone": "+32470123456"})
    for written in (
        "+32 470 12 34 56",
        "0470/12.34.56",
        "0470 123 456",
        "0032470123456",
        "+32 (0)470 12 34 56",
        "0470-12-34-56",
    ):
        assert register._scrubbed(f"bel {written} of mail an@x.be.", traces) == (
            "bel (gewist) of mail (gewist)."
        ), written
    # Another number, or a longer one holding it, stays; so does another address.
    kept = "rekening 10470123456, 0470 12 34 57, jan.an@x.be"
    assert register._scrubbed(kept, traces) == kept


def test_an_erasure_leaves_other_people_in_a_note():
    """Before: "Marie-An Peeters" became "Marie-(gewist)", and a contact recorded as "Jan"
    took every Jan out of the notes, staff included."""
    traces = register._traces({"name": "An Peeters", "email": None, "phone": None})
    note = "Marie-An Peeters en An Peeters-Claes belden"
    assert register._scrubbed(note, traces) == note
    alone = register._traces({"name": "Jan", "email": None, "phone": None})
    assert register._scrubbed("Jan Janssens en Jan-Pieter", alone) == "Jan Janssens en Jan-Pieter"


def test_a_restore_of_an_older_backup_keeps_an_erasure(seeded, data_dir, embedded_env, tmp_path):
    """Before: `graphmap restore --replace` of a backup made before an erasure brought the
    person back, with the notes naming them, and the erasure's audit entry was gone."""
    name, address = "Herbert Terug (demo)", "herbert.terug@example.org"
    person = register.add_contact(seeded, "pallion", {"name": name, "email": address})
    followup.record_moment(
        seeded, "pallion", "maasland", {"kind": "telefoon", "note": "Herbert Terug belde"},
        actor="t",
    )  # fmt: skip
    older = tmp_path / "ouder.jsonl"
    backup.write(seeded, older)
    register.remove_contact(seeded, person)

    for _ in range(2):  # the second restore finds the erasure in the graph the first made
        result = CliRunner().invoke(cli, ["restore", str(older), "--replace"])
        assert result.exit_code == 0, result.output
        assert "opnieuw gewist: 1 contactpersoon die na deze back-up gewist werd\n" in (
            result.output
        )
        assert person not in {c["id"] for c in register.organisation(seeded, "pallion")["contacts"]}
        notes = {m["note"] for m in followup.moments(seeded, organisation="pallion")}
        assert "(gewist) belde" in notes and "Herbert Terug belde" not in notes
        assert [e["key"] for e in audit.entries(seeded, action="contact.erase")] == [person]
    assert _holding(data_dir, address) == [] and _holding(data_dir, "Herbert") == []


def test_graphmap_forget_erases_by_e_mail_and_points_at_earlier_exports(
    seeded, data_dir, embedded_env, tmp_path
):
    address = "Vergeet.Mij@example.org"
    person = register.add_contact(
        seeded, "pallion", {"name": "Vergeet Mij (demo)", "email": address}
    )
    listed = CliRunner().invoke(
        cli, ["contacts", "--cluster", "maasland/welzijn", "-o", str(tmp_path / "c.csv")]
    )
    assert listed.exit_code == 0, listed.output
    result = CliRunner().invoke(cli, ["forget", address.lower()])
    assert result.exit_code == 0, result.output
    assert f"gewist: {person}" in result.output
    assert "let op: de audit noemt exports van maasland (1)" in result.output
    assert person not in {c["id"] for c in register.organisation(seeded, "pallion")["contacts"]}
    assert _holding(data_dir, "Vergeet Mij") == []
    again = CliRunner().invoke(cli, ["forget", address])
    assert again.exit_code == 1
    assert f"geen contactpersoon {address!r}" in again.output


def test_graphmap_forget_finishes_an_erasure_cut_short_after_its_commit(
    seeded, data_dir, embedded_env
):
    """Before: once the person was gone from the graph (the erasure committed, then its
    process was killed or the database's log would not empty), nothing could take them out
    of the daily backups: `graphmap forget` did not know them, Organisaties no longer
    listed them. The audit's contact.erase entry names the id to give."""
    address = "half.gewist@example.org"
    person = register.add_contact(
        seeded, "pallion", {"name": "Half Gewist (demo)", "email": address}
    )
    followup.record_moment(
        seeded, "pallion", "maasland", {"kind": "telefoon", "note": "Half Gewist belde"},
        actor="t",
    )  # fmt: skip
    folder = data_dir / backup.DAILY_FOLDER
    held = backup.keep_daily(seeded, folder, today=date(2026, 11, 30))
    # The commit, and no more: the person and the notes naming them are gone from the graph.
    seeded.transaction(
        lambda tx: (
            register._scrub_notes(tx, person),
            tx.run("register_remove_contact", person=person),
        )
    )
    assert address.encode() in held.read_bytes()

    result = CliRunner().invoke(cli, ["forget", person])
    assert result.exit_code == 0, result.output
    assert address.encode() not in held.read_bytes()
    assert b"Half Gewist" not in held.read_bytes(), "the note in the backup too"
    assert backup.held(folder, "Person", person) is None
    again = CliRunner().invoke(cli, ["forget", person])
    assert again.exit_code == 1 and f"geen contactpersoon {person!r}" in again.output


def test_a_backup_from_the_command_line_is_recorded_as_an_export(seeded, embedded_env, tmp_path):
    """Before: `graphmap backup FILE` wrote every contact person to a file and the audit,
    which records every contact export, said nothing of it."""
    written = CliRunner().invoke(cli, ["backup", str(tmp_path / "graaf.jsonl")])
    assert written.exit_code == 0, written.output
    to_stdout = CliRunner().invoke(cli, ["backup", "-"])
    assert to_stdout.exit_code == 0
    in_file = len((tmp_path / "graaf.jsonl").read_text(encoding="utf-8").splitlines()) - 1
    on_stdout = len(to_stdout.output.splitlines()) - 1
    exports = [e for e in audit.entries(seeded, action="export") if e["key"] == "back-up"]
    assert [e["after_data"]["rijen"] for e in exports] == [on_stdout, in_file]  # newest first
    assert all(e["by"].startswith("cli:") and "maasland" in e["zones"] for e in exports)


def test_an_address_known_only_to_other_zones_tells_an_editor_nothing(seeded, tmp_path):
    """Before: an editor of kempenland who typed the e-mail address of a contact of a
    maasland organisation in her contact list had the row refused with "<address> is al een
    contactpersoon van een organisatie die niet bij uw zones hoort", and the Organisaties
    form said "<address> staat al in het register": a way to test which addresses other
    zones keep. (Earlier still, the import matched the person by that address, renamed them
    and showed her maasland's phone number.) Now an address she may not see is as unknown to
    her as any other: her zone gets its own record of that person."""
    address, other = "gedeeld.adres@example.org", "ander.adres@example.org"
    theirs = register.add_contact(
        seeded,
        "pallion",
        {"name": "Maas Persoon (demo)", "email": address, "phone": "0470 55 66 77"},
    )
    register.add_contact(seeded, "pallion", {"name": "Maas Twee (demo)", "email": other})
    editor = access.User("kempen", "editor", {"kempenland"})

    def checked(email: str, name: str):
        listed = write_csv(
            tmp_path / name, [["Naam", "E-mail", "Organisatie"], ["Kempen Naam", email, "icho"]]
        )
        report = plan_import(seeded, listed, "contacts", user=editor)
        assert access.refuse_import_rows(seeded, editor, report) == {}
        return report

    def seen(report) -> list[dict]:  # what the page shows and keeps of the check
        return [{**row, "person": None} for row in report.to_dict()["rows"]]

    known = checked(address, "contacten.csv")
    unknown = checked("nooit.gezien@example.org", "contacten.csv")
    assert seen(known) == seen(unknown) and seen(known)[0]["outcome"] == "new"
    assert known.marks == unknown.marks, "the preview's marks hold nothing of maasland's"
    apply_import(seeded, known, actor="kempen")
    [ours] = [c for c in register.organisation(seeded, "icho")["contacts"] if c["id"] != theirs]
    assert (ours["name"], ours["email"]) == ("Kempen Naam", address)
    pallion = {c["id"]: c for c in register.organisation(seeded, "pallion")["contacts"]}
    assert (pallion[theirs]["name"], pallion[theirs]["phone"]) == (
        "Maas Persoon (demo)",
        "+32470556677",
    )
    # Her own record she is told of, by the list and the form alike.
    assert checked(address, "opnieuw.csv").rows[0].outcome == "unchanged"
    with pytest.raises(register.FormError, match="staat al in het register"):
        register.add_contact(seeded, "icho", {"name": "Kempen Twee", "email": address}, user=editor)
    # The form on Organisaties adds a person maasland keeps as her own record too; to
    # maasland's editor, whose record it is, it says so.
    added = register.add_contact(
        seeded, "icho", {"name": "Kempen Twee", "email": other}, user=editor
    )
    assert added not in pallion
    maasland = access.User("an", "editor", {"maasland"})
    with pytest.raises(register.FormError, match="staat al in het register"):
        register.add_contact(
            seeded, "pallion", {"name": "Maas Drie", "email": other}, user=maasland
        )
