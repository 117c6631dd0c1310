"""How clusters and statuses look and read, shared by the dashboard and the zorgraad report
(the report must show the zone in the dashboard's colours; the library never imports the
dashboard, so they live here)."""

from __future__ import annotations

CLUSTER_COLOURS = {
    "zorg": "#2a9d8f",
    "welzijn": "#e9c46a",
    "pzon": "#f4a261",
    "lokale_besturen": "#457b9d",
}
CLUSTER_NAMES = {
    "zorg": "Zorg",
    "welzijn": "Welzijn",
    "pzon": "PZON",
    "lokale_besturen": "Lokale besturen",
}
STATUS_LABELS = {
    "missing": "ontbreekt",
    "contacted": "gecontacteerd",
    "involved": "betrokken",
    "member": "lid",
}
MOMENT_KIND_LABELS = {
    "telefoon": "telefoon",
    "e-mail": "e-mail",
    "overleg": "overleg",
    "event": "event",
}
GHOST_TEXT = "#6c757d"  # an expected partner that is missing: dashed, in its cluster's colour
TARGET_COLOUR = "#d62828"  # missing while the zone's own plan asks for it
