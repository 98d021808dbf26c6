"""Exporting layers (or the selected features) to the files other people's tools open.

One entry point, :func:`export_layers`, for every format — the extension decides:

========== ==============================================================================
.gpkg      GeoPackage 1.2 (what QGIS 3.x and ArcGIS 10.x read), several layers in one
           file, field aliases kept (gpkg_data_columns), Z and M kept
.shp       Shapefile, GBK (default) or UTF-8, ``.cpg`` written, names cut to 10 bytes
           without collisions, Z and M kept
.geojson   GeoJSON (RFC 7946: WGS 84 longitude/latitude unless a CRS is asked for), Z kept
.kml .kmz  Google Earth / 奥维: Chinese names, styles from the layer's symbology, Z kept
.csv       UTF-8 with BOM; 经度/纬度 or 东坐标/北坐标 columns for points, WKT otherwise
.xlsx      Chinese headers from the field aliases, a 说明 sheet with CRS and source
.txt       国土资源部 land-parcel coordinate TXT (GBK, Gauss-Krüger)
========== ==============================================================================

The coordinate system is written as the layer's file declared it. A CRS EcoMap only
*assumed* (the file declared none) is never written as if declared: the export stops
with :class:`AssumedCrsError` until the user confirms it (``ExportItem.crs_confirmed``)
or names the CRS to write (``crs``). A layer without any CRS is written without one
(no .prj, no CRS in the GeoPackage or GeoJSON) where the format allows it.

Every export can reproject (``crs``) and take only some features (``selection``:
row positions or a boolean mask). Field names the target reserves or cannot hold are
renamed (:mod:`ecomap.io.export_fields`), Z and M are dropped where the format has no
place for them, and both are reported. Every file is written under a temporary name
beside the target and moved into place complete (Shapefiles: all sidecars from a
temporary folder, swapped in under a manifest; see :mod:`ecomap.core.atomic`), so a
failed or killed export never leaves half a file or a mismatched .shp/.dbf pair. A
GeoPackage is only replaced once a journal left beside the old file by a killed
writer has been rolled back, and never while another program is writing to it. The
result lists the files and notes the user should read (renamed fields, dropped Z
values, the CRS a CSV does not record, a dropped time of day).
"""

from __future__ import annotations

import json
import sqlite3
import warnings
from contextlib import closing
from dataclasses import dataclass, field, replace
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
from ecomap.io.export_datum import KEEP, DatumShiftError, needs_choice, reproject
from ecomap.io.gpkg_edit import release_for_replace

__all__ = ["FORMATS", "KEEP", "MULTI_LAYER", "AssumedCrsError", "DatumShiftError", "ExportItem", "ExportResult",
           "assumed_crs_items", "datum_choice_items", "export_layer", "export_layers", "file_filter",
           "unique_layer_names", "write_gpkg_aliases"]

FORMATS = {".gpkg": "GeoPackage", ".shp": "ESRI Shapefile", ".geojson": "GeoJSON", ".json": "GeoJSON",
           ".kml": "KML", ".kmz": "KMZ", ".csv": "CSV", ".xlsx": "XLSX", ".txt": "Parcel TXT"}
MULTI_LAYER = (".gpkg", ".kml", ".kmz")
LONLAT_ONLY = (".geojson", ".json", ".kml", ".kmz")  # RFC 7946 and KML are WGS 84 lon/lat by definition
#: (keeps Z, keeps M) per format; CSV/XLSX depend on the geometry columns chosen
_DIMENSIONS = {".gpkg": (True, True), ".shp": (True, True), ".geojson": (True, False), ".json": (True, False),
               ".kml": (True, False), ".kmz": (True, False), ".txt": (False, False)}
#: the columns ArcGIS computes from the geometry, stale once the geometry is reprojected
_ESRI_COMPUTED = ("shape_area", "shape_length", "shape_leng", "shape_len")


@dataclass
class ExportItem:
    """One layer to export: the layer, its style (for KML colours), the name to give it."""

    layer: VectorLayer
    style: object = None
    name: str = ""
    theme: str | None = None
    selection: object = None  # row positions or boolean mask; None = every feature
    #: the user confirmed the CRS EcoMap assumed for this layer; write it as the layer's CRS
    crs_confirmed: bool = False
    #: across Xian 1980 / Beijing 1954 and another datum: a DatumShift, seven parameters as text,
    #: or KEEP (coordinates unchanged); None refuses where PROJ publishes nothing (ecomap.io.export_datum)
    datum_shift: object = None

    @property
    def out_name(self) -> str:
        return self.name or self.layer.name


@dataclass
class ExportResult:
    paths: list[Path] = field(default_factory=list)
    count: int = 0
    crs: CRS | None = None
    notes: list[str] = field(default_factory=list)
    #: layer name → {column: the field name written} for every field the target made us rename
    renamed: dict[str, dict[str, str]] = field(default_factory=dict)


class AssumedCrsError(DataError):
    """The layer's CRS was assumed, not declared, and the user has neither confirmed it nor chosen one."""

    def __init__(self, path, layer_name: str, assumed_epsg: int, reason: str | None):
        self.layer_name = layer_name
        self.assumed_epsg = assumed_epsg
        self.reason = reason
        why = f" ({reason})" if reason else ""
        super().__init__(path, tr("the file of layer '{name}' declares no coordinate system; EcoMap assumed "
                                  "EPSG:{epsg}{why}. An assumed coordinate system is not written as if the "
                                  "file had declared it: confirm it or choose the coordinate system to write")
                         .format(name=layer_name, epsg=assumed_epsg, why=why))


def file_filter() -> str:
    """A Qt file-dialog filter, one entry per format."""
    names = {".gpkg": "GeoPackage", ".shp": "Shapefile", ".geojson": "GeoJSON", ".kml": "KML",
             ".kmz": "KMZ", ".csv": "CSV", ".xlsx": "Excel", ".txt": tr("Land-parcel coordinate TXT")}
    return ";;".join(f"{label} (*{ext})" for ext, label in names.items())


def assumed_crs_items(items, crs=None, suffix: str = "", geometry: str = "auto") -> list[ExportItem]:
    """The items whose export would rest on an assumed CRS nobody confirmed (what the GUI asks about)."""
    if crs is not None or (suffix in (".csv", ".xlsx") and geometry == "none"):
        return []
    items = [i if isinstance(i, ExportItem) else ExportItem(i) for i in items]
    return [i for i in items if not i.crs_confirmed and i.layer.crs_info is not None and i.layer.crs_info.is_assumed]


def datum_choice_items(items, crs=None, suffix: str = "", geometry: str = "auto") -> list[tuple[ExportItem, tuple]]:
    """(item, (source, target) geographic EPSG codes) for every item whose export crosses between
    datums that PROJ connects by nothing for it, with no choice made yet (what the GUI asks about)."""
    if suffix in (".csv", ".xlsx") and geometry == "none":
        return []
    target = _crs_of(crs, None) if crs is not None else (CRS.from_epsg(4326) if suffix in LONLAT_ONLY else None)
    out = []
    for item in (i if isinstance(i, ExportItem) else ExportItem(i) for i in items):
        info = item.layer.crs_info
        pair = None if item.datum_shift is not None or info is None else needs_choice(info.crs(), item.layer.bounds,
                                                                                       target)
        if pair is not None:
            out.append((item, pair))
    return out


def _selected(item: ExportItem, path: Path) -> gpd.GeoDataFrame:
    frame = item.layer.features
    if item.selection is not None:
        sel = np.asarray(item.selection)
        if sel.dtype == bool:
            if len(sel) != len(frame):
                raise DataError(path, tr("the selection does not match the layer"))
            frame = frame[sel]
        else:
            frame = frame.iloc[sel.astype(np.int64)]
    return frame.copy()


def _frame(item: ExportItem, target: CRS | None, path: Path, notes: list[str]) -> gpd.GeoDataFrame:
    """The item's features in the CRS to write (see the module docstring for the rules)."""
    frame = _selected(item, path)
    info = item.layer.crs_info
    own = info.crs() if info is not None else None
    suffix = path.suffix.lower()
    if info is not None and info.is_assumed and not item.crs_confirmed:
        if target is None:
            raise AssumedCrsError(path, item.out_name, info.assumed_epsg, info.reason)
        if not target.equals(own):
            notes.append(tr("layer '{name}': the file declares no coordinate system; it was reprojected from "
                            "the assumed EPSG:{epsg}").format(name=item.out_name, epsg=info.assumed_epsg))
    if own is not None and (frame.crs is None or not frame.crs.equals(own)):
        frame = frame.set_crs(own, allow_override=True)
    if target is None and suffix in LONLAT_ONLY and frame.crs is not None:
        target = CRS.from_epsg(4326)
    if target is None:
        if frame.crs is None and suffix in (".geojson", ".json"):
            notes.append(tr("layer '{name}' has no coordinate system, so none was written; GeoJSON readers "
                            "will take the coordinates for WGS 84 longitude/latitude").format(name=item.out_name))
        return frame
    if frame.crs is None:
        if suffix in (".kml", ".kmz"):
            raise DataError(path, tr("layer '{name}' has no coordinate system; it cannot be written to KML")
                            .format(name=item.out_name))
        raise DataError(path, tr("layer '{name}' has no coordinate system; it cannot be reprojected")
                        .format(name=item.out_name))
    if not frame.crs.equals(target):
        if _dimensions(frame)[1]:  # geopandas' to_crs turns the Z and M of a measured geometry into NaN
            frame = _drop_m(frame)
            notes.append(tr("layer '{name}': the M values were left out: EcoMap cannot carry measures through "
                            "a reprojection").format(name=item.out_name))
        frame = reproject(frame, target, item.datum_shift, item.layer, item.out_name, path, notes)
        stale = [c for c in frame.columns if str(c).lower() in _ESRI_COMPUTED]
        if stale:
            notes.append(tr("layer '{name}': {fields} hold lengths or areas computed before the reprojection; "
                            "they no longer match the geometry").format(name=item.out_name,
                                                                       fields=", ".join(map(str, stale))))
    return frame


def _crs_of(value, path: Path | None) -> CRS:
    if isinstance(value, CRS):
        return value
    text = str(value).strip()
    if text.isdigit():
        text = f"EPSG:{text}"
    try:
        return CRS.from_user_input(text)
    except CRSError:
        raise DataError(path, tr("unknown coordinate system '{crs}'").format(crs=value)) from None


def _plain_values(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """List, array and mapping values (a GeoJSON property such as ``cp: [112.4, 39.3]``) as JSON text."""
    for column in frame.columns:
        if column == frame.geometry.name or frame[column].dtype != object:
            continue
        values = frame[column]
        nested = values.map(lambda v: isinstance(v, list | tuple | dict | np.ndarray))
        if nested.any():
            frame[column] = values.where(~nested, values[nested].map(
                lambda v: json.dumps(v.tolist() if isinstance(v, np.ndarray) else v, ensure_ascii=False,
                                     default=str)))
    return frame


def _dimensions(frame: gpd.GeoDataFrame) -> tuple[bool, bool]:
    """(any Z, any M); M is seen from shapely 2.1 on."""
    geoms = np.asarray(frame.geometry.array, dtype=object)
    if not len(geoms):
        return False, False
    has_m = bool(shapely.has_m(geoms).any()) if hasattr(shapely, "has_m") else False
    return bool(shapely.has_z(geoms).any()), has_m


def _fit_dimensions(frame: gpd.GeoDataFrame, keep_z: bool, keep_m: bool, what: str, name: str,
                    notes: list[str]) -> gpd.GeoDataFrame:
    """Drop the Z and/or M values ``what`` (a format, or its coordinate columns) has no place for, noting it."""
    has_z, has_m = _dimensions(frame)
    drop_z, drop_m = has_z and not keep_z, has_m and not keep_m
    if not (drop_z or drop_m):
        return frame
    if drop_z:
        geoms = shapely.force_2d(np.asarray(frame.geometry.array, dtype=object))
        frame = frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs), crs=frame.crs)
    else:
        frame = _drop_m(frame)
    dropped = "/".join(v for v, d in (("Z", drop_z), ("M", drop_m)) if d)
    notes.append(tr("layer '{name}': the {values} values were left out; there is no place for them in {what}")
                 .format(name=name, what=what, values=dropped))
    return frame


def _drop_m(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The frame with its geometries' M values removed and their Z kept."""
    geoms = np.asarray(frame.geometry.array, dtype=object)
    measured = shapely.has_m(geoms)
    with_z = measured & shapely.has_z(geoms)
    flat = geoms.copy()
    # through 3-D WKB: shapely.force_3d would set the Z of an XYZM geometry to 0
    flat[with_z] = shapely.from_wkb(shapely.to_wkb(geoms[with_z], output_dimension=3))
    flat[measured & ~with_z] = shapely.force_2d(geoms[measured & ~with_z])
    return frame.set_geometry(gpd.GeoSeries(flat, index=frame.index, crs=frame.crs), crs=frame.crs)


def export_layer(layer: VectorLayer, path, **options) -> ExportResult:
    """Export one layer; options as :func:`export_layers` plus ``style``, ``name``, ``theme``,
    ``selection`` and ``crs_confirmed``."""
    item = ExportItem(layer, options.pop("style", None), options.pop("name", ""), options.pop("theme", None),
                      options.pop("selection", None), options.pop("crs_confirmed", False),
                      options.pop("datum_shift", None))
    return export_layers([item], path, **options)


def export_layers(items: list[ExportItem], path, crs=None, encoding: str | None = None,
                  geometry: str = "auto", name_field: str | None = None, aliases: bool = True,
                  kml_split_categories: bool = True) -> ExportResult:
    """Write ``items`` to ``path`` (format from the extension; see the module docstring).

    ``crs``: the CRS to write (EPSG code, "EPSG:4490", WKT or pyproj CRS), reprojecting
    when it differs; naming one also settles a layer whose CRS was only assumed.
    ``encoding``: Shapefile and parcel TXT text encoding, GBK by default for both.
    ``geometry``: CSV/XLSX geometry columns — "auto", "xy", "wkt" or "none".
    ``name_field``: KML placemark names (default: the layer's name field).
    ``aliases``: XLSX headers from the field aliases.
    Raises :class:`AssumedCrsError` for a layer whose CRS was assumed and not confirmed.
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
    target = _crs_of(crs, path) if crs is not None else None
    result = ExportResult()
    if suffix in (".csv", ".xlsx") and geometry == "none":
        items = [replace(i, crs_confirmed=True, datum_shift=i.datum_shift or KEEP) for i in items]
    frames = [_plain_values(_frame(item, target, path, result.notes)) for item in items]
    if suffix in _DIMENSIONS:
        keep_z, keep_m = _DIMENSIONS[suffix]
        frames = [_fit_dimensions(f, keep_z, keep_m, FORMATS[suffix], i.out_name, result.notes)
                  for f, i in zip(frames, items)]
    result.count = int(sum(len(f) for f in frames))
    result.crs = frames[0].crs
    if suffix == ".gpkg":
        _write_gpkg(items, frames, path, result)
    elif suffix == ".shp":
        from ecomap.io.shapefile_writer import write_shapefile

        files, notes, renamed = write_shapefile(frames[0], path, encoding)
        result.paths += files
        result.notes += notes
        if renamed:
            result.renamed[items[0].out_name] = renamed
    elif suffix in (".geojson", ".json"):
        _write_ogr(frames[0], path, "GeoJSON", items[0].out_name)
        result.paths.append(path)
    elif suffix in (".kml", ".kmz"):
        from ecomap.io.export_fields import renames_note
        from ecomap.io.export_kml import write_kml

        renamed = write_kml(items, frames, path, name_field, kml_split_categories)
        for name, renames in renamed.items():
            result.notes.append(f"{name}: {renames_note('KML', renames)}" if len(items) > 1
                                else renames_note("KML", renames))
        result.renamed.update(renamed)
        result.paths.append(path)
    elif suffix in (".csv", ".xlsx"):
        _write_table(items[0], frames[0], path, geometry, aliases, result)
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
                warnings.filterwarnings("ignore", "'crs' was not provided", UserWarning)  # a layer without CRS gets none, as meant
                pyogrio.write_dataframe(frame, tmp, layer=layer_name, driver=driver)
        except (OSError, RuntimeError, ValueError) as exc:
            raise DataError(path, tr("cannot write the file ({detail})").format(detail=exc)) from None


def unique_layer_names(names: list[str]) -> list[str]:
    """Layer names made unique ignoring case (two layers called 河流 become 河流 and 河流_2)."""
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

    from ecomap.io.export_fields import gpkg_renames, renames_note

    names = unique_layer_names([i.out_name for i in items])
    aliases = {}
    with atomic_target(path, suffix=path.suffix) as tmp:
        tmp.unlink()  # GDAL creates the file itself
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                warnings.filterwarnings("ignore", "'crs' was not provided", UserWarning)  # a layer without CRS gets none, as meant
                for i, (item, frame, name) in enumerate(zip(items, frames, names)):
                    renames = gpkg_renames(frame)
                    if renames:
                        frame = frame.rename(columns=renames)
                        result.renamed[item.out_name] = renames
                        note = renames_note("GeoPackage", renames)
                        result.notes.append(f"{item.out_name}: {note}" if len(items) > 1 else note)
                    options = {"dataset_options": {"VERSION": "1.2"}} if i == 0 else {}
                    if _dimensions(frame)[1]:  # pyogrio's WKB path refuses measured geometries
                        options["use_arrow"] = True
                    pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG", **options)
                    aliases[name] = {renames.get(k, k): v for k, v in item.layer.field_aliases.items()
                                     if k in frame.columns or k in renames}
            if any(aliases.values()):
                write_gpkg_aliases(tmp, aliases)
            release_for_replace(path)
        except (OSError, RuntimeError, ValueError, sqlite3.Error) as exc:
            raise DataError(path, tr("cannot write the file ({detail})").format(detail=exc)) from None
    result.paths.append(path)


def write_gpkg_aliases(path: Path, aliases: dict[str, dict[str, str]]) -> None:
    """Field titles in the GeoPackage schema extension (gpkg_data_columns), which QGIS shows as aliases."""
    with closing(sqlite3.connect(path)) as con, con:
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


def _write_table(item: ExportItem, frame: gpd.GeoDataFrame, path: Path, geometry: str, aliases: bool,
                 result: ExportResult) -> None:
    """CSV or XLSX: attribute columns that clash with the coordinate columns are renamed first."""
    from ecomap.io import table_export
    from ecomap.io.export_fields import rename_reserved, renames_note

    mode = table_export.geometry_mode(frame, geometry)
    added = table_export.geometry_columns(frame.crs, mode)
    renames = rename_reserved([c for c in frame.columns if c != frame.geometry.name], added)
    if renames:
        frame = frame.rename(columns=renames)
        result.renamed[item.out_name] = renames
        result.notes.append(renames_note(FORMATS[path.suffix.lower()], renames))
    if mode == "xy":
        frame = _fit_dimensions(frame, False, False, tr("the X/Y columns"), item.out_name, result.notes)
    with atomic_target(path, suffix=path.suffix) as tmp:
        if path.suffix.lower() == ".csv":
            table_export.write_csv(frame, tmp, mode)
        else:
            layer_aliases = {renames.get(k, k): v for k, v in item.layer.field_aliases.items()} if aliases else None
            too_long = table_export.write_xlsx(
                frame, tmp, sheet=item.out_name, aliases=layer_aliases, geometry=mode,
                info=table_export.export_info(item.out_name, frame.crs if mode != "none" else None, len(frame),
                                              str(item.layer.source)))
            if too_long:
                result.notes.append(table_export.cut_cells_note(too_long))
    result.paths.append(path)
    if path.suffix.lower() == ".csv" and mode != "none":
        result.notes.append(tr("a CSV file does not record its coordinate system: the coordinates are in {crs}")
                            .format(crs=_crs_label(frame.crs)))


def _write_parcel_txt(item: ExportItem, frame: gpd.GeoDataFrame, path: Path, encoding: str | None,
                      result: ExportResult) -> None:
    from ecomap.core.crs import crs_from_epsg, epsg_of
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
        written = parcel_txt_writer.write(frame, tmp, encoding=encoding or parcel_txt_writer.DEFAULT_ENCODING,
                                          field_map=field_map,
                                          epsg=own if parcel_txt_writer.gauss_kruger_params(own) else None)
    result.paths.append(path)
    result.count = written.parcels
    if written.skipped:
        result.notes.append(tr("{n} features without geometry were left out").format(n=written.skipped))
    if epsg_of(frame.crs) != written.epsg:
        result.notes.append(tr("coordinates were written in EPSG:{epsg}, the Gauss-Krüger zone of the parcels")
                            .format(epsg=written.epsg))
        result.crs = crs_from_epsg(written.epsg)
