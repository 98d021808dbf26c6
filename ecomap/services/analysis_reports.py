"""Analysis results → report sheets (:class:`ecomap.io.report_tables.Sheet`), shared by the CLI and the GUI.

One function per analysis turns its result into the tables a county office files: the
overlap pairs and their totals, the statistics per township, zonal statistics (the
screening's are in :mod:`ecomap.services.screening_report`). Writing them is
:func:`ecomap.io.report_tables.write`.
"""

from __future__ import annotations

import pandas as pd

from ecomap.io.report_tables import Sheet


def overlay_sheets(result, summary: bool = True, details: bool = True, dissolve_overlaps: bool = True) -> list[Sheet]:
    sheets = []
    if details:
        sheets.append(Sheet("重叠明细", result.table, geometries=result.geometries, crs=result.crs,
                            layer_name="overlaps"))
    if summary:
        sheets.append(Sheet("汇总", result.summary(dissolve_overlaps=dissolve_overlaps), layer_name="summary"))
    return sheets


STATS_NOTES = {
    "面积": "图层要素覆盖的土地面积：同一图层内重叠的要素先合并（重叠部分只计一次），再与行政单元相交；"
            "占比 = 覆盖面积 / 单元面积，不超过 100%",
    "要素面积合计": "各要素在单元内面积之和，重叠部分重复计（与台账逐条相加一致）",
    "面积算法": "椭球面积（按图层坐标系所在椭球，CGCS2000 即 GRS80 椭球）",
}


def stats_sheets(result) -> list[Sheet]:
    return [Sheet("分乡镇统计", result.wide(), layer_name="by_unit"),
            Sheet("明细", result.table, layer_name="details")]


def zonal_notes(table: pd.DataFrame) -> dict[str, str]:
    """The pixel rule and the few-pixel warning of a zonal table (:func:`ecomap.analysis.zonal.notes_zh`)."""
    from ecomap.analysis import zonal

    return zonal.notes_zh(table)


def table_sheet(title: str, frame: pd.DataFrame, layer_name: str = "results", geometries=None, crs=None) -> Sheet:
    return Sheet(title, frame, geometries=geometries, crs=crs, layer_name=layer_name)
