"""The project footprint a site screening checks: from WKT, typed coordinates, a file or a feature.

A footprint is one polygonal geometry with its CRS. Lines (roads, pipelines) and
points are buffered by a width in metres, the way linear works are screened
(domain.md §1.4 step 1). A file — a parcel coordinate TXT (勘测定界坐标), a Shapefile,
KML, GeoJSON … — contributes the union of its features, or just the one asked for.
Coordinates without a stated CRS are identified from their values (Gauss-Krüger
eastings with a zone prefix, longitude/latitude in China), else taken to be in the
data's CRS.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS

from ecomap.analysis import common
from ecomap.errors import DataError
from ecomap.i18n import tr

#: default width (m) a line or point footprint is buffered by on each side
DEFAULT_BUFFER_M = 5.0


@dataclass(frozen=True)
class Footprint:
    geometry: object  # shapely Polygon / MultiPolygon
    crs: CRS | None
    source: str = ""  # what it came from, for the report

    def in_crs(self, crs: CRS | None):
        """The footprint geometry in ``crs``."""
        return common.to_crs(np.array([self.geometry], dtype=object), self.crs, crs)[0]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return tuple(float(v) for v in self.geometry.bounds)


def make(geometry, crs: CRS | None, source: str = "", buffer_m: float = DEFAULT_BUFFER_M) -> Footprint:
    """A footprint from any shapely geometry: validated, lines and points buffered."""
    if geometry is None or shapely.is_empty(geometry):
        raise DataError(None, tr("the footprint is empty"))
    geometry = shapely.force_2d(geometry)
    polygonal = common.polygonal_parts(np.array([geometry], dtype=object))[0]
    kinds = set(shapely.get_type_id(shapely.get_parts(geometry)).tolist())
    other = not kinds <= set(common.POLYGONAL)
    if other:
        if buffer_m <= 0:
            raise DataError(None, tr("a line or point footprint needs a buffer width greater than 0 m"))
        geometry = buffered(geometry, crs, buffer_m)
        if not shapely.is_empty(polygonal):
            geometry = shapely.union(geometry, polygonal)
    else:
        geometry = polygonal
    if not shapely.is_valid(geometry):
        geometry = shapely.make_valid(geometry)
        geometry = common.polygonal_parts(np.array([geometry], dtype=object))[0]
    if shapely.is_empty(geometry) or shapely.area(geometry) <= 0:
        raise DataError(None, tr("the footprint has no area"))
    return Footprint(geometry, crs, source)


def buffered(geometry, crs: CRS | None, buffer_m: float):
    """Buffer by metres, through a metric CRS when ``crs`` is geographic."""
    metric = common.metric_crs(crs, geometry.bounds)
    g = common.to_crs(np.array([geometry], dtype=object), crs, metric)[0]
    g = shapely.buffer(g, buffer_m, quad_segs=8)
    return common.to_crs(np.array([g], dtype=object), metric, crs)[0]


def guess_crs(bounds, fallback: CRS | None) -> CRS | None:
    """The CRS the coordinates themselves point to, else ``fallback``."""
    from ecomap.io.crs_detect import infer_from_bounds

    inference = infer_from_bounds(tuple(bounds))
    if inference.epsg is not None and not inference.swapped:
        return CRS.from_epsg(inference.epsg)
    return fallback


def parse_crs(text) -> CRS | None:
    """'4524', 'EPSG:4524' or any pyproj input; DataError when pyproj does not know it."""
    if text is None or text == "":
        return None
    value = str(text).strip()
    try:
        return CRS.from_epsg(int(value)) if value.isdigit() else CRS.from_user_input(value)
    except Exception:  # noqa: BLE001 - pyproj raises CRSError and friends
        raise DataError(None, tr("unknown coordinate system '{crs}'").format(crs=value)) from None


def from_wkt(text: str, crs: CRS | None = None, data_crs: CRS | None = None,
             buffer_m: float = DEFAULT_BUFFER_M) -> Footprint:
    """From WKT; without ``crs`` the coordinates decide, else the data's CRS is assumed."""
    try:
        geometry = shapely.from_wkt(text.strip())
    except Exception as exc:  # noqa: BLE001 - shapely raises GEOSException with a parser message
        raise DataError(None, tr("not valid WKT ({detail})").format(detail=str(exc).splitlines()[0])) from None
    if crs is None and not shapely.is_empty(geometry):
        crs = guess_crs(geometry.bounds, data_crs)
    return make(geometry, crs, "WKT", buffer_m)


def from_coordinates(pairs, crs: CRS | None = None, data_crs: CRS | None = None,
                     buffer_m: float = DEFAULT_BUFFER_M) -> Footprint:
    """From typed (x, y) pairs: three or more make a polygon, two a line, one a point."""
    xy = np.asarray(pairs, dtype=float).reshape(-1, 2)
    if len(xy) == 0 or not np.isfinite(xy).all():
        raise DataError(None, tr("the coordinates are empty or not numbers"))
    if len(xy) >= 3:
        geometry = shapely.Polygon(xy)
    elif len(xy) == 2:
        geometry = shapely.LineString(xy)
    else:
        geometry = shapely.Point(xy[0])
    if crs is None:
        crs = guess_crs(shapely.bounds(geometry), data_crs)
    return make(geometry, crs, tr("typed coordinates"), buffer_m)


def from_feature(layer, row: int, buffer_m: float = DEFAULT_BUFFER_M) -> Footprint:
    """From one feature (position ``row``) of an open layer."""
    geoms = layer.geometry
    if not 0 <= row < len(geoms):
        raise DataError(getattr(layer, "source", None), tr("no feature {fid}").format(fid=row))
    return make(geoms[row], common.layer_crs(layer), f"{layer.name} #{layer.features.index[row]}", buffer_m)


def from_file(path, feature: str | None = None, buffer_m: float = DEFAULT_BUFFER_M) -> Footprint:
    """From a data file: the union of its first vector layer, or the feature whose id or name is ``feature``."""
    from ecomap.io.registry import open_path

    path = Path(path)
    layers = [lyr for lyr in open_path(path) if getattr(lyr, "kind", "vector") == "vector"
              and lyr.geometry_type is not None]
    if not layers:
        raise DataError(path, tr("the file holds no geometry to use as a footprint"))
    layer = layers[0]
    geoms = layer.geometry
    if feature is not None:
        rows = _feature_rows(layer, feature)
        if len(rows) == 0:
            raise DataError(path, tr("no feature '{feature}' in the file").format(feature=feature))
        geoms = geoms[rows]
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    if len(geoms) == 0:
        raise DataError(path, tr("the file holds no geometry to use as a footprint"))
    geometry = geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)
    return make(geometry, common.layer_crs(layer), path.name, buffer_m)


def _feature_rows(layer, feature: str) -> np.ndarray:
    frame = layer.features
    index = np.asarray(frame.index).astype(str)
    rows = np.flatnonzero(index == str(feature))
    if len(rows):
        return rows
    for col in layer.attribute_columns:
        values = frame[col].astype(str).to_numpy()
        rows = np.flatnonzero(values == str(feature))
        if len(rows):
            return rows
    return rows


def from_text(value: str, crs: CRS | None = None, data_crs: CRS | None = None,
              buffer_m: float = DEFAULT_BUFFER_M, feature: str | None = None) -> Footprint:
    """The CLI's ``--footprint``: an existing file path, else WKT."""
    text = str(value).strip()
    if text and Path(text).expanduser().exists():
        fp = from_file(Path(text).expanduser(), feature=feature, buffer_m=buffer_m)
        if crs is not None and fp.crs is None:
            fp = Footprint(fp.geometry, crs, fp.source)
        return fp
    head = text.split("(", 1)[0].strip().upper()
    if head not in ("POLYGON", "MULTIPOLYGON", "LINESTRING", "MULTILINESTRING", "POINT", "MULTIPOINT",
                    "GEOMETRYCOLLECTION"):
        raise DataError(text[:60], tr("neither an existing file nor WKT (POLYGON ((x y, …)))"))
    return from_wkt(text, crs=crs, data_crs=data_crs, buffer_m=buffer_m)
