"""numpy vertices → QPainterPath in bulk, through QPainterPath's QDataStream format.

PySide6 has no pointer access to a QPainterPath, and building one with ``moveTo`` /
``lineTo`` costs a Python call per vertex. Its serialised form is simple — an int32
element count, then (int32 type, float64 x, float64 y) per element, then the start of
the last subpath and the fill rule — so numpy writes the whole thing and Qt reads it
back in C++ at tens of millions of elements a second.
"""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, Qt
from PySide6.QtGui import QPainterPath

_ELEMENT = np.dtype([("t", "<i4"), ("x", "<f8"), ("y", "<f8")])  # packed: 20 bytes, as Qt streams
MOVE, LINE = 0, 1


def path_from_rings(x: np.ndarray, y: np.ndarray, ring_starts: np.ndarray,
                    odd_even: bool = False) -> QPainterPath:
    """One QPainterPath with a subpath per ring; ``ring_starts`` index into x/y (first must be 0)."""
    n = len(x)
    path = QPainterPath()
    if n == 0:
        return path
    elems = np.empty(n, _ELEMENT)
    elems["t"] = LINE
    elems["t"][ring_starts] = MOVE
    elems["x"] = x
    elems["y"] = y
    head = np.array([n], "<i4").tobytes()
    tail = np.array([int(ring_starts[-1]), int(Qt.FillRule.OddEvenFill.value if odd_even
                                               else Qt.FillRule.WindingFill.value)], "<i4").tobytes()
    data = QByteArray(head + elems.tobytes() + tail)
    stream = QDataStream(data)
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    stream >> path
    return path


def split_batches(ring_off: np.ndarray, max_vertices: int) -> list[tuple[int, int]]:
    """Cut rings ``ring_off`` (R + 1 vertex offsets) into runs of at most ~max_vertices vertices.

    Returns (first ring, end ring) pairs; a ring longer than the limit gets a run of its own.
    """
    r = len(ring_off) - 1
    if r <= 0:
        return []
    targets = np.arange(max_vertices, int(ring_off[-1]), max_vertices)
    cuts = np.unique(np.clip(np.searchsorted(ring_off, targets, side="right") - 1, 1, r - 1)) if r > 1 else []
    edges = [0, *[int(c) for c in cuts], r]
    return [(a, b) for a, b in itertools.pairwise(edges) if b > a]
