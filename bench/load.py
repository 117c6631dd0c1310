"""`python -m bench.load`: signed-in clients against `graphmap serve` (waitress) on loopback.

A synthetic network (`--zones`, default 4) is loaded into an embedded store of its own, with
one user per client (editors and viewers of the measured zone, so every request passes the
gate's checks as a team's would). `graphmap serve` then runs as staff run it — a process of
its own, waitress, sign-in required — and `--clients` clients (default 20) each sign in
through /login and, for `--seconds` (default 30), post the callbacks of Netwerk (the zone's
network) and Hiaten (its gap grid's first block and the grid's reload) in turn, as the
browser does. Writes p50/p95, errors and requests per second to bench/results/load.json and
a line in bench/results/latest.md. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import requests

from bench import scale
from bench.measure import latencies
from dashboard.app import create_app
from dashboard.pages import hiaten, netwerk
from graphmap import users
from graphmap.settings import Settings
from graphmap.store import Store

RESULTS = Path(__file__).resolve().parent / "results"
UPDATE = "/_dash-update-component"
PASSWORD = "bench-" + "wachtwoord-lang-genoeg"
BLOCK = {"startRow": 0, "endRow": 100, "sortModel": [], "filterModel": {}}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _values(component, found: dict | None = None) -> dict:
    """Every component of a layout by its id (as the page holds them when it loads)."""
    found = {} if found is None else found
    ident = getattr(component, "id", None)
    if isinstance(ident, str):
        found[ident] = component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json"):
            _values(child, found)
    return found


def _body(app, output_start: str, page: dict, given: dict, changed: str) -> dict:
    """A callback request as the browser posts it: each input and state as the page holds
    it (`page`), or as `given` says; a pattern-matching input with nothing on the page."""
    key = next(k for k in app.callback_map if k.lstrip(".").startswith(output_start))
    spec = app.callback_map[key]

    def items(kind):
        found = []
        for item in spec[kind]:
            name = f"{item['id']}.{item['property']}"
            if item["id"].startswith("{"):
                found.append([])
                continue
            component = page.get(item["id"])
            value = getattr(component, item["property"], None) if component is not None else None
            found.append({**item, "value": given.get(name, value)})
        return found

    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1].split("@")[0]}
        for part in key.strip(".").split("...")
    ]
    return {
        "output": key,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": items("inputs"),
        "state": items("state"),
        "changedPropIds": [changed],
    }


def bodies(app, store: Store, zone: str) -> dict[str, dict]:
    """The Netwerk and Hiaten callbacks a visitor of one zone fires first."""
    net = _values(netwerk.layout(store, f"?zone={zone}"))
    gaps = _values(hiaten.layout(store, f"?zone={zone}"))
    zone_value = getattr(net.get("netwerk-zone"), "value", zone)
    return {
        "Netwerk: the zone's network": _body(
            app, "netwerk-graph.elements", net, {"netwerk-zone.value": zone_value},
            "netwerk-zone.value",
        ),
        "Hiaten: the grid's first block": _body(
            app, "hiaten-grid.getRowsResponse", gaps,
            {"hiaten-grid.getRowsRequest": BLOCK, "hiaten-zone.value": zone},
            "hiaten-grid.getRowsRequest",
        ),
        "Hiaten: reload for the zone": _body(
            app, "hiaten-grid.filterModel", gaps, {"hiaten-zone.value": zone},
            "hiaten-zone.value",
        ),
    }  # fmt: skip


def sign_in(base: str, name: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/login", timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{base}/login",
        data={"username": name, "password": PASSWORD, "csrf_token": token},
        allow_redirects=False,
        timeout=30,
    )
    if answer.status_code != 302:
        raise RuntimeError(f"{name} could not sign in: HTTP {answer.status_code}")
    return session


def _serve(data_dir: Path, port: int, threads: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env |= {"GRAPHMAP_DATA_DIR": str(data_dir), "GRAPHMAP_IDLE_SECONDS": "0"}
    command = [sys.executable, "-m", "graphmap", "serve", "--port", str(port)]
    command += ["--threads", str(threads), "--backups", "0"]
    # Its output goes to a file: a pipe nobody reads fills up and blocks the server's log.
    log = (data_dir.parent / "serve.log").open("wb")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        if server.poll() is not None:
            raise RuntimeError((data_dir.parent / "serve.log").read_text())
        try:
            requests.get(f"{base}/login", timeout=2)
            return server
        except requests.ConnectionError:
            time.sleep(0.25)
    server.terminate()
    raise RuntimeError("graphmap serve did not answer within a minute")


def run(base: str, names: list[str], work: dict[str, dict], seconds: float) -> dict:
    """Each name signs in and posts the callbacks in turn until `seconds` have passed."""
    sessions = [sign_in(base, name) for name in names]
    sizes = {}
    for name, body in work.items():  # each once first: a request that fails shows here
        answer = sessions[0].post(base + UPDATE, json=body, timeout=120)
        answer.raise_for_status()
        sizes[name] = len(answer.content)
    samples: dict[str, list[float]] = {name: [] for name in work}
    errors: list[str] = []
    lock = threading.Lock()
    items = list(work.items())
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        session, turn = sessions[number], number
        while time.monotonic() < deadline:
            name, body = items[turn % len(items)]
            turn += 1
            started = time.perf_counter()
            try:
                answer = session.post(base + UPDATE, json=body, timeout=120)
                ok = answer.status_code == 200
                problem = f"{name}: HTTP {answer.status_code}"
            except requests.RequestException as error:
                ok, problem = False, f"{name}: {type(error).__name__}"
            took = time.perf_counter() - started
            with lock:
                if ok:
                    samples[name].append(took)
                else:
                    errors.append(problem)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(len(sessions))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    every = [t for times in samples.values() for t in times]
    return {
        "clients": len(sessions),
        "seconds": round(elapsed, 1),
        "requests_per_s": round(len(every) / elapsed, 1),
        "errors": len(errors),
        "first_errors": errors[:5],
        "all": latencies(every),
        **{name: {**latencies(times), "bytes": sizes[name]} for name, times in samples.items()},
    }


def main(argv: list[str] | None = None) -> dict:
    summary = __doc__.split("\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=summary)
    parser.add_argument("--zones", type=int, default=4, help="size of the synthetic network")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=8, help="graphmap serve --threads")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    os.environ["GRAPHMAP_IDLE_SECONDS"] = "0"
    zone = scale.zone_ids(args.zones)[0]
    with tempfile.TemporaryDirectory(prefix="graphmap-load-") as folder:
        data_dir = Path(folder) / "data"
        store = Store.connect(Settings(data_dir=data_dir))
        try:
            print(f"loading {args.zones} synthetic zones", flush=True)
            network = scale.load(store, args.zones, Path(folder) / "network")["network"]
            names = []
            for number in range(args.clients):
                role = "editor" if number % 2 else "viewer"
                names.append(f"{role}{number:02d}")
                users.add(store, names[-1], PASSWORD, role, [zone], actor="bench")
            work = bodies(create_app(store, data_dir=data_dir), store, zone)
            port = _free_port()
            server = _serve(data_dir, port, args.threads)
            try:
                print(f"{args.clients} clients for {args.seconds:.0f} s", flush=True)
                figures = run(f"http://127.0.0.1:{port}", names, work, args.seconds)
            finally:
                server.terminate()
                server.wait(timeout=60)
            said = (Path(folder) / "serve.log").read_text(errors="replace").splitlines()
            figures["server_log"] = said[:10]
        finally:
            store.close()
    results = {
        "command": "python -m bench.load " + " ".join(argv or sys.argv[1:]),
        "started": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "server": f"graphmap serve (waitress, --threads {args.threads}), sign-in required",
        "network": {"zones": args.zones, "measured_zone": zone, **network},
        "load_average_after": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
        **figures,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "load.json").write_text(json.dumps(results, indent=2) + "\n")
    line = (
        f"Load ({results['started']}, `{results['command'].strip()}`): {figures['clients']} "
        f"signed-in clients for {figures['seconds']} s on Netwerk and Hiaten callbacks against "
        f"waitress: {figures['requests_per_s']} requests/s, p50 {figures['all'].get('p50_ms')} "
        f"ms, p95 {figures['all'].get('p95_ms')} ms, {figures['errors']} errors."
    )
    latest = args.out / "latest.md"
    kept = [
        text
        for text in (latest.read_text().splitlines() if latest.exists() else [])
        if not text.startswith("Load (")
    ]
    latest.write_text("\n".join([*kept, "", line]).strip() + "\n")
    print(json.dumps(figures, indent=2))
    return results


if __name__ == "__main__":
    main()
