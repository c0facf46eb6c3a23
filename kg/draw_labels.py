"""Where a diagram's labels go: entity labels lifted above their markers, curved edges'
labels on their curves, then every label pushed apart from the others and off other nodes'
markers until none overlap, all kept inside the axes (:func:`kg.draw.draw` calls
:func:`fit_and_separate` once the nodes, edges and labels are drawn).

>>> _overlap((0, 0, 10, 10), (11, 0, 20, 10)), _overlap((0, 0, 10, 10), (30, 0, 40, 10))
(True, False)
>>> _away((20, 0, 30, 10), (0, 0, 10, 10), vertical=False)
(4.0, 0.0)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["fit_and_separate"]


def fit_and_separate(figure: Figure, ax, texts: list, centers: list, lifts: list[float],
                      curved: list, rounds: int = 300) -> None:
    """Lift entity labels above their markers, put curved edges' labels on their curves,
    push overlapping labels apart (in display space), then fit the axes around them all.

    ``texts`` starts with one label per node, in the order of ``centers`` and ``lifts``.
    """
    if not centers:
        return
    xs = [p[0] for p in centers]
    ys = [p[1] for p in centers]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    span_x, span_y = max(span_x, 0.5 * span_y), max(span_y, 0.5 * span_x)  # room for flat layouts
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    # generous fixed limits: labels are then kept inside them, and nothing is rescaled later
    ax.set_xlim(mid_x - 0.75 * span_x, mid_x + 0.75 * span_x)
    ax.set_ylim(mid_y - 0.68 * span_y, mid_y + 0.68 * span_y)
    renderer = figure.canvas.get_renderer()
    to_data = ax.transData.inverted()
    for text, lift in zip(texts, lifts, strict=False):
        px, py = ax.transData.transform(text.get_position())
        text.set_position(to_data.transform((px, py + lift)))
    for text, start, end in curved:  # arc3 with rad r: midpoint + r/2 * (dy, -dx), display space
        (x0, y0), (x1, y1) = ax.transData.transform(start), ax.transData.transform(end)
        mid = ((x0 + x1) / 2 + 0.125 * (y1 - y0), (y0 + y1) / 2 - 0.125 * (x1 - x0))
        text.set_position(to_data.transform(mid))
    markers = []  # node markers are obstacles too (a label may touch its own marker)
    for index, (center, lift) in enumerate(zip(centers, lifts, strict=True)):
        cx, cy = ax.transData.transform(center)
        radius = lift - 2
        markers.append((index, (cx - radius, cy - radius, cx + radius, cy + radius)))
    frame = ax.get_window_extent(renderer)
    _separate(ax, renderer, texts, markers, rounds, (frame.x0, frame.y0, frame.x1, frame.y1))


def _separate(ax, renderer, texts: list, markers: list, rounds: int, frame: tuple) -> None:
    """Push overlapping labels apart and off other nodes' markers, keeping them in ``frame``."""
    # a moved label's extent is only translated: measure once, then move plain boxes
    boxes = []
    for text in texts:
        box = text.get_window_extent(renderer)
        boxes.append([box.x0, box.y0, box.x1, box.y1])
    offsets = [[0.0, 0.0] for _ in texts]

    def move(index: int, dx: float, dy: float) -> None:
        box, offset = boxes[index], offsets[index]
        dx = min(max(dx, frame[0] - box[0]), frame[2] - box[2])  # stay inside the frame
        dy = min(max(dy, frame[1] - box[1]), frame[3] - box[3])
        box[0] += dx
        box[2] += dx
        box[1] += dy
        box[3] += dy
        offset[0] += dx
        offset[1] += dy

    for index in range(len(texts)):  # first bring every label inside the frame
        move(index, 0.0, 0.0)
    for _ in range(rounds):
        moved = False
        for i in range(len(texts)):
            for owner, marker in markers:
                if owner != i and _overlap(boxes[i], marker):
                    moved = True
                    move(i, *_away(boxes[i], marker))
            for j in range(i + 1, len(texts)):
                if not _overlap(boxes[i], boxes[j]):
                    continue
                moved = True
                dx, dy = _away(boxes[j], boxes[i], vertical=False)
                move(i, -dx, -dy)
                move(j, dx, dy)
        if not moved:
            break
    to_data = ax.transData.inverted()
    for text, (dx, dy) in zip(texts, offsets, strict=True):
        if dx or dy:
            px, py = ax.transData.transform(text.get_position())
            text.set_position(to_data.transform((px + dx, py + dy)))


def _overlap(a, b, pad: float = 2.0) -> bool:
    """Whether two (x0, y0, x1, y1) display boxes overlap, with ``pad`` pixels to spare."""
    return not (a[2] + pad < b[0] or b[2] + pad < a[0] or a[3] + pad < b[1] or b[3] + pad < a[1])


def _away(box, obstacle, step: float = 4.0, vertical: bool = True) -> tuple[float, float]:
    """A ``step``-pixel move of ``box`` straight away from ``obstacle``'s centre.

    With ``vertical``, mostly up or down: labels are wide, and a label lying between two
    markers must leave sideways to the line joining them.
    """
    dx = (box[0] + box[2]) / 2 - (obstacle[0] + obstacle[2]) / 2
    dy = (box[1] + box[3]) / 2 - (obstacle[1] + obstacle[3]) / 2
    if vertical:
        dx, dy = 0.3 * dx, (dy if abs(dy) > 1.0 else 1.0) * 2.0
    elif abs(dx) < 1e-6 and abs(dy) < 1e-6:
        dy = 1.0
    norm = math.hypot(dx, dy)
    return step * dx / norm, step * dy / norm
