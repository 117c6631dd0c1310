"""Timing helpers: medians of repeated runs, each beside a baseline taken in the same run."""

from __future__ import annotations

import statistics
import time
import traceback
from collections.abc import Callable


def timed(function: Callable[[], object], repeat: int = 5, warm: int = 1) -> dict:
    """Median, min and max wall time of `repeat` runs after `warm` runs not counted."""
    for _ in range(warm):
        function()
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


def beside(function: Callable[[], object], baseline: Callable[[], object], repeat: int = 5) -> dict:
    """`timed`, with the baseline run just before each run: the ratio of the two medians
    compares them under the same load and the same warm-up of the database's code."""
    started = time.perf_counter()
    function()
    if time.perf_counter() - started < 0.02:
        repeat *= 3  # a few milliseconds: a pause of the machine would decide a median of 5
    baseline()
    runs, bases = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        baseline()
        bases.append(time.perf_counter() - started)
        started = time.perf_counter()
        function()
        runs.append(time.perf_counter() - started)
    median, base = statistics.median(runs), statistics.median(bases)
    return {
        "median_ms": round(median * 1000, 1),
        "min_ms": round(min(runs) * 1000, 1),
        "max_ms": round(max(runs) * 1000, 1),
        "runs": repeat,
        "baseline_ms": round(base * 1000, 1),
        "x_baseline": round(median / base, 1),
    }


def traced(store, function: Callable[[], object]) -> dict[str, float]:
    """Milliseconds per named query of one run (Store.tracing)."""
    store.trace.clear()
    store.tracing = True
    try:
        function()
    finally:
        store.tracing = False
    spent: dict[str, float] = {}
    for name, seconds in store.trace:
        spent[name] = round(spent.get(name, 0) + seconds * 1000, 1)
    return spent


def guarded(function: Callable[[], dict]) -> dict:
    """A figure, or what went wrong: one failing measurement does not end the run."""
    try:
        return function()
    except Exception as error:  # noqa: BLE001 - reported in the results instead
        traceback.print_exc()
        return {"error": f"{type(error).__name__}: {error}"[:300]}


def latencies(times: list[float]) -> dict:
    """How many requests took `times` (seconds), with their p50 and p95 in milliseconds."""
    times = sorted(times)
    if not times:
        return {"requests": 0}
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times) * 1000),
        "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))] * 1000),
    }
