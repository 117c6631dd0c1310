"""Whole CLI calls as a user types them (cold: no server running; warm: joining the idle
server the previous call left), and an import of 5,000 organisations through the
spreadsheet importer beside a bare UNWIND … MERGE of the same rows."""

from __future__ import annotations

import csv
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

from graphmap import dates
from graphmap.ingest import spreadsheet
from graphmap.ingest.columns import ORGANISATIONS
from graphmap.store import Store

IMPORT_ROWS = 5000
CLUSTERS = {"zorg": "thuisverpleging", "welzijn": "woonzorgcentrum", "pzon": "patientenvereniging"}
SOURCE = "bench-import#bare"


def _env(data_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return {**env, "GRAPHMAP_DATA_DIR": str(data_dir), "GRAPHMAP_IDLE_SECONDS": "300"}


def _run(data_dir: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "graphmap", *args],
        env=_env(data_dir),
        check=True,
        capture_output=True,
        timeout=600,
    )
    return time.perf_counter() - started


def cli(data_dir: Path, zone: str, repeat: int = 5) -> dict:
    """`graphmap gaps --zone Z --format json`, cold then warm. Call only while this process
    holds no store on `data_dir` (else every call joins it: warm)."""
    command = ("gaps", "--zone", zone, "--format", "json")
    _run(data_dir, "stop")
    cold = _run(data_dir, *command)
    warm = [_run(data_dir, *command) for _ in range(repeat)]
    stats_warm = [_run(data_dir, "stats", "--format", "json") for _ in range(3)]
    _run(data_dir, "stop")
    return {
        "command": "graphmap " + " ".join(command),
        "cold_s": round(cold, 2),
        "warm_median_s": round(statistics.median(warm), 2),
        "warm_max_s": round(max(warm), 2),
        "graphmap stats, warm_median_s": round(statistics.median(stats_warm), 2),
    }


def kbo(number: int) -> str:
    """A valid KBO number (the checksum of its first eight digits) for a made-up number."""
    base = 10_000_000 + number
    return f"{base:08d}{97 - base % 97:02d}"


def write_csv(path: Path, municipalities: list[dict]) -> list[dict]:
    """5,000 new organisations of a zone, as a partner list from its own spreadsheet."""
    rows = []
    for n in range(IMPORT_ROWS):
        cluster = list(CLUSTERS)[n % len(CLUSTERS)]
        place = municipalities[n % len(municipalities)]
        rows.append(
            {
                "naam": f"Benchmarkpartner {n:05d} {place['name']}",
                "kbo": kbo(n),
                "gemeente": place["name"],
                "categorie": CLUSTERS[cluster],
                "cluster": cluster,
                "status": "betrokken",
                "nis": place["nis"],
            }
        )
    with path.open("w", newline="", encoding="utf-8") as handle:
        columns = ["naam", "kbo", "gemeente", "categorie", "cluster", "status"]
        writer = csv.DictWriter(handle, columns, extrasaction="ignore", delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def imports(store: Store, folder: Path, zone: str, rounds: int = 3) -> dict:
    """The importer (plan_import + apply_import) against two bare writes of the same rows:
    the organisations with their category, seat and membership (`bare`), and the same with
    what every import also records of a row (`recorded`: its Source, the engagement change of
    its membership and its audit entry in the zone's log). Medians of `rounds` after one
    not counted; the graph is put back after each write."""
    municipalities = store.read("bench_zone_municipalities", zone=zone)
    path = folder / "bench-partners.csv"
    rows = write_csv(path, municipalities)
    at = dates.now()
    bare_rows = [
        {
            "id": f"bench-{n:05d}",
            "name": row["naam"],
            "kbo": row["kbo"],
            "category": row["categorie"],
            "nis": row["nis"],
            "cluster": f"{zone}/{row['cluster']}",
            "status": "involved",
            "source": SOURCE,
            "document": path.name,
            "section": f"rij {n + 2}",
            "change": uuid.uuid4().hex,
            "entry": uuid.uuid4().hex,
            "at": at,
            "by": "bench",
            "zones": [zone],
            "after": json.dumps({"name": row["naam"], "kbo": row["kbo"], "nis": row["nis"]}),
        }
        for n, row in enumerate(rows)
    ]
    # The bare write states every row in one Source; the recorded one, each in its own.
    recorded_rows = [
        {**row, "source": f"{path.name}#row {n + 2}"} for n, row in enumerate(bare_rows)
    ]

    def put_back(ids: list[str]) -> None:
        store.write("bench_delete_organisations", ids=ids)
        store.write("bench_delete_records", document=path.name, by="bench")

    def write(query: str, written: list[dict], **params) -> float:
        started = time.perf_counter()
        store.transaction(lambda tx: tx.run(query, rows=written, **params))
        spent = time.perf_counter() - started
        put_back([r["id"] for r in written])
        return spent

    planned, applied, bare, recorded = [], [], [], []
    outcomes: dict[str, int] = {}
    # A first round uncounted: the database's JIT compiles each write's code paths in its
    # first run (the bare write took 1.4 s in it, 0.5–0.9 s after), and a median of three
    # cold-first rounds set a cold bare write against a warm import.
    for counted in [False] + [True] * rounds:
        started = time.perf_counter()
        report = spreadsheet.plan_import(store, path, ORGANISATIONS, zone=zone)
        plan_s = time.perf_counter() - started
        started = time.perf_counter()
        spreadsheet.apply_import(store, report, actor="bench")
        apply_s = time.perf_counter() - started
        outcomes = dict(Counter(row.outcome for row in report.rows))
        put_back(sorted({r.organisation for r in report.rows if r.organisation}))
        store.write("bench_source", id=SOURCE, document=path.name)
        bare_s = write("bench_merge_organisations", bare_rows)
        recorded_s = write("bench_merge_recorded", recorded_rows, zone=zone)
        if counted:
            planned.append(plan_s)
            applied.append(apply_s)
            bare.append(bare_s)
            recorded.append(recorded_s)
    total = statistics.median(p + a for p, a in zip(planned, applied, strict=True))
    return {
        "rows": IMPORT_ROWS,
        "rounds": rounds,
        "warm_up_rounds": 1,
        "outcomes": outcomes,
        "plan_import_s": round(statistics.median(planned), 2),
        "apply_import_s": round(statistics.median(applied), 2),
        "import_s": round(total, 2),
        "bare_merge_s": round(statistics.median(bare), 2),
        "import_vs_bare": round(total / statistics.median(bare), 1),
        # The write alone (no reading, checking or matching): what the import's records cost.
        "apply_vs_bare": round(statistics.median(applied) / statistics.median(bare), 1),
        "recorded_merge_s": round(statistics.median(recorded), 2),
        # The records issues 12 and 13 ask of every row (audit entry, engagement event with
        # its source), written with no checking at all, against the bare write: a floor no
        # importer that keeps them can go under.
        "recorded_vs_bare": round(statistics.median(recorded) / statistics.median(bare), 1),
        "import_vs_recorded": round(total / statistics.median(recorded), 1),
    }
