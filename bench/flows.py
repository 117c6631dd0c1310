"""Flows staff use beyond a page's first load that turned out slow on a server of 60 zones
(`make bench` timed none of them): a contact list imported into a zone, a plan previewed
and previewed again to apply it, an editor's action choices on Organisaties, a zone's
zorgraad report, and the whole graph's backup. Each on the same generated network as
bench/scale.py, measured a few times (the backup once: it reads every node)."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from bench.measure import guarded, timed
from bench.scale import ZONE
from graphmap import backup
from graphmap.analysis import directory, network
from graphmap.ingest import plan, spreadsheet
from graphmap.ingest.columns import CONTACTS
from graphmap.report import zorgraad
from graphmap.store import Store

CONTACT_ROWS = 200  # a zone's contact list as staff keep it in a spreadsheet
# A plan of a zone the generated network does not hold: its preview proposes the zone whole.
PLAN = Path(__file__).resolve().parent.parent / "tests" / "data" / "plans" / "elz-demervallei.txt"
PLAN_ZONE = "demervallei"


def write_contacts(store: Store, path: Path) -> Path:
    """CONTACT_ROWS new contact persons of the zone's organisations, named as the register
    names them, each with an e-mail address (the importer finds persons by it)."""
    organisations = directory.page(store, "", 0, CONTACT_ROWS, zone=ZONE).rows
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Voornaam", "Naam", "Organisatie", "E-mail", "Functie"])
        for n in range(CONTACT_ROWS):
            org = organisations[n % len(organisations)]
            email = f"bench.contact.{n}@example.org"
            writer.writerow(["Bench", f"Contact {n}", org["name"], email, "Coördinator"])
    return path


def _preview_first(store: Store):
    # As the first preview after a change of the graph: the register is read and keyed.
    def run():
        plan.registers.forget(store)
        plan.preview_plan(store, PLAN, PLAN_ZONE)

    return run


def _contacts_first(store: Store, contacts: Path):
    # As the first check after a change of the graph: Flanders' organisations read and indexed.
    def run():
        spreadsheet.registers.forget(store)
        spreadsheet.plan_import(store, contacts, CONTACTS)

    return run


def _report(store: Store, fmt: str):
    def run():
        zorgraad.render(zorgraad.collect(store, ZONE), fmt)

    return run


def measure(store: Store, folder: Path, repeat: int = 3) -> dict:
    """The flows' figures (median, min, max of `repeat` runs after one not counted)."""
    contacts = write_contacts(store, folder / "bench-contacts.csv")
    flows = {
        f"import contacts: a list of {CONTACT_ROWS} of one zone, first check (dry run; reads "
        "and indexes the organisations)": _contacts_first(store, contacts),
        "import contacts: the same list again, as its apply checks it (organisations kept)": (
            lambda: spreadsheet.plan_import(store, contacts, CONTACTS)
        ),
        "Importeren: a plan's first preview (reads and keys the register)": _preview_first(store),
        "Importeren: the same plan again, as its apply previews it (register kept)": lambda: (
            plan.preview_plan(store, PLAN, PLAN_ZONE)
        ),
        "Organisaties: an editor's action choices (one zone)": lambda: network.action_choices(
            store, [ZONE]
        ),
        "zorgraad report of one zone (pdf)": _report(store, "pdf"),
        "zorgraad report of one zone (docx)": _report(store, "docx"),
    }
    figures = {}
    for name, function in flows.items():
        print(f"  flow: {name}", flush=True)
        figures[name] = guarded(lambda f=function: timed(f, repeat=repeat))
    print("  flow: backup", flush=True)
    with tempfile.TemporaryDirectory(prefix="graphmap-bench-backup-") as where:
        target = Path(where) / "graaf.jsonl"
        figures["graphmap backup: the whole graph (once)"] = guarded(
            lambda: timed(lambda: backup.write(store, target), repeat=1, warm=0)
        )
    return figures
