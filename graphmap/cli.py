"""The `graphmap` command: a thin skin over the library."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import click

from graphmap.analysis import stats as stats_analysis
from graphmap.errors import GraphmapError
from graphmap.ingest import seed as seed_ingest
from graphmap.store import Store


class _Group(click.Group):
    """Shows a GraphmapError as one line on stderr, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GraphmapError as error:
            raise click.ClickException(str(error)) from None


def _exit_on_sigterm(*_) -> None:
    # SystemExit unwinds the `with` blocks, so the embedded server is stopped in order.
    sys.exit(143)


@contextmanager
def open_store() -> Iterator[Store]:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    with Store.connect() as store:
        yield store


@click.group(cls=_Group)
@click.version_option(package_name="graphmap")
def cli() -> None:
    """graphmap: the partner network of Flemish primary-care zones.

    Without NEO4J_URI, graphmap starts an embedded graph database in GRAPHMAP_DATA_DIR
    (default ./.graphmap); with NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
    NEO4J_DATABASE it uses that Neo4j server.
    """


@cli.command()
@click.option(
    "--path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Seed folder (default: the project's seed/).",
)
@click.option("--reset", is_flag=True, help="Empty the graph first.")
@click.option("--no-demo", is_flag=True, help="Leave out the fictitious demo contacts.")
def seed(path: Path | None, reset: bool, no_demo: bool) -> None:
    """Load the curated seed data (idempotent: running it twice changes nothing).

    Example: graphmap seed --reset
    """
    rows = seed_ingest.build_rows(path, demo=not no_demo)
    with open_store() as store:
        if reset:
            store.reset()
        seed_ingest.write_rows(store, rows)
        summary = stats_analysis.zone_summary(store)
    for zone in summary:
        click.echo(
            f"{zone['name']}: {zone['municipalities']} gemeenten, "
            f"{zone['strategic_goals']} strategische en {zone['operational_goals']} "
            f"operationele doelstellingen, {zone['actions']} acties"
        )


def _table(rows: list[tuple], headers: tuple) -> str:
    widths = [max(len(str(v)) for v in column) for column in zip(headers, *rows, strict=True)]
    lines = [
        "  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
        for row in [headers, tuple("-" * w for w in widths), *rows]
    ]
    return "\n".join(lines)


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
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
    click.echo(_table(sorted(data["nodes"].items()), ("label", "nodes")))
    click.echo()
    click.echo(_table(sorted(data["relationships"].items()), ("type", "relationships")))
    click.echo()
    keys = ("zone", "municipalities", "strategic_goals", "operational_goals", "actions")
    click.echo(_table([tuple(z[k] for k in keys) for z in zones], keys))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8050, show_default=True, type=int)
@click.option("--seed", "with_seed", is_flag=True, help="Load the seed data before serving.")
@click.option("--debug", is_flag=True, help="Dash debug mode (reloads on code changes).")
def serve(host: str, port: int, with_seed: bool, debug: bool) -> None:
    """Start the dashboard.

    Example: graphmap serve --seed --port 8050
    """
    from dashboard.app import create_app

    with open_store() as store:
        if with_seed:
            seed_ingest.load(store)
        app = create_app(store)
        click.echo(f"graphmap dashboard on http://{host}:{port}/ (Ctrl-C stops it)")
        with suppress(KeyboardInterrupt):
            app.run(host=host, port=port, debug=debug, use_reloader=False)
