"""The library's own functions on a generated network of N zones, as the pages and the CLI
call them; every figure beside the bare MEMBER_OF scan of the same run."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.measure import beside, guarded, settle, timed, traced
from dashboard import paging
from dashboard.elements import DETAIL_ZONES
from dashboard.pages import hiaten, netwerk
from graphmap import audit, engagement, export, followup, register
from graphmap.analysis import comparison, contacts, directory, gaps, network, plans, stats
from graphmap.generate import Shape, generate
from graphmap.ingest import seed
from graphmap.store import Store

ZONE = "synth-01"  # the same zone in every generated network (same shape, same seed)
PROVINCE = 8
# A year of a zone's audit: some 400 engagement changes, 500 register and contact edits, 300
# contact moments and 200 steps done, 100 exports, and the rows of an imported list.
AUDIT_KINDS = {
    "engagement.change": 400,
    "organisation.update": 300,
    "contact.add": 200,
    "moment.record": 300,
    "step.done": 200,
    "export": 100,
    "import.row": 500,
}
AUDIT_PER_ZONE = sum(AUDIT_KINDS.values())
MOMENTS_PER_ZONE = 300  # the audit's moment.record entries; half agree on a next step
YEAR_END = datetime(2026, 11, 1, tzinfo=UTC)  # the synthetic year ends here


def zone_ids(count: int) -> list[str]:
    return [f"synth-{n:02d}" for n in range(1, count + 1)]


def load(store: Store, zones: int, folder: Path) -> dict:
    """Generate the network, then load it as `graphmap seed --reset --path` does: reading
    and checking the files, then the database write alone (one transaction)."""
    started = time.perf_counter()
    totals = generate(folder, Shape(zones))
    generated = time.perf_counter() - started
    store.reset()
    started = time.perf_counter()
    rows = seed.build_rows(folder)
    read = time.perf_counter() - started
    started = time.perf_counter()
    seed.write_rows(store, rows)
    written = time.perf_counter() - started
    started = time.perf_counter()
    entries = audit_history(store, zones)
    audit_written = time.perf_counter() - started
    started = time.perf_counter()
    moments = moment_history(store, zones)
    return {
        "network": totals,
        "audit_entries": entries,
        "audit_write_s": round(audit_written, 2),
        "moments": moments,
        "moments_write_s": round(time.perf_counter() - started, 2),
        "generate_s": round(generated, 2),
        "read_and_check_s": round(read, 2),
        "database_write_s": round(written, 2),
        "load_s": round(read + written, 2),
        "load_vs_write": round((read + written) / written, 2),
    }


def audit_history(store: Store, zones: int, block: int = 10_000) -> int:
    """A year of every zone's audit (AUDIT_KINDS, at random moments; deterministic), written
    as changes write theirs: `audit.record_all`, a block of entries per transaction."""
    chance = random.Random(zones)
    kinds = [kind for kind, count in AUDIT_KINDS.items() for _ in range(count)]
    entries = [
        audit.entry(
            by=f"synth-{chance.randrange(3 * zones)}",
            action=kind,
            entity="Organisation",
            key=f"synth-organisation-{chance.randrange(500)}",
            zones=[zone],
            after={"synthetisch": True},
            at=(YEAR_END - timedelta(seconds=chance.randrange(365 * 86_400))).isoformat(),
        )
        for zone in zone_ids(zones)
        for kind in kinds
    ]
    for start in range(0, len(entries), block):
        store.transaction(lambda tx, s=start: audit.record_all(tx, entries[s : s + block]))
    return len(entries)


def moment_history(store: Store, zones: int) -> int:
    """A year of every zone's contact moments with its organisations (deterministic): half
    agree on a next step, due within a month; most of the steps that fell due are done."""
    chance = random.Random(zones)
    rows = []
    for zone in zone_ids(zones):
        organisations = [r["id"] for r in store.read("bench_zone_organisations", zone=zone)]
        for n in range(MOMENTS_PER_ZONE):
            at = YEAR_END - timedelta(seconds=chance.randrange(365 * 86_400))
            due = at + timedelta(days=chance.randrange(1, 31))
            done = due < YEAR_END and chance.random() < 0.8
            step = {
                "id": f"{zone}-step-{n}",
                "what": "synthetische afspraak",
                "due": due.date().isoformat(),
                "done_on": due.date().isoformat() if done else None,
                "done_at": due.isoformat() if done else None,
                "done_by": f"synth-{zone}" if done else None,
            }
            rows.append(
                {
                    "id": f"{zone}-moment-{n}",
                    "zone": zone,
                    "organisation": chance.choice(organisations),
                    "kind": chance.choice(("telefoon", "e-mail", "overleg", "event")),
                    "on": at.date().isoformat(),
                    "at": at.isoformat(),
                    "by": f"synth-{zone}",
                    "note": "synthetisch",
                    "step": step if n % 2 == 0 else None,
                }
            )
    store.transaction(lambda tx: tx.run_rows("bench_moments", rows))
    return len(rows)


def _opvolging(store: Store, zone: str):
    # As the Opvolging page of one zone: its open steps, its progress, what happened lately.
    def run():
        followup.open_steps(store, zone, today=YEAR_END.date())
        engagement.progress(store, zone, today=YEAR_END.date())
        followup.changes_since(store, zone, (YEAR_END - timedelta(days=90)).date())

    return run


def _logboek(store: Store, zone: str | None):
    # As the Logboek's first request: the newest block and how many there are.
    def run():
        audit.entries(store, zone=zone, limit=paging.BLOCK)
        audit.count(store, zone=zone)

    return run


def _hiaten_xlsx(store: Store):
    # As Hiaten's XLSX export of all zones (and `graphmap gaps -o FILE.xlsx`): every gap in
    # one sheet, each row written once (the writer once reread the sheet per row: n²).
    def run():
        rows = [{**g.as_dict(), "kind": gaps.KIND_LABELS[g.kind]} for g in gaps.gaps(store)]
        export.xlsx_bytes({"Hiaten": (rows, export.GAP_COLUMNS)})

    return run


def _logboek_xlsx(store: Store):
    # As the Logboek's XLSX export of all zones: the newest 5,000 entries.
    def run():
        rows = audit.entries(store)
        export.xlsx_bytes({"Logboek": (rows, audit.COLUMNS)})

    return run


def operations(store: Store, zones: int) -> dict[str, callable]:
    """What each page and command asks of the library, by the name the report uses."""
    everyone = zone_ids(zones)
    province = everyone[:PROVINCE]
    plan = plans.plan_tree(store, ZONE)
    goal = plan.goals[0]
    actions = [a.id for a in goal.all_actions()]
    local = directory.page(store, "", 0, 1, zone=ZONE).rows[0]["id"]  # an organisation of the zone

    def network_view(ids):
        # As the Netwerk page loads a selection: a few zones in detail, many as counts.
        def run():
            detail = ids if len(ids) <= DETAIL_ZONES else []
            network.load(store, ids, detail, total_zones=zones)

        return run

    # The whole register (Organisaties with "Alle zones"): a substring search reads every
    # name, so it grows with Flanders; a zone's register above does not.
    flanders_register = {
        "register: first page": lambda: directory.page(store, "", 0, directory.PAGE),
        "register search (a name)": lambda: directory.page(store, "linde", 0, directory.PAGE),
        "register search (a KBO number)": lambda: directory.page(
            store, "0403.170", 0, directory.PAGE
        ),
    }

    def broker_panel():
        # As Netwerk's side panel of one zone: betweenness on its organisation–action graph,
        # which grows with the zone's plan (3 s for 200 actions before leaves were folded).
        netwerk.broker_panel(network.load(store, [ZONE], [ZONE], total_zones=zones))

    # A gap of the zone, as Hiaten offers the organisations that could fill it: those of its
    # kind among the zone's own (all of Flanders' were 9,000 options at 60 zones of 1,800).
    category_gap = next(
        g for g in gaps.gaps(store, zone=ZONE) if g.kind in ("category", "peer", "target")
    )

    def acties_page():
        tree = plans.plan_tree(store, ZONE)
        gaps.gaps(store, zone=ZONE, kinds=["action"])
        contacts.per_action(store, [a.id for a in tree.goals[0].all_actions()])

    return {
        "gaps() all zones (Hiaten, graphmap gaps)": lambda: gaps.gaps(store),
        # The first call after any change, by anyone: nothing of an earlier revision is kept.
        "gaps() all zones, the first call after a change": lambda: _nothing_kept(store),
        "gaps() one zone": lambda: gaps.gaps(store, zone=ZONE),
        "gaps() one zone, action gaps (Acties)": lambda: gaps.gaps(
            store, zone=ZONE, kinds=["action"]
        ),
        "peer table (all zones; kept between calls)": lambda: store.read(
            "gaps_holdings", zones=everyone, cluster=None
        ),
        "plan tree of one zone": lambda: plans.plan_tree(store, ZONE),
        "Acties: plan tree + action gaps + one goal's contact lists": acties_page,
        "contact list of an action": lambda: contacts.for_action(store, actions[0]),
        "contact list of a goal": lambda: contacts.for_goal(store, ZONE, goal.number),
        "contact list of a cluster": lambda: contacts.for_cluster(store, ZONE, "welzijn"),
        "register of one zone: first page": lambda: directory.page(
            store, "", 0, directory.PAGE, zone=ZONE
        ),
        "register of one zone: search (a name)": lambda: directory.page(
            store, "linde", 0, directory.PAGE, zone=ZONE
        ),
        "register of one zone: search (a KBO number)": lambda: directory.page(
            store, "0403.170", 0, directory.PAGE, zone=ZONE
        ),
        **{f"{name} (all zones)": run for name, run in flanders_register.items()},
        "register: one organisation": lambda: register.organisation(store, local),
        # A partner of every zone: its record (memberships, actions) grows with Flanders.
        "register: Pallion (a partner of every zone)": lambda: register.organisation(
            store, "pallion"
        ),
        # Computed each run: the page keeps it while the graph stays the same.
        "category matrix (Zones vergelijken)": lambda: comparison._matrix(store),
        "zone summary (graphmap stats)": lambda: stats.zone_summary(store),
        "actions of one zone (graphmap actions)": lambda: network.actions(store, ZONE),
        "Netwerk data: one zone": network_view([ZONE]),
        "Netwerk: broker panel of one zone": broker_panel,
        # A gap's choices are the zone's own and those its province's other zones involve:
        # the first part is the zone's alone, the whole grows with the province.
        "Hiaten: the choices for a gap, among the zone's own": lambda: store.read(
            "zone_category_organisations", zone=ZONE, category=category_gap.subject
        ),
        "Hiaten: the choices for a gap of one zone (with its province's)": lambda: hiaten.fitting(
            store, {"kind": category_gap.kind, "subject": category_gap.subject, "zone": ZONE}
        ),
        f"Netwerk data: {PROVINCE} zones": network_view(province),
        "Netwerk data: all zones": network_view(everyone),
        "Opvolging of one zone: steps, progress, the last 90 days": _opvolging(store, ZONE),
        "Logboek of one zone: first block": _logboek(store, ZONE),
        "Logboek: first block (all zones)": _logboek(store, None),
        "Hiaten: XLSX export (all zones)": _hiaten_xlsx(store),
        "Logboek: XLSX export (the newest 5,000, all zones)": _logboek_xlsx(store),
    }


UNSETTLED = ("gaps() all zones, the first call after a change",)


def _nothing_kept(store: Store) -> None:
    # As the first call after a write by anyone: what was kept is of an older revision.
    gaps._kept_values.pop(store, None)
    gaps.gaps(store)


# Runs of a per-zone operation one after another, without the scan between them.
ALONE = 15
# A run of a few milliseconds is timed more often (as many runs as fit in this, up to
# ALONE_MAX): at 2 ms one run of 3 ms moves a median of 15 by half.
ALONE_SECONDS = 0.5
ALONE_MAX = 250
# Operations of one zone that read its province too: their work grows with the province
# (4 zones at 4, about 12 at 60), so they are held to the time alone.
PER_PROVINCE = ("Hiaten: the choices for a gap of one zone (with its province's)",)
PER_ZONE = (
    "gaps() one zone",
    "gaps() one zone, action gaps (Acties)",
    "plan tree of one zone",
    "Acties: plan tree + action gaps + one goal's contact lists",
    "contact list of an action",
    "contact list of a goal",
    "contact list of a cluster",
    "register of one zone: first page",
    "register of one zone: search (a name)",
    "register of one zone: search (a KBO number)",
    "register: one organisation",
    "actions of one zone (graphmap actions)",
    "Netwerk data: one zone",
    "Netwerk: broker panel of one zone",
    "Hiaten: the choices for a gap, among the zone's own",
    "Opvolging of one zone: steps, progress, the last 90 days",
    "Logboek of one zone: first block",
)


def _alone_runs(figure: dict) -> int:
    """How many runs time an operation alone: ALONE, or as many as fit in ALONE_SECONDS."""
    fitting = int(ALONE_SECONDS * 1000 / max(figure["median_ms"], 0.1))
    return min(max(ALONE, fitting), ALONE_MAX)


def measure(store: Store, zones: int, repeat: int = 5) -> dict:
    """The figures of every operation, and under "warm-up passes" how many passes over them
    the database's code took to settle before they were measured."""
    figures: dict = {}
    scan = lambda: store.read("bench_member_scan")  # noqa: E731
    baseline = timed(scan, repeat=repeat)
    figures["bare MEMBER_OF scan (baseline)"] = baseline
    measured = operations(store, zones)
    # Passes over everything first, until they stop getting faster: the database compiles
    # its hot code while it runs, and the figures are of a server that has been answering
    # for a while (an operation measured early would also pay for what later ones find ready).
    # The first call after a change is left out of the passes: it throws away what the
    # others keep, and its half second of noise ended the passes before they had settled.
    passes = [f for name, f in measured.items() if name not in UNSETTLED]
    figures["warm-up passes"] = settle([scan, *passes])
    for name, function in measured.items():
        print(f"  {zones} zones: {name}", flush=True)
        # Each run follows a run of the baseline: the ratio holds for the same moment.
        figure = guarded(lambda f=function: beside(f, scan, repeat=repeat))
        if "median_ms" in figure and name in PER_ZONE:
            # Compared across graph sizes, a per-zone operation is timed alone as well: the
            # scan run before each of its runs grows with the graph, and so does its wake on
            # the short run after it (at 60 zones a 10 ms run read 15 ms beside the scan).
            figure["alone_ms"] = timed(function, repeat=_alone_runs(figure))["median_ms"]
        if "median_ms" in figure:
            figure["queries_ms"] = guarded(lambda f=function: traced(store, f))
        figures[name] = figure
    # The baseline again at the end: how much the machine's load moved during the run.
    figures["bare MEMBER_OF scan (baseline, again at the end)"] = timed(scan, repeat=repeat)
    return figures
