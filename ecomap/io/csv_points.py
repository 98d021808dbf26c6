"""Reader for CSV (and tab/semicolon-separated) tables with point coordinates.

Who writes these: field staff with GPS units and Excel, survey contractors, monitoring
stations. So the columns may be 经度/纬度, lon/lat, X/Y (Chinese surveying: X is often
the northing), 东坐标/北坐标, E/N, 横坐标/纵坐标, with units in the header ("经度(°)");
longitudes may be decimal or degree-minute-second text (108°12'30.5"E, 108度12分30.5秒,
108:12:30.5, N37°05'10"); the file may be GBK. A CSV never declares its CRS, so the
CRS is always *assumed* (with the reason), and rows whose coordinates cannot be read
are kept with no geometry and reported, never dropped.

Parsing is column-wise (pandas string methods, one regex extraction per column).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ecomap.core.crs import CrsInfo
from ecomap.core.layers import DataSource, VectorLayer
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.crs_detect import (
    CGCS2000_GEOGRAPHIC,
    infer_from_bounds,
    longitude_values_in_0_360,
)
from ecomap.io.text_encoding import read_text

_DELIMITERS = (",", "\t", ";", "，", "|")
#: how many row numbers a note lists before "…"
MAX_ROWS_LISTED = 10
#: largest table (rows × columns) read: parsed as text, a cell costs some 100 bytes of memory
MAX_CELLS = 50_000_000

#: coordinate column pairs, in order of preference: (kind, x names, y names)
_PAIRS = (
    (
        "lonlat",
        {"经度", "东经", "lon", "lng", "long", "longitude", "longitud"},
        {"纬度", "北纬", "lat", "latitude"},
    ),
    (
        "en",
        {"东坐标", "e", "east", "easting", "东", "东向坐标"},
        {"北坐标", "n", "north", "northing", "北", "北向坐标"},
    ),
    (
        "xy",
        {"x", "x坐标", "坐标x", "xcoord", "xcoordinate", "pointx", "x值"},
        {"y", "y坐标", "坐标y", "ycoord", "ycoordinate", "pointy", "y值"},
    ),
    ("xy", {"横坐标"}, {"纵坐标"}),
)

_DMS = re.compile(
    r"""^(?P<h1>[NSEW]|北纬|南纬|东经|西经)?\s*
    (?P<sign>[-+])?
    (?P<d>\d+(?:\.\d+)?)\s*
    (?:(?:°|度|:|d|\s)\s*
       (?:(?P<m>\d+(?:\.\d+)?)\s*(?:'|′|’|分|:|m|\s)?\s*
          (?:(?P<s>\d+(?:\.\d+)?)\s*(?:"|″|”|′′|''|秒)?)?
       )?
    )?\s*
    (?P<h2>[NSEW]|北|南|东|西)?$""",
    re.VERBOSE | re.IGNORECASE,
)
_NEGATIVE_HEMISPHERES = {"S", "W", "南纬", "西经", "南", "西"}


def read(path: Path) -> list[VectorLayer]:
    """Read a delimited text table with coordinates into one point layer."""
    path = Path(path)
    text, encoding = read_text(path)
    lines = text.splitlines()
    delimiter = _sniff_delimiter(lines)
    header_index, pair = _find_header(lines, delimiter)
    if pair is None:
        raise _no_coordinates(path, _split(lines[header_index] if lines else "", delimiter))
    header = _split(lines[header_index], delimiter)
    if (len(lines) - header_index) * len(header) > MAX_CELLS:
        raise DataError(path, tr("the table has {rows:,} rows of {columns:,} columns, more than the {limit:,} "
                                 "cells EcoMap reads from a CSV; keep only the columns needed")
                        .format(rows=len(lines) - header_index - 1, columns=len(header), limit=MAX_CELLS))
    table = _read_table(path, "\n".join(lines[header_index:]), delimiter, header_index + 1)
    pair = _match_pair(list(table.columns))  # the header as the table parser read it
    if pair is None:
        raise _no_coordinates(path, list(table.columns))
    kind, x_col, y_col = pair[0], table.columns[pair[1]], table.columns[pair[2]]
    first_row = header_index + 2  # spreadsheet row number of the first data row

    notes: list[str] = []
    geographic = kind == "lonlat"
    x = _parse_coordinates(table[x_col], geographic)
    y = _parse_coordinates(table[y_col], geographic)
    ok = np.isfinite(x) & np.isfinite(y)
    wrapped = geographic and longitude_values_in_0_360(x[ok])
    if wrapped:
        x = np.where(x > 180, x - 360, x)
        notes.append(tr("longitudes are given as 0–360°; those east of 180° were moved by −360° "
                        "into the −180…180° range"))
    if geographic:
        ok &= (np.abs(x) <= 180) & (np.abs(y) <= 180)
    crs_info, x, y = _decide_crs(kind, x_col, y_col, x, y, ok, notes)
    if wrapped:
        crs_info = replace(crs_info, longitudes_wrapped=True)
    if geographic:
        ok &= np.abs(y) <= 90
    bad = np.flatnonzero(~ok)
    if len(bad):
        rows = ", ".join(str(r + first_row) for r in bad[:MAX_ROWS_LISTED])
        more = "…" if len(bad) > MAX_ROWS_LISTED else ""
        notes.append(
            tr(
                "rows with missing or unreadable coordinates, kept without geometry: {n} "
                "(rows {rows}{more})"
            ).format(n=len(bad), rows=rows, more=more)
        )

    geoms = np.full(len(table), None, dtype=object)
    geoms[ok] = shapely.points(x[ok], y[ok])
    frame = _typed(table, {x_col, y_col})
    crs = crs_info.crs()
    features = gpd.GeoDataFrame(
        frame, geometry=gpd.GeoSeries(geoms, index=frame.index, crs=crs), crs=crs
    )
    return [
        VectorLayer(
            name=path.stem,
            features=features,
            source=DataSource(path),
            crs_info=crs_info,
            encoding=encoding,
            notes=notes,
            metadata={
                "format": "csv",
                "delimiter": delimiter,
                "x_column": x_col,
                "y_column": y_col,
            },
        )
    ]


def _no_coordinates(path: Path, columns: list[str]) -> DataError:
    listed = ", ".join(map(str, columns))
    listed = listed if len(listed) <= 300 else listed[:300] + "…"
    return DataError(path, tr("no coordinate columns found (expected X/Y, 经度/纬度, lon/lat, E/N …); "
                              "columns: {columns}").format(columns=listed))


# --------------------------------------------------------------------------- table


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a field beyond the csv module's size limit: good enough for finding the header
        return line.split(delimiter)


def _sniff_delimiter(lines: list[str]) -> str:
    """The candidate that splits the first lines into the same, largest number of fields."""
    sample = [line for line in lines[:50] if line.strip()]
    best, best_score = ",", (0.0, 0)
    for delimiter in _DELIMITERS:
        counts = [len(_split(line, delimiter)) for line in sample]
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        mode = max(set(multi), key=multi.count)
        score = (multi.count(mode) / len(sample), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _normalise_name(name: str) -> str:
    """'经度(°)' → '经度', ' Longitude [deg] ' → 'longitude', 'POINT_X' → 'pointx'."""
    name = re.sub(r"[(（\[【{].*?[)）\]】}]", "", str(name))
    name = re.sub(r"[\s_\-./·:：]", "", name).lower()
    return re.sub(r"[°米]$", "", name)


def _match_pair(names: list[str]) -> tuple[str, int, int] | None:
    normalised = [_normalise_name(n) for n in names]
    for kind, xs, ys in _PAIRS:
        xi = next((i for i, n in enumerate(normalised) if n in xs), None)
        yi = next((i for i, n in enumerate(normalised) if n in ys), None)
        if xi is not None and yi is not None and xi != yi:
            return kind, xi, yi
    return None


def _find_header(lines: list[str], delimiter: str) -> tuple[int, tuple[str, int, int] | None]:
    """The header is the first line (of the first ten) that names a coordinate pair; a title
    line above it is skipped."""
    candidates = [i for i, line in enumerate(lines[:10]) if line.strip()]
    for i in candidates:
        pair = _match_pair(_split(lines[i], delimiter))
        if pair is not None:
            return i, pair
    return (candidates[0] if candidates else 0), None


def _read_table(path: Path, text: str, delimiter: str, first_line: int) -> pd.DataFrame:
    try:
        table = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            skipinitialspace=True,
            engine="c" if len(delimiter.encode()) == 1 else "python",
        )
    except pd.errors.ParserError as exc:
        # pandas counts lines from the header; report file line numbers
        reason = re.sub(
            r"line (\d+)", lambda m: f"line {int(m.group(1)) + first_line - 1}", str(exc).strip()
        )
        raise DataError(
            path, tr("the table is malformed: {reason}").format(reason=reason)
        ) from None
    except pd.errors.EmptyDataError:
        raise DataError(path, tr("the file holds no table")) from None
    except csv.Error as exc:  # the Python engine (multi-byte delimiters) and its csv module's limits
        raise DataError(path, tr("the table is malformed: {reason}").format(reason=exc)) from None
    table = table.fillna("")  # short rows
    table.columns = [str(c).strip() for c in table.columns]
    if len(table) == 0:
        raise DataError(path, tr("the table has a header but no rows"))
    return table


def _typed(table: pd.DataFrame, keep_text: set[str]) -> pd.DataFrame:
    """Columns whose every non-blank value is a number become numeric; codes with leading
    zeros and long digit strings (IDs) stay text; coordinate columns holding DMS stay text.

    The string operations run once over all cells (column after column in one Series),
    so a table of 20,000 columns costs what a table of 20,000 rows does.
    """
    rows, names = len(table), list(table.columns)
    text = pd.Series(table.to_numpy(dtype=object).ravel(order="F")).astype(str).str.strip()
    blank = (text == "").to_numpy()
    numbers = pd.to_numeric(text.where(~blank), errors="coerce").to_numpy(dtype=float)
    digits = text.str.lstrip("+-")
    code = (digits.str.match(r"0\d") | (digits.str.len() > 15)).to_numpy(dtype=bool) & ~blank
    by_column = (-1, rows)  # the flat arrays, one row per column
    blank_c, code_c = blank.reshape(by_column), code.reshape(by_column)
    number_c = numbers.reshape(by_column)
    numeric = ~blank_c.all(axis=1) & (blank_c | ~np.isnan(number_c)).all(axis=1) & ~code_c.any(axis=1)
    with np.errstate(invalid="ignore"):
        whole = (np.mod(number_c, 1) == 0) & (np.abs(number_c) < 2.0 ** 53)
        integral = (blank_c | whole).all(axis=1)
    cells = text.to_numpy(dtype=object).reshape(by_column)
    out = {}
    for j, name in enumerate(names):
        if numeric[j] and integral[j]:
            out[name] = pd.arrays.IntegerArray(np.where(blank_c[j], 0, number_c[j]).astype(np.int64), blank_c[j])
        elif numeric[j]:
            out[name] = number_c[j]
        elif name in keep_text or not blank_c[j].any():
            out[name] = cells[j]
        else:
            out[name] = np.where(blank_c[j], None, cells[j])
    return pd.DataFrame(out, index=table.index)


# --------------------------------------------------------------------------- coordinates


def _parse_coordinates(column: pd.Series, geographic: bool) -> np.ndarray:
    """Decimal numbers, else degree-minute-second text; NaN where unreadable.

    In columns not named as longitude/latitude, DMS text must carry a degree mark, so
    that "38 383 243" is never read as degrees, minutes and seconds."""
    text = (
        column.astype(str).str.replace(r"[º˚]", "°", regex=True).str.normalize("NFKC").str.strip()
    )
    values = pd.to_numeric(text.where(text != ""), errors="coerce").to_numpy(dtype=float, copy=True)
    todo = np.isnan(values) & (text != "").to_numpy()
    if todo.any():
        values[todo] = _parse_dms(text[todo], require_mark=not geographic)
    return values


def _parse_dms(text: pd.Series, require_mark: bool) -> np.ndarray:
    parts = text.str.extract(_DMS)
    degrees = pd.to_numeric(parts["d"], errors="coerce")
    minutes = pd.to_numeric(parts["m"], errors="coerce").fillna(0.0)
    seconds = pd.to_numeric(parts["s"], errors="coerce").fillna(0.0)
    value = degrees + minutes / 60.0 + seconds / 3600.0
    hemisphere = parts["h1"].fillna(parts["h2"]).fillna("").str.upper()
    negative = hemisphere.isin(_NEGATIVE_HEMISPHERES) | (parts["sign"] == "-")
    value = value.where(~negative, -value)
    # minutes and seconds must stay below 60; a whole-degree part with minutes must be integral
    sane = (minutes <= 60) & (seconds <= 60) & ((parts["m"].isna()) | (degrees % 1 == 0))
    if require_mark:
        sane &= text.str.contains("[°度]")
    return value.where(sane).to_numpy(dtype=float)


def _decide_crs(kind, x_col, y_col, x, y, ok, notes) -> tuple[CrsInfo, np.ndarray, np.ndarray]:
    """Always assumed: a CSV declares no CRS. Swapped axes are detected and undone."""
    if not ok.any():
        return CrsInfo(reason=tr("no row has readable coordinates")), x, y
    bounds = (x[ok].min(), y[ok].min(), x[ok].max(), y[ok].max())
    inference = infer_from_bounds(bounds)
    if inference.swapped and inference.epsg is not None:
        x, y = y, x
        if inference.epsg == CGCS2000_GEOGRAPHIC:
            notes.append(
                tr("column {x} holds latitudes and {y} longitudes; they were swapped").format(
                    x=x_col, y=y_col
                )
            )
        else:
            notes.append(
                tr(
                    "column {x} holds the northing and {y} the easting (Chinese survey "
                    "convention); they were swapped"
                ).format(x=x_col, y=y_col)
            )
    if kind == "lonlat":
        reason = tr(
            "columns {x}/{y} hold longitude/latitude; a CSV declares no coordinate system, "
            "assuming CGCS2000 (EPSG:4490)"
        ).format(x=x_col, y=y_col)
        return (
            CrsInfo(
                assumed_epsg=CGCS2000_GEOGRAPHIC, reason=reason, swapped_axes=inference.swapped
            ),
            x,
            y,
        )
    return (
        CrsInfo(
            assumed_epsg=inference.epsg,
            reason=inference.reason,
            swapped_axes=inference.swapped and inference.epsg is not None,
        ),
        x,
        y,
    )
