"""How the Netwerk graph looks: Cytoscape's stylesheet and the layouts to choose from."""

from __future__ import annotations

from dashboard.elements import (
    CLUSTER_FONT,
    ENGAGEMENT_COLOURS,
    STATUS_ORDER,
    TITLE_FONT,
)

# The positions come with the elements (dashboard.placement); the page fits the view itself.
PRESET = {"name": "preset", "fit": False, "animate": False}
# Alternatives that rearrange what is drawn; fcose handles compound nodes well.
LAYOUTS = {
    "preset": PRESET,
    "fcose": {
        "name": "fcose",
        "animate": False,
        "nodeDimensionsIncludeLabels": True,
        "packComponents": True,
        "nodeRepulsion": 9000,
        "idealEdgeLength": 90,
        "nestingFactor": 0.6,
        "padding": 20,
    },
    "concentric": {"name": "concentric", "animate": False, "padding": 20},
    "grid": {"name": "grid", "animate": False, "padding": 20},
}
LAYOUT_LABELS = {
    "preset": "Overzicht (geordend)",
    "fcose": "Krachten (fcose)",
    "concentric": "Concentrisch",
    "grid": "Raster",
}
RED = "#d62828"
DARK = "#343a40"
PURPLE = "#6f42c1"
# What a link points at (a gap chosen in Hiaten, an organisation): a colour no mark of the
# drawing uses, so a chosen target gap is not read as one more red target.
CHOSEN = "#f4a100"

_PIE = {
    f"pie-{i}-background-{what}": value
    for i, status in enumerate(STATUS_ORDER, start=1)
    for what, value in (("color", ENGAGEMENT_COLOURS[status]), ("size", f"data(pie_{status})"))
}

STYLESHEET = [
    {
        "selector": "node",
        "style": {
            "label": "data(label)",
            "font-size": 11,
            "text-wrap": "wrap",
            "text-max-width": 120,
            "color": "#212529",
            # Labels by zoom level: a label that would be drawn smaller than this is not drawn
            # (Cytoscape rounds the zoom up to a power of two for this test). Organisations,
            # hundreds of them, show their names once zoomed in (at 50 % and more).
            "min-zoomed-font-size": 8,
        },
    },
    {
        # Zones, clusters, categories and groups: few, and what the overview is read by. Their
        # fonts are large enough to read when one zone fits a 1400 × 900 window (zoom ≈ 0.6),
        # and they stay drawn down to a quarter of that.
        "selector": ".zone, .cluster, .category, .ghost, .outside-group, .zone-summary, "
        ".cluster-summary",
        "style": {"min-zoomed-font-size": 4},
    },
    {
        "selector": ".zone",
        "style": {
            "background-color": "#f8f9fa",
            "border-color": "#6c757d",
            "border-width": 2,
            "text-valign": "top",
            "font-size": 22,
            "font-weight": "bold",
            "text-max-width": 1000,
            "padding": 18,
        },
    },
    {
        "selector": ".cluster",
        "style": {
            "shape": "round-rectangle",
            "background-color": "data(colour)",
            "background-opacity": 0.12,
            "border-color": "data(colour)",
            "border-width": 3,
            "text-valign": "top",
            "font-size": CLUSTER_FONT,
            "font-weight": "bold",
            "text-max-width": 1000,
            # At least as wide as its title (dashboard.elements), so titles side by side
            # keep apart.
            "min-width": "data(min_width)",
            "width": 140,
            "height": 50,
            "padding": 14,
        },
    },
    {
        "selector": ".category, .ghost",
        "style": {
            "width": "data(size)",
            "height": "data(size)",
            "background-color": "#ffffff",
            "border-color": DARK,
            "border-width": 1,
            "pie-size": "100%",
            **_PIE,
            "text-valign": "bottom",
            "text-margin-y": 4,
            "font-size": 17,
            "text-max-width": 156,
        },
    },
    {
        "selector": ".ghost",
        "style": {
            "width": 44,
            "height": 44,
            "background-opacity": 0,
            "border-style": "dashed",
            "border-width": 4,
            "border-color": "data(colour)",
            "color": "#495057",
            "font-style": "italic",
            "font-weight": "bold",
        },
    },
    {
        "selector": ".ghost-target",
        "style": {"border-color": RED, "color": "#b00020"},
    },
    {
        "selector": ".outside-group",
        "style": {
            "shape": "round-rectangle",
            "width": 56,
            "height": 40,
            "background-color": "#adb5bd",
            "border-style": "dashed",
            "border-width": 2,
            "border-color": "#495057",
            "text-valign": "bottom",
            "text-margin-y": 4,
            "font-size": 17,
            "text-max-width": 156,
        },
    },
    {
        # An opened category, ghost or outside group: a box around its organisations.
        "selector": ".open",
        "style": {
            "label": "data(short)",
            # In the lines dashboard.elements broke it into, the box at least that wide: a
            # box around one organisation is narrower than its label.
            "font-size": TITLE_FONT,
            "text-max-width": 1000,
            "min-width": "data(min_width)",
            "shape": "round-rectangle",
            "background-color": "#ffffff",
            "background-opacity": 0.7,
            "border-width": 1,
            "text-valign": "top",
            "text-margin-y": 0,
            "font-weight": "bold",
            "padding": 8,
            "pie-size": "0%",
        },
    },
    {
        "selector": ".organisation",
        "style": {
            "background-color": "data(colour)",
            "width": 16,
            "height": 16,
            "border-color": DARK,
            "border-width": 1,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "font-size": 10,
            "text-max-width": 122,
        },
    },
    {
        "selector": ".work",
        "style": {"width": 20, "height": 20, "font-size": 13, "text-max-width": 148},
    },
    {"selector": ".status-member", "style": {"border-width": 2}},
    {"selector": ".status-contacted", "style": {"border-style": "dashed", "border-width": 2}},
    {
        "selector": ".outside",
        "style": {
            "background-color": "#adb5bd",
            "shape": "round-rectangle",
            "border-style": "dashed",
            "border-width": 2,
            "border-color": "#495057",
        },
    },
    {
        # Agencies and zorgraden on the zone's actions: in no cluster, yet not to invite.
        "selector": ".agency-group, .agency",
        "style": {"border-style": "solid"},
    },
    {
        "selector": ".zone-summary",
        "style": {
            "shape": "round-rectangle",
            "width": 198,
            "height": 92,
            "background-color": "#f8f9fa",
            "border-color": "#495057",
            "border-width": 2,
            "text-valign": "center",
            "text-halign": "center",
            "text-max-width": 194,
            "font-size": 19,
        },
    },
    {
        "selector": ".cluster-summary",
        "style": {
            "shape": "round-rectangle",
            "width": 164,
            "height": 80,
            "background-color": "data(colour)",
            "background-opacity": 0.25,
            "border-color": "data(colour)",
            "border-width": 3,
            "text-valign": "center",
            "text-halign": "center",
            "text-max-width": 156,
            "font-size": 17,
        },
    },
    {
        "selector": ".has-target-gap",
        "style": {"border-color": RED, "border-style": "dashed", "border-width": 3},
    },
    {
        "selector": ".action",
        "style": {
            "shape": "diamond",
            "background-color": PURPLE,
            "width": 26,
            "height": 26,
            "font-size": 13,
            "font-weight": "bold",
            "color": "#4a2a8a",
            "text-valign": "top",
            "text-margin-y": -4,
            "text-max-width": 164,
        },
    },
    {
        "selector": "edge",
        "style": {
            "curve-style": "bezier",
            "width": 2,
            "target-arrow-shape": "triangle",
            "arrow-scale": 0.8,
        },
    },
    {
        "selector": ".lead",
        "style": {"line-color": DARK, "target-arrow-color": DARK, "width": 3},
    },
    {
        "selector": ".partner",
        "style": {"line-color": PURPLE, "target-arrow-color": PURPLE, "line-style": "dashed"},
    },
    {"selector": ".faded", "style": {"opacity": 0.28}},
    {"selector": ".faded:childless", "style": {"label": ""}},
    {
        # Works on the chosen action but sits in no cluster: the first to invite.
        "selector": ".invite",
        "style": {
            "border-color": RED,
            "border-width": 4,
            "border-style": "solid",
            "color": "#b00020",
            "font-weight": "bold",
        },
    },
    {
        "selector": ".focus",
        "style": {"border-color": "#1d3557", "border-width": 6, "width": 24, "height": 24},
    },
    {
        "selector": ".highlight",
        "style": {"border-color": RED, "border-width": 5, "border-style": "solid", "z-index": 10},
    },
    {
        "selector": ":selected",
        "style": {
            "border-color": CHOSEN,
            "border-width": 6,
            "border-style": "solid",
            "overlay-color": CHOSEN,
            "overlay-opacity": 0.3,
            "overlay-padding": 10,
            "z-index": 20,
        },
    },
]
