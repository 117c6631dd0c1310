"""Where each node of the network goes: boxes inside boxes, measured and placed in Python.

The Netwerk page hands Cytoscape the positions (its `preset` layout) instead of running a
force layout in the browser: the overview then looks the same on every visit, nothing
overlaps, a category that opens pushes its neighbours aside instead of reshuffling the
graph, and all of it is tested without a browser. Compound nodes (zone, cluster, an opened
category) get no position: Cytoscape sizes them around their children.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# How a box arranges its children.
LEAF, STACK, SHELF, TABLE = "leaf", "stack", "shelf", "table"


@dataclass
class Box:
    """A node's footprint (`node` set) or a group that only arranges (`node` None).

    A leaf's footprint holds the node and its label; `anchor` is the node centre's distance
    from the footprint's top. A compound reserves `header` above itself for its label and
    `pad` around its children (Cytoscape's `padding` style of that node), and is at least
    `min_width` wide, padding included (its label's width: Cytoscape's `min-width`, which
    widens the box evenly on both sides of its children).
    """

    node: str | None = None
    width: float = 0
    height: float = 0
    anchor: float = 0
    arrange: str = LEAF
    children: list[Box] = field(default_factory=list)
    max_width: float = 0  # SHELF: wrap to a new row beyond this width
    columns: int = 2  # TABLE
    gap: float = 0
    pad: float = 0
    header: float = 0
    min_width: float = 0

    def measure(self) -> tuple[float, float]:
        if self.arrange == LEAF or not self.children:
            return self.width, self.height
        inner_w, inner_h = _ARRANGE[self.arrange](self, place=None)
        edge = 2 * self.pad
        return max(inner_w + edge, self.min_width), inner_h + edge + self.header

    def place(self, x: float = 0, y: float = 0) -> dict[str, dict]:
        """Positions of every leaf node, the box's top-left corner at (x, y)."""
        positions: dict[str, dict] = {}
        self._place(x, y, positions)
        return positions

    def _place(self, x: float, y: float, positions: dict) -> None:
        if self.arrange == LEAF or not self.children:
            if self.node is not None:
                anchor = self.anchor or self.height / 2
                positions[self.node] = {
                    "x": round(x + self.width / 2, 1),
                    "y": round(y + anchor, 1),
                }
            return
        spare = 0.0
        if self.min_width:
            inner_w, _ = _ARRANGE[self.arrange](self, place=None)
            spare = max(0.0, self.min_width - inner_w - 2 * self.pad) / 2
        top = y + self.header + self.pad
        _ARRANGE[self.arrange](self, place=(x + spare + self.pad, top, positions))


def _stack(box: Box, place) -> tuple[float, float]:
    sizes = [child.measure() for child in box.children]
    width = max(w for w, _ in sizes)
    height = sum(h for _, h in sizes) + box.gap * (len(sizes) - 1)
    if place:
        x, y, positions = place
        for child, (w, h) in zip(box.children, sizes, strict=True):
            child._place(x + (width - w) / 2, y, positions)
            y += h + box.gap
    return width, height


def _shelf(box: Box, place) -> tuple[float, float]:
    sizes = [child.measure() for child in box.children]
    rows: list[list[int]] = [[]]
    row_width = 0.0
    for i, (w, _) in enumerate(sizes):
        if rows[-1] and row_width + box.gap + w > box.max_width:
            rows.append([])
            row_width = 0.0
        row_width += (box.gap if rows[-1] else 0) + w
        rows[-1].append(i)
    widths = [sum(sizes[i][0] for i in row) + box.gap * (len(row) - 1) for row in rows]
    heights = [max(sizes[i][1] for i in row) for row in rows]
    if place:
        x0, y, positions = place
        for row, row_height in zip(rows, heights, strict=True):
            x = x0
            for i in row:
                box.children[i]._place(x, y, positions)
                x += sizes[i][0] + box.gap
            y += row_height + box.gap
    return max(widths), sum(heights) + box.gap * (len(rows) - 1)


def _table(box: Box, place) -> tuple[float, float]:
    sizes = [child.measure() for child in box.children]
    cols = max(1, min(box.columns, len(sizes)))
    col_w = [0.0] * cols
    row_h = [0.0] * ((len(sizes) + cols - 1) // cols)
    for i, (w, h) in enumerate(sizes):
        col_w[i % cols] = max(col_w[i % cols], w)
        row_h[i // cols] = max(row_h[i // cols], h)
    if place:
        x0, y0, positions = place
        for i, child in enumerate(box.children):
            col, row = i % cols, i // cols
            x = x0 + sum(col_w[:col]) + box.gap * col
            y = y0 + sum(row_h[:row]) + box.gap * row
            child._place(x, y, positions)
    return sum(col_w) + box.gap * (cols - 1), sum(row_h) + box.gap * (len(row_h) - 1)


_ARRANGE = {STACK: _stack, SHELF: _shelf, TABLE: _table}


def columns_for(count: int, aspect: float = 1.6) -> int:
    """Columns of a grid of `count` equal cells that is about `aspect` times as wide as high."""
    columns = 1
    while columns * columns < count * aspect:
        columns += 1
    return max(1, min(columns, count))
