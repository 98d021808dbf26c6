"""GeoPackage layers an analysis reads in part: the columns it needs, the features near the other layer.

Opening a 500,000-parcel land-use layer the usual way (:func:`ecomap.io.ogr.read`) reads
every attribute and makes a shapely geometry of every parcel — about 4 s — when its
overlap with 150 red-line zones needs one attribute and the parcels whose boxes meet a
zone, a third of them. A :class:`StoredLayer` knows from the file alone what the theme
catalogue and the analyses ask first (fields, geometry family, CRS, feature count) and
reads features on demand:

* :meth:`StoredLayer.read` — ids, geometries and the named columns of the features whose
  bounding box (the GeoPackage's R-tree, which rounds outward, so none is missed) meets
  one of ``boxes``; GDAL streams the Arrow batches while a worker decodes the WKB of the
  previous one (decoding releases the GIL);
* :attr:`StoredLayer.features` — the whole layer, read once by :func:`ecomap.io.ogr.read_layer`,
  for anything else.

Only what the full reader would give unchanged is taken this way: a declared CRS with the
axes as written and one geometry family. Any other layer, and every other format, is
opened the usual way.
"""

from __future__ import annotations

import sqlite3
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
from pyproj import CRS

from ecomap.core.crs import CrsInfo
from ecomap.core.feedback import ensure
from ecomap.core.layers import DataSource
from ecomap.core.workspace import Workspace, describe_layer
from ecomap.io.crs_detect import resolve_crs
from ecomap.io.geometry_decode import BatchDecoder
from ecomap.io.gpkg_edit import roll_back_interrupted
from ecomap.io.ogr import list_layer_names, read_frame, read_layer
from ecomap.io.ogr_attributes import AttributeReport, empty_frame

#: OGR geometry types → the family VectorLayer.geometry_type gives for them
_FAMILY = {"Point": "Point", "MultiPoint": "Point", "LineString": "LineString", "MultiLineString": "LineString",
           "Polygon": "Polygon", "MultiPolygon": "Polygon"}
_BATCH = 65536


@dataclass
class StoredFeatures:
    """Some features of a layer: the ids the user sees, the geometries, the columns asked for."""

    ids: np.ndarray
    geometry: np.ndarray
    frame: pd.DataFrame


class StoredLayer:
    """A GeoPackage vector layer whose features stay in the file until asked for."""

    kind = "vector"
    reads_in_part = True

    def __init__(self, path: Path, name: str, info: dict, crs_info: CrsInfo, rtree: str | None):
        self.name = name
        self.source = DataSource(path, name)
        self.crs_info = crs_info
        self.geometry_type = _FAMILY[_base_type(info["geometry_type"])]
        self.attribute_columns = [str(c) for c in info["fields"]]
        self.feature_count = int(info["features"])
        self._geometry_column = info["geometry_name"] or "geom"
        self._fid_column = info["fid_column"] or "fid"
        self._rtree = rtree
        self._full = None
        self._lock = threading.Lock()

    # -- the whole layer, the usual way

    def full_layer(self):
        """The layer as :func:`ecomap.io.ogr.read_layer` reads it (once)."""
        with self._lock:
            if self._full is None:
                self._full = read_layer(self.source.path, self.name)
            return self._full

    @property
    def features(self):
        return self.full_layer().features

    @property
    def geometry(self) -> np.ndarray:
        return self.full_layer().geometry

    def __getattr__(self, name: str):
        # what only a loaded layer knows (bounds, notes, encoding …) comes from loading it
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.full_layer(), name)

    # -- part of it

    def read(self, columns: list[str], boxes: np.ndarray | None = None, feedback=None) -> StoredFeatures:
        """The features whose bounding box meets one of ``boxes`` ((n, 4) minx, miny, maxx, maxy in the
        layer's CRS; None: all features), with ``columns``, in the file's order."""
        fb = ensure(feedback)
        columns = list(dict.fromkeys(columns))
        if self._full is not None:  # already in memory: take it from there
            return _from_layer(self._full, columns)
        report = AttributeReport(encoding="UTF-8")
        decoder = BatchDecoder(for_drawing=False)
        with ThreadPoolExecutor(max_workers=1) as pool:
            # the R-tree is searched while GDAL opens the layer and reads the first batch
            candidates = pool.submit(self._candidates, boxes) if boxes is not None else None

            def keep(fids: np.ndarray) -> np.ndarray:
                return _members(fids, candidates.result() if candidates is not None else None)

            frame = read_frame(self.source.path, self.name, decoder=decoder, report=report, columns=columns,
                               keep=keep, feedback=fb, expected_rows=self.feature_count)
        ids = decoder.fids
        if ids is None or len(frame) == 0:
            return StoredFeatures(np.empty(0, np.int64), np.empty(0, dtype=object),
                                  _empty(self.source.path, self.name, columns))
        return StoredFeatures(np.asarray(ids, np.int64), np.asarray(frame.geometry.array, dtype=object),
                              pd.DataFrame(frame[columns]))

    def _candidates(self, boxes: np.ndarray) -> np.ndarray | None:
        """Sorted fids of the features whose R-tree box meets a box, or None without an R-tree."""
        if self._rtree is None:
            return None
        query = (f'SELECT id FROM "{self._rtree}" WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?')
        found = []
        try:
            with sqlite3.connect(f"file:{self.source.path}?mode=ro", uri=True) as con:
                for minx, miny, maxx, maxy in np.asarray(boxes, dtype=float).reshape(-1, 4).tolist():
                    rows = con.execute(query, (minx, maxx, miny, maxy)).fetchall()
                    found.append(np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)))
        except sqlite3.DatabaseError:
            return None
        return np.unique(np.concatenate(found)) if found else np.empty(0, np.int64)


def _base_type(name: str | None) -> str:
    return (name or "").replace(" ZM", "").replace(" Z", "").replace(" M", "")


def _members(fids: np.ndarray, wanted: np.ndarray | None) -> np.ndarray:
    """Positions of the ``fids`` that are in ``wanted`` (sorted; None: all)."""
    if wanted is None:
        return np.arange(len(fids))
    if len(wanted) == 0:
        return np.empty(0, np.int64)
    at = np.minimum(np.searchsorted(wanted, fids), len(wanted) - 1)
    return np.flatnonzero(wanted[at] == fids)


def _from_layer(layer, columns: list[str]) -> StoredFeatures:
    frame = layer.features
    return StoredFeatures(np.asarray(frame.index), layer.geometry, frame[columns])


def _empty(path: Path, name: str, columns: list[str]) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pyogrio.open_arrow(path, layer=name, columns=columns, max_features=0, use_pyarrow=True) \
                as (_meta, reader):
            schema = reader.schema
    return empty_frame(schema, columns)


def _rtree_table(path: Path, table: str, column: str) -> str | None:
    name = f"rtree_{table}_{column}"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            found = con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return name if found else None


def _stored_layer(path: Path, name) -> StoredLayer | None:
    if not isinstance(name, str):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        info = pyogrio.read_info(path, layer=name)
    if _base_type(info.get("geometry_type")) not in _FAMILY or not info.get("crs") or info["features"] <= 0:
        return None  # no single geometry family, no declared CRS, or nothing to read
    crs_info = resolve_crs(CRS.from_user_input(info["crs"]), info.get("total_bounds"))
    if crs_info.swapped_axes or crs_info.longitudes_wrapped or not crs_info.is_known:
        return None  # the usual reader moves the coordinates or assumes a CRS
    return StoredLayer(path, name, info, crs_info, _rtree_table(path, name, info["geometry_name"] or "geom"))


def open_geopackage(path: str | Path) -> list | None:
    """A GeoPackage's layers, as :class:`StoredLayer` where they can be read in part (the
    others read in full); None when ``path`` is not a GeoPackage."""
    path = Path(path).expanduser()
    if path.suffix.lower() != ".gpkg" or not path.is_file():
        return None
    roll_back_interrupted(path)
    layers = []
    for name in list_layer_names(path):  # a damaged file fails here with the usual message
        try:
            stored = _stored_layer(path, name)
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError):
            stored = None
        layers.append(stored if stored is not None else read_layer(path, name))
    return layers


def analysis_workspace(path: str | Path, open_workspace) -> Workspace:
    """The workspace of a GeoPackage with its layers read in part by the analyses; any other
    source (a project, another format) through ``open_workspace``."""
    layers = open_geopackage(path)
    if layers is None:
        return open_workspace(path)
    return Workspace([describe_layer(lyr) for lyr in layers], path=Path(path).expanduser(),
                     open_other=lambda other: analysis_workspace(other, open_workspace))
