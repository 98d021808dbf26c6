"""Layers as tables: CSV (UTF-8 with BOM, for Excel and WPS) and XLSX (Chinese headers).

Geometry becomes coordinate columns for points — 经度/纬度 in a geographic CRS,
东坐标/北坐标 in a projected one, the names EcoMap's CSV reader (and people) take
unambiguously, where a bare "X" is a northing to a surveyor — or a WKT column for
lines and polygons. A CSV cannot say its coordinate system, so the export notes it.
XLSX headers use the field aliases (行政区名称 rather than XZQMC) unless asked not
to, with a second sheet 说明 stating the coordinate system, the source and the count.
The 说明 sheet starts with a 序号 number column so that GDAL's XLSX driver (and with
it QGIS) recognises its first row as the header: GDAL takes a first row for a header
only when the row below it holds something other than text.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io import cell_safety
from ecomap.io.cell_safety import CsvWriter, fit_frame_for_xlsx, text_cells_as_text

GEOMETRY_MODES = ("auto", "xy", "wkt", "none")
EXCEL_CELL_CHARS = cell_safety.EXCEL_CELL_CHARS


def _is_points(frame: gpd.GeoDataFrame) -> bool:
    geoms = np.asarray(frame.geometry.array, dtype=object)
    present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    return len(present) > 0 and bool((shapely.get_type_id(present) == 0).all())


def coordinate_names(crs: CRS | None) -> tuple[str, str]:
    return ("经度", "纬度") if crs is not None and crs.is_geographic else ("东坐标", "北坐标")


def geometry_mode(frame: gpd.GeoDataFrame, geometry: str = "auto") -> str:
    """The geometry columns a table gets: "xy" (points), "wkt" or "none"; "auto" picks xy for points."""
    if geometry not in GEOMETRY_MODES:
        raise DataError(None, tr("unknown geometry mode '{mode}'").format(mode=geometry))
    if geometry == "auto":
        return "xy" if _is_points(frame) else "wkt"
    if geometry == "xy" and not _is_points(frame):
        raise DataError(None, tr("X/Y columns need a point layer; use WKT for lines and polygons"))
    return geometry


def geometry_columns(crs: CRS | None, mode: str) -> tuple[str, ...]:
    """The names of the columns the geometry becomes in ``mode``."""
    if mode == "xy":
        return coordinate_names(crs)
    return ("WKT",) if mode == "wkt" else ()


def table_of(frame: gpd.GeoDataFrame, geometry: str = "auto", precision: int | None = None) -> pd.DataFrame:
    """Attributes plus geometry columns (see the module docstring)."""
    mode = geometry_mode(frame, geometry)
    attrs = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    if mode == "none":
        return attrs
    crs = frame.crs
    geoms = np.asarray(frame.geometry.array, dtype=object)
    if mode == "xy":
        xname, yname = coordinate_names(crs)
        digits = precision if precision is not None else (8 if crs is not None and crs.is_geographic else 3)
        x = np.round(shapely.get_x(geoms).astype(float), digits)
        y = np.round(shapely.get_y(geoms).astype(float), digits)
        attrs[xname] = x
        attrs[yname] = y
    else:
        attrs["WKT"] = shapely.to_wkt(geoms, rounding_precision=precision if precision is not None else -1)
    return attrs


def write_csv(frame: gpd.GeoDataFrame, path: Path, geometry: str = "auto", headers: dict | None = None) -> None:
    table = table_of(frame, geometry)
    if headers:
        table = table.rename(columns=headers)
    write_table_csv(table, path)


def write_table_csv(table: pd.DataFrame, path: Path) -> None:
    """A table as CSV (UTF-8 with BOM); text that a spreadsheet would take for a formula is
    written as text (:mod:`ecomap.io.cell_safety`)."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = CsvWriter(fh, date_format="%Y-%m-%d")
        writer.writerow(table.columns)
        # column by column, so that each value keeps its own type (float32 prints as float32)
        writer.writerows(zip(*(table.iloc[:, k].array for k in range(table.shape[1]))))


def write_table_xlsx(table: pd.DataFrame, path: Path, sheet: str = "") -> list[tuple[str, int]]:
    """A table as one XLSX sheet, text typed as text; the cells cut as :func:`write_xlsx` says."""
    table, cut = fit_frame_for_xlsx(_naive_times(table))
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        name = _sheet_name(sheet)
        table.to_excel(writer, sheet_name=name, index=False)
        text_cells_as_text(writer.sheets[name])
    return cut


def _naive_times(table: pd.DataFrame) -> pd.DataFrame:
    """Excel has no time zones."""
    zoned = [c for c in table.columns if isinstance(table[c].dtype, pd.DatetimeTZDtype)]
    if not zoned:
        return table
    table = table.copy()
    for column in zoned:
        table[column] = table[column].dt.tz_localize(None)
    return table


def _sheet_name(name: str) -> str:
    for bad in "[]:*?/\\":
        name = name.replace(bad, "_")
    return (name or "Sheet1")[:31]


def write_xlsx(frame: gpd.GeoDataFrame, path: Path, sheet: str = "", aliases: dict | None = None,
               geometry: str = "auto", info: dict | None = None) -> list[tuple[str, int]]:
    """``aliases``: field → header (Chinese). ``info``: rows of the 说明 sheet.

    Text cells are typed as text, never as formulas (:mod:`ecomap.io.cell_safety`). Returns
    the (header, Excel row) of each cell cut to the :data:`EXCEL_CELL_CHARS` characters an
    Excel cell holds (a county boundary's WKT often is longer).
    """
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    table = _naive_times(table_of(frame, geometry))
    headers = {c: (aliases or {}).get(c, c) for c in table.columns}
    seen: dict[str, int] = {}
    for c, h in headers.items():  # two fields with one alias keep apart
        if h in seen:
            headers[c] = f"{h}({c})"
        seen[h] = 1
    table = table.rename(columns=headers)
    table, cut = fit_frame_for_xlsx(table)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        name = _sheet_name(sheet)
        table.to_excel(writer, sheet_name=name, index=False)
        ws = writer.sheets[name]
        text_cells_as_text(ws)
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        for i, header in enumerate(table.columns, start=1):
            cell = ws.cell(row=1, column=i)
            cell.font = bold
            cell.alignment = Alignment(horizontal="center")
            sample = table[header].head(200).map(lambda v: _width(str(v))).max() if len(table) else 0
            width = max(_width(str(header)), min(int(sample or 0), 60)) + 2
            ws.column_dimensions[get_column_letter(i)].width = min(width, 62)
        if info:
            about = pd.DataFrame({"序号": range(1, len(info) + 1), "项目": list(info),
                                  "内容": [str(v) for v in info.values()]})
            about.to_excel(writer, sheet_name="说明", index=False)
            ws2 = writer.sheets["说明"]
            text_cells_as_text(ws2)
            ws2.column_dimensions["A"].width = 6
            ws2.column_dimensions["B"].width = 14
            ws2.column_dimensions["C"].width = 70
    return cut


def _width(text: str) -> int:
    """Excel column width: CJK characters count double."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def export_info(layer_name: str, crs: CRS | None, count: int, source: str = "") -> dict:
    from ecomap.core.crs import epsg_of
    from ecomap.core.layout.text import crs_description

    epsg = epsg_of(crs)
    return {"图层": layer_name, "要素数": count,
            "坐标系": (crs_description(crs.to_string()) if crs is not None else tr("unknown")),
            "坐标系代码": (f"EPSG:{epsg}" if epsg else (crs.to_wkt() if crs is not None else tr("unknown"))),
            "数据来源": source, "导出时间": _dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
            "导出软件": "EcoMap"}


def cut_cells_note(cut: list[tuple[str, int]], shown: int = 10) -> str:
    """What :func:`write_xlsx` cut, for the user: which field in which Excel row."""
    cells = ", ".join(tr("{field} row {row}").format(field=field, row=row) for field, row in cut[:shown])
    if len(cut) > shown:
        cells += ", …"
    return tr("{n} cells were cut to {limit} characters, the most an Excel cell holds ({cells}); use CSV or "
              "GeoPackage to keep the whole text (long WKT geometries)").format(
        n=len(cut), limit=EXCEL_CELL_CHARS, cells=cells)
