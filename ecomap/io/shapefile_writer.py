"""Writing an ESRI Shapefile that Chinese desktop GIS reads correctly.

What goes wrong with Shapefiles in practice, and what this writer does about it:

* GBK is the default encoding: ArcGIS (before Pro), 南方CASS and most Chinese land and
  forestry tools read a Shapefile's text as the system code page; UTF-8 is for QGIS
  and newer tools.
* DBF field names hold 10 *bytes*: a Chinese name is cut to 3 characters in UTF-8
  and 5 in GBK, and GDAL cuts mid-character in UTF-8. Names are shortened here on
  character boundaries in the chosen encoding, collisions get a numeric suffix, the
  names ArcGIS keeps for itself (FID, Shape) are renamed, and every renaming is
  reported so the user knows 面积公顷数值 became 面积公顷数.
* The encoding must be declared: a ``.cpg`` is always written (``936`` for GBK — the
  code page ArcGIS, QGIS and GDAL all accept — or ``UTF-8``), and for GBK the DBF
  language-driver byte is set to 0x4D as well, for readers that ignore .cpg.
* Z is written (PolygonZ, PolyLineZ, PointZ shapes); measures (M) too, through
  pyogrio's Arrow path, since its WKB path refuses measured geometries.
* Values the encoding cannot hold (a GBK file and a rare character) stop the export
  with the offending text rather than writing question marks.
* Text longer than 254 bytes, and date-times (DBF has dates only) are reported.
* The files (.shp .shx .dbf .prj .cpg) replace an older Shapefile of the same name
  as one set (:func:`ecomap.core.atomic.atomic_file_set`): written into a temporary
  folder beside the target, then swapped in under a manifest, so that a process
  killed mid-swap leaves a swap the next read or write completes, never a new .shp
  read through an old .shx. The old Shapefile's sidecars that this write does not
  produce (.qix, .sbn …) go with the swap, so they cannot lie.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ecomap.core.atomic import atomic_file_set
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.export_fields import SHAPEFILE_RESERVED, rename_reserved

DBF_NAME_BYTES = 10
DBF_TEXT_BYTES = 254
CPG_TEXT = {"GBK": "936", "UTF-8": "UTF-8", "GB18030": "GB18030"}
LDID = {"GBK": 0x4D}
SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".shp.xml", ".fix")


DEFAULT_ENCODING = "GBK"


def normalise_encoding(encoding: str | None) -> str:
    """"UTF-8", "GBK" or "GB18030" for the spellings people use; None gives the default, GBK."""
    key = (encoding or DEFAULT_ENCODING).strip().upper().replace("_", "-")
    if key in ("UTF8", "UTF-8", "65001"):
        return "UTF-8"
    if key in ("GBK", "CP936", "936", "GB2312"):
        return "GBK"
    if key in ("GB18030", "54936"):
        return "GB18030"
    raise DataError(None, tr("unknown encoding {encoding} (use UTF-8 or GBK)").format(encoding=encoding))


def truncate_bytes(name: str, encoding: str, limit: int = DBF_NAME_BYTES) -> str:
    """The longest prefix of ``name`` whose encoding fits in ``limit`` bytes."""
    out = []
    used = 0
    for ch in name:
        size = len(ch.encode(encoding))
        if used + size > limit:
            break
        out.append(ch)
        used += size
    return "".join(out)


def dbf_field_names(columns: list[str], encoding: str) -> dict[str, str]:
    """Column → DBF field name (≤ 10 bytes in ``encoding``, not FID or Shape), unique ignoring case."""
    out: dict[str, str] = {}
    taken: set[str] = {r.upper() for r in SHAPEFILE_RESERVED}
    reserved = rename_reserved(columns, SHAPEFILE_RESERVED)
    for column in columns:
        try:
            str(column).encode(encoding)
        except UnicodeEncodeError:
            raise DataError(None, tr("the field name '{name}' cannot be written in {encoding}; choose UTF-8")
                            .format(name=column, encoding=encoding)) from None
        name = truncate_bytes(reserved.get(column, str(column)), encoding) or "FIELD"
        n = 1
        candidate = name
        while candidate.upper() in taken:
            suffix = f"_{n}"
            candidate = truncate_bytes(name, encoding, DBF_NAME_BYTES - len(suffix)) + suffix
            n += 1
        taken.add(candidate.upper())
        out[str(column)] = candidate
    return out


def _check_text(frame: pd.DataFrame, columns: list[str], encoding: str, path: Path) -> list[str]:
    """Stop on text the encoding cannot hold; report text longer than a DBF field."""
    notes = []
    for column in columns:
        series = frame[column]
        if not (pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)):
            continue
        values = pd.unique(series.dropna().astype(str))
        for value in values:
            try:
                size = len(value.encode(encoding))
            except UnicodeEncodeError as exc:
                raise DataError(path, tr("'{text}' in field '{field}' cannot be written in {encoding}; "
                                         "choose UTF-8").format(text=exc.object[exc.start:exc.end],
                                                                field=column, encoding=encoding)) from None
            if size > DBF_TEXT_BYTES:
                notes.append(tr("text in field '{field}' longer than {limit} bytes was cut").format(
                    field=column, limit=DBF_TEXT_BYTES))
                break
    return notes


_FAMILY = {0: "point", 4: "point", 1: "line", 2: "line", 5: "line", 3: "polygon", 6: "polygon"}
_SHAPE_TYPE = {"line": "ARC", "polygon": "POLYGON"}


def _shape_type(frame: gpd.GeoDataFrame, path: Path) -> str | None:
    """The Shapefile shape type without its Z/M suffix (POINT, MULTIPOINT, ARC, POLYGON); None when empty."""
    geoms = np.asarray(frame.geometry.array, dtype=object)
    present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    types = np.unique(shapely.get_type_id(present)).tolist()
    families = {_FAMILY.get(t, "mixed") for t in types}
    if len(families) > 1 or "mixed" in families:
        raise DataError(path, tr("a Shapefile holds one kind of geometry, but this layer mixes points, lines "
                                 "and polygons; export to GeoPackage instead"))
    if not families:
        return None
    family = families.pop()
    if family == "point":
        return "MULTIPOINT" if 4 in types else "POINT"
    return _SHAPE_TYPE[family]


def _has_m(frame: gpd.GeoDataFrame) -> tuple[bool, bool]:
    """(any Z, any M) among the geometries; M needs shapely ≥ 2.1 to be seen at all."""
    geoms = np.asarray(frame.geometry.array, dtype=object)
    has_z = bool(shapely.has_z(geoms).any()) if len(geoms) else False
    has_m = bool(shapely.has_m(geoms).any()) if len(geoms) and hasattr(shapely, "has_m") else False
    return has_z, has_m


def write_shapefile(frame: gpd.GeoDataFrame, path: Path, encoding: str | None = None
                    ) -> tuple[list[Path], list[str], dict[str, str]]:
    """Write ``frame`` as ``path`` (.shp) and its sidecars (GBK unless ``encoding`` says otherwise).

    Returns (files written, notes for the user, column → DBF field name for the renamed columns).
    """
    import pyogrio

    path = Path(path)
    encoding = normalise_encoding(encoding)
    if frame.geometry.name != "geometry":
        frame = frame.rename_geometry("geometry")
    shape_type = _shape_type(frame, path)
    columns = [c for c in frame.columns if c != "geometry"]
    names = dbf_field_names(columns, encoding)
    notes: list[str] = []
    renamed = {old: new for old, new in names.items() if old != new}
    if renamed:
        notes.append(tr("Shapefile field names hold at most 10 bytes in {encoding}, and FID and Shape are "
                        "ArcGIS's own; renamed: {list}").format(
            encoding=encoding, list="; ".join(f"{old} → {new}" for old, new in renamed.items())))
    notes += _check_text(frame, columns, encoding, path)
    out = frame.rename(columns=names)
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            times = series.dropna()
            if len(times) and (times.dt.normalize() != times).any():
                out[column] = series.dt.strftime("%Y-%m-%d %H:%M:%S").where(series.notna(), None)
                notes.append(tr("field '{field}' holds times of day, which a Shapefile date cannot; "
                                "written as text").format(field=column))
        elif pd.api.types.is_bool_dtype(series):
            out[column] = series.astype("Int64")
    has_z, has_m = _has_m(out)
    options: dict = {}
    if has_m and shape_type is not None:  # pyogrio's WKB path refuses M; its Arrow path needs the type named
        options = {"use_arrow": True, "layer_options": {"SHPT": shape_type + ("ZM" if has_z else "M")}}
    try:
        with atomic_file_set(path, SIDECARS, key=".shx") as staged:
            target = staged.folder / path.name
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                warnings.filterwarnings("ignore", "'crs' was not provided", UserWarning)  # a layer without CRS gets none, as meant
                pyogrio.write_dataframe(out, target, driver="ESRI Shapefile", encoding=encoding, **options)
            target.with_suffix(".cpg").write_text(CPG_TEXT[encoding], encoding="ascii")
            with target.with_suffix(".dbf").open("r+b") as fh:
                fh.seek(29)
                fh.write(bytes([LDID.get(encoding, 0)]))
    except (RuntimeError, ValueError) as exc:  # GDAL's refusals, as pyogrio raises them
        raise DataError(path, tr("cannot write the file ({detail})").format(detail=exc)) from None
    written = sorted(staged.installed)
    return written, notes, renamed
