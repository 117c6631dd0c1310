"""The `graphmap` command: a thin skin over the library.

Modules that take long to import (pydantic forms, openpyxl, the document readers) are imported by
the commands that use them, so that a quick command joining a running server answers fast.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import click
from click.core import ParameterSource

from graphmap import access, audit, backup, dates, embedded, limits, users
from graphmap.analysis import gaps as gap_analysis
from graphmap.analysis import network
from graphmap.analysis import stats as stats_analysis
from graphmap.errors import GraphmapError, ValidationError
from graphmap.model import CLUSTER_KEYS, MOMENT_KINDS
from graphmap.plural import counted
from graphmap.settings import Settings
from graphmap.store import Store
from graphmap.style import STATUS_LABELS


class _Group(click.Group):
    """Shows a GraphmapError as one line on stderr, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GraphmapError as error:
            raise click.ClickException(str(error)) from None


class _Stderr(logging.Handler):
    """Log lines on whatever stderr is at the moment (click's, in tests)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(record.getMessage(), err=True)


def _exit_on_sigterm(*_) -> None:
    # SystemExit unwinds the `with` blocks, so the embedded server is stopped in order.
    sys.exit(143)


@contextmanager
def open_store(recover: bool = False) -> Iterator[Store]:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    with Store.connect(recover=recover) as store:
        yield store


def format_option(*choices: str, default: str, from_output: bool = False):
    """--format; `from_output` for a command with -o, whose extension chooses it when not given."""
    extensions = ", ".join(f".{e}" for e, f in EXTENSIONS.items() if f in choices)
    chosen = f" Without it, -o's extension chooses ({extensions})." if from_output else ""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=f"Output format.{chosen}",
    )


# The format a file's extension names; a table is plain text.
EXTENSIONS = {"txt": "table", "csv": "csv", "json": "json", "xlsx": "xlsx", "ics": "ics",
              "vcf": "vcf"}  # fmt: skip
TEXT_FORMATS = ("table", "csv", "json", "ics", "vcf")


def _output_format(fmt: str, output: Path | None) -> str:
    """The format to write: --format, else the one -o's extension names (g.xlsx: xlsx), else
    the default. A file named for a format the command does not write, or for another one
    than --format, is refused: an XLSX file that holds text opens nowhere."""
    ctx = click.get_current_context()
    if output is None or output == STDOUT or not output.suffix:
        return fmt
    extension = output.suffix.lower().lstrip(".")
    named = EXTENSIONS.get(extension)
    if ctx.get_parameter_source("fmt") is not ParameterSource.DEFAULT:
        # Any text fits a .txt file; a name no format owns (.dat) is the user's choice.
        if named not in (None, fmt) and not (named == "table" and fmt in TEXT_FORMATS):
            raise click.ClickException(
                f"{output.name}: --format {fmt} schrijft geen .{extension}-bestand "
                f"(-o FILE.{_extension(fmt)}, of laat --format weg)"
            )
        return fmt
    offered = next(p for p in ctx.command.params if p.name == "fmt").type.choices
    if named not in offered:
        # A file name is data, not the command line's grammar: an error (1), not usage (2).
        kinds = ", ".join(f".{_extension(f)}" for f in offered)
        raise click.ClickException(
            f"{output.name}: {ctx.info_name} schrijft geen .{extension}-bestand; wel {kinds} "
            "(of kies --format)"
        )
    return named


def _extension(fmt: str) -> str:
    return next(e for e, f in EXTENSIONS.items() if f == fmt)


def _known_zone(store: Store, zone: str | None, kept_logs: bool = False) -> str | None:
    """The id of the zone given (case aside: ids are lower case, so `Maasland` is maasland),
    or None for all zones. An unknown one is refused naming the known ones: a typo must not
    read as "nothing missing". `kept_logs`: also a zone gone from the graph whose audit log a
    reset kept (the audit of that zone is still there to read)."""
    if zone is None:
        return None
    known = {row["id"] for row in store.read("zones")}
    if kept_logs:
        known |= {row["zone"] for row in store.read("log_zones")}
    if zone in known:
        return zone
    same = [k for k in known if k.casefold() == zone.strip().casefold()]
    if len(same) == 1:
        return same[0]
    listed = ", ".join(sorted(known)) or "(geen)"
    raise ValidationError(f"onbekende zone {zone!r}; bekende zones: {listed}")


def _zone_id(zone: str) -> str:
    """The id a zone that may not exist yet is given as (`import plan`, `zone add`): ids are
    lower case, so `Haspengouw` is haspengouw, as every other --zone takes it."""
    return zone.strip().lower()


def output_option(binary: str | None = None):
    """-o FILE; `binary` names the command's format that only a file (or -o -) takes."""
    also = f", also for {binary}" if binary else ""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
        help=f"Write to this file instead of the terminal ('-': the terminal{also}).",
    )


STDOUT = Path("-")
zone_option = click.option("--zone", help="Only this zone (its id, e.g. maasland).")
MIN_MESSAGE_WIDTH = 30  # the message column of an import report wraps, down to this width


@click.group(cls=_Group)
@click.version_option(package_name="graphmap")
@click.option("-v", "--verbose", is_flag=True, help="Log each query and its time on stderr.")
def cli(verbose: bool) -> None:
    """graphmap: the partner network of Flemish primary-care zones.

    Without NEO4J_URI, graphmap starts an embedded graph database in GRAPHMAP_DATA_DIR
    (default ./.graphmap); with NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
    NEO4J_DATABASE it uses that Neo4j server.
    """
    logger = logging.getLogger("graphmap")
    if not any(isinstance(h, _Stderr) for h in logger.handlers):
        logger.addHandler(_Stderr())
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)
    # The driver's own complaints about a lost connection: the error says it in one line.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    limits.check_settings()


@cli.command()
@click.option(
    "--path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Seed folder (default: the project's seed/).",
)
@click.option(
    "--reset",
    is_flag=True,
    help="Replace the graph with the seed as it is, in one transaction (users and the audit stay).",
)
@click.option("--no-demo", is_flag=True, help="Leave out the fictitious demo contacts.")
def seed(path: Path | None, reset: bool, no_demo: bool) -> None:
    """Load the curated seed data: adds what is missing; changes nothing that exists.

    What staff changed stays as they left it: a renamed organisation, its category and seat,
    a partner taken off an action, an erased contact person. --reset to start again.

    Example: graphmap seed --reset
    """
    from graphmap.ingest import seed as seed_ingest

    rows = seed_ingest.build_rows(path, demo=not no_demo)
    with open_store() as store:
        # With --reset the graph is emptied in the same transaction: old graph or new one.
        seed_ingest.write_rows(store, rows, reset=reset)
        summary = stats_analysis.zone_summary(store)
    for zone in summary:
        goals = "doelstelling" if zone["operational_goals"] == 1 else "doelstellingen"
        click.echo(
            f"{zone['name']}: {counted(zone['municipalities'], 'gemeente', 'gemeenten')}, "
            f"{zone['strategic_goals']} strategische en {zone['operational_goals']} "
            f"operationele {goals}, {counted(zone['actions'], 'actie', 'acties')}"
        )
    if not reset:
        click.echo(
            "Toegevoegd wat ontbrak; wat al bestond is niet gewijzigd "
            "(--reset om opnieuw te beginnen)."
        )


@cli.command()
@click.option("--zones", type=click.IntRange(1, 285), required=True, help="How many zones.")
@click.option("--orgs-per-zone", type=click.IntRange(20), default=500, show_default=True)
@click.option("--persons-per-zone", type=click.IntRange(0), default=800, show_default=True)
@click.option("--actions-per-zone", type=click.IntRange(1), default=50, show_default=True)
@click.option("--seed", "random_seed", type=int, default=1, show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder to write: new, empty, or an earlier output of generate (replaced).",
)
def generate(
    zones: int,
    orgs_per_zone: int,
    persons_per_zone: int,
    actions_per_zone: int,
    random_seed: int,
    output: Path,
) -> None:
    """Write a synthetic network of realistic size as a seed folder (same seed, same files).

    Everything in it is marked synthetic; load it with `graphmap seed --reset --path DIR`.

    \b
    Example: graphmap generate --zones 60 -o /tmp/flanders
             graphmap seed --reset --path /tmp/flanders
    """
    from graphmap import generate as synthetic

    shape = synthetic.Shape(zones, orgs_per_zone, persons_per_zone, actions_per_zone, random_seed)
    totals = synthetic.generate(output, shape)
    click.echo(
        f"{output}: {totals['zones']} zones, {totals['organisations']} organisaties, "
        f"{totals['persons']} personen, {totals['actions']} acties (synthetisch)"
    )


def _table(rows: list[tuple], headers: tuple, wrap_last: bool = False) -> str:
    """A plain table; with `wrap_last` the last column (a message) wraps within the
    terminal's width instead of stretching every line of the table."""
    widths = [max(len(str(v)) for v in column) for column in zip(headers, *rows, strict=True)]
    if wrap_last:
        room = shutil.get_terminal_size((100, 24)).columns - sum(w + 2 for w in widths[:-1])
        widths[-1] = min(widths[-1], max(room, MIN_MESSAGE_WIDTH))
    lines = []
    for row in [headers, tuple("-" * w for w in widths), *rows]:
        cells = [str(v) for v in row]
        last = textwrap.wrap(cells[-1], widths[-1]) if wrap_last and cells[-1] else [cells[-1]]
        head = "  ".join(v.ljust(w) for v, w in zip(cells[:-1], widths, strict=False))
        lines.append(f"{head}  {last[0]}".rstrip() if cells[:-1] else last[0])
        indent = " " * (len(head) + 2)
        lines.extend(f"{indent}{more}" for more in last[1:])
    return "\n".join(lines)


@cli.command()
@format_option("table", "json", default="table")
def stats(fmt: str) -> None:
    """Count nodes per label and relationships per type, and goals and actions per zone.

    Example: graphmap stats --format json
    """
    with open_store() as store:
        data = stats_analysis.counts(store)
        zones = stats_analysis.zone_summary(store)
    if fmt == "json":
        click.echo(json.dumps({**data, "zones": zones}, indent=2, ensure_ascii=False))
        return
    # The table is read by staff, in Dutch; the JSON's keys stay as scripts know them.
    click.echo(_table(sorted(data["nodes"].items()), ("label", "knopen")))
    click.echo()
    click.echo(_table(sorted(data["relationships"].items()), ("type", "relaties")))
    click.echo()
    keys = ("zone", "municipalities", "strategic_goals", "operational_goals", "actions")
    headers = ("zone", "gemeenten", "strategische doelen", "operationele doelen", "acties")
    click.echo(_table([tuple(z[k] for k in keys) for z in zones], headers))


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _env_number(name: str, default: float, whole: bool = False) -> float:
    """A number from the environment (a whole one if `whole`); another value is a usage
    error that names it, in one line."""
    value = os.environ.get(name)
    try:
        return (int if whole else float)(value) if value else default
    except ValueError:
        what = "geen geheel getal" if whole else "geen getal"
        raise click.UsageError(f"{name}={value!r} is {what}") from None


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8050, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--seed",
    "with_seed",
    is_flag=True,
    help="Load the seed data before serving: adds what is missing; changes nothing that exists.",
)
@click.option(
    "--demo",
    is_flag=True,
    help="The local demo: no sign-in, one trusted user, on 127.0.0.1 only (what `make run` runs).",
)
@click.option(
    "--threads", type=click.IntRange(1, 64), default=8, show_default=True,
    help="Requests answered at once.",
)  # fmt: skip
@click.option(
    "--session-hours",
    type=click.FloatRange(0.01, 24 * 30),
    default=lambda: _env_number("GRAPHMAP_SESSION_HOURS", 8),
    show_default="8, or GRAPHMAP_SESSION_HOURS",
    help="A session ends after this many hours without a request.",
)
@click.option(
    "--trusted-proxy",
    default=lambda: os.environ.get("GRAPHMAP_TRUSTED_PROXY"),
    show_default="GRAPHMAP_TRUSTED_PROXY",
    help="The address of the reverse proxy in front (e.g. 127.0.0.1): its X-Forwarded-For, "
    "-Proto and -Host headers are believed (the client's address, HTTPS).",
)
@click.option("--debug", is_flag=True, help="Flask's development server, in debug mode.")
@click.option(
    "--backups",
    type=click.IntRange(0),
    default=lambda: _env_number("GRAPHMAP_BACKUPS", backup.DAILY_KEEP, whole=True),
    show_default=f"{backup.DAILY_KEEP}, or GRAPHMAP_BACKUPS",
    help="Keep a daily backup in the data folder's backups/, the newest N (0: none).",
)
def serve(
    host: str,
    port: int,
    with_seed: bool,
    demo: bool,
    threads: int,
    session_hours: float,
    trusted_proxy: str | None,
    debug: bool,
    backups: int,
) -> None:
    """Start the dashboard on waitress (and keep a daily backup of the graph).

    Users sign in (see `graphmap users`); at least one must exist. With --demo, on
    127.0.0.1 only, nobody signs in and the page says it is a local demo. Flask's
    development server runs only with --debug. When the database goes away, pages say so
    and recover by themselves once the embedded server is started again (or the Neo4j
    server is back).

    Example: graphmap serve --host 0.0.0.0 --port 8050
    """
    from datetime import timedelta

    from dashboard.app import create_app
    from graphmap.ingest import seed as seed_ingest

    if demo and host not in LOOPBACK:
        # Options that do not go together: a usage error, as the README says.
        raise click.UsageError(
            f"--demo heeft geen aanmelding: het dient alleen 127.0.0.1, niet {host}. Voor een "
            "team: voeg gebruikers toe (graphmap users add NAME --role admin) en start zonder "
            "--demo."
        )
    with open_store(recover=True) as store:
        if with_seed:
            seed_ingest.load(store)
        if not demo and users.count_active(store) == 0:
            raise click.ClickException(
                "nog geen gebruikers: maak de eerste beheerder met `graphmap users add NAME --role "
                "admin` en start opnieuw (of draai de lokale demo: graphmap serve --demo)"
            )
        app = create_app(store, demo=demo, idle=timedelta(hours=session_hours))
        mode = "lokale demo, zonder aanmelding" if demo else "aanmelden vereist"

        def announce() -> None:
            click.echo(f"graphmap-dashboard op http://{host}:{port}/ ({mode}; Ctrl-C stopt het)")

        with _daily_backups(store, backups), suppress(KeyboardInterrupt):
            if debug:
                announce()
                app.run(host=host, port=port, debug=True, use_reloader=False)
            else:
                _waitress(app.server, host, port, threads, trusted_proxy, announce)


def _waitress(
    server, host: str, port: int, threads: int, trusted_proxy: str | None, announce
) -> None:
    """A production WSGI server, pure Python (it runs where staff run Windows too). The
    address is announced once it is bound: a port in use is one line, not a traceback."""
    import waitress

    options = {}
    if trusted_proxy:
        options = {
            "trusted_proxy": trusted_proxy,
            "trusted_proxy_count": 1,
            "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
            "clear_untrusted_proxy_headers": True,
        }
    try:
        listening = waitress.create_server(
            server,
            host=host,
            port=port,
            threads=threads,
            max_request_body_size=server.config["MAX_CONTENT_LENGTH"],
            **options,
        )
    except OSError as error:
        raise click.ClickException(
            f"kan niet luisteren op {host}:{port}: {error.strerror or error}"
        ) from None
    announce()
    listening.run()


@contextmanager
def _daily_backups(store: Store, keep: int) -> Iterator[None]:
    """Keep a daily backup while the dashboard runs (checked hourly); 0 keeps none."""
    if not keep:
        yield
        return
    stop = threading.Event()

    def loop() -> None:
        while True:
            try:
                backup.keep_daily(store, store.data_dir / backup.DAILY_FOLDER, keep)
            # The next hour tries again; a full disk or a folder the server may not write
            # (OSError) must not end the daily backups for as long as the server runs.
            except (GraphmapError, OSError) as error:
                logging.getLogger("graphmap").warning("dagelijkse back-up mislukt: %s", error)
            if stop.wait(3600):
                return

    thread = threading.Thread(target=loop, name="graphmap-backup", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=60)  # a backup under way finishes before the store closes


def _exported(store: Store, what: str, fmt: str, rows, zones=()) -> None:
    """Record an export of personal data in the audit: who, which list, how many rows."""
    count = rows if isinstance(rows, int) else len(rows)
    audit.record_export(store, by=access.cli_user(), what=what, fmt=fmt, rows=count, zones=zones)


def _emit(data: bytes | str, output: Path | None, binary: bool = False) -> None:
    """Write to the file given with -o (`-`: stdout, binary too), or to stdout (text only)."""
    if output == STDOUT:
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        _write(lambda: (sys.stdout.buffer.write(raw), sys.stdout.buffer.flush()), "stdout")
    elif output is not None:
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        _write(lambda: output.write_bytes(raw), str(output))
        click.echo(f"geschreven: {output}", err=True)
    elif binary:
        raise click.UsageError(
            "dit formaat is binair: geef een bestand met -o (of -o - voor stdout)"
        )
    else:
        click.echo(data.decode("utf-8-sig") if isinstance(data, bytes) else data, nl=False)


def _write(write, where: str) -> None:
    try:
        write()
    except OSError as error:
        raise _unwritable(where, error) from None


def _unwritable(where: str, error: OSError) -> click.ClickException:
    """One clear line for a file that cannot be written: no folder, a full disk, no right."""
    reason = error.strerror or type(error).__name__
    if isinstance(error, FileNotFoundError):
        reason = f"de map {Path(where).parent} bestaat niet"
    return click.ClickException(f"kan {where} niet schrijven: {reason}")


class ClusterChoice(click.Choice):
    """A cluster kind as every page and list writes it ("Lokale besturen", "lokaal bestuur"),
    read as the importer reads a Cluster cell; another is a usage error naming the keys."""

    def __init__(self) -> None:
        super().__init__(CLUSTER_KEYS, case_sensitive=False)

    def convert(self, value, param, ctx):
        from graphmap.ingest import normalise

        try:
            return normalise.cluster(value)
        except ValidationError:
            return super().convert(value, param, ctx)


@cli.command()
@zone_option
@click.option("--cluster", type=ClusterChoice(), help="Only this cluster kind.")
@format_option("table", "csv", "json", "xlsx", default="table", from_output=True)
@output_option("xlsx")
def gaps(zone: str | None, cluster: str | None, fmt: str, output: Path | None) -> None:
    """Who is missing: the gap report, with why each gap is expected and its source.

    Example: graphmap gaps --zone maasland --cluster welzijn
    """
    fmt = _output_format(fmt, output)
    with open_store() as store:
        found = gap_analysis.gaps(store, zone=_known_zone(store, zone), cluster=cluster)
    records = [g.as_dict() for g in found]
    if fmt == "json":
        return _emit(json.dumps(records, ensure_ascii=False, indent=2) + "\n", output)
    if fmt == "table":
        return _emit(_gap_table(found), output)
    from graphmap import export

    readable = [
        {
            **r,
            "kind": gap_analysis.KIND_LABELS[r["kind"]],
            "status": gap_analysis.STATUS_LABELS[r["status"]],
            "cluster_name": r["cluster_name"] or r["cluster"] or "",
        }
        for r in records
    ]
    if fmt == "csv":
        return _emit(export.csv_bytes(readable, export.GAP_COLUMNS), output)
    _emit(export.xlsx_bytes({"Hiaten": (readable, export.GAP_COLUMNS)}), output, binary=True)


def _gap_table(found: list[gap_analysis.Gap]) -> str:
    lines, zone, cluster = [], None, object()
    for gap in found:
        if gap.zone != zone:
            zone, cluster = gap.zone, object()
            lines.append(f"\n{gap.zone_name}")
        if gap.cluster != cluster:
            cluster = gap.cluster
            lines.append(f"  {gap.cluster_name or gap.cluster or 'acties en netwerk'}")
        status = gap_analysis.STATUS_LABELS[gap.status]
        lines.append(f"    - [{status}] {gap_analysis.KIND_LABELS[gap.kind]}: {gap.missing}")
        lines.append(f"        waarom: {gap.reason}")
        if gap.source:
            lines.append(f"        bron: {gap.source}")
    lines.append(f"\n{counted(len(found), 'hiaat', 'hiaten')}")
    return "\n".join(lines).lstrip("\n") + "\n"


day_type = click.DateTime(formats=["%Y-%m-%d"])


SUGGESTED = 5  # organisations a `status` with an unknown organisation suggests
NAMESAKES = 1000  # organisations a name is compared with; more than that is no name but a word


def _organisation_id(store: Store, given: str, zone: str | None, refused: str) -> str:
    """The id of the organisation `given` names: its id (case aside: ids are lower case, so
    `Pallion` is pallion), or its exact name (case aside) when one organisation alone has that
    name. Else an error, starting with `refused` (what was not done), naming the ids of alike
    names: a typo must not read as "nothing recorded"."""
    from graphmap.analysis import directory

    if directory.rows(store, [given]):
        return given
    # Every word of the name must match, so the organisation named is among those found.
    found = directory.page(store, given, limit=NAMESAKES).rows
    named = [r for r in found if r["name"].casefold() == given.strip().casefold()]
    if len(named) == 1:
        return named[0]["id"]
    # After the names: "Integra", the name of two, is not silently the one whose id is integra.
    lowered = given.strip().lower()
    if not named and lowered != given and directory.rows(store, [lowered]):
        return lowered
    if named:
        listed = ", ".join(f"{r['id']} ({r['municipality'] or 'zonder gemeente'})" for r in named)
        raise ValidationError(
            f"{refused}: {len(named)} organisaties heten {given!r}: {listed}; "
            "geef de id van de bedoelde"
        )
    # The zone's own organisations first (its search is read from the zone outwards).
    alike = directory.page(store, given, limit=SUGGESTED, zone=zone).rows or found[:SUGGESTED]
    alike = alike or directory.mistyped(store, given, SUGGESTED)  # "palion": pallion
    hint = " of ".join(f"{r['id']} ({r['name']})" for r in alike)
    hint = f"; bedoelt u: {hint}?" if hint else ""
    raise ValidationError(
        f"{refused}: er is geen organisatie met id of naam {given!r}{hint} "
        "(de ids staan in het verslag van `graphmap import organisations`, kolom organisatie)"
    )


@cli.command()
@click.argument("organisation")
@click.argument("status")
@click.option("--zone", required=True, help="The zone (its id).")
@click.option("--cluster", required=True, type=ClusterChoice())
@click.option("--note", help="Why, or what was agreed (a short note).")
@click.option("--on", "on", type=day_type, help="The day it happened, YYYY-MM-DD (default today).")
def status(organisation: str, status: str, zone: str, cluster: str, note, on) -> None:
    """Record a change of an organisation's engagement in a cluster: missing, contacted,
    involved, member (or in Dutch, as the importer takes them: ontbreekt, gecontacteerd,
    betrokken, lid). It is kept in the history with the day, your user name and the note.

    ORGANISATION is the organisation's id (as the import report shows it, e.g.
    maasland-plantrekkers; case aside), or its exact name (case aside) when no other
    organisation has that name. An unknown one is refused with the ids of organisations of
    alike names, or of those it may be a typo of.

    \b
    Example: graphmap status pallion contacted --zone maasland --cluster welzijn --note "belde"
    Example: graphmap status "Plantrekkers" lid --zone maasland --cluster welzijn
    """
    from graphmap import engagement
    from graphmap.ingest import normalise

    status = normalise.status(status)
    with open_store() as store:
        zone = _known_zone(store, zone)
        organisation = _organisation_id(store, organisation, zone, "status niet vastgelegd")
        row = engagement.set_status(
            store,
            organisation,
            zone,
            cluster,
            status,
            actor=access.cli_user(),
            on=on.date() if on else None,
            note=note,
        )
    # Staff typed the status in Dutch, or read it so on every page: it is said in Dutch.
    said, where = STATUS_LABELS[status], f"{row['organisation']} in {row['cluster']}"
    if not row["changed"]:
        click.echo(f"{where}: al {said}; niets vastgelegd")
    elif row["later"]:
        # A back-dated change joins the history before a later one, which stays current: the
        # status typed is not the status now, and the user is told why.
        current = STATUS_LABELS[row["status"]]
        click.echo(
            f"{where}: {said} vastgelegd op {on.date() if on else dates.today()}; de status "
            f"blijft {current}, van de latere wijziging op {row['later']}"
        )
    else:
        click.echo(f"{where}: {said}")
    if row["replaced"]:
        # The change of a later day to this status is this one, dated right.
        click.echo(f"vervangt de wijziging naar {said} van {row['replaced']['on']}")


# The options of `moment` by the fields of the form they fill (a form's errors name fields).
_MOMENT_OPTIONS = {"kind": "--kind", "on": "--on", "person": "--person", "note": "--note",
                   "what": "--next-step", "due": "--due", "owner": "--owner"}  # fmt: skip


@cli.command()
@click.argument("organisation")
@click.option("--zone", required=True, help="The zone whose staff made the contact (its id).")
@click.option(
    "--kind", required=True, type=click.Choice(MOMENT_KINDS, case_sensitive=False), help="How."
)
@click.option("--on", "on", type=day_type, help="The day it happened, YYYY-MM-DD (default today).")
@click.option("--person", help="The contact person spoken to: their name or id.")
@click.option("--note", help="What was said or agreed (a short note).")
@click.option("--next-step", "what", help="The next step agreed (needs --due).")
@click.option("--due", type=day_type, help="The day the next step is due, YYYY-MM-DD.")
@click.option("--owner", help="Who takes the next step (default: you).")
def moment(organisation: str, zone: str, kind: str, on, person, note, what, due, owner) -> None:
    """Record a contact moment with an organisation, and the next step agreed, as the
    contact-moment form on Netwerk, Hiaten and Organisaties does: kept with your user name,
    the step listed by `graphmap followups` until `graphmap done` marks it done.

    ORGANISATION is the organisation's id, or its exact name when no other has that name.

    \b
    Example: graphmap moment pallion --zone maasland --kind telefoon --note "belde over de AV"
    Example: graphmap moment vaph --zone maasland --kind overleg --next-step AV --due 2026-12-15
    """
    from graphmap import followup
    from graphmap.register import FormError

    values = {"kind": kind, "on": on.date() if on else None, "note": note, "what": what,
              "due": due.date() if due else None, "owner": owner}  # fmt: skip
    with open_store() as store:
        zone = _known_zone(store, zone)
        organisation = _organisation_id(store, organisation, zone, "niets vastgelegd")
        if person:
            values["person"] = _contact_person(store, organisation, person)
        try:
            written = followup.record_moment(
                store, organisation, zone, values, actor=access.cli_user()
            )
        except FormError as error:
            raise ValidationError(
                "; ".join(f"{_MOMENT_OPTIONS.get(f, f)}: {m}" for f, m in error.fields.items())
            ) from None
    step = " en een volgende stap" if "step" in written else ""
    click.echo(f"contactmoment{step} vastgelegd bij {written['organisation_name']}")


def _contact_person(store: Store, organisation: str, given: str) -> str:
    """The id of the organisation's contact person `given` names (their id, or their name,
    case aside, as the form lists them); else an error that names whom to choose from."""
    from graphmap import followup

    persons = followup.contact_persons(store, organisation)
    wanted = given.strip().casefold()
    named = [p for p in persons if wanted in (p["id"].casefold(), (p["name"] or "").casefold())]
    if len(named) == 1:
        return named[0]["id"]
    listed = ", ".join(f"{p['name']} ({p['id']})" for p in named or persons) or "geen"
    why = "meer dan één heet zo" if named else "geen contactpersoon van " + organisation
    raise ValidationError(f"--person {given!r}: {why} (kies uit: {listed})")


@cli.command()
@click.argument("organisation")
@click.option("--zone", required=True, help="The zone whose step it is (its id).")
@click.option("--on", "on", type=day_type, help="The day it was done, YYYY-MM-DD (default today).")
@click.option("--note", help="How it went (a short note).")
def done(organisation: str, zone: str, on, note) -> None:
    """Mark the open next step agreed with an organisation done, as Opvolging's button does,
    on a day (default today): kept with your user name, once.

    Where the organisation has more than one open step in the zone, they are listed with
    their due days: give the step's id (`graphmap followups --format json`) instead.

    \b
    Example: graphmap done pallion --zone maasland --on 2026-12-04 --note "offerte verstuurd"
    """
    from graphmap import followup

    with open_store() as store:
        zone = _known_zone(store, zone)
        steps = followup.open_steps(store, zone, today=dates.today())
        mine = [s for s in steps if s["id"] == organisation]
        if not mine:
            known = _organisation_id(store, organisation, zone, "niets afgerond")
            mine = [s for s in steps if s["organisation"] == known]
        if not mine:
            raise ValidationError(f"{organisation}: geen open volgende stap in zone {zone}")
        if len(mine) > 1:
            listed = "; ".join(f"{s['id']}: {s['what']} (tegen {s['due']})" for s in mine)
            raise ValidationError(
                f"{organisation} heeft {len(mine)} open stappen in {zone}: {listed}; "
                "geef de id van de bedoelde"
            )
        followup.complete_step(
            store, mine[0]["id"], actor=access.cli_user(), on=on.date() if on else None, note=note
        )
    click.echo(f"afgerond: {mine[0]['what']} ({mine[0]['organisation_name']})")


@cli.command()
@zone_option
@click.option(
    "--organisation",
    help="Only this organisation (its id, or its exact name when no other has that name).",
)
@click.option("--since", type=day_type, help="Only changes on or after this day (YYYY-MM-DD).")
@format_option("table", "csv", "json", default="table", from_output=True)
@output_option()
def history(zone, organisation, since, fmt: str, output: Path | None) -> None:
    """The engagement changes, newest first: who changed what, when, why, on what source.

    The changes name who made them and hold their notes: every listing is recorded in the
    audit, with the zones it concerns.

    Example: graphmap history --zone maasland --organisation pallion
    """
    from graphmap import engagement

    fmt = _output_format(fmt, output)
    with open_store() as store:
        zone = _known_zone(store, zone)
        if organisation is not None:
            organisation = _organisation_id(store, organisation, zone, "geen geschiedenis")
        changes = engagement.history(
            store, zone=zone, organisation=organisation, since=since.date() if since else None
        )
        rows = [engagement.labelled(c) for c in access.shown(changes, access.cli_principal())]
        _emit(_history_output(rows, fmt), output)
        what = f"geschiedenis {zone or organisation or 'alle zones'}"
        _exported(store, what, fmt, rows, zones=[zone] if zone else _zones_of(rows))


def _zones_of(rows: list[dict]) -> list[str]:
    """The zones the rows of an export concern (a zone's Logboek lists the export)."""
    return sorted({row["zone"] for row in rows})


def _history_output(rows: list[dict], fmt: str) -> str | bytes:
    from graphmap import export

    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return export.csv_bytes(rows, export.HISTORY_COLUMNS)
    table = [
        (
            r["on"] or "-",
            r["zone"],
            r["cluster"],
            r["organisation"],
            f"{r['from_label']} -> {r['to_label']}",
            r["by"] or "",
            _shorten(r["note"] or "", 40),
            _shorten(r["source"] or "", 40),
        )
        for r in rows
    ]
    headers = ("datum", "zone", "cluster", "organisatie", "wijziging", "door", "notitie", "bron")
    return _table(table, headers) + f"\n{counted(len(rows), 'wijziging', 'wijzigingen')}\n"


@cli.command()
@zone_option
@click.option("--overdue", is_flag=True, help="Only the steps whose due day has passed.")
@format_option("table", "csv", "json", "ics", default="table", from_output=True)
@output_option("ics")
def followups(zone, overdue: bool, fmt: str, output: Path | None) -> None:
    """The open next steps agreed in contact moments, overdue first.

    `--format ics` writes a calendar that Outlook opens: one entry per step on its due day.
    The steps name their owners and organisations: every listing is recorded in the audit,
    with the zones it concerns.

    Example: graphmap followups --zone maasland --format ics -o opvolging.ics
    """
    from graphmap import followup

    fmt = _output_format(fmt, output)
    with open_store() as store:
        zone = _known_zone(store, zone)
        steps = followup.open_steps(store, zone, today=dates.today(), overdue=overdue)
        steps = access.shown(steps, access.cli_principal())
        _emit(_steps_output(steps, fmt), output, binary=fmt == "ics")
        what = f"volgende stappen {zone or 'alle zones'}"
        _exported(store, what, fmt, steps, zones=[zone] if zone else _zones_of(steps))


def _steps_output(steps: list[dict], fmt: str) -> str | bytes:
    from graphmap import export, followup

    if fmt == "ics":
        return followup.ics_bytes(steps)
    rows = [followup.labelled_step(s) for s in steps]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return export.csv_bytes(rows, export.STEP_COLUMNS)
    table = [
        (r["due"], r["late"], r["zone"], _shorten(r["organisation_name"], 36),
         _shorten(r["what"] or "", 50), r["owner"] or "")
        for r in rows
    ]  # fmt: skip
    headers = ("tegen", "te laat", "zone", "organisatie", "volgende stap", "eigenaar")
    return _table(table, headers) + f"\n{counted(len(rows), 'open stap', 'open stappen')}\n"


@cli.command()
@click.option("--zone", required=True, help="The zone (its id).")
@click.option(
    "--since", type=day_type, help="Changes since this day, YYYY-MM-DD (default: 3 months ago)."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The report to write: FILE.docx (to edit) or FILE.pdf.",
)
@click.option(
    "--no-personal-data",
    is_flag=True,
    help="As the zone's viewers (the board) see it: contact persons, authors, notes and next "
    "steps read (afgeschermd).",
)
def report(zone: str, since, output: Path, no_personal_data: bool) -> None:
    """Write the progress report for the zorgraad meeting, in Dutch: the zone's network by
    cluster, gaps with reason and source, incomplete actions, what changed since a day,
    and the open and overdue next steps. It names contact persons and holds the
    follow-up's notes, for the zone's staff; `--no-personal-data` writes the board's.

    Example: graphmap report --zone maasland --since 2026-01-01 -o zorgraad.pdf
    Example: graphmap report --zone maasland --no-personal-data -o bestuur.pdf
    """
    from graphmap.report import zorgraad

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in zorgraad.FORMATS:
        # A file name is data, not the command line's grammar: an error (1), not usage (2).
        kinds = " of ".join(f".{f}" for f in zorgraad.FORMATS)
        raise click.ClickException(
            f"{output.name}: het rapport is een {kinds}-bestand, geen "
            f"{output.suffix or 'bestand zonder extensie'} (-o FILE.docx om te bewerken, of "
            "-o FILE.pdf)"
        )
    with open_store() as store:
        zone = _known_zone(store, zone)
        content = zorgraad.collect(
            store,
            zone,
            since=since.date() if since else None,
            user=access.cli_principal(),
            personal=not no_personal_data,
        )
        _emit(zorgraad.render(content, fmt), output, binary=True)
        _exported(store, f"zorgraadrapport {zone}", fmt, 1, zones=[zone])


@cli.command()
@zone_option
@format_option("table", "json", default="table")
def actions(zone: str | None, fmt: str) -> None:
    """List the actions of the plans, with their ids (for `graphmap contacts --action`).

    Example: graphmap actions --zone maasland
    """
    with open_store() as store:
        rows = network.actions(store, _known_zone(store, zone))
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = [(r["id"], ", ".join(r["leads"]) or "-", _shorten(r["title"], 70)) for r in rows]
    click.echo(_table(table, ("id", "trekker", "titel")))


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command()
@click.option("--action", "action_id", help="An action id, e.g. maasland/1.2-a.")
@click.option("--goal", help="ZONE/NUMBER: every action under that goal, e.g. maasland/1.")
@click.option("--cluster", help="ZONE/CLUSTER: everyone engaged with it, e.g. maasland/welzijn.")
@format_option("csv", "xlsx", "vcf", "json", default="csv", from_output=True)
@output_option("xlsx")
def contacts(
    action_id: str | None, goal: str | None, cluster: str | None, fmt: str, output: Path | None
) -> None:
    """Export who to invite: lead, partners, their contacts and the named contacts.

    One row per person (deduplicated on e-mail); organisations without a reachable contact
    are listed on stderr (and on a second sheet in XLSX). Contact details are personal
    data: every export is recorded in the audit (who, which list, how many rows).

    Example: graphmap contacts --action maasland/1.2-a --format xlsx -o werkgroep.xlsx
    """
    from graphmap import export
    from graphmap.analysis import contacts as contact_lists
    from graphmap.ingest import normalise

    chosen = [option for option in (action_id, goal, cluster) if option]
    if len(chosen) != 1:
        raise click.UsageError("geef precies één van --action, --goal of --cluster")
    fmt = _output_format(fmt, output)
    zone, _, rest = chosen[0].partition("/")
    if not action_id and not rest:
        raise click.UsageError(f"verwacht ZONE/{'NUMBER' if goal else 'CLUSTER'}")
    with open_store() as store:
        if action_id:
            if rest:  # its id starts with its zone's, taken case aside as every zone is
                zone = _known_zone(store, zone)
                action_id = f"{zone}/{rest}"
            found = contact_lists.for_action(store, action_id)
        elif goal:
            zone = _known_zone(store, zone)
            found = contact_lists.for_goal(store, zone, rest)
        else:
            zone = _known_zone(store, zone)
            found = contact_lists.for_cluster(store, zone, normalise.cluster(rest))
        _emit(export.contacts_bytes(found, fmt), output, binary=fmt == "xlsx")
        _exported(store, found.title, fmt, len(found.people), zones=[zone])
    click.echo(f"{counted(len(found.people), 'persoon', 'personen')} voor {found.title}", err=True)
    for org in found.unreachable:
        click.echo(
            f"zonder bereikbare contactpersoon: {org['organisation']} ({org['role']})", err=True
        )


@cli.group("import")
def import_group() -> None:
    """Bring existing material in: partner and contact lists, and the zone's own plans.

    Check first with --dry-run: nothing is written, and every row or goal is reported.

    \b
    Example: graphmap import organisations partners.xlsx --zone maasland --dry-run
    Example: graphmap import plan plan.docx --zone maasland --dry-run --format json
    """


def _import_options(organisations: bool):
    """The options of a spreadsheet import; --zone and --new-if-similar are for partner lists
    alone (a contact list has no Cluster column and never makes an organisation)."""
    zone = click.option("--zone", help="The zone (its id) whose clusters the Cluster column means.")
    new_if_similar = click.option(
        "--new-if-similar",
        is_flag=True,
        help="A row whose name is probably a known organisation ('bestaat "
        "waarschijnlijk al als …') becomes a new one instead of being linked to it.",
    )
    options = (
        click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path)),
        *([zone] if organisations else []),
        click.option("--dry-run", is_flag=True, help="Check and report every row; write nothing."),
        format_option("table", "json", default="table"),
        click.option(
            "--map",
            "pairs",
            multiple=True,
            metavar="COLUMN=FIELD",
            help="Which field a column holds, when its header is not recognised "
            "(e.g. --map 'Wie=name'). Repeatable.",
        ),
        *([new_if_similar] if organisations else []),
        click.option(
            "--sheet",
            metavar="NAME",
            help="Of a workbook, the sheet to read (default: the one it opens on). A partner "
            "list without a Cluster column on a sheet named after a cluster (Zorg, Welzijn, "
            "PZON, Lokale besturen) puts every row in that cluster of --zone.",
        ),
    )

    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


@contextmanager
def _progress(label: str):
    """A progress bar on stderr, only when stderr is a terminal (never in a pipe or a log)."""
    if not sys.stderr.isatty():
        yield None
        return
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


REFUSED_ROWS = 3  # exit code of an import that refused rows (and wrote the others)


def _run_import(
    kind: str, file: Path, zone, dry_run: bool, fmt: str, pairs, new_if_similar: bool, sheet
) -> None:
    from graphmap.ingest import columns, spreadsheet

    mapping = columns.parse_mapping(pairs)
    with open_store() as store, _progress(f"{file.name} controleren") as progress:
        zone = _known_zone(store, zone)
        report = spreadsheet.plan_import(
            store,
            file,
            kind,
            mapping=mapping,
            zone=zone,
            new_if_similar=new_if_similar,
            progress=progress,
            sheet=sheet,
        )
        if not dry_run:
            spreadsheet.apply_import(store, report, actor=access.cli_user())
    if fmt == "json":
        click.echo(report.to_json())
    else:
        _echo_import_report(report, kind, dry_run)
    if report.counts["rejected"]:
        # A script or a scheduled job must notice refused rows; the report above names them.
        sys.exit(REFUSED_ROWS)


def _echo_import_report(report, kind: str, dry_run: bool) -> None:
    from graphmap.ingest import columns, spreadsheet

    outcome = spreadsheet.OUTCOME_LABELS
    if kind == columns.CONTACTS:
        # Rows of one organisation's persons read alike but for the person: name them.
        rows = [
            (r.row, outcome[r.outcome], r.name or "", r.organisation or "", r.message)
            for r in report.rows
        ]
        headers = ("rij", "uitkomst", "naam", "organisatie", "melding")
    else:
        rows = [(r.row, outcome[r.outcome], r.organisation or "", r.message) for r in report.rows]
        headers = ("rij", "uitkomst", "organisatie", "melding")
    click.echo(_table(rows, headers, wrap_last=True))
    click.echo()
    for note in report.notes:
        click.echo(f"{report.file}: {note}")
    if report.ignored:
        click.echo(
            f"Niet gelezen kolommen (titel niet herkend): {', '.join(map(repr, report.ignored))}; "
            f"lees ze met --map 'KOLOM=VELD' (velden: {', '.join(columns.field_names(kind))})"
        )
    counts = report.counts
    verb = "gecontroleerd, niets geschreven (--dry-run)" if dry_run else "geïmporteerd"
    click.echo(
        f"{report.file}: {verb}: {counts['new']} nieuw, {counts['updated']} bijgewerkt, "
        f"{counts['unchanged']} ongewijzigd, {counts['rejected']} geweigerd"
    )


@import_group.command("organisations")
@_import_options(organisations=True)
def import_organisations(
    file: Path, zone, dry_run: bool, fmt: str, pairs, new_if_similar: bool, sheet
) -> None:
    """Import partner organisations from FILE (.xlsx or .csv).

    Recognised columns (Dutch or English headers): naam, kbo, gemeente, postcode, adres
    (its postcode and municipality), e-mail, telefoon, gsm (where telefoon is empty),
    website, cluster, categorie, status, and optionally a contact person
    (contactpersoon or voornaam/achternaam, functie). Every row is reported as nieuw,
    bijgewerkt, ongewijzigd or geweigerd (in JSON: new, updated, unchanged, rejected); the
    accepted rows are written in one transaction, and refused rows end the command with
    exit code 3.
    Only the same KBO number, or the same name in the same municipality, is the same
    organisation; a name that is probably a known one is linked to it and reported as
    such, unless --new-if-similar.

    \b
    Example: graphmap import organisations partners.xlsx --zone maasland --dry-run
    """
    from graphmap.ingest.columns import ORGANISATIONS

    _run_import(ORGANISATIONS, file, zone, dry_run, fmt, pairs, new_if_similar, sheet)


@import_group.command("contacts")
@_import_options(organisations=False)
def import_contacts(file: Path, dry_run: bool, fmt: str, pairs, sheet) -> None:
    """Import contact persons from FILE (.xlsx or .csv) into known organisations.

    Recognised columns: naam (or voornaam and achternaam; naam beside voornaam is the
    surname), organisatie, e-mail, telefoon, gsm (where telefoon is empty), functie, and
    kbo/gemeente/postcode to tell organisations with alike names apart. Refused rows end
    the command with exit code 3.

    \b
    Example: graphmap import contacts contacten.csv --format json
    """
    from graphmap.ingest.columns import CONTACTS

    _run_import(CONTACTS, file, None, dry_run, fmt, pairs, False, sheet)


@import_group.command("plan")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--zone", required=True, help="The zone the plan belongs to (its id, e.g. maasland).")
@click.option("--dry-run", is_flag=True, help="Only show what would be imported; write nothing.")
@format_option("table", "json", default="table")
@click.option("--yes", is_flag=True, help="Write without asking for confirmation.")
@click.option(
    "--skip",
    multiple=True,
    metavar="NAME",
    help="Leave a proposal out: an organisation or municipality (by name), a target "
    "(cluster/category or category) or an action (by code). Repeatable.",
)
@click.option(
    "--new",
    "new",
    multiple=True,
    metavar="NAME",
    help="An organisation the preview took for one of the register with an alike name (≈) "
    "is a new organisation: it stays on its actions as itself. Repeatable.",
)
@click.option(
    "--ignore-plan-zone",
    is_flag=True,
    help="Write the plan into --zone although it names another zone in its title or territory.",
)
def import_plan(
    file: Path,
    zone: str,
    dry_run: bool,
    fmt: str,
    yes: bool,
    skip: tuple[str, ...],
    new: tuple[str, ...],
    ignore_plan_zone: bool,
) -> None:
    """Import a zone's plan (.txt, .md, .docx, .pdf, .csv, .xlsx): goals, actions, leads and
    partners.

    Shows a preview first; nothing is written until it is confirmed (or with --yes).
    Named organisations are matched to those in the graph (= the same name, ≈ an alike
    one: a guess, --new when it is another organisation) or proposed as new, each with the
    sentence that names it. A zone that does not exist yet is created whole from its
    plan: its name, its municipalities (a name merged away in 2019 or 2025 becomes the
    merged municipality), its four clusters with the reference expectations, and its own
    targets.

    A plan that names another zone than --zone is refused, and so is a plan that names a
    zone the graph has when --zone is a new one. A new version of a zone's plan
    lists what the graph holds that the text no longer has; applying it unlinks the leads
    and partners an earlier plan import gave its actions and the text no longer names
    (goals, actions and links made otherwise stay). Nothing is written for a text in which
    no goal or action is recognised.

    \b
    Example: graphmap import plan plan.docx --zone maasland --dry-run --format json
    Example: graphmap import plan plan.pdf --zone haspengouw --skip 'AZ Vesalius' --yes
    """
    from graphmap.ingest import plan as plan_import

    zone = _zone_id(zone)
    with open_store() as store:
        preview = plan_import.preview_plan(
            store, file, zone, refuse_other_zone=not ignore_plan_zone
        )
        if new:
            preview = plan_import.as_new(preview, list(new))
        if skip:
            preview = plan_import.skip(preview, list(skip))
        click.echo(preview.to_json() if fmt == "json" else preview.to_table(), nl=fmt == "json")
        if dry_run:
            return
        plan_import.check_writable(preview)
        if not yes and not _ask("Deze gegevens in de graaf schrijven?"):
            click.echo("niets geschreven", err=True)
            return
        written = plan_import.apply_plan(store, preview, zone)
    click.echo(f"geschreven: {plan_import.summary(written)}", err=True)


# Click's own confirm takes y or n only and answers in English ("Error: invalid input",
# "Aborted!"): staff answer j or ja.
_YES, _NO = {"j", "ja", "y", "yes"}, {"", "n", "nee", "neen", "no"}


def _ask(question: str) -> bool:
    """A yes-or-no question on stderr, no by default; the end of the input (a script, Ctrl-D)
    or Ctrl-C is no."""
    while True:
        try:
            answer = click.prompt(f"{question} [j/N]", default="", show_default=False, err=True)
        except click.Abort:
            click.echo(err=True)
            return False
        answer = answer.strip().casefold()
        if answer in _YES | _NO:
            return answer in _YES
        click.echo(f"antwoord j (ja) of n (nee), niet {answer!r}", err=True)


@cli.command()
def stop() -> None:
    """Stop the embedded database now instead of after its idle time.

    The embedded server outlives its last graphmap command by GRAPHMAP_IDLE_SECONDS
    (default 300), so that the next command joins it at once; this ends it now. It refuses
    while a graphmap process (e.g. `graphmap serve`) still uses it.

    Example: graphmap stop
    """
    settings = Settings.from_env()
    if not settings.embedded:
        raise click.ClickException(
            "NEO4J_URI is ingesteld: er is geen ingebedde databank om te stoppen"
        )
    click.echo(embedded.stop_idle(settings.data_dir))


@cli.group("zone")
def zone_group() -> None:
    """Zones: add a zone that has no plan in the graph yet.

    Example: graphmap zone add haspengouw --name 'ELZ Haspengouw' --municipality Sint-Truiden
    """


@zone_group.command("add")
@click.argument("zone")
@click.option("--name", required=True, help="The zone's name, e.g. 'ELZ Haspengouw'.")
@click.option(
    "--municipality",
    "-m",
    "municipalities",
    multiple=True,
    required=True,
    help="A municipality of the zone (a name merged away in 2019 or 2025 becomes the merged "
    "one). Repeatable.",
)
@format_option("table", "json", default="table")
def zone_add(zone: str, name: str, municipalities: tuple[str, ...], fmt: str) -> None:
    """Add zone ZONE (its id) with its municipalities, its four clusters and the reference
    expectations of every cluster, in one transaction, so that its gaps can be shown.

    \b
    Example: graphmap zone add haspengouw --name 'ELZ Haspengouw' -m Sint-Truiden -m Borgloon
    """
    from graphmap.ingest import zones

    zone = _zone_id(zone)
    with open_store() as store:
        written = zones.add_zone(store, zone, name, list(municipalities))
    for warning in written["warnings"]:
        click.echo(f"let op: {warning}", err=True)
    if fmt == "json":
        click.echo(json.dumps(written))
        return
    click.echo(
        f"zone {zone} ({written['name']}): "
        f"{counted(written['municipalities'], 'gemeente', 'gemeenten')}, "
        f"{written['clusters']} clusters, {written['expectations']} verwachtingen"
    )


@cli.command()
@click.argument("person")
def forget(person: str) -> None:
    """Erase a contact person, as Organisaties does: from the graph, from the notes about
    their organisations, from the database's files and the daily backups.

    PERSON is the person's id, or an e-mail address: every contact person with that
    address is erased. Files exported before are out of graphmap's reach: it says how many
    exports of the person's zones the audit records, to follow up.

    Example: graphmap forget jan.peeters@example.org
    """
    from graphmap import register

    with open_store() as store:
        found = register.persons(store, person)
        if not found:
            raise ValidationError(f"geen contactpersoon {person!r} (een id of een e-mailadres)")
        owners = {o for each in found for o in access.person_organisations(store, each)}
        zones = sorted(set().union(*access.organisation_zones(store, owners).values()))
        for each in found:
            register.remove_contact(store, each)
        exports = {zone: audit.count(store, zone=zone, action="export") for zone in zones}
    click.echo(f"gewist: {', '.join(found)}")
    if any(exports.values()):
        per_zone = ", ".join(f"{zone} ({n})" for zone, n in exports.items() if n)
        click.echo(
            f"let op: de audit noemt exports van {per_zone}; wat toen naar bestanden ging, "
            "wist graphmap niet (graphmap audit --action export --zone ZONE zegt wie, wat, "
            "wanneer)",
            err=True,
        )


@cli.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
def backup_command(file: Path) -> None:
    """Write the whole graph to FILE as JSON lines (`-`: stdout), the same from either engine.

    A header line (format version, time, engine, each label's key), then every node and
    relationship in an order that depends on the graph alone. The file holds contact
    persons' personal data: it is written readable by you only, and recorded in the audit
    as an export of every zone.

    Example: graphmap backup graaf.jsonl
    """
    if file != STDOUT and not file.parent.is_dir():  # before the whole graph is read
        raise _unwritable(str(file), FileNotFoundError())
    with open_store() as store:
        zones = [zone["id"] for zone in network.zones(store)]
        if file == STDOUT:
            written = 0
            for line in backup.dump(store):
                _write(lambda line=line: sys.stdout.write(line + "\n"), "stdout")
                written += 1
            _exported(store, "back-up", "jsonl", max(written - 1, 0), zones)
            return
        try:
            counts = backup.write(store, file)
        except OSError as error:
            raise _unwritable(str(file), error) from None
        # Every contact person is in it: the largest export there is.
        _exported(store, "back-up", "jsonl", counts["nodes"] + counts["relationships"], zones)
    click.echo(f"{file}: {counts['nodes']} knopen, {counts['relationships']} relaties", err=True)


@cli.command("restore")
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path)
)
@click.option("--replace", is_flag=True, help="Replace what the store holds (else: refuse).")
def restore_command(file: Path, replace: bool) -> None:
    """Load a backup from FILE into an empty store, in one transaction.

    A store that holds anything is refused, unless --replace: then everything in it is
    replaced, in that same transaction.

    A contact person erased after the backup was made stays erased (the audit of the
    store it replaces says who), with the notes about them. The store's users stay as they
    are (their passwords, roles, zones and sessions); a store without users takes the
    backup's.

    Example: graphmap restore graaf.jsonl --replace
    """
    from graphmap import register

    # As bytes: the restore decodes each line, so a line that is not UTF-8 is named.
    lines = sys.stdin.buffer if file == STDOUT else open(file, "rb")  # noqa: SIM115
    with lines, open_store() as store:
        counts = register.restore(store, lines, replace=replace, name=file.name or "stdin")
    click.echo(f"hersteld: {counts['nodes']} knopen, {counts['relationships']} relaties")
    if counts["erased"]:
        click.echo(
            "opnieuw gewist: "
            + counted(
                counts["erased"],
                "contactpersoon die na deze back-up gewist werd",
                "contactpersonen die na deze back-up gewist werden",
            )
        )
    if counts["users"]:
        click.echo(
            "behouden zoals ze nu zijn: "
            + counted(counts["users"], "gebruiker", "gebruikers")
            + " (niet die van de back-up)"
        )


@cli.group("users")
def users_group() -> None:
    """Who may sign in to the dashboard: users with a role and zones, kept in the graph.

    A viewer sees the network, gaps, plans and comparisons, never personal data, and changes
    nothing; an editor does what staff do for their own zones; an admin does everything,
    manages users and reads the audit. Passwords are asked for (or read from stdin with
    --password-stdin), never given on the command line, and kept as argon2id hashes.

    \b
    Example: graphmap users add an --role editor --zone maasland
    """


role_option = click.option(
    "--role",
    type=click.Choice(access.ROLE_LABELS, case_sensitive=False),
    required=True,
    help="viewer, editor or admin.",
)
zones_option = click.option(
    "--zone",
    "zones",
    multiple=True,
    help="A zone the user acts for (its id). Repeatable; an admin acts for every zone.",
)
password_stdin_option = click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of stdin instead of asking for it.",
)


def _password(from_stdin: bool) -> str:
    """The new password: from stdin's first line, or asked for twice without echo."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        # Asked twice without click's confirmation_prompt, which says a mismatch in English.
        while True:
            password = click.prompt("Wachtwoord", hide_input=True, err=True)
            if click.prompt("Nog eens", hide_input=True, err=True) == password:
                break
            click.echo("de twee wachtwoorden verschillen; nog eens", err=True)
    return users.check_password(password)


def _zones_given(store: Store, zones: tuple[str, ...]) -> tuple[str, ...]:
    """The zones of --zone as the graph has them (`Maasland` is maasland, as every command
    takes a zone); an unknown one is refused naming the known ones."""
    return tuple(_known_zone(store, zone) for zone in zones)


def _zones_text(user) -> str:
    return "alle zones" if user.admin else ", ".join(sorted(user.zones))


@users_group.command("add")
@click.argument("name")
@role_option
@zones_option
@password_stdin_option
def users_add(name: str, role: str, zones: tuple[str, ...], password_stdin: bool) -> None:
    """Add user NAME with a role and the zones it acts for; its password is asked for.

    \b
    Example: graphmap users add an --role editor --zone maasland --zone kempenland
    Example: echo "$PASSWORD" | graphmap users add beheer --role admin --password-stdin
    """
    users.check_name(name)
    if role != "admin" and not zones:
        raise click.UsageError(f"een {role} handelt voor een of meer zones: geef --zone")
    with open_store() as store:
        # Whatever makes the command fail is said before the password is typed, twice.
        zones = _zones_given(store, zones)
        if users.get(store, name) is not None:
            raise users.taken(name)
        password = _password(password_stdin)
        user = users.add(store, name, password, role, zones, actor=access.cli_user())
    click.echo(f"gebruiker {user.name} toegevoegd: {user.role}, {_zones_text(user)}")


@users_group.command("list")
@format_option("table", "json", default="table")
def users_list(fmt: str) -> None:
    """List the users with their role and zones (never a password or its hash).

    Example: graphmap users list
    """
    with open_store() as store:
        found = users.list_users(store)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    rows = [
        (
            u["name"],
            u["role"],
            "alle" if u["role"] == "admin" else ", ".join(u["zones"]),
            "uitgeschakeld" if u["disabled"] else "actief",
        )
        for u in found
    ]
    click.echo(_table(rows, ("naam", "rol", "zones", "status")) if rows else "geen gebruikers")


@users_group.command("set-role")
@click.argument("name")
@click.argument("role", type=click.Choice(access.ROLE_LABELS, case_sensitive=False))
@zones_option
def users_set_role(name: str, role: str, zones: tuple[str, ...]) -> None:
    """Give user NAME another role (with --zone, also other zones).

    Example: graphmap users set-role an viewer
    """
    with open_store() as store:
        zones = _zones_given(store, zones)
        user = users.set_role(store, name, role, zones or None, actor=access.cli_user())
    click.echo(f"{user.name}: {user.role}, {_zones_text(user)}")


@users_group.command("set-zones")
@click.argument("name")
@zones_option
def users_set_zones(name: str, zones: tuple[str, ...]) -> None:
    """Replace the zones user NAME acts for.

    Example: graphmap users set-zones an --zone maasland --zone kempenland
    """
    if not zones:
        # A missing option is the command line's grammar (2), whatever the user's role.
        raise click.UsageError("geef de zones met --zone (een of meer)")
    with open_store() as store:
        zones = _zones_given(store, zones)
        user = users.set_zones(store, name, zones, actor=access.cli_user())
    click.echo(f"{user.name}: {user.role}, {_zones_text(user)}")


@users_group.command("disable")
@click.argument("name")
def users_disable(name: str) -> None:
    """Disable user NAME: it can no longer sign in, and its sessions end (within seconds).

    Example: graphmap users disable an
    """
    with open_store() as store:
        users.disable(store, name, actor=access.cli_user())
    click.echo(f"{name} is uitgeschakeld")


@users_group.command("enable")
@click.argument("name")
def users_enable(name: str) -> None:
    """Enable user NAME again after `users disable`: it can sign in with its password.

    Example: graphmap users enable an
    """
    with open_store() as store:
        users.enable(store, name, actor=access.cli_user())
    click.echo(f"{name} is weer ingeschakeld")


@users_group.command("reset-password")
@click.argument("name")
@password_stdin_option
def users_reset_password(name: str, password_stdin: bool) -> None:
    """Give user NAME a new password (asked for); its sessions end everywhere.

    Example: graphmap users reset-password an
    """
    users.check_name(name)
    with open_store() as store:
        if users.get(store, name) is None:
            raise users.unknown(name)
        password = _password(password_stdin)
        users.reset_password(store, name, password, actor=access.cli_user())
    click.echo(f"nieuw wachtwoord voor {name}")


# A kind of audit entry is an action (user.add) or the group its name starts with (user).
AUDIT_KINDS = sorted({*audit.ACTIONS, *(action.split(".")[0] for action in audit.ACTIONS)})


@cli.command("audit")
@zone_option
@click.option("--since", type=day_type, help="Only entries on or after this day (YYYY-MM-DD).")
@click.option(
    "--action",
    type=click.Choice(AUDIT_KINDS),
    metavar="KIND",
    help=f"Only this kind of change: {', '.join(k for k in AUDIT_KINDS if '.' not in k)}; "
    "or one action of a kind, e.g. user.add.",
)
@format_option("table", "csv", "json", default="table", from_output=True)
@output_option()
def audit_command(zone, since, action, fmt: str, output: Path | None) -> None:
    """The audit trail, newest first: who changed what, when, from what to what; and every
    export of personal data (who, which list, how many rows).

    Example: graphmap audit --zone maasland --since 2026-01-01 --format csv -o logboek.csv
    """
    from graphmap import export

    fmt = _output_format(fmt, output)
    with open_store() as store:
        zone = _known_zone(store, zone, kept_logs=True)
        rows = audit.entries(
            store, zone=zone, since=since.date() if since else None, action=action, limit=None
        )
    if fmt == "json":
        data = [{k: v for k, v in r.items() if k not in ("before", "after")} for r in rows]
        for item in data:
            item["before"], item["after"] = item.pop("before_data"), item.pop("after_data")
        return _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    if fmt == "csv":
        return _emit(export.csv_bytes(rows, audit.COLUMNS), output)
    table = [
        (
            r["at"][:19].replace("T", " "),
            r["by"],
            r["label"],
            r["key"] or "-",
            r["zones"] or "-",
            _shorten(" -> ".join(x for x in (r["before"], r["after"]) if x), 60),
        )
        for r in rows
    ]
    headers = ("wanneer (UTC)", "door", "wat", "sleutel", "zones", "voor -> na")
    _emit(_table(table, headers) + f"\n{counted(len(rows), 'regel', 'regels')}\n", output)
