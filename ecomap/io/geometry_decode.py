"""WKB from GDAL's Arrow stream to shapely geometries, without ever refusing a layer.

The fast path is one vectorized ``shapely.from_wkb`` per batch. Only a batch where
that raises takes the tolerant path: curved geometries are linearized
(:mod:`ecomap.io.curves`), everything else is decoded vectorized again with bad blobs
turned into None, and just those blobs are looked at one by one — to learn why they
failed and to read the ones GEOS can read once their rings are closed. Every row is
kept: a blob nothing can read becomes a missing geometry with its attributes intact.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from shapely.errors import ShapelyError

from ecomap.core.geometry_check import (
    RING_NOT_CLOSED,
    TOO_FEW_POINTS,
    UNPARSABLE,
    GeometryProblems,
    SourceIds,
)
from ecomap.core.render.geometry import (
    FlatGeometry,
    WkbScan,
    as_relative,
    flat_of_scan,
    joined_batches,
    plain_arrow_wkb_scan,
)
from ecomap.i18n import tr
from ecomap.io.curves import ARC_STEP_DEGREES, NONLINEAR_TYPES, base_type, linearize_wkb

_MAY_HOLD_CURVES = NONLINEAR_TYPES | {7}  # a GeometryCollection can hold curves too


@dataclass(frozen=True)
class DecodedGeometry:
    """One batch (or a whole layer) of decoded geometries and what decoding ran into."""

    geometry: np.ndarray
    problems: GeometryProblems = field(default_factory=GeometryProblems)
    #: how many features held arcs, now approximated by straight segments
    curved: int = 0


def decode_wkb(wkb: np.ndarray) -> DecodedGeometry:
    """Shapely geometries for an array of WKB blobs (None for a null geometry), one per row."""
    wkb = np.asarray(wkb, dtype=object)
    try:
        return DecodedGeometry(shapely.from_wkb(wkb))
    except (ShapelyError, NotImplementedError, ValueError, TypeError):
        return _decode_tolerant(wkb)


def _decode_tolerant(wkb: np.ndarray) -> DecodedGeometry:
    blobs = wkb.copy()
    codes = np.fromiter((base_type(b) for b in wkb), dtype=np.int64, count=len(wkb))
    rewrite = np.flatnonzero(np.isin(codes, list(_MAY_HOLD_CURVES)))
    curved = 0
    if len(rewrite):
        linear, held_curves = linearize_wkb(wkb[rewrite])
        rewritten = np.empty(len(linear), dtype=object)
        rewritten[:] = linear  # None where the curve WKB is broken
        blobs[rewrite] = rewritten
        curved = int(held_curves.sum())
    try:
        geometry = shapely.from_wkb(blobs, on_invalid="ignore")
    except NotImplementedError:  # a curve under a header that does not say so: one by one
        geometry = np.full(len(blobs), None, dtype=object)
    given = np.array([b is not None for b in wkb], dtype=bool)
    failed = np.flatnonzero(shapely.is_missing(geometry) & given)
    rows, reasons = [], []
    for row in failed.tolist():
        geometry[row], reason = _decode_one(blobs[row])
        if reason is not None:
            rows.append(row)
            reasons.append(reason)
    problems = GeometryProblems(np.array(rows, dtype=np.int64), np.array(reasons, dtype=object)) if rows \
        else GeometryProblems()
    return DecodedGeometry(geometry, problems, curved)


def _decode_one(blob) -> tuple[object | None, str | None]:
    """A blob the vectorized pass could not read: the closed-ring reading if there is one, and why."""
    if blob is None:
        return None, UNPARSABLE
    try:
        return shapely.from_wkb(blob), None
    except (ShapelyError, NotImplementedError, ValueError, TypeError) as exc:
        message = str(exc)
    reason = UNPARSABLE
    if "closed" in message:
        reason = RING_NOT_CLOSED
    elif "number of points" in message or "must contain" in message or "must have" in message:
        reason = TOO_FEW_POINTS
    try:
        fixed = shapely.from_wkb(blob, on_invalid="fix")
    except (ShapelyError, NotImplementedError, ValueError, TypeError):
        fixed = None
    if fixed is None and reason == RING_NOT_CLOSED:
        reason = UNPARSABLE
    return fixed, reason


def combine(batches: list[DecodedGeometry]) -> DecodedGeometry:
    """Consecutive batches as one, problem rows counted from the first row of the first batch."""
    if not batches:
        return DecodedGeometry(np.array([], dtype=object))
    sizes = [len(b.geometry) for b in batches]
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).tolist()
    return DecodedGeometry(np.concatenate([b.geometry for b in batches]),
                           GeometryProblems.concat([b.problems for b in batches], offsets),
                           sum(b.curved for b in batches))


class BatchDecoder:
    """Takes the FID and geometry columns off each Arrow batch and decodes the WKB on a worker.

    GDAL reads the next batch while a second core decodes this one (WKB parsing releases
    the GIL). The batch handed back holds only the attribute columns.

    The same worker also parses the batch's WKB into the renderer's flat arrays
    (:attr:`flat`, None where a batch needed the tolerant path): drawing a layer first
    would otherwise write all its shapely geometries back to WKB to get them — 1-2 s for
    500,000 polygons, after the read, while the user waits for the map.
    """

    def __init__(self, for_drawing: bool = True) -> None:
        #: also keep the renderer's flat arrays (a layer opened to be shown; not an analysis's read)
        self.for_drawing = for_drawing
        self._pending: list = []
        self._fids: list[np.ndarray] = []
        self.result: DecodedGeometry | None = None
        self.flat: FlatGeometry | None = None

    def take(self, pool: Executor, batch, geometry_column: str | None, fid_column: str | None):
        # the FID column comes first; a field may share its name (GeoJSON "id" is both)
        if fid_column is not None and batch.num_columns and batch.schema.names[0] == fid_column:
            # a copy: a view would keep GDAL's whole batch, WKB and all, alive with it
            self._fids.append(batch.column(0).to_numpy(zero_copy_only=False).copy())
            batch = batch.remove_column(0)
        if geometry_column is not None:
            index = len(batch.schema.names) - 1 - batch.schema.names[::-1].index(geometry_column)
            self._pending.append(pool.submit(_decode_batch, batch.column(index), self.for_drawing))
            batch = batch.remove_column(index)
        return batch

    def finish(self) -> DecodedGeometry:
        """Wait for the workers; the whole layer's geometry (also kept as ``result``)."""
        done = [future.result() for future in self._pending]
        self._pending = []
        self.result = combine([decoded for decoded, _ in done])
        self.flat = joined_batches([flat for _, flat in done]) if done and self.for_drawing else None
        return self.result

    @property
    def fids(self) -> np.ndarray | None:
        return np.concatenate(self._fids) if self._fids else None

    def source_ids(self, kind: str) -> SourceIds:
        """The features' names for messages: stored FIDs for "fid" sources, else positions."""
        return SourceIds(kind, self.fids if kind == "fid" else None)


def _decode_batch(column, for_drawing: bool) -> tuple[DecodedGeometry, FlatGeometry | None]:
    """A batch's shapely geometries and, ``for_drawing`` and where they are the WKB as it
    stands, its flat arrays.

    A batch of one 2D line or polygon type is scanned once: the flat arrays give the
    renderer its geometry and shapely its coordinates (``from_ragged_array``, four times
    faster than parsing the WKB again). Anything else is decoded from the WKB.
    """
    scan = plain_arrow_wkb_scan(column)
    flat = flat_of_scan(scan) if scan is not None else None
    geometry = _from_flat(scan, flat) if flat is not None else None
    if geometry is not None:
        decoded = DecodedGeometry(geometry)
    else:
        decoded = decode_wkb(column.to_numpy(zero_copy_only=False))
        if len(decoded.problems.rows) or decoded.curved:
            flat = None  # the shapely geometries are not the WKB as it stands
    return decoded, as_relative(flat) if flat is not None and for_drawing else None


def _from_flat(scan: WkbScan, flat: FlatGeometry) -> np.ndarray | None:
    """Shapely geometries of a scanned batch of one 2D line or polygon type (None otherwise, or
    where GEOS refuses a ring: the WKB path then says which and why)."""
    present = scan.geom_type > 0
    types = np.unique(scan.geom_type[present])
    if len(types) != 1 or (scan.ring_dim != 2).any():
        return None
    ring_off, feat_off = flat.ring_off, flat.feat_off
    kind = int(types[0])
    counts = np.diff(ring_off)
    if kind in (3, 6):
        # GEOS would close or pad such a ring without a word; from WKB it is refused and reported
        xy = flat.xy
        if (counts < 4).any() or not (xy[ring_off[:-1]] == xy[ring_off[1:] - 1]).all():
            return None
    elif (counts == 1).any():
        return None
    if kind == 3:
        offsets = (ring_off, feat_off)
    elif kind == 6:
        # a part starts at each exterior ring; a part without rings would be lost: decode those from WKB
        exteriors = np.concatenate([[0], np.cumsum(flat.ring_ext, dtype=np.int64)])
        if not np.array_equal(exteriors[feat_off[1:]] - exteriors[feat_off[:-1]], scan.geom_parts):
            return None
        offsets = (ring_off, np.append(np.flatnonzero(flat.ring_ext), len(flat.ring_ext)), exteriors[feat_off])
    elif kind == 2:
        offsets = (ring_off[feat_off],)
    elif kind == 5:
        offsets = (ring_off, feat_off)
    else:
        return None
    geometry_type = {2: shapely.GeometryType.LINESTRING, 3: shapely.GeometryType.POLYGON,
                     5: shapely.GeometryType.MULTILINESTRING, 6: shapely.GeometryType.MULTIPOLYGON}[kind]
    try:
        geometry = shapely.from_ragged_array(geometry_type, flat.xy, offsets)
    except (ShapelyError, ValueError):
        return None
    geometry[~present] = None
    return geometry


#: where the source's FID is the feature's stored ID, and where it is the Shapefile record index
_FID_SOURCES = {".gpkg", ".gdb", ".sqlite", ".db"}
_RECORD_SOURCES = {".shp", ".dbf"}


def geometry_facts(layer, decoder: BatchDecoder, suffix: str):
    """``layer`` with what decoding found: the problems by row, how to name features, a note on curves."""
    decoded = decoder.result
    kind = "fid" if suffix in _FID_SOURCES else "record" if suffix in _RECORD_SOURCES else "feature"
    layer.source_ids = decoder.source_ids(kind)
    if decoded is None:
        return layer
    layer.read_problems = decoded.problems
    dropped = np.zeros(0, dtype=np.int64)
    if suffix == ".gpkg" and layer.source.layer and decoder.fids is not None:
        dropped = _gpkg_dropped_rows(Path(layer.source.path), layer.source.layer, decoded, decoder.fids)
    elif suffix in (".geojson", ".json") and layer.source.layer is None:
        dropped = _geojson_dropped_rows(Path(layer.source.path), decoded)
    if len(dropped):
        layer.read_problems = GeometryProblems.concat(
            [decoded.problems, GeometryProblems(dropped, np.full(len(dropped), UNPARSABLE, dtype=object))],
            [0, 0])
    if decoded.curved:
        layer.notes.append(tr("{count} features have curved geometry (arcs); they were approximated by straight "
                              "segments of at most {step:g}° of arc each").format(count=decoded.curved,
                                                                                step=ARC_STEP_DEGREES))
    return layer


def _gpkg_dropped_rows(path: Path, table: str, decoded: DecodedGeometry, fids: np.ndarray) -> np.ndarray:
    """Rows GDAL handed over without geometry although the GeoPackage stores a blob for them.

    GDAL silently drops a blob without the GeoPackage header ("GP"); only the rows that
    came back missing are looked up, so an intact layer costs one ``is_missing`` pass.
    """
    missing = np.flatnonzero(shapely.is_missing(decoded.geometry))
    missing = missing[~np.isin(missing, decoded.problems.rows)]
    if len(missing) == 0 or not path.is_file() or len(fids) != len(decoded.geometry):
        return np.zeros(0, dtype=np.int64)
    stored: set[int] = set()
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            (column,) = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
                                    (table,)).fetchone()
            (fid_column,) = [row[1] for row in con.execute(f"PRAGMA table_info({_quoted(table)})")
                             if row[5] == 1][:1] or ["fid"]
            wanted = fids[missing].tolist()
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                stored.update(fid for (fid,) in con.execute(
                    f"SELECT {_quoted(fid_column)} FROM {_quoted(table)} WHERE {_quoted(column)} IS NOT NULL "
                    f"AND {_quoted(fid_column)} IN ({','.join('?' * len(chunk))})", chunk))
    except (sqlite3.DatabaseError, TypeError, ValueError):
        return np.zeros(0, dtype=np.int64)
    return missing[np.isin(fids[missing], list(stored))].astype(np.int64)


def _quoted(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


#: GeoJSON files up to this size are parsed again to find geometries GDAL dropped
_GEOJSON_RECHECK_BYTES = 64 * 1024 * 1024


def _geojson_dropped_rows(path: Path, decoded: DecodedGeometry) -> np.ndarray:
    """Rows GDAL handed over without geometry although the GeoJSON feature has one.

    GDAL turns a geometry object it cannot read (coordinates of the wrong shape, an
    unknown type) into a null geometry without a word. Only when some rows came back
    missing is the file parsed again, and only a file of moderate size.
    """
    import json

    missing = np.flatnonzero(shapely.is_missing(decoded.geometry))
    missing = missing[~np.isin(missing, decoded.problems.rows)]
    none = np.zeros(0, dtype=np.int64)
    if len(missing) == 0 or not path.is_file() or path.stat().st_size > _GEOJSON_RECHECK_BYTES:
        return none
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (ValueError, OSError, RecursionError):  # ValueError: also a number past the digit limit
        return none
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or len(features) != len(decoded.geometry):
        return none
    given = np.array([isinstance(features[row], dict) and features[row].get("geometry") is not None
                      for row in missing.tolist()], dtype=bool)
    return missing[given].astype(np.int64)
