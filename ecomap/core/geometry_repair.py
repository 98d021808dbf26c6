"""A repaired copy of a layer, made only when the user asks for one.

Reading never repairs (the user must see what the file holds); this makes a new layer
in which every feature the geometry report names is passed through
``shapely.make_valid``. Polygon layers stay polygonal: of what ``make_valid`` returns
(a collection of polygons, lines and points for a bow-tie or a spike) only the
polygonal parts are kept, so areas and exports keep their type. Non-finite vertices
are replaced by a neighbouring vertex of the same ring or line first, as GEOS cannot
work with them. All of it is vectorized over the invalid features.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import shapely

from ecomap.core.geometry_check import UNPARSABLE, GeometryProblems
from ecomap.i18n import tr

_POLYGONAL = (3, 6)
_LINEAL = (1, 2, 5)


@dataclass(frozen=True)
class RepairResult:
    layer: object  # the new VectorLayer
    #: features whose geometry was replaced by a valid one
    repaired: int
    #: of those, how many had nothing valid of their kind left and now have no geometry
    emptied: int
    #: damaged in the file beyond reading: still without geometry
    unreadable: int


def repaired_copy(layer, name: str | None = None) -> RepairResult:
    """A new layer like ``layer`` with its invalid geometries made valid; ``layer`` is not touched."""
    report = layer.geometry_report()
    geoms = layer.geometry.copy()
    unreadable = report.rows[report.reasons == UNPARSABLE]
    rows = report.rows[~np.isin(report.rows, unreadable) & ~shapely.is_missing(geoms[report.rows])]
    fixed = repair_geometries(geoms[rows]) if len(rows) else np.zeros(0, dtype=object)
    geoms[rows] = fixed
    emptied = int(shapely.is_missing(fixed).sum()) if len(rows) else 0
    frame = layer.features.copy()
    frame[frame.geometry.name] = geoms
    frame = frame.set_geometry(frame.geometry.name, crs=layer.features.crs)
    notes = list(layer.notes) + [tr("repaired copy: {n} invalid geometries were made valid").format(n=len(rows))]
    new = dataclasses.replace(
        layer, name=name or tr("{name} (repaired)").format(name=layer.name), features=frame, notes=notes,
        read_problems=layer.read_problems.without(rows) if len(layer.read_problems) else GeometryProblems(),
        field_aliases=dict(layer.field_aliases), metadata=dict(layer.metadata))
    return RepairResult(new, repaired=len(rows), emptied=emptied, unreadable=len(unreadable))


def repair_geometries(geoms) -> np.ndarray:
    """Valid versions of ``geoms``; polygons stay polygons (None when nothing polygonal is left)."""
    geoms = np.asarray(geoms, dtype=object)
    geoms = _finite(geoms)
    kind = shapely.get_type_id(geoms)
    out = np.full(len(geoms), None, dtype=object)
    polygonal = np.isin(kind, _POLYGONAL)
    present = ~shapely.is_missing(geoms)
    if polygonal.any():
        made = shapely.make_valid(geoms[polygonal], method="structure", keep_collapsed=False)
        out[polygonal] = polygonal_parts(made)
    rest = present & ~polygonal
    if rest.any():
        made = shapely.make_valid(geoms[rest])
        lineal = np.isin(kind[rest], _LINEAL)
        made[lineal] = _lineal_parts(made[lineal])
        out[rest] = made
    out[shapely.is_empty(out) & ~shapely.is_missing(out)] = None
    return out


def polygonal_parts(geoms) -> np.ndarray:
    """Only the polygons of each geometry: a Polygon or MultiPolygon, or None when there are none."""
    return _family_parts(np.asarray(geoms, dtype=object), _POLYGONAL, 3, shapely.multipolygons)


def _lineal_parts(geoms: np.ndarray) -> np.ndarray:
    """Lines stay lines: collections from make_valid keep their line parts (None without any)."""
    return _family_parts(geoms, _LINEAL, 1, shapely.multilinestrings)


def _family_parts(geoms: np.ndarray, family: tuple[int, ...], single: int, make_multi) -> np.ndarray:
    """Geometries of ``family`` as they are; GeometryCollections reduced to their parts of
    type ``single`` (one part alone, several as a multi-geometry); anything else None."""
    kind = shapely.get_type_id(geoms)
    out = np.where(np.isin(kind, family), geoms, None)
    mixed = np.flatnonzero(kind == 7)
    if len(mixed):
        parts, owner = _single_parts(geoms[mixed], single)
        if len(parts):
            groups, first, counts = np.unique(owner, return_index=True, return_counts=True)
            grouped = make_multi(parts, indices=np.repeat(np.arange(len(groups)), counts))
            grouped[counts == 1] = parts[first[counts == 1]]
            out[mixed[groups]] = grouped
    return out


def _single_parts(geoms: np.ndarray, type_id: int) -> tuple[np.ndarray, np.ndarray]:
    """The single parts of type ``type_id`` of each geometry (collections nested to any depth)."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    while True:
        nested = np.isin(shapely.get_type_id(parts), (4, 5, 6, 7))
        if not nested.any():
            break
        inner, inner_owner = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], inner])
        owner = np.concatenate([owner[~nested], owner[nested][inner_owner]])
    keep = shapely.get_type_id(parts) == type_id
    parts, owner = parts[keep], owner[keep]
    order = np.argsort(owner, kind="stable")
    return parts[order], owner[order]


def _finite(geoms: np.ndarray) -> np.ndarray:
    """``geoms`` with every NaN or infinite vertex replaced by the nearest finite vertex of its ring or line.

    A ring keeps its closing vertex equal to its first; a ring or line with no finite
    vertex at all leaves its feature without geometry.
    """
    coords = shapely.get_coordinates(geoms)
    bad = ~np.isfinite(coords).all(axis=1)
    if not bad.any():
        return geoms
    sequences, closed = _sequence_layout(geoms)
    if sequences is None or sequences.sum() != len(coords):
        out = geoms.copy()
        out[np.unique(shapely.get_coordinates(geoms, return_index=True)[1][bad])] = None
        return out
    seq = np.repeat(np.arange(len(sequences)), sequences)
    first = np.concatenate([[0], np.cumsum(sequences)[:-1]])
    index = np.arange(len(coords))
    good = np.where(~bad, index, -1)
    # last finite vertex at or before each one, within its own sequence
    before = np.maximum.accumulate(good)
    before[before < first[seq]] = -1
    # next finite vertex at or after, within the sequence
    after_good = np.where(~bad, index, len(coords))
    after = np.minimum.accumulate(after_good[::-1])[::-1]
    after[after >= (first + sequences)[seq]] = -1
    source = np.where(before >= 0, before, after)
    fixed = np.zeros_like(coords)  # a vertex nothing can stand in for: its feature is dropped below
    usable = source >= 0
    fixed[usable] = coords[source[usable]]
    ring_last = (first + sequences - 1)[closed]
    fixed[ring_last] = fixed[first[closed]]
    out = shapely.set_coordinates(geoms.copy(), fixed)
    hopeless = np.unique(shapely.get_coordinates(geoms, return_index=True)[1][~usable])
    out[hopeless] = None
    return out


def _sequence_layout(geoms: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Vertex counts of every ring and line, in the order ``get_coordinates`` lists vertices, and which are rings."""
    parts = shapely.get_parts(geoms)
    kind = shapely.get_type_id(parts)
    if np.isin(kind, (4, 5, 6, 7)).any():  # a collection inside a collection
        return None, None
    polygon = kind == 3
    rings_per = np.where(polygon, shapely.get_num_interior_rings(parts) + 1, 1)
    total = int(rings_per.sum())
    sizes = np.zeros(total, dtype=np.int64)
    is_ring = np.zeros(total, dtype=bool)
    start = np.concatenate([[0], np.cumsum(rings_per)[:-1]])
    rings, ring_part = shapely.get_rings(parts[polygon], return_index=True)
    if len(rings):
        ring_offset = np.arange(len(ring_part)) - np.searchsorted(ring_part, ring_part)
        slots = start[np.flatnonzero(polygon)][ring_part] + ring_offset
        sizes[slots] = shapely.get_num_coordinates(rings)
        is_ring[slots] = True
    other = np.flatnonzero(~polygon)
    sizes[start[other]] = shapely.get_num_coordinates(parts[other])
    is_ring[start[other]] = kind[other] == 2  # a bare LinearRing
    return sizes, is_ring
