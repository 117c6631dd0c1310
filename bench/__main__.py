"""Measure the main paths on the embedded store with the seed data; write bench/results/*.json.

Figures, not assertions: the suite never fails on a timing.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import dashboard
from graphmap.analysis import contacts, gaps, stats
from graphmap.ingest import seed
from graphmap.settings import Settings
from graphmap.store import Store

RESULTS = Path(__file__).resolve().parent / "results"


def timed(function, repeat: int = 10) -> dict:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        runs.append(time.perf_counter() - started)
    return {
        "median_ms": round(statistics.median(runs) * 1000, 1),
        "min_ms": round(min(runs) * 1000, 1),
        "max_ms": round(max(runs) * 1000, 1),
        "runs": repeat,
    }


def command(args: list[str], data_dir: Path) -> dict:
    """A whole CLI call as a user types it, with the embedded server started and stopped."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["GRAPHMAP_DATA_DIR"] = str(data_dir)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "graphmap", *args], env=env, check=True, capture_output=True
    )
    return {
        "command": "graphmap " + " ".join(args),
        "wall_s": round(time.perf_counter() - started, 2),
    }


def main() -> None:
    RESULTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        started = time.perf_counter()
        store = Store.connect(Settings(data_dir=data_dir))
        start_s = time.perf_counter() - started
        try:
            store.reset()
            figures = {
                "embedded_store_start_s": round(start_s, 2),
                "seed_load": timed(lambda: seed.load(store), repeat=3),
                "gaps_all_zones": timed(lambda: gaps.gaps(store)),
                "gaps_one_zone": timed(lambda: gaps.gaps(store, zone="maasland")),
                "contacts_one_action": timed(lambda: contacts.for_action(store, "maasland/1.2-a")),
                "contacts_one_goal": timed(lambda: contacts.for_goal(store, "kemp-en-duin", "3")),
                "graph": stats.counts(store)["nodes"],
                "gaps_found": len(gaps.gaps(store)),
            }
        finally:
            store.close()
        figures["cli"] = [
            command(["gaps", "--format", "json"], data_dir),
            command(["stats"], data_dir),
        ]
    figures["machine"] = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }
    _write("store.json", figures)
    _write(
        "dashboard.json", {"time_to_interactive": dashboard.run(), "machine": figures["machine"]}
    )


def _write(name: str, figures: dict) -> None:
    path = RESULTS / name
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    print(f"written: {path}")


if __name__ == "__main__":
    main()
