"""Overlap report between two layers: which features of A overlap which of B, and by how much.

Mines × red lines, restoration projects × red lines, subsidence × villages, farms ×
no-breeding zones … The result is one row per overlapping pair (both sides' feature
ids and names, the overlap in m² / 亩 / 公顷 and as a share of each side; for a point
layer, the points inside each polygon; for a line layer, the length inside), plus the
overlap geometries for highlighting and export.

How it stays fast on 500,000 parcels (shared/bench/FINDINGS.md): an STRtree on the
side with fewer features gives bounding-box candidate pairs; a parcel that a zone
``contains_properly`` is its own overlap and needs no intersection; a prepared
``intersects`` drops the pairs whose boxes merely overlap; only pairs that cross a
boundary are intersected — in chunks on a thread pool, since shapely releases the GIL.
Touching along a boundary is not an overlap: pieces under ``min_area_m2`` are dropped.
A layer the CLI left in its GeoPackage is read in part (:mod:`ecomap.analysis.inputs`):
the larger side only where its features' boxes meet the smaller side's, with just the
by-fields and names — a third of the parcels, one column, and the same table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from ecomap.analysis import common, dissolve, inputs
from ecomap.core.feedback import ensure
from ecomap.core.measure import ellipsoidal_areas
from ecomap.core.workspace import WorkspaceLayer, describe_layer
from ecomap.errors import DataError
from ecomap.i18n import tr

#: overlaps smaller than this (m²) are boundary noise, not overlaps
MIN_AREA_M2 = 0.01
#: lines shorter than this (m) inside a polygon only touch it
MIN_LENGTH_M = 0.001
_CHUNK_PAIRS = 4000


@dataclass
class OverlayResult:
    """Pairs of overlapping features and the overlap geometries (in ``crs``)."""

    table: pd.DataFrame
    geometries: np.ndarray
    crs: object
    kind: str  # "area" | "length" | "count"
    a_title: str = ""
    b_title: str = ""
    #: by-field names as they appear in the table, per side
    by_a: list[str] = field(default_factory=list)
    by_b: list[str] = field(default_factory=list)
    _summaries: dict = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.table)

    def measure_columns(self) -> list[str]:
        if self.kind == "area":
            return ["area_m2", "area_mu", "area_ha"]
        if self.kind == "length":
            return ["length_m"]
        return []

    def summary(self, by: list[str] | None = None, feedback=None, dissolve_overlaps: bool = True) -> pd.DataFrame:
        """Totals grouped by table columns (default: the by-fields of both sides, else B's feature).

        The benchmark's tabulation — area of each land class inside each red-line
        zone — is ``overlay.run(landuse, redlines, by_a=["DLMC"], by_b=["HXBM"]).summary()``.
        An area total is the land the group's overlaps cover (overlapping features
        counted once, :mod:`ecomap.analysis.dissolve`); ``feature_area_*`` is the plain
        sum of the pairs, which counts such land again for every feature. Dissolving
        costs about as much again as the overlay on a 500,000-parcel layer;
        ``dissolve_overlaps=False`` gives the plain sums alone (no ``feature_area_*``).
        """
        by = list(by) if by else (self.by_b + self.by_a) or ["b_fid", "b_name"]
        key = (tuple(by), dissolve_overlaps)
        if key not in self._summaries:
            self._summaries[key] = self._summary(by, feedback, dissolve_overlaps)
        return self._summaries[key].copy()

    def _summary(self, by: list[str], feedback, dissolve_overlaps: bool) -> pd.DataFrame:
        measures = self.measure_columns()
        grouped = self.table.groupby(by, dropna=False, sort=True)
        out = grouped[measures].sum() if measures else pd.DataFrame(index=grouped.size().index)
        out.insert(0, "count", grouped.size())
        if self.kind == "area" and dissolve_overlaps:
            summed = out["area_m2"].to_numpy(dtype=float)
            covered = dissolve.covered_areas(self.geometries, grouped.ngroup().to_numpy(),
                                             self.table["area_m2"].to_numpy(dtype=float), self.crs, len(out),
                                             feedback)
            for key, values in common.area_units(covered).items():
                out[key] = values
            for key, values in common.area_units(summed).items():
                out[f"feature_{key}"] = values
        return out.reset_index()

    def covered_area_m2(self) -> float:
        """The land all the overlaps cover together (m²), each piece of land counted once."""
        if self.kind != "area" or len(self.table) == 0:
            return 0.0
        if "covered" not in self._summaries:
            self._summaries["covered"] = self._covered()
        return self._summaries["covered"]

    def _covered(self) -> float:
        return float(dissolve.covered_areas(self.geometries, np.zeros(len(self.table), np.int64),
                                            self.table["area_m2"].to_numpy(dtype=float), self.crs, 1)[0])

    def to_geodataframe(self):
        import geopandas as gpd

        return gpd.GeoDataFrame(self.table.copy(), geometry=gpd.GeoSeries(self.geometries, crs=self.crs,
                                                                            index=self.table.index))


def wrap(layer) -> WorkspaceLayer:
    return layer if isinstance(layer, WorkspaceLayer) else describe_layer(layer)


def family(wl: WorkspaceLayer) -> str:
    kind = wl.geometry_type
    if kind not in ("Point", "LineString", "Polygon"):
        raise DataError(getattr(wl.layer, "source", None),
                        tr("layer '{name}' has no single geometry type (points, lines or polygons)")
                        .format(name=wl.title or wl.name))
    return kind


def labels(wl: WorkspaceLayer, rows: np.ndarray) -> np.ndarray:
    """Feature names for ``rows`` (positions): the name column, else the feature id."""
    frame = wl.layer.features
    return inputs.Features(np.asarray(frame.index), None, frame).labels(wl.label_column(), rows)


# ----------------------------------------------------------------------------- engines


def polygon_pairs(items: np.ndarray, zones: np.ndarray, feedback=None, progress=(0.0, 1.0),
                  min_area: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(item index, zone index, overlap geometry, whole) for every item polygon overlapping a zone.

    ``whole`` marks pairs where the zone contains the item, so the overlap is the item
    itself. Planar ``min_area`` (CRS units²) drops touching pairs; the caller applies
    the ellipsoidal threshold afterwards.
    """
    fb = ensure(feedback)
    if len(items) == 0 or len(zones) == 0:
        return np.empty(0, int), np.empty(0, int), np.empty(0, dtype=object), np.empty(0, bool)
    tree = shapely.STRtree(zones)
    ii, zz = tree.query(items)
    fb.check()
    if len(ii) == 0:
        return np.empty(0, int), np.empty(0, int), np.empty(0, dtype=object), np.empty(0, bool)
    shared = common.PerThread(zones)

    def work(sl: slice):
        zl = shared.get()
        i, z = ii[sl], zz[sl]
        inside = shapely.contains_properly(zl[z], items[i])
        rest = np.flatnonzero(~inside)
        rest = rest[shapely.intersects(zl[z[rest]], items[i[rest]])]
        pieces = common.polygonal_parts(common.safe_intersection(items[i[rest]], zl[z[rest]]))
        keep = shapely.area(pieces) > min_area
        return np.flatnonzero(inside), rest[keep], pieces[keep]

    slices = common.chunk_slices(len(ii), _CHUNK_PAIRS)
    parts = common.run_chunks(work, slices, fb, progress)
    out_i, out_z, out_g, out_w = [], [], [], []
    for sl, (inside, crossing, pieces) in zip(slices, parts):
        i, z = ii[sl], zz[sl]
        out_i += [i[inside], i[crossing]]
        out_z += [z[inside], z[crossing]]
        out_g += [items[i[inside]], pieces]
        out_w += [np.ones(len(inside), bool), np.zeros(len(crossing), bool)]
    pi, pz, pg, pw = (np.concatenate(x) for x in (out_i, out_z, out_g, out_w))
    order = np.lexsort((pz, pi))
    return pi[order], pz[order], pg[order], pw[order]


def line_pairs(lines: np.ndarray, zones: np.ndarray, feedback=None, progress=(0.0, 1.0)):
    """(line index, zone index, part of the line inside the zone)."""
    fb = ensure(feedback)
    if len(lines) == 0 or len(zones) == 0:
        return np.empty(0, int), np.empty(0, int), np.empty(0, dtype=object)
    tree = shapely.STRtree(zones)
    ii, zz = tree.query(lines, predicate="intersects")
    fb.check()
    shared = common.PerThread(zones)

    def work(sl: slice):
        zl = shared.get()
        return common.linear_parts(common.safe_intersection(lines[ii[sl]], zl[zz[sl]]))

    slices = common.chunk_slices(len(ii), _CHUNK_PAIRS)
    pieces = np.concatenate(common.run_chunks(work, slices, fb, progress)) if slices else np.empty(0, object)
    keep = shapely.length(pieces) > 0
    return ii[keep], zz[keep], pieces[keep]


def point_pairs(points: np.ndarray, zones: np.ndarray):
    """(point index, zone index) for points inside (or on the edge of) zones."""
    if len(points) == 0 or len(zones) == 0:
        return np.empty(0, int), np.empty(0, int)
    tree = shapely.STRtree(zones)
    pi, zi = tree.query(points, predicate="intersects")
    order = np.lexsort((zi, pi))
    return pi[order], zi[order]


# ----------------------------------------------------------------------------- the report


def _by_columns(wl: WorkspaceLayer, fields) -> list[str]:
    columns = list(wl.layer.attribute_columns)
    out = []
    for f in fields or []:
        col = f if f in columns else wl.column(f)  # a column name or a catalogue role
        if col is None or col not in columns:
            raise DataError(getattr(wl.layer, "source", None), tr("layer '{layer}' has no field '{field}'")
                            .format(layer=wl.title or wl.name, field=f))
        out.append(col)
    return out


def run(layer_a, layer_b, *, by_a=None, by_b=None, min_area_m2: float = MIN_AREA_M2,
        feedback=None) -> OverlayResult:
    """Overlap of every feature of ``layer_a`` with every feature of ``layer_b``.

    Either may be points, lines or polygons, but one must be polygons. Work and output
    are in A's CRS (B is reprojected). ``by_a`` / ``by_b`` name fields (or catalogue
    roles such as ``"name"``) copied into the table for grouping.
    """
    fb = ensure(feedback)
    wa, wb = wrap(layer_a), wrap(layer_b)
    fa, fb_kind = family(wa), family(wb)
    if "Polygon" not in (fa, fb_kind):
        raise DataError(None, tr("an overlap needs at least one polygon layer ('{a}' is {ka}, '{b}' is {kb})")
                        .format(a=wa.title or wa.name, ka=fa, b=wb.title or wb.name, kb=fb_kind))
    cols_a, cols_b = _by_columns(wa, by_a), _by_columns(wb, by_b)
    label_a, label_b = wa.label_column(), wb.label_column()
    crs, crs_b = common.layer_crs(wa.layer), common.layer_crs(wb.layer)
    feats_a, feats_b = inputs.read_pair(wa, cols_a + [c for c in [label_a] if c is not None],
                                        wb, cols_b + [c for c in [label_b] if c is not None],
                                        common.same_crs(crs_b, crs), fb.sub(0.0, 0.05))
    ga = feats_a.geometry
    gb = common.to_crs(feats_b.geometry, crs_b, crs)
    valid_a = np.flatnonzero(~(shapely.is_missing(ga) | shapely.is_empty(ga)))
    valid_b = np.flatnonzero(~(shapely.is_missing(gb) | shapely.is_empty(gb)))
    ga_v, gb_v = ga[valid_a], gb[valid_b]
    fb.set_progress(0.05)

    if fa == "Polygon" and fb_kind == "Polygon":
        kind = "area"
        # the tree and the prepared copies go on the side with fewer (usually larger) features; a side
        # read only near the other one was the larger
        a_items = feats_a.filtered if feats_a.filtered or feats_b.filtered else len(gb_v) <= len(ga_v)
        if a_items:
            ia, ib, pieces, whole = polygon_pairs(ga_v, gb_v, fb, (0.05, 0.85))
        else:
            ib, ia, pieces, whole = polygon_pairs(gb_v, ga_v, fb, (0.05, 0.85))
            order = np.lexsort((ib, ia))
            ia, ib, pieces, whole = ia[order], ib[order], pieces[order], whole[order]
    elif "Point" in (fa, fb_kind):
        kind = "count"
        if fa == "Point":
            ia, ib = point_pairs(ga_v, gb_v)
            pieces = ga_v[ia]
        else:
            ib, ia = point_pairs(gb_v, ga_v)
            order = np.lexsort((ib, ia))
            ia, ib = ia[order], ib[order]
            pieces = gb_v[ib]
    else:
        kind = "length"
        if fa == "LineString":
            ia, ib, pieces = line_pairs(ga_v, gb_v, fb, (0.05, 0.85))
        else:
            ib, ia, pieces = line_pairs(gb_v, ga_v, fb, (0.05, 0.85))
            order = np.lexsort((ib, ia))
            ia, ib, pieces = ia[order], ib[order], pieces[order]
    fb.check()
    fb.set_progress(0.88)

    rows_a, rows_b = valid_a[ia], valid_b[ib]
    table = pd.DataFrame({
        "a_fid": feats_a.ids[rows_a],
        "a_name": feats_a.labels(label_a, rows_a),
        "b_fid": feats_b.ids[rows_b],
        "b_name": feats_b.labels(label_b, rows_b),
    })
    by_a_names, by_b_names = [], []
    for side, cols, rows, names in (("a", cols_a, rows_a, by_a_names), ("b", cols_b, rows_b, by_b_names)):
        feats = feats_a if side == "a" else feats_b
        for col in cols:
            name = col if col not in table.columns and col not in (cols_b if side == "a" else cols_a) \
                else f"{side}_{col}"
            table[name] = feats.values(col, rows)
            names.append(name)

    if kind == "area":
        # a contained item's overlap is the item: its area serves the share too
        area_of_a = _measure_of(ga_v, ia, crs, ellipsoidal_areas)
        area_of_b = _measure_of(gb_v, ib, crs, ellipsoidal_areas)
        area = np.where(whole, area_of_a if a_items else area_of_b, np.nan)
        area[~whole] = ellipsoidal_areas(pieces[~whole], crs)
        keep = area >= min_area_m2
        table, pieces, area = table[keep].reset_index(drop=True), pieces[keep], area[keep]
        for key, values in common.area_units(area).items():
            table[key] = values
        table["share_a"] = area / area_of_a[keep]
        table["share_b"] = area / area_of_b[keep]
    elif kind == "length":
        length = common.lengths_m(pieces, crs)
        keep = length >= MIN_LENGTH_M
        table, pieces, length, ia, ib = (table[keep].reset_index(drop=True), pieces[keep], length[keep],
                                         ia[keep], ib[keep])
        table["length_m"] = length
        lines_side_a = fa == "LineString"
        table["share_a" if lines_side_a else "share_b"] = length / _measure_of(
            ga_v if lines_side_a else gb_v, ia if lines_side_a else ib, crs, common.lengths_m)
    fb.set_progress(1.0)
    return OverlayResult(table, pieces, crs, kind, wa.title or wa.name, wb.title or wb.name,
                         by_a_names, by_b_names)


def _measure_of(geoms: np.ndarray, idx: np.ndarray, crs, measure) -> np.ndarray:
    """``measure`` of the features at ``idx``, computed once per distinct feature."""
    if len(idx) == 0:
        return np.empty(0)
    unique, inverse = np.unique(idx, return_inverse=True)
    values = measure(geoms[unique], crs)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(values[inverse] > 0, values[inverse], np.nan)
