"""Layers: what was read from a file, with everything needed to draw and analyse it.

A :class:`VectorLayer` owns a GeoDataFrame whose coordinates are always x = easting
(or longitude), whatever the file's axis order, plus the facts about where it came
from (source, encoding, CRS declared or assumed) that the user must be able to see.
Expensive derived state (spatial index, validity, bounds) is computed on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
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

    @property
    def feature_count(self) -> int:
        return len(self.features)

    @property
    def geometry(self) -> np.ndarray:
        return np.asarray(self.features.geometry.array, dtype=object)

    @cached_property
    def geometry_type(self) -> str | None:
        """'Point', 'LineString', 'Polygon' (multi-parts folded in), 'Mixed' or None for a table."""
        if "geometry" not in self.features or self.features.geometry.isna().all():
            return None
        types = set(shapely.get_type_id(self.geometry[~shapely.is_missing(self.geometry)]).tolist())
        families = {_FAMILY.get(t, "Mixed") for t in types}  # a GeometryCollection is mixed itself
        if len(families) == 1:
            return families.pop()
        return "Mixed" if families else None

    def __setattr__(self, name, value) -> None:
        if name == "features":  # derived from the frame: recompute for the new one
            self.__dict__.pop("_bounds_cache", None)
        super().__setattr__(name, value)

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) of the non-empty geometries, or None; computed once per frame.

        Costs 70–150 ms on 500k polygons and the GUI asks often, so it is cached; the
        cache is dropped when ``features`` is replaced (edits assign a new frame) and
        checked against the row count. Mutating the geometry column in place is not seen.
        """
        key = (id(self.features), len(self.features))
        cached = self.__dict__.get("_bounds_cache")
        if cached is not None and cached[0] == key:
            return cached[1]
        geoms = self.geometry
        present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
        bounds = tuple(float(v) for v in shapely.total_bounds(present)) if len(present) else None
        self.__dict__["_bounds_cache"] = (key, bounds)
        return bounds

    def geometry_report(self) -> GeometryReport:
        """Features with invalid or unreadable geometry and why; computed once per frame, on demand.

        Checking validity costs about 0.5 s for 500k polygons, so loading never does it.
        """
        key = (id(self.features), len(self.features))
        cached = self.__dict__.get("_report_cache")
        if cached is not None and cached[0] == key:
            return cached[1]
        report = check_geometries(self.geometry, self.read_problems)
        self.__dict__["_report_cache"] = (key, report)
        return report

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

    @cached_property
    def sindex(self) -> shapely.STRtree:
        return shapely.STRtree(self.geometry)

    def areas_m2(self) -> np.ndarray:
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


# shapely type ids → geometry family
_FAMILY = {0: "Point", 4: "Point", 1: "LineString", 2: "LineString", 5: "LineString",
           3: "Polygon", 6: "Polygon"}
