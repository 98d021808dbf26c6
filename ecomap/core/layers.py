"""Layers: what was read from a file, with everything needed to draw and analyse it.

A :class:`VectorLayer` owns a GeoDataFrame whose coordinates are always x = easting
(or longitude), whatever the file's axis order, plus the facts about where it came
from (source, encoding, CRS declared or assumed) that the user must be able to see.
Expensive derived state (spatial index, validity, bounds) is computed on first use and
dropped whenever the features are replaced.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from ecomap.core.crs import CrsInfo
from ecomap.core.geometry_check import (
    GeometryProblems,
    GeometryReport,
    SourceIds,
    check_geometries,
    report_notes,
)
from ecomap.core.measure import ellipsoidal_areas, ellipsoidal_lengths
from ecomap.i18n import tr

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class DataSource:
    path: Path
    layer: str | None = None  # layer inside a multi-layer container (GPKG, KML folder)

    def __str__(self) -> str:
        return f"{self.path}|{self.layer}" if self.layer else str(self.path)


@dataclass(frozen=True)
class EncodingInfo:
    encoding: str
    guessed: bool
    #: how it was decided: "cpg", "ldid", "sample", "format" (the format fixes it), "bom"
    method: str


class LayerHolder:
    """For anything that wraps a loaded layer in ``self.layer`` (tree nodes, layout layers)."""

    @property
    def is_vector(self) -> bool:
        return getattr(self.layer, "kind", None) == "vector"

    @property
    def is_raster(self) -> bool:
        return getattr(self.layer, "kind", None) == "raster"


@dataclass(eq=False)
class VectorLayer:
    """A layer of features; its derived facts (bounds, spatial index, geometry type, validity)
    are built on first use and stay true to the features.

    The features are replaced, never changed in place: :meth:`set_features` (also what
    ``layer.features = frame`` does) stores the new frame, bumps :attr:`version`, drops
    every derived fact and calls each of :attr:`listeners` with the layer. A frame handed
    out earlier (a render job's snapshot) is therefore never changed under its holder.
    Derived facts are built under a lock, once, by whichever thread asks first (a render
    worker and the GUI thread); a fact built from a frame replaced meanwhile is returned
    to its caller but not kept.
    """

    name: str
    features: gpd.GeoDataFrame
    source: DataSource
    crs_info: CrsInfo = field(default_factory=CrsInfo)
    encoding: EncodingInfo | None = None
    field_aliases: dict[str, str] = field(default_factory=dict)
    #: facts worth telling the user about this read (translated), e.g. an area mismatch
    notes: list[str] = field(default_factory=list)
    #: format-specific header facts (e.g. a parcel TXT's [属性描述] keys), by section
    metadata: dict = field(default_factory=dict)
    #: geometries damaged in the file (unparsable, rings closed to be read), by row, as decoded
    read_problems: GeometryProblems = field(default_factory=GeometryProblems)
    #: how the source names its features (GeoPackage fid, Shapefile record…), for messages
    source_ids: SourceIds | None = None
    #: attribute fields holding compact JSON text (arrays and objects in a GeoJSON's properties)
    json_fields: tuple[str, ...] = ()

    kind = "vector"

    def __post_init__(self) -> None:
        super().__setattr__("_derived", _Derived())

    def __setattr__(self, name, value) -> None:
        if name in _DERIVED_FROM and "_derived" in self.__dict__:
            self._replace(name, value)
        else:
            super().__setattr__(name, value)

    # -- the one way the features change

    def set_features(self, frame: gpd.GeoDataFrame) -> None:
        """Replace the features with ``frame`` (a new frame: never one a view may still be changing)."""
        self._replace("features", frame)

    @property
    def version(self) -> int:
        """Counts replacements of the features (or of their read problems); caches key on it."""
        return self._derived.version

    @property
    def listeners(self) -> list[Callable[[VectorLayer], None]]:
        """Called with the layer after each replacement, on the thread that replaced it."""
        return self._derived.listeners

    def _replace(self, name: str, value) -> None:
        derived = self._derived
        with derived.lock:
            self.__dict__[name] = value
            derived.version += 1
            derived.values.clear()
            listeners = list(derived.listeners)
        for listener in listeners:
            try:
                listener(self)
            except Exception:
                log.exception("layer %s: a listener failed", self.name)

    def _cached(self, key: str, build: Callable[[gpd.GeoDataFrame, GeometryProblems], object]):
        """``build(features, read_problems)``, once per version, even when two threads ask at once."""
        derived = self._derived
        with derived.lock:
            if key in derived.values:
                return derived.values[key]
            building = derived.building.setdefault(key, threading.Lock())
        with building:  # a second thread waits here for the first one's result
            with derived.lock:
                if key in derived.values:
                    return derived.values[key]
                version, frame, problems = derived.version, self.features, self.read_problems
            value = build(frame, problems)
            with derived.lock:
                if derived.version == version:
                    derived.values[key] = value
            return value

    # -- derived facts

    @property
    def feature_count(self) -> int:
        return len(self.features)

    @property
    def geometry(self) -> np.ndarray:
        return _geometry_of(self.features)

    @property
    def geometry_type(self) -> str | None:
        """'Point', 'LineString', 'Polygon' (multi-parts folded in), 'Mixed' or None for a table."""
        return self._cached("geometry_type", _geometry_type)

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) of the non-empty geometries, or None.

        Costs 70–150 ms on 500k polygons and the GUI asks often, hence kept.
        """
        return self._cached("bounds", _bounds)

    def geometry_report(self) -> GeometryReport:
        """Features with invalid or unreadable geometry and why; worked out on demand.

        Checking validity costs about 0.5 s for 500k polygons, so loading never does it.
        """
        return self._cached("geometry_report", lambda frame, problems: check_geometries(_geometry_of(frame),
                                                                                          problems))

    @property
    def invalid_count(self) -> int:
        """Features whose geometry is invalid, or was damaged in the file (also when shown repaired)."""
        return self.geometry_report().count

    @property
    def geometry_notes(self) -> list[str]:
        """Notes about the geometry worked out on demand: invalid features by reason, lines of a mixed layer."""
        notes = report_notes(self.geometry_report(), self.source_ids, self.feature_count)
        if self.geometry_type == "Mixed":
            geoms = self.geometry
            lines = geoms[np.isin(shapely.get_type_id(geoms), (1, 2, 5)) & np.isfinite(shapely.length(geoms))]
            if len(lines):
                length = float(np.nansum(ellipsoidal_lengths(lines, self.crs_info.crs())))
                notes.append(tr("mixed geometry: {count} lines, {length:,.1f} m long in all; the area counts "
                                "polygons only").format(count=len(lines), length=length))
        return notes

    @property
    def sindex(self) -> shapely.STRtree:
        return self._cached("sindex", lambda frame, _problems: shapely.STRtree(_geometry_of(frame)))

    def areas_m2(self) -> np.ndarray:
        """Area of each feature (:func:`~ecomap.core.measure.ellipsoidal_areas` in the layer's CRS)."""
        return ellipsoidal_areas(self.geometry, self.crs_info.crs())

    def total_area_m2(self) -> float | None:
        """Area of the polygons (of a mixed layer too: its lines and points add nothing); None without any."""
        if self.geometry_type == "Mixed":
            geoms = self.geometry
            polygonal = np.isin(shapely.get_type_id(geoms), (3, 6, 7)) & (shapely.area(geoms) > 0)
            if not polygonal.any():
                return None
            return float(np.nansum(ellipsoidal_areas(geoms[polygonal], self.crs_info.crs())))
        if self.geometry_type != "Polygon":
            return None
        areas = self.areas_m2()
        return float(np.nansum(areas))

    def alias(self, field_name: str) -> str:
        return self.field_aliases.get(field_name, field_name)

    def feature_ids(self, rows=None) -> np.ndarray:
        """The IDs the user sees for the features at positions ``rows`` (all when None): the
        source's own (GeoPackage fid, Shapefile record number) as QGIS shows them, else the
        position from 1. The attribute table, identify and every report use these."""
        rows = np.arange(self.feature_count) if rows is None else np.asarray(rows, dtype=np.int64)
        return (self.source_ids or SourceIds()).of(rows, self.feature_count)

    @property
    def attribute_columns(self) -> list[str]:
        geometry_name = self.features.geometry.name if "geometry" in self.features else None
        return [c for c in self.features.columns if c != geometry_name]


def field_kind(dtype) -> str:
    """The kind of an attribute column: 'boolean', 'integer', 'real', 'datetime' or 'string'."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "real"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    return "string"


class _Derived:
    """A layer's facts computed from its features, and what keeps them true."""

    __slots__ = ("building", "listeners", "lock", "values", "version")

    def __init__(self):
        self.lock = threading.Lock()  # guards values and version; never held while building
        self.building: dict[str, threading.Lock] = {}  # one per fact: two threads build it once
        self.values: dict[str, object] = {}
        self.version = 0
        self.listeners: list[Callable[[VectorLayer], None]] = []


#: the fields every derived fact is computed from: assigning one replaces them
_DERIVED_FROM = frozenset({"features", "read_problems"})


def _geometry_of(frame) -> np.ndarray:
    return np.asarray(frame.geometry.array, dtype=object)


def _geometry_type(frame, _problems) -> str | None:
    if "geometry" not in frame or frame.geometry.isna().all():
        return None
    geoms = _geometry_of(frame)
    types = set(shapely.get_type_id(geoms[~shapely.is_missing(geoms)]).tolist())
    families = {_FAMILY.get(t, "Mixed") for t in types}  # a GeometryCollection is mixed itself
    if len(families) == 1:
        return families.pop()
    return "Mixed" if families else None


def _bounds(frame, _problems) -> tuple[float, float, float, float] | None:
    geoms = _geometry_of(frame)
    present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    return tuple(float(v) for v in shapely.total_bounds(present)) if len(present) else None


# shapely type ids → geometry family
_FAMILY = {0: "Point", 4: "Point", 1: "LineString", 2: "LineString", 5: "LineString",
           3: "Polygon", 6: "Polygon"}
