"""The Netwerk overview's labels as Cytoscape draws them, for the browser tests."""

# Each label of the zones, clusters, categories and groups at the current zoom: its size on
# screen, and whether Cytoscape draws it (its font at the zoom rounded up to a power of two
# must be at least the node's min-zoomed-font-size).
LABELS = """
const cy = document.querySelector('#netwerk-graph')._cyreg.cy;
const scale = Math.pow(2, Math.ceil(Math.log2(cy.zoom() * window.devicePixelRatio)));
return cy.nodes('.zone, .cluster, .category, .ghost, .outside-group, .cluster-summary').map(n => {
    const font = parseFloat(n.style('font-size'));
    return {id: n.id(), px: font * cy.zoom(),
            drawn: font * scale >= parseFloat(n.style('min-zoomed-font-size'))};
});
"""


def illegible(labels: list[dict]) -> list[dict]:
    """The labels not drawn, or drawn smaller than one reads on a screen: 10 px for a zone or
    a cluster, 9 px for the rest."""
    return [
        label
        for label in labels
        if not label["drawn"]
        or label["px"] < (10 if label["id"].startswith(("zone:", "cluster:")) else 9)
    ]


# Each box of the overview with its label, where Cytoscape draws it (model coordinates), and
# whether that lies inside the canvas; with the boxes it sits in, which hold it.
BOXES = """
const cy = document.querySelector('#netwerk-graph')._cyreg.cy;
return cy.nodes('.cluster, .category, .ghost, .outside-group').map(n => {
    const bb = n.boundingBox({includeLabels: true});
    const shown = n.renderedBoundingBox({includeLabels: true});
    return {id: n.id(), label: n.style('label'), x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2,
            inside: shown.x1 >= 0 && shown.y1 >= 0 && shown.x2 <= cy.width()
                    && shown.y2 <= cy.height(),
            open: n.isParent(), within: n.ancestors().map(a => a.id())};
});
"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """The pairs of boxes (each with its label) that overlap, apart from a box and the boxes
    it sits in."""
    return [
        (a["label"], b["label"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["id"] not in b["within"]
        and b["id"] not in a["within"]
        and a["x1"] < b["x2"]
        and b["x1"] < a["x2"]
        and a["y1"] < b["y2"]
        and b["y1"] < a["y2"]
    ]
