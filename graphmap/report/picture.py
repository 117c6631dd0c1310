"""The zone's network by cluster as a picture, drawn server-side by Graphviz.

Graphviz's `osage` layout draws clusters as nested boxes (the zone around its four
clusters) and packs each cluster's nodes in a grid. One node per partner category keeps a
zone of 500 organisations readable: it names its organisations when they are few and
counts them otherwise. Colours are the dashboard's; a missing expected category is a dashed
node in its cluster's colour (red when the zone's own plan asks for it), as on Netwerk.

Names come from users (zones, plans, organisations): every label is an HTML-like one whose
text is escaped, so that no name is read as markup or as a Graphviz escape like `\\N`, and
nodes are named by their place, never by a name.
"""

from __future__ import annotations

import html
import textwrap
from collections import defaultdict

import graphviz

from graphmap.analysis.gaps import PRESENT
from graphmap.errors import GraphmapError
from graphmap.plural import counted
from graphmap.style import GHOST_TEXT, STATUS_LABELS, TARGET_COLOUR

NAMES_SHOWN = 3  # a category with more organisations shows their number instead
WIDTH = 22  # characters per line in a node
FONT = "Helvetica"


def _wrap(text: str, width: int = WIDTH) -> str:
    """Text as lines of an HTML-like Graphviz label, escaped."""
    lines = textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)
    return "<BR/>".join(html.escape(line) for line in lines) or " "


def _label(*parts: str) -> str:
    """An HTML-like label of lines made by `_wrap` or `_plain`."""
    return f"<{'<BR/>'.join(parts)}>"


def _plain(text: str) -> str:
    """One line of text in a label, escaped."""
    return html.escape(text) or " "


def _tint(colour: str, alpha: str) -> str:
    """#rrggbb with an alpha channel, as Graphviz reads it."""
    return f"{colour}{alpha}"


def _counts(statuses: list[str]) -> str:
    counted = [
        f"{statuses.count(key)} {STATUS_LABELS[key]}"
        for key in ("member", "involved", "contacted", "missing")
        if statuses.count(key)
    ]
    return ", ".join(counted)


def cluster_label(part) -> str:
    """A cluster's title as Netwerk gives it: the organisations in it are those involved or
    member; a contacted one is in progress, counted apart, and one recorded as missing is
    not in it. Counting every organisation drawn, the picture said "Welzijn (3)" above a
    summary of 1 member: one contacted, one dropped back to missing."""
    present = sum(1 for m in part.members if m.status in PRESENT)
    contacted = sum(1 for m in part.members if m.status == "contacted")
    return f"{part.name} · {counted(present, 'organisatie', 'organisaties')}" + (
        f" · {contacted} gecontacteerd" if contacted else ""
    )


def source(report) -> graphviz.Graph:
    """The Graphviz description of `report`'s zone (a `zorgraad.Report`)."""
    graph = graphviz.Graph(
        engine="osage",
        graph_attr={
            "fontname": FONT,
            "fontsize": "16",
            "pack": "true",
            "packmode": "array_tu2",  # the four clusters two by two, top-aligned, in order
            "bgcolor": "white",
            "dpi": "150",
            "pad": "0.1",
        },
        node_attr={
            "shape": "box",
            "style": "rounded,filled",
            "fontname": FONT,
            "fontsize": "9",
            "width": "1.6",
            "margin": "0.12,0.05",
        },
    )
    with graph.subgraph(
        name="cluster_zone",
        graph_attr={
            "label": _label(_plain(report.zone_name)),
            "style": "rounded",
            "color": "#6c757d",
            "packmode": "array_tu2",
        },
    ) as zone:
        for order, part in enumerate(report.clusters):
            by_category = defaultdict(list)
            for member in part.members:
                by_category[member.category].append(member)
            with zone.subgraph(
                name=f"cluster_{part.key}",
                graph_attr={
                    "label": _label(_plain(cluster_label(part))),
                    "fontsize": "13",
                    "style": "rounded,filled",
                    "color": part.colour,
                    "penwidth": "2",
                    "fillcolor": _tint(part.colour, "26"),
                    "packmode": "array_tu3",
                    "sortv": str(order),
                },
            ) as cluster:
                position = 0
                for category, members in sorted(by_category.items()):
                    statuses = [m.status for m in members]
                    present = any(s in PRESENT for s in statuses)
                    if len(members) <= NAMES_SHOWN:
                        lines = [*(_wrap(f"· {m.name}") for m in members)]
                    else:
                        lines = [f"{len(members)} organisaties"]
                    cluster.node(
                        f"{part.key}:{position}",
                        _label(f"<B>{_wrap(category)}</B>", *lines, _wrap(_counts(statuses))),
                        fillcolor=_tint(part.colour, "80" if present else "33"),
                        color="#343a40",
                        style="rounded,filled" if present else "rounded,filled,dashed",
                        sortv=str(position),
                    )
                    position += 1
                for name, target in part.ghosts:
                    cluster.node(
                        f"{part.key}:{position}",
                        _label(_wrap(f"ontbreekt: {name}")),
                        fillcolor="white",
                        color=TARGET_COLOUR if target else part.colour,
                        fontcolor=TARGET_COLOUR if target else GHOST_TEXT,
                        style="rounded,filled,dashed",
                        penwidth="1.5",
                        sortv=str(position),
                    )
                    position += 1
                if position == 0:
                    cluster.node(
                        f"{part.key}:empty",
                        _label(_plain("nog niemand")),
                        fillcolor="white",
                        fontcolor=GHOST_TEXT,
                        style="rounded,filled,dashed",
                    )
    return graph


def png(report) -> bytes:
    """The picture as PNG; a clear error when Graphviz's `dot` programs are not installed."""
    try:
        return source(report).pipe(format="png", quiet=True)
    except graphviz.ExecutableNotFound:
        raise GraphmapError(
            "Graphviz is niet geïnstalleerd (het programma `osage`, Debian-pakket `graphviz`): "
            "voer `make install` of `apt-get install graphviz` uit"
        ) from None
