"""`python -m bench --zones 4,15,60` (what `make bench` runs): generate a synthetic network
of each size, load it into an embedded store of its own, and measure what the pages and the
commands do there, and the flows beyond a page's first load that were slow (bench/flows.py);
at the largest size also the pages in headless Chromium, the callbacks under concurrent
clients, whole CLI calls and an import. Writes bench/results/scale.json
and bench/results/latest.md. Figures, not assertions: no test fails on a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench import calls, flows, pages, plans, report, scale
from bench.measure import guarded
from graphmap.settings import Settings
from graphmap.store import Store

RESULTS = Path(__file__).resolve().parent / "results"


def _load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--zones", default="4,15,60", help="network sizes, e.g. 4,15,60")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the results go")
    parser.add_argument(
        "--report", action="store_true", help="only rewrite latest.md from scale.json"
    )
    parser.add_argument(
        "--only-plans",
        action="store_true",
        help="only the section Reading plans, into the results already in --out",
    )
    args = parser.parse_args(argv)
    if args.only_plans:
        return _only_plans(args.out)
    if args.report:
        results = json.loads((args.out / "scale.json").read_text())
        (args.out / "latest.md").write_text(report.markdown(results))
        return results
    sizes = sorted({int(n) for n in args.zones.split(",")})
    # The bench's own stores stop with it; the CLI calls set their own idle time.
    os.environ["GRAPHMAP_IDLE_SECONDS"] = "0"
    started = time.perf_counter()
    results: dict = {
        "command": f"python -m bench --zones {','.join(map(str, sizes))}",
        "started": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "load_before": _load_average(),
        },
        "zones": {},
    }
    with tempfile.TemporaryDirectory(prefix="graphmap-bench-") as folder:
        tmp = Path(folder)
        for zones in sizes:
            print(f"{zones} zones", flush=True)
            data_dir = tmp / f"data-{zones}"
            store = Store.connect(Settings(data_dir=data_dir))
            try:
                figures = results["zones"][str(zones)] = {}
                figures["load"] = scale.load(store, zones, tmp / f"network-{zones}")
                figures["operations"] = scale.measure(store, zones, args.repeat)
                figures["flows"] = guarded(lambda s=store, t=tmp: flows.measure(s, t))
                if zones == sizes[-1]:
                    with pages.serving(store) as (app, base):
                        results["browser"] = guarded(
                            lambda b=base, z=zones: pages.time_to_interactive(b, z)
                        )
                        results["concurrent"] = guarded(
                            lambda a=app, b=base, z=zones: pages.concurrent(a, b, z)
                        )
                    print("  import", flush=True)
                    results["import"] = guarded(lambda s=store: calls.imports(s, tmp, scale.ZONE))
            finally:
                store.close()
            if zones == sizes[-1]:
                print("  CLI calls", flush=True)
                results["cli"] = guarded(lambda d=data_dir: calls.cli(d, scale.ZONE))
        print("reading plans", flush=True)
        results["plans"] = guarded(lambda: plans.measure(tmp / "plans"))
    results["machine"]["load_after"] = _load_average()
    results["elapsed_s"] = round(time.perf_counter() - started, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scale.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (args.out / "latest.md").write_text(report.markdown(results))
    print(f"written: {args.out / 'scale.json'}, {args.out / 'latest.md'}")
    return results


def _only_plans(out: Path) -> dict:
    """Reading plans again, the other figures of the last run kept."""
    saved = out / "scale.json"
    results = json.loads(saved.read_text()) if saved.exists() else {}
    with tempfile.TemporaryDirectory(prefix="graphmap-bench-") as folder:
        results["plans"] = plans.measure(Path(folder))
    out.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (out / "latest.md").write_text(report.markdown(results))
    print(f"written: {saved}, {out / 'latest.md'}")
    return results


if __name__ == "__main__":
    main()
