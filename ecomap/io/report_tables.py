"""Analysis results as files: CSV (UTF-8 with BOM), XLSX (one sheet per table) or GeoPackage.

A report is a list of :class:`Sheet` — a table with English column keys, the Chinese
headers county offices expect (file-format text, so constants here, not UI strings),
and optionally the geometry of each row. CSV puts the tables one after another under
their titles; XLSX gives each its own worksheet with shares formatted as percentages,
plus a 说明 sheet; GeoPackage writes each table as a layer (geometry where there is
one, an attribute table otherwise), with the Chinese headers as field aliases, and the
report's notes (how areas were measured, which pixels counted …) as a ``notes`` table.
Every file is written beside the target and moved into place whole
(:func:`ecomap.core.atomic.atomic_target`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ecomap.core.atomic import atomic_target
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.cell_safety import CsvWriter, append_row

FORMATS = (".csv", ".xlsx", ".gpkg")

#: Chinese header of each column key the analyses produce ({a}/{b}: the two layers' titles).
HEADERS_ZH: dict[str, str] = {
    "a_fid": "{a}要素ID", "a_name": "{a}名称", "b_fid": "{b}要素ID", "b_name": "{b}名称",
    "area_m2": "面积(平方米)", "area_mu": "面积(亩)", "area_ha": "面积(公顷)",
    "share_a": "占{a}比例", "share_b": "占{b}比例", "share": "占比", "length_m": "长度(米)", "length_km": "长度(千米)",
    "count": "数量", "unit_fid": "单元ID", "unit": "行政单元", "unit_area_m2": "单元面积(平方米)",
    "unit_area_ha": "单元面积(公顷)", "layer": "图层", "kind": "统计方式",
    "fid": "要素ID", "name": "名称", "nodata": "无效像元数", "sum": "总和", "mean": "均值",
    "median": "中位数", "min": "最小值", "max": "最大值", "std": "标准差",
    "count_before": "前期有效像元数", "mean_before": "前期NDVI均值", "median_before": "前期NDVI中位数",
    "count_after": "后期有效像元数", "mean_after": "后期NDVI均值", "median_after": "后期NDVI中位数",
    "change_mean": "NDVI均值变化", "change_median": "NDVI中位数变化", "recovered": "是否恢复",
    "slope_mean": "平均坡度(度)", "slope_max": "最大坡度(度)",
    "target_fid": "要素ID", "target_name": "名称", "source_fid": "最近要素ID", "source_name": "最近要素名称",
    "distance_m": "距离(米)", "constraint": "约束类型", "feature_id": "要素ID", "type": "类型",
    "rule": "规则", "verdict": "结论", "reason": "说明", "basis": "依据", "id": "规则编号",
    "item": "项目", "value": "内容",
    "feature_area_m2": "要素面积合计(平方米，重叠部分重复计)", "feature_area_mu": "要素面积合计(亩，重叠部分重复计)",
    "feature_area_ha": "要素面积合计(公顷，重叠部分重复计)", "few_pixels": "像元过少(均值不可靠)",
}
_PERCENT = {"share", "share_a", "share_b"}
_DECIMALS = {"area_m2": "0.00", "area_mu": "0.0000", "area_ha": "0.0000", "length_m": "0.00",
             "distance_m": "0.00", "unit_area_m2": "0.00", "unit_area_ha": "0.0000",
             "feature_area_m2": "0.00", "feature_area_mu": "0.0000", "feature_area_ha": "0.0000"}


@dataclass
class Sheet:
    """One table of a report."""

    title: str  # Chinese sheet / layer title
    frame: pd.DataFrame
    headers: dict[str, str] = field(default_factory=dict)  # key → header; HEADERS_ZH otherwise
    geometries: np.ndarray | None = None
    crs: object = None
    layer_name: str = ""  # GeoPackage layer name (ASCII), default from the title

    def header(self, key: str, a: str = "", b: str = "") -> str:
        text = self.headers.get(key) or HEADERS_ZH.get(key)
        if text is None:
            if "|" in str(key):  # stats wide tables: "layer|measure"
                layer, measure = str(key).split("|", 1)
                return f"{layer}{self.headers.get(measure) or HEADERS_ZH.get(measure, measure)}"
            return str(key)
        return text.format(a=a, b=b)


def check_output(path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise DataError(path, tr("unsupported output format \"{suffix}\"; use .csv, .xlsx or .gpkg")
                        .format(suffix=path.suffix or "—"))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DataError(path, tr("the output folder does not exist"))
    return path


def write(path, sheets: list[Sheet], *, a: str = "", b: str = "", info: dict | None = None) -> Path:
    """Write the sheets to ``path`` (.csv, .xlsx or .gpkg); ``a``/``b`` fill the layer titles in headers."""
    path = check_output(path)
    suffix = path.suffix.lower()
    # the temporary file keeps the real suffix: GDAL picks the GeoPackage format by it
    with atomic_target(path, suffix=suffix) as tmp:
        if suffix == ".csv":
            _write_csv(tmp, sheets, a, b, info)
        elif suffix == ".xlsx":
            _write_xlsx(tmp, sheets, a, b, info)
        else:
            if info:
                notes = pd.DataFrame({"item": list(info), "value": [str(v) for v in info.values()]})
                sheets = [*sheets, Sheet("说明", notes, layer_name="notes")]
            _write_gpkg(tmp, sheets, a, b)
    return path


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return "" if math.isnan(value) else float(value)
    if isinstance(value, (bool, np.bool_)):
        return "是" if value else "否"
    return value


def _write_csv(tmp: Path, sheets, a, b, info) -> None:
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        w = CsvWriter(fh)
        for k, sheet in enumerate(sheets):
            if len(sheets) > 1:
                if k:
                    w.writerow([])
                w.writerow([sheet.title])
            w.writerow([sheet.header(c, a, b) for c in sheet.frame.columns])
            for row in sheet.frame.itertuples(index=False):
                w.writerow([_cell(v) for v in row])
        if info:
            w.writerow([])
            for key, value in info.items():
                w.writerow([key, value])


def _sheet_name(name: str, taken: set[str]) -> str:
    for bad in "[]:*?/\\":
        name = name.replace(bad, "_")
    base = (name or "Sheet")[:28]
    out, k = base, 2
    while out in taken:
        out, k = f"{base}{k}", k + 1
    taken.add(out)
    return out


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))


def _write_xlsx(tmp: Path, sheets, a, b, info) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for sheet in sheets:
        ws = wb.create_sheet(_sheet_name(sheet.title, taken))
        keys = list(sheet.frame.columns)
        append_row(ws, [sheet.header(c, a, b) for c in keys])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for row in sheet.frame.itertuples(index=False):
            append_row(ws, [_cell(v) for v in row])
        for i, key in enumerate(keys, start=1):
            letter = get_column_letter(i)
            fmt = "0.00%" if key in _PERCENT or str(key).endswith("|share") else _DECIMALS.get(key)
            if fmt:
                for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = fmt
            sample = sheet.frame[key].head(200).map(lambda v: _width(_cell(v))).max() if len(sheet.frame) else 0
            ws.column_dimensions[letter].width = min(max(_width(ws.cell(1, i).value), int(sample or 0)) + 2, 60)
        ws.freeze_panes = "A2"
    if info:
        ws = wb.create_sheet(_sheet_name("说明", taken))
        append_row(ws, ["项目", "内容"])
        for key, value in info.items():
            append_row(ws, [key, str(value)])
        ws.column_dimensions["A"].width = 16
        ws.column_dimensions["B"].width = 70
    wb.save(tmp)


def _ascii_name(title: str, k: int, taken: set[str]) -> str:
    name = "".join(ch if ch.isascii() and (ch.isalnum() or ch == "_") else "" for ch in title) or f"table{k + 1}"
    out, n = name, 2
    while out in taken:
        out, n = f"{name}_{n}", n + 1
    taken.add(out)
    return out


def _write_gpkg(tmp: Path, sheets, a, b) -> None:
    import geopandas as gpd
    import pyogrio

    from ecomap.io.export import write_gpkg_aliases

    tmp.unlink(missing_ok=True)  # GDAL creates the GeoPackage itself
    aliases: dict[str, dict[str, str]] = {}
    taken: set[str] = set()
    for k, sheet in enumerate(sheets):
        name = sheet.layer_name or _ascii_name(sheet.title, k, taken)
        frame = sheet.frame.copy()
        frame.columns = [str(c).replace("|", "_") for c in frame.columns]
        for col in frame.columns:
            if frame[col].dtype == object:
                frame[col] = frame[col].map(lambda v: v if v is None or isinstance(v, str) else _cell(v))
        if sheet.geometries is not None:
            out = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(sheet.geometries, crs=sheet.crs,
                                                                  index=frame.index))
            out.to_file(tmp, layer=name, driver="GPKG", engine="pyogrio")
        else:
            pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG")
        aliases[name] = {str(c).replace("|", "_"): sheet.header(c, a, b) for c in sheet.frame.columns}
    write_gpkg_aliases(tmp, aliases)
