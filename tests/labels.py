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
