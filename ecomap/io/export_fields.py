"""Field names an export target can hold: names it reserves are renamed, and every rename is reported.

Each format keeps some names for itself, and an attribute of the same name either
breaks the write or is hidden behind the format's own field when the file is opened:

============ ==========================================================================
GeoPackage   ``fid`` is the primary key GDAL writes: a column of that name stays the
             key when it holds unique integers and no missing value, and is renamed
             otherwise (GDAL refuses the layer or the insert fails); ``geom`` is the
             geometry column
Shapefile    ``FID`` and ``Shape`` are the record number and geometry ArcGIS shows for
             every Shapefile (it refuses fields of those names); DBF names are cut to 10
             bytes in :mod:`ecomap.io.shapefile_writer`
KML / KMZ    the placemark fields GDAL's LIBKML and KML drivers add to every layer
             (id, Name, description, timestamp, begin, end, altitudeMode, …), except
             the columns written as the placemark's own name and description
CSV / Excel  the coordinate columns the export adds (经度/纬度, 东坐标/北坐标, WKT)
============ ==========================================================================

Names are compared ignoring case, as SQLite, dBASE and GDAL's field lookup do. A
clashing column becomes ``name_1`` (``_2`` … when that is taken too).
"""

from __future__ import annotations

import pandas as pd

from ecomap.i18n import tr

GPKG_RESERVED = ("fid", "geom")
SHAPEFILE_RESERVED = ("FID", "Shape")
KML_RESERVED = ("id", "name", "description", "timestamp", "begin", "end", "altitudeMode", "tessellate",
                "extrude", "visibility", "drawOrder", "icon", "snippet")


def unique_name(base: str, taken: set[str]) -> str:
    """``base_1``, ``base_2`` … — the first not in ``taken`` (lower-case names)."""
    n = 1
    while f"{base}_{n}".lower() in taken:
        n += 1
    return f"{base}_{n}"


def rename_reserved(columns, reserved, keep=()) -> dict[str, str]:
    """Old → new name for each column whose name is in ``reserved`` (ignoring case), except ``keep``."""
    reserved_lower = {r.lower() for r in reserved}
    taken = {str(c).lower() for c in columns} | reserved_lower
    renames: dict[str, str] = {}
    for column in columns:
        if column in keep or str(column).lower() not in reserved_lower:
            continue
        new = unique_name(str(column), taken)
        taken.add(new.lower())
        renames[column] = new
    return renames


def gpkg_key_is_usable(series: pd.Series) -> bool:
    """Whether GDAL can write ``series`` as a GeoPackage's ``fid`` primary key."""
    return (pd.api.types.is_integer_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype)
            and not series.isna().any() and series.is_unique)


def gpkg_renames(frame) -> dict[str, str]:
    """Renames a frame needs before GDAL writes it to a GeoPackage."""
    columns = [c for c in frame.columns if c != frame.geometry.name]
    keep = [c for c in columns if str(c).lower() == "fid" and gpkg_key_is_usable(frame[c])]
    return rename_reserved(columns, GPKG_RESERVED, keep=keep[:1])


def kml_renames(frame, consumed=()) -> dict[str, str]:
    """Renames for KML ExtendedData; ``consumed``: columns written as the placemark's own name/description."""
    columns = [c for c in frame.columns if c != frame.geometry.name]
    return rename_reserved(columns, KML_RESERVED, keep=consumed)


def renames_note(format_name: str, renames: dict[str, str]) -> str:
    """The note telling the user which fields were renamed and why."""
    pairs = "; ".join(f"{old} → {new}" for old, new in renames.items())
    return tr("field names {format} reserves or cannot hold were renamed: {list}").format(
        format=format_name, list=pairs)
