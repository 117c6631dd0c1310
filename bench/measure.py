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
    return _figure([_seconds(function) for _ in range(repeat)])


def _seconds(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _figure(runs: list[float]) -> dict:
    return {
        "median_ms": round(statistics.median(runs) * 1000, 1),
        "min_ms": round(min(runs) * 1000, 1),
        "max_ms": round(max(runs) * 1000, 1),
        "runs": len(runs),
    }


def beside(function: Callable[[], object], baseline: Callable[[], object], repeat: int = 5) -> dict:
    """`timed`, with the baseline run just before each run: the ratio of the two medians
    compares them under the same load and the same warm-up of the database's code."""
    if _seconds(function) < 0.02:
        repeat *= 3  # a few milliseconds: a pause of the machine would decide a median of 5
    baseline()
    runs, bases = [], []
    for _ in range(repeat):
        bases.append(_seconds(baseline))
        runs.append(_seconds(function))
    base = statistics.median(bases)
    return {
        **_figure(runs),
        "baseline_ms": round(base * 1000, 1),
        "x_baseline": round(statistics.median(runs) / base, 1),
    }


def settle(
    functions: list[Callable[[], object]], patience: int = 3, most: int = 40, margin: float = 0.05
) -> int:
    """Pass over every function until the database has compiled its hot code, as a server
    that has answered for a while has: until `patience` passes in a row are no faster than
    the best pass so far by more than `margin` (or `most` passes). The passes it took.

    The embedded engine keeps getting faster for many runs (at 60 zones the all-zones gap
    report took 310 ms on its 6th run and 190 ms from its 25th), so one warm-up pass would
    measure the compiler's progress rather than the query."""
    best, calm = float("inf"), 0
    for passes in range(1, most + 1):
        started = time.perf_counter()
        for function in functions:
            guarded(function)
        spent = time.perf_counter() - started
        if spent < best * (1 - margin):
            best, calm = spent, 0
        else:
            calm += 1
        if calm >= patience:
            return passes
    return most


def traced(store, function: Callable[[], object]) -> dict[str, float]:
    """Milliseconds per named query of one run (Store.tracing)."""
    with store.traced() as trace:
        function()
    spent: dict[str, float] = {}
    for name, seconds in trace:
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
