"""Whole CLI calls as a user types them (cold: no server running; warm: joining the idle
server the previous call left), and an import of 5,000 organisations through the
spreadsheet importer beside a bare UNWIND … MERGE of the same rows."""

from __future__ import annotations

import csv
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

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


def imports(store: Store, folder: Path, zone: str) -> dict:
    """The importer (plan_import + apply_import) against the bare MERGE of the same rows."""
    municipalities = store.read("bench_zone_municipalities", zone=zone)
    path = folder / "bench-partners.csv"
    rows = write_csv(path, municipalities)
    started = time.perf_counter()
    report = spreadsheet.plan_import(store, path, ORGANISATIONS, zone=zone)
    planned = time.perf_counter() - started
    started = time.perf_counter()
    spreadsheet.apply_import(store, report, actor="bench")
    applied = time.perf_counter() - started
    outcomes: dict[str, int] = {}
    for row in report.rows:
        outcomes[row.outcome] = outcomes.get(row.outcome, 0) + 1
    imported = sorted({r.organisation for r in report.rows if r.organisation})
    store.write("bench_delete_organisations", ids=imported)

    store.write("bench_source", id=SOURCE, document="bench-partners.csv")
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
        }
        for n, row in enumerate(rows)
    ]
    started = time.perf_counter()
    store.transaction(lambda tx: tx.run("bench_merge_organisations", rows=bare_rows))
    bare = time.perf_counter() - started
    store.write("bench_delete_organisations", ids=[r["id"] for r in bare_rows])
    return {
        "rows": IMPORT_ROWS,
        "outcomes": outcomes,
        "plan_import_s": round(planned, 2),
        "apply_import_s": round(applied, 2),
        "import_s": round(planned + applied, 2),
        "bare_merge_s": round(bare, 2),
        "import_vs_bare": round((planned + applied) / bare, 1),
    }
