"""Land covered by a theme, not the sum of its features: overlaps within one group counted once.

Two red-line polygons drawn over the same hillside cover the hillside once; a table
that adds their areas reports more land than there is and, per township, shares
above 100 %. :func:`covered_areas` measures, for each group of pieces (the pieces of
one theme inside one township, say), the area of their union.

Unioning every group would cost seconds per 100,000 parcels, and most layers have no
overlaps at all, so only the pieces that really overlap are unioned:

1. one STRtree gives the pairs of pieces of the same group whose boxes meet;
2. a prepared DE-9IM test keeps the pairs whose interiors meet (neighbours that only
   share an edge drop out here);
3. the intersection of each remaining pair is measured, and slivers below
   :data:`SLIVER` of the smaller piece — two edges digitised a few nanometres apart —
   are not overlaps;
4. per group, ``shapely.union_all`` of the pieces left in some pair; the other pieces
   keep their own area, so a clean layer's covered area equals its sum exactly.

The pair tests run in chunks on the thread pool (shapely releases the GIL); the only
Python loop is over the groups that have real overlaps.
"""

from __future__ import annotations

import numpy as np
import shapely

from ecomap.analysis import common
from ecomap.core.feedback import ensure
from ecomap.core.measure import ellipsoidal_areas

#: an overlap smaller than this fraction of the smaller piece is digitising noise
SLIVER = 1e-8
_CHUNK_PAIRS = 4000


def _valid(geoms: np.ndarray) -> np.ndarray:
    bad = ~shapely.is_valid(geoms)
    if not bad.any():
        return geoms
    out = geoms.copy()
    out[bad] = common.polygonal_parts(shapely.make_valid(geoms[bad]))
    return out


def overlapping_pairs(pieces: np.ndarray, groups: np.ndarray, feedback=None,
                      progress=(0.0, 1.0)) -> tuple[np.ndarray, np.ndarray]:
    """(i, j), i < j, of the pieces of one group whose interiors overlap by more than a sliver."""
    fb = ensure(feedback)
    if len(pieces) < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    tree = shapely.STRtree(pieces)
    i, j = tree.query(pieces)
    keep = (i < j) & (groups[i] == groups[j])
    i, j = i[keep], j[keep]
    fb.check()
    if len(i) == 0:
        return i, j
    planar = shapely.area(pieces)

    # read-only GEOS operations on unprepared geometries are safe to share between threads
    def work(sl: slice):
        a, b = i[sl], j[sl]
        inner = np.flatnonzero(shapely.relate_pattern(pieces[a], pieces[b], "T********"))
        if len(inner) == 0:
            return inner
        overlap = shapely.area(common.safe_intersection(pieces[a[inner]], pieces[b[inner]]))
        smaller = np.minimum(planar[a[inner]], planar[b[inner]])
        return inner[overlap > SLIVER * smaller] + sl.start

    slices = common.chunk_slices(len(i), _CHUNK_PAIRS)
    found = np.concatenate(common.run_chunks(work, slices, fb, progress)).astype(np.int64)
    return i[found], j[found]


def covered_areas(pieces, groups, areas, crs, n_groups: int | None = None, feedback=None) -> np.ndarray:
    """Area (m²) of the union of the pieces in each group 0‥n_groups-1.

    ``areas`` are the pieces' own ellipsoidal areas (``ellipsoidal_areas``), kept for the
    pieces that overlap nothing; ``groups`` gives each piece its group number.
    """
    fb = ensure(feedback)
    pieces = np.asarray(pieces, dtype=object)
    groups = np.asarray(groups, dtype=np.int64)
    areas = np.asarray(areas, dtype=float)
    n = int(n_groups if n_groups is not None else (groups.max() + 1 if len(groups) else 0))
    covered = np.bincount(groups, weights=areas, minlength=n) if len(groups) else np.zeros(n)
    if len(pieces) < 2:
        fb.set_progress(1.0)
        return covered
    i, j = overlapping_pairs(pieces, groups, fb, (0.0, 0.8))
    if len(i) == 0:
        fb.set_progress(1.0)
        return covered
    involved = np.zeros(len(pieces), bool)
    involved[i] = involved[j] = True
    rows = np.flatnonzero(involved)
    rows = rows[np.argsort(groups[rows], kind="stable")]
    g = groups[rows]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    ends = np.r_[starts[1:], len(rows)]

    def union(k: int) -> float:
        merged = shapely.union_all(_valid(pieces[rows[starts[k]:ends[k]]]))
        return float(ellipsoidal_areas(np.array([merged], dtype=object), crs)[0])

    unions = common.run_chunks(union, list(range(len(starts))), fb, (0.8, 1.0))
    alone = np.bincount(groups[~involved], weights=areas[~involved], minlength=n)
    for k, area in enumerate(unions):
        covered[g[starts[k]]] = alone[g[starts[k]]] + area
    return covered
