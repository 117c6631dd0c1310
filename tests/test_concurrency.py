"""Nothing doubled: many writers at once, through the library, the CLI and the dashboard.

Before the start node was locked, 20 simultaneous `set_status` calls made a second
MEMBER_OF relationship in 19 of 20 trials on the embedded store (ArcadeDB merges concurrent
edge appends instead of failing one of them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import post_callback
from test_import_spreadsheet import write_csv

from graphmap import engagement, register
from graphmap.errors import GraphChangedError
from graphmap.ingest import plan as plan_ingest
from graphmap.ingest.dedupe import name_key
from graphmap.ingest.spreadsheet import (
    apply_import,
    organisation_index,
    person_index,
    plan_import,
)

N = 20


def at_once(n: int, work) -> tuple[list, list[Exception]]:
    """Run `work(i)` in n threads released together; results and errors."""
    barrier = threading.Barrier(n)
    errors: list[Exception] = []

    def run(i):
        barrier.wait()
        try:
            return work(i)
        except Exception as error:  # noqa: BLE001 - collected and checked by the test
            errors.append(error)
            return None

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(run, range(n))), errors


def memberships(store, organisation: str, zone: str, cluster: str) -> list[dict]:
    org = register.organisation(store, organisation)
    return [m for m in org["memberships"] if (m["zone"], m["cluster"]) == (zone, cluster)]


def links(store, organisation: str, action: str) -> list[dict]:
    return [
        a for a in register.organisation(store, organisation)["actions"] if a["action"] == action
    ]


@pytest.mark.parametrize("cluster", ["zorg", "pzon", "lokale_besturen"])
def test_parallel_set_status_leaves_one_membership(seeded, cluster):
    statuses = ["contacted", "involved", "member", "missing"]
    _, errors = at_once(
        N,
        lambda i: engagement.set_status(
            seeded, "pallion", "maasland", cluster, statuses[i % 4], actor=f"test-{i}"
        ),
    )
    assert errors == []
    [membership] = memberships(seeded, "pallion", "maasland", cluster)
    # Every change was recorded one after the other: the current status is the last one's.
    changes = [
        c for c in engagement.history(seeded, organisation="pallion") if c["cluster"] == cluster
    ]
    assert changes and membership["status"] == changes[0]["to_status"]
    assert all(new["from_status"] == old["to_status"] for new, old in pairwise(changes))


def test_parallel_lead_and_partner_clicks_leave_one_link(seeded):
    action = "maasland/2.1-a"
    assert links(seeded, "caw-limburg", action) == []
    _, errors = at_once(N, lambda i: register.link_action(seeded, "caw-limburg", action, "partner"))
    assert errors == []
    assert [a["role"] for a in links(seeded, "caw-limburg", action)] == ["PARTNER_IN"]
    # Trekker and partner clicked at once: one role per organisation and action remains.
    roles = ["lead", "partner"]
    _, errors = at_once(N, lambda i: register.link_action(seeded, "vaph", action, roles[i % 2]))
    assert errors == []
    assert len(links(seeded, "vaph", action)) == 1


def test_parallel_adds_of_one_contact_make_one_person(seeded):
    values = {"name": "Dubbel Klik (demo)", "email": "dubbel.klik@example.org"}
    added, errors = at_once(10, lambda i: register.add_contact(seeded, "pallion", values))
    assert len([a for a in added if a]) == 1
    assert len(errors) == 9
    assert all("staat al in het register" in str(e) for e in errors), errors
    contacts = register.organisation(seeded, "pallion")["contacts"]
    assert [c["email"] for c in contacts].count("dubbel.klik@example.org") == 1


def test_parallel_imports_of_one_contact_list_make_one_link(seeded, tmp_path):
    rows = [
        ["Naam", "E-mail", "Organisatie"],
        ["Import Twee Keer (demo)", "twee@example.org", "VAPH"],
    ]
    path = write_csv(tmp_path / "contacten.csv", rows)

    def run(_):
        apply_import(seeded, plan_import(seeded, path, "contacts"), actor="test")

    _, errors = at_once(8, run)
    assert errors == []
    people = [r for r in person_index(seeded) if r["email"] == "twee@example.org"]
    assert [(p["organisation"]) for p in people] == ["vaph"], "one person, one WORKS_AT"


def test_parallel_imports_of_different_files_do_not_fail_on_a_shared_new_key(seeded, tmp_path):
    # Each file places a new organisation in Brugge, a municipality the seed does not hold:
    # every import creates it. Before, all but one failed with "duplicate key … Municipality".
    def run(i):
        rows = [["Naam", "Gemeente", "Categorie"], [f"Brugse Partner {i}", "Brugge", "caw"]]
        report = plan_import(seeded, write_csv(tmp_path / f"p{i}.csv", rows), "organisations")
        return apply_import(seeded, report, actor="test")

    counts, errors = at_once(6, run)
    assert errors == []
    assert all(c["new"] == 1 for c in counts)
    located = {r["id"]: r["nis"] for r in organisation_index(seeded) if "brugse" in r["id"]}
    assert len(located) == 6 and len(set(located.values())) == 1


@pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="joins the embedded server")
def test_parallel_cli_status_calls_leave_one_membership(seeded, data_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["GRAPHMAP_DATA_DIR"] = str(data_dir)
    command = [sys.executable, "-m", "graphmap", "status", "opgroeien", "member"]
    command += ["--zone", "maasland", "--cluster", "zorg"]
    # Six: more processes than cores already write at once (ten cost the suite 10 s more).
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    outcomes = [(p.wait(timeout=300), p.stderr.read().decode()) for p in processes]
    assert [code for code, _ in outcomes] == [0] * 6, outcomes
    assert len(memberships(seeded, "opgroeien", "maasland", "zorg")) == 1


def test_parallel_koppel_clicks_in_the_dashboard_leave_one_link(seeded):
    """The Organisaties page's "Koppel" callback, posted 20 times at once to the app."""
    from dashboard.app import create_app

    app = create_app(seeded, demo=True)
    values = {
        "organisaties-link.n_clicks": 1,
        "organisaties-selected.data": "pallion",
        "organisaties-action.value": "maasland/2.1-a",
        "organisaties-role.value": "partner",
        "organisaties-version.data": 0,
    }

    def click(_):
        return post_callback(app, "organisaties-link.n_clicks", values)

    answers, errors = at_once(N, click)
    assert errors == []
    # One click links; the others find it linked so (qa19: a link already made writes nothing).
    said = ["Gekoppeld als partner" in json.dumps(a) for a in answers]
    assert any(said) and all(
        s or "Ongewijzigd: al partner" in json.dumps(a) for s, a in zip(said, answers, strict=True)
    )
    assert [a["role"] for a in links(seeded, "pallion", "maasland/2.1-a")] == ["PARTNER_IN"]


def test_parallel_changes_of_one_zone_each_land_once_in_its_log(store):
    """Every audited change of a zone links its entry to the zone's log: 20 at once, on a
    log that does not exist yet, make one log holding each entry once."""
    from graphmap import audit

    _, errors = at_once(
        N,
        lambda i: store.transaction(
            lambda tx: audit.record(tx, by=f"test-{i}", action="export", zones=["nieuw"])
        ),
    )
    assert errors == []
    assert audit.count(store, zone="nieuw") == N
    assert len({e["id"] for e in audit.entries(store, zone="nieuw")}) == N
    nodes = {r["label"]: r["count"] for r in store.read("stats_nodes")}
    links = {r["type"]: r["count"] for r in store.read("stats_relationships")}
    assert (nodes["Log"], nodes["AuditEntry"], links["IN_LOG"]) == (1, N, N)


def maasland_zorg(store, organisation: str) -> list[tuple]:
    """The organisation's engagement changes in maasland/zorg, oldest first, as (from, to)."""
    changes = engagement.history(store, zone="maasland", organisation=organisation)
    return [(c["from_status"], c["to_status"]) for c in reversed(changes) if c["cluster"] == "zorg"]


def test_an_import_of_a_status_set_since_its_check_records_no_change(seeded, tmp_path):
    """Two imports (or an import and an editor) giving one membership the same status: the
    one applied second found the status already set, and records no `lid → lid`."""
    from graphmap import audit

    rows = [["Naam", "Cluster", "Status"], ["Pallion", "zorg", "lid"]]
    path = write_csv(tmp_path / "leden.csv", rows)
    report = plan_import(seeded, path, "organisations", zone="maasland")
    engagement.set_status(seeded, "pallion", "maasland", "zorg", "member", actor="collega")
    apply_import(seeded, report, actor="test")
    assert maasland_zorg(seeded, "pallion") == [(None, "member")]
    # Every engagement entry points at its change: none at a change that was not made.
    assert audit.count(seeded, zone="maasland", action="engagement.change") == 1


def test_an_import_comes_after_a_change_committed_while_it_ran(seeded, tmp_path, data_dir):
    """A second process (the CLI) changes a membership while an import of it is under way,
    before the import reached that organisation: the history reads in the order the
    statuses were set, and the membership holds the last one's."""
    from graphmap.settings import Settings
    from graphmap.store import Store

    engagement.set_status(seeded, "pallion", "maasland", "zorg", "involved", actor="collega")
    path = write_csv(
        tmp_path / "leden.csv", [["Naam", "Cluster", "Status"], ["Pallion", "zorg", "lid"]]
    )
    report = plan_import(seeded, path, "organisations", zone="maasland")
    with Store.connect(Settings(data_dir=data_dir)) as other:
        record = seeded._record

        def meanwhile(name, seconds):
            record(name, seconds)
            if name == "organisation_state" and not meanwhile.done:
                meanwhile.done = True
                engagement.set_status(
                    other, "pallion", "maasland", "zorg", "contacted", actor="cli"
                )

        meanwhile.done = False
        seeded._record = meanwhile
        try:
            apply_import(seeded, report, actor="test")
        finally:
            del seeded._record
    assert meanwhile.done
    chain = maasland_zorg(seeded, "pallion")
    assert chain == [(None, "involved"), ("involved", "contacted"), ("contacted", "member")]
    [membership] = memberships(seeded, "pallion", "maasland", "zorg")
    assert membership["status"] == "member"


PLAN = Path(__file__).parent / "data" / "plans" / "elz-jekervallei.pdf"
PARTNERS = Path(__file__).parent / "data" / "partners-jekervallei.csv"


def twins_of(store) -> dict[str, list[str]]:
    """Organisations that share a name (name_key) with another, by that name."""
    found: dict[str, set[str]] = {}
    for row in organisation_index(store):
        found.setdefault(name_key(row["name"]), set()).add(row["id"])
    return {key: ids for key, ids in found.items() if len(ids) > 1}


def test_a_plan_applied_after_a_partner_list_made_its_new_organisations_is_refused(seeded):
    """A zone's plan and a partner list of the zone, checked at once, both found OCMW Riemst
    new: the plan, applied second, made it again under its own id (jekervallei-ocmw-riemst)."""
    twins = twins_of(seeded)
    preview = plan_ingest.preview_plan(seeded, PLAN, "jekervallei")
    report = plan_import(seeded, PARTNERS, "organisations")
    apply_import(seeded, report, actor="test")
    with pytest.raises(GraphChangedError, match="'OCMW Riemst' bestaat intussen al in Riemst"):
        plan_ingest.apply_plan(seeded, preview, "jekervallei", actor="test")
    assert "jekervallei" not in {zone["id"] for zone in seeded.read("zones")}
    # Checked again, the plan finds them.
    plan_ingest.apply_plan(
        seeded, plan_ingest.preview_plan(seeded, PLAN, "jekervallei"), "jekervallei", actor="test"
    )
    assert twins_of(seeded) == twins


def test_a_partner_list_applied_after_a_plan_made_its_new_organisations_is_refused(seeded):
    twins = twins_of(seeded)
    report = plan_import(seeded, PARTNERS, "organisations")
    preview = plan_ingest.preview_plan(seeded, PLAN, "jekervallei")
    plan_ingest.apply_plan(seeded, preview, "jekervallei", actor="test")
    counted = seeded.read("count_nodes")
    with pytest.raises(GraphChangedError, match="bestaat intussen al"):
        apply_import(seeded, report, actor="test")
    assert seeded.read("count_nodes") == counted
    apply_import(seeded, plan_import(seeded, PARTNERS, "organisations"), actor="test")
    assert twins_of(seeded) == twins


def test_an_import_with_no_write_since_its_check_looks_for_no_twins(seeded):
    # Nothing written since the check: nobody can have made its organisations meanwhile, and
    # a list of 5,000 new ones need not look up 50,000 names and ids.
    report = plan_import(seeded, PARTNERS, "organisations")
    with seeded.traced() as trace:
        apply_import(seeded, report, actor="test")
    assert "organisation_twins" not in {name for name, _ in trace}
    preview = plan_ingest.preview_plan(seeded, PLAN, "jekervallei")
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="test")
    with seeded.traced() as trace:
        plan_ingest.apply_plan(seeded, preview, "jekervallei", actor="test")
    assert "organisation_twins" in {name for name, _ in trace}  # written since: looked


@pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="Neo4j makes the note wait")
def test_an_erasure_scrubs_a_note_another_process_wrote_while_it_ran(seeded, data_dir):
    """`graphmap forget` of a contact while a colleague notes a call with them in the
    dashboard: the note committed after the erasure read the notes, and kept their name."""
    from graphmap import followup
    from graphmap.settings import Settings
    from graphmap.store import Store

    [contact, *_] = register.organisation(seeded, "pallion")["contacts"]
    assert len(contact["name"].split()) >= 2
    with Store.connect(Settings(data_dir=data_dir)) as other:
        record = seeded._record

        def meanwhile(name, seconds):
            record(name, seconds)
            if name == "erasure_notes" and not meanwhile.done:
                meanwhile.done = True
                values = {"kind": "telefoon", "note": f"Gebeld met {contact['name']}"}
                followup.record_moment(other, "pallion", "maasland", values, actor="collega")

        meanwhile.done = False
        seeded._record = meanwhile
        try:
            register.remove_contact(seeded, contact["id"], actor="test")
        finally:
            del seeded._record
    assert meanwhile.done
    notes = [m["note"] for m in followup.moments(seeded, organisation="pallion")]
    assert "Gebeld met (gewist)" in notes
    assert not any(contact["name"] in (note or "") for note in notes)
