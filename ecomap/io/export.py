"""Exporting layers (or the selected features) to the files other people's tools open.

One entry point, :func:`export_layers`, for every format — the extension decides:

========== ==============================================================================
.gpkg      GeoPackage, several layers in one file, field aliases kept (gpkg_data_columns)
.shp       Shapefile, GBK or UTF-8, ``.cpg`` written, names cut to 10 bytes without collisions
.geojson   GeoJSON (RFC 7946: WGS 84 longitude/latitude unless a CRS is asked for)
.kml .kmz  Google Earth / 奥维: Chinese names, styles from the layer's symbology
.csv       UTF-8 with BOM; 经度/纬度 or 东坐标/北坐标 columns for points, WKT otherwise
.xlsx      Chinese headers from the field aliases, a 说明 sheet with CRS and source
.txt       国土资源部 land-parcel coordinate TXT (GBK, Gauss-Krüger)
========== ==============================================================================

Every export can reproject (``crs``) and take only some features (``selection``:
row positions or a boolean mask). Every file is written under a temporary name
beside the target and moved into place complete (Shapefiles: all sidecars from a
temporary folder), so a failed export never leaves half a file or a mismatched
.shp/.dbf pair. The result lists the files and notes the user should read (renamed
fields, an assumed coordinate system, a dropped time of day).
"""

from __future__ import annotations

import sqlite3
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from ecomap.core.atomic import atomic_target
from ecomap.core.layers import VectorLayer
from ecomap.errors import DataError
from ecomap.i18n import tr

FORMATS = {".gpkg": "GeoPackage", ".shp": "ESRI Shapefile", ".geojson": "GeoJSON", ".json": "GeoJSON",
           ".kml": "KML", ".kmz": "KMZ", ".csv": "CSV", ".xlsx": "XLSX", ".txt": "Parcel TXT"}
MULTI_LAYER = (".gpkg", ".kml", ".kmz")


@dataclass
class ExportItem:
    """One layer to export: the layer, its style (for KML colours), the name to give it."""

    layer: VectorLayer
    style: object = None
    name: str = ""
    theme: str | None = None
    selection: object = None  # row positions or boolean mask; None = every feature

    @property
    def out_name(self) -> str:
        return self.name or self.layer.name


@dataclass
class ExportResult:
    paths: list[Path] = field(default_factory=list)
    count: int = 0
    crs: CRS | None = None
    notes: list[str] = field(default_factory=list)


def file_filter() -> str:
    """A Qt file-dialog filter, one entry per format."""
    names = {".gpkg": "GeoPackage", ".shp": "Shapefile", ".geojson": "GeoJSON", ".kml": "KML",
             ".kmz": "KMZ", ".csv": "CSV", ".xlsx": "Excel", ".txt": tr("Land-parcel coordinate TXT")}
    return ";;".join(f"{label} (*{ext})" for ext, label in names.items())


def _frame(item: ExportItem, crs, path: Path) -> gpd.GeoDataFrame:
    layer = item.layer
    frame = layer.features
    if item.selection is not None:
        sel = np.asarray(item.selection)
        if sel.dtype == bool:
            if len(sel) != len(frame):
                raise DataError(path, tr("the selection does not match the layer"))
            frame = frame[sel]
        else:
            frame = frame.iloc[sel.astype(np.int64)]
    frame = frame.copy()
    own = layer.crs_info.crs() if layer.crs_info is not None else None
    if own is not None and (frame.crs is None or not frame.crs.equals(own)):
        frame = frame.set_crs(own, allow_override=True)
    if crs is not None:
        target = crs if isinstance(crs, CRS) else _crs_of(crs, path)
        if frame.crs is None:
            raise DataError(path, tr("layer '{name}' has no coordinate system; it cannot be reprojected")
                            .format(name=item.out_name))
        if not frame.crs.equals(target):
            frame = frame.to_crs(target)
    return frame


def _crs_of(value, path: Path | None) -> CRS:
    text = str(value).strip()
    if text.isdigit():
        text = f"EPSG:{text}"
    try:
        return CRS.from_user_input(text)
    except CRSError:
        raise DataError(path, tr("unknown coordinate system '{crs}'").format(crs=value)) from None


def export_layer(layer: VectorLayer, path, **options) -> ExportResult:
    """Export one layer; options as :func:`export_layers` plus ``style``, ``name``, ``selection``."""
    item = ExportItem(layer, options.pop("style", None), options.pop("name", ""), options.pop("theme", None),
                      options.pop("selection", None))
    return export_layers([item], path, **options)


def export_layers(items: list[ExportItem], path, crs=None, encoding: str | None = None,
                  geometry: str = "auto", name_field: str | None = None, aliases: bool = True,
                  kml_split_categories: bool = True) -> ExportResult:
    """Write ``items`` to ``path`` (format from the extension; see the module docstring).

    ``crs``: reproject to this CRS (EPSG code, "EPSG:4490", WKT or pyproj CRS).
    ``encoding``: Shapefile (UTF-8 default, or GBK) and parcel TXT (GBK default) text encoding.
    ``geometry``: CSV/XLSX geometry columns — "auto", "xy", "wkt" or "none".
    ``name_field``: KML placemark names (default: the layer's name field).
    ``aliases``: XLSX headers from the field aliases.
    """
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DataError(path, tr("cannot export to '{ext}'; EcoMap writes {formats}").format(
            ext=path.suffix or tr("(no extension)"), formats=", ".join(FORMATS)))
    items = [i if isinstance(i, ExportItem) else ExportItem(i) for i in items]
    if not items:
        raise DataError(path, tr("there are no layers to write"))
    if len(items) > 1 and suffix not in MULTI_LAYER:
        raise DataError(path, tr("{format} holds one layer; export the layers one by one or choose "
                                 "GeoPackage or KML").format(format=FORMATS[suffix]))
    for item in items:
        if getattr(item.layer, "kind", "vector") != "vector":
            raise DataError(path, tr("'{name}' is a raster; only vector layers are exported here")
                            .format(name=item.out_name))
    if suffix in (".geojson", ".json", ".kml", ".kmz") and crs is None:
        crs = 4326  # RFC 7946 and KML are longitude/latitude by definition
    target = _crs_of(crs, path) if crs is not None else None
    frames = [_frame(item, target, path) for item in items]
    result = ExportResult(count=int(sum(len(f) for f in frames)), crs=frames[0].crs)
    if suffix == ".gpkg":
        _write_gpkg(items, frames, path, result)
    elif suffix == ".shp":
        from ecomap.io.shapefile_writer import write_shapefile

        files, notes = write_shapefile(frames[0], path, encoding or "UTF-8")
        result.paths += files
        result.notes += notes
    elif suffix in (".geojson", ".json"):
        _write_ogr(frames[0], path, "GeoJSON", items[0].out_name)
        result.paths.append(path)
    elif suffix in (".kml", ".kmz"):
        _write_kml(items, frames, path, name_field, kml_split_categories)
        result.paths.append(path)
    elif suffix == ".csv":
        from ecomap.io.table_export import write_csv

        with atomic_target(path, suffix=path.suffix) as tmp:
            write_csv(frames[0], tmp, geometry)
        result.paths.append(path)
        result.notes.append(tr("a CSV file does not record its coordinate system: the coordinates are in {crs}")
                            .format(crs=_crs_label(frames[0].crs)))
    elif suffix == ".xlsx":
        from ecomap.io.table_export import export_info, write_xlsx

        item = items[0]
        with atomic_target(path, suffix=path.suffix) as tmp:
            write_xlsx(frames[0], tmp, sheet=item.out_name,
                       aliases=item.layer.field_aliases if aliases else None, geometry=geometry,
                       info=export_info(item.out_name, frames[0].crs, len(frames[0]), str(item.layer.source)))
        result.paths.append(path)
    elif suffix == ".txt":
        _write_parcel_txt(items[0], frames[0], path, encoding, result)
    return result


def _crs_label(crs) -> str:
    if crs is None:
        return tr("an unknown coordinate system")
    epsg = crs.to_epsg(min_confidence=70)
    return f"EPSG:{epsg} ({crs.name})" if epsg else crs.name


def _write_ogr(frame: gpd.GeoDataFrame, path: Path, driver: str, layer_name: str) -> None:
    import pyogrio

    with atomic_target(path, suffix=path.suffix) as tmp:
        tmp.unlink()  # GDAL creates the file itself
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                pyogrio.write_dataframe(frame, tmp, layer=layer_name, driver=driver)
        except (OSError, RuntimeError, ValueError) as exc:
            raise DataError(path, tr("cannot write the file ({detail})").format(detail=exc)) from None


def _unique_names(names: list[str]) -> list[str]:
    out, seen = [], set()
    for name in names:
        candidate, n = name, 2
        while candidate.lower() in seen:
            candidate, n = f"{name}_{n}", n + 1
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def _write_gpkg(items: list[ExportItem], frames: list[gpd.GeoDataFrame], path: Path, result: ExportResult) -> None:
    import pyogrio

    names = _unique_names([i.out_name for i in items])
    with atomic_target(path, suffix=path.suffix) as tmp:
        tmp.unlink()  # GDAL creates the file itself
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                for item, frame, name in zip(items, frames, names):
                    pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG")
            aliases = {name: {k: v for k, v in item.layer.field_aliases.items() if k in frame.columns}
                       for item, frame, name in zip(items, frames, names)}
            if any(aliases.values()):
                write_gpkg_aliases(tmp, aliases)
        except (OSError, RuntimeError, ValueError, sqlite3.Error) as exc:
            raise DataError(path, tr("cannot write the file ({detail})").format(detail=exc)) from None
    result.paths.append(path)


def write_gpkg_aliases(path: Path, aliases: dict[str, dict[str, str]]) -> None:
    """Field titles in the GeoPackage schema extension (gpkg_data_columns), which QGIS shows as aliases."""
    with sqlite3.connect(path) as con:
        con.execute("""CREATE TABLE IF NOT EXISTS gpkg_data_columns (
            table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT, description TEXT,
            mime_type TEXT, constraint_name TEXT,
            CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
            CONSTRAINT gdc_tn UNIQUE (table_name, name))""")
        con.execute("""CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT,
            extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
            CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""")
        for table in ("gpkg_data_columns", "gpkg_data_column_constraints"):
            con.execute("INSERT OR IGNORE INTO gpkg_extensions VALUES (?, NULL, 'gpkg_schema', "
                        "'http://www.geopackage.org/spec121/#extension_schema', 'read-write')", (table,))
        for table, fields in aliases.items():
            for column, title in fields.items():
                con.execute("INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, title) "
                            "VALUES (?, ?, ?, ?)", (table, column, column, title))


def kml_style_of(style):
    """KmlStyle(s) for a style: one for a single symbol, (label, KmlStyle) per category otherwise."""
    from ecomap.core.style import parse_color
    from ecomap.io.kml_writer import KmlStyle

    def convert(symbol):
        if symbol is None:
            return KmlStyle()
        fill = parse_color(symbol.fill) if symbol.fill else None
        stroke = parse_color(symbol.stroke) if symbol.stroke else None
        if fill is not None and symbol.opacity != 1.0:
            fill = (*fill[:3], int(fill[3] * symbol.opacity))
        if symbol.marker and fill is not None:
            stroke = fill  # KML colours point icons with the line colour
        width_px = symbol.stroke_width * 96 / 25.4 if symbol.stroke_unit == "mm" else symbol.stroke_width
        return KmlStyle(stroke=stroke, fill=fill, width=max(1.0, round(width_px, 1)))

    kind = getattr(style, "type", None)
    if kind == "single":
        return convert(style.symbol)
    if kind == "categorized":
        return [(c.value, c.label, convert(c.symbol)) for c in style.categories], \
            (convert(style.default) if style.default is not None else None)
    if kind == "graduated":
        return [((r.lower, r.upper), r.label, convert(r.symbol)) for r in style.ranges], None
    return KmlStyle()


def _write_kml(items: list[ExportItem], frames: list[gpd.GeoDataFrame], path: Path, name_field: str | None,
               split: bool) -> None:
    from ecomap.core.layout.naming import guess_name_field
    from ecomap.io import kml_writer

    parts, styles = [], []
    names = _unique_names([i.out_name.replace("/", "／") for i in items])
    field = name_field
    for item, frame, name in zip(items, frames, names):
        field = name_field or guess_name_field(item.layer, item.theme)
        if name_field and name_field not in frame.columns:
            raise DataError(path, tr("layer '{layer}' has no field '{field}'").format(layer=name, field=name_field))
        converted = kml_style_of(item.style) if item.style is not None else None
        if split and isinstance(converted, tuple):
            classes, default = converted
            kind = getattr(item.style, "type", "")
            used = np.zeros(len(frame), bool)
            for key, label, kstyle in classes:
                if kind == "categorized":
                    mask = _matches(frame[item.style.field], key)
                else:
                    values = frame[item.style.field].astype(float).to_numpy()
                    mask = (values >= key[0]) & (values <= key[1])
                mask &= ~used
                used |= mask
                if mask.any():
                    parts.append((f"{name}/{str(label).replace('/', '／')}", frame[mask]))
                    styles.append(kstyle)
            if (~used).any():
                parts.append((f"{name}/{tr('Other')}", frame[~used]))
                styles.append(default or kml_writer.KmlStyle())
        else:
            parts.append((name, frame))
            styles.append(converted if isinstance(converted, kml_writer.KmlStyle) else kml_writer.KmlStyle())
    kml_writer.write(parts, path, name_field=field if len(items) == 1 else _common_field(items, frames, name_field),
                     styles=styles, kmz=path.suffix.lower() == ".kmz", document_name=path.stem)


def _common_field(items, frames, name_field):
    """A name field every layer has (KML writer takes one), else None: placemarks named by 'name'."""
    from ecomap.core.layout.naming import guess_name_field

    if name_field:
        return name_field
    guesses = {guess_name_field(i.layer, i.theme) for i in items}
    if len(guesses) == 1:
        field = guesses.pop()
        if field and all(field in f.columns for f in frames):
            return field
    return None


def _key(value):
    """Category values compare as text (a code stored as 11 in one file, "11" in another)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _matches(series, value) -> np.ndarray:
    keys = np.array([_key(v) for v in series.tolist()], dtype=object)
    return keys == _key(value)


def _write_parcel_txt(item: ExportItem, frame: gpd.GeoDataFrame, path: Path, encoding: str | None,
                      result: ExportResult) -> None:
    from ecomap.core.crs import epsg_of
    from ecomap.core.layout.naming import guess_name_field
    from ecomap.io import parcel_txt_writer

    field_map = {}
    if "地块名称" not in frame.columns:
        name = guess_name_field(item.layer, item.theme)
        if name:
            field_map["地块名称"] = name

    geoms = np.asarray(frame.geometry.array, dtype=object)
    if len(geoms) and not np.isin(shapely.get_type_id(geoms[~shapely.is_missing(geoms)]), (3, 6)).all():
        result.notes.append(tr("only polygons are land parcels; lines and points are written as 线/点 records"))
    with atomic_target(path, suffix=path.suffix) as tmp:
        own = epsg_of(frame.crs)
        written = parcel_txt_writer.write(frame, tmp, encoding=encoding or "GBK", field_map=field_map,
                                          epsg=own if parcel_txt_writer.gauss_kruger_params(own) else None)
    result.paths.append(path)
    result.count = written.parcels
    if written.skipped:
        result.notes.append(tr("{n} features without geometry were left out").format(n=written.skipped))
    if epsg_of(frame.crs) != written.epsg:
        result.notes.append(tr("coordinates were written in EPSG:{epsg}, the Gauss-Krüger zone of the parcels")
                            .format(epsg=written.epsg))
        from ecomap.core.crs import crs_from_epsg

        result.crs = crs_from_epsg(written.epsg)
