"""Analysis results → report sheets (:class:`ecomap.io.report_tables.Sheet`), shared by the CLI and the GUI.

One function per analysis turns its result into the tables a county office files:
the screening's conclusion, rules, overlaps and distances; the overlap pairs and
their totals; the statistics per township; zonal statistics. Writing them is
:func:`ecomap.io.report_tables.write`.
"""

from __future__ import annotations

import pandas as pd

from ecomap.analysis import common
from ecomap.analysis.screening_rules import PROJECT_TYPES
from ecomap.io.report_tables import Sheet


def _coverage_text(result) -> str:
    from ecomap.analysis.screening import format_distance

    cov = result.coverage
    if cov is None or not cov.source:
        return "—"
    boundary = cov.boundary(True)
    if cov.inside_share <= 0:
        return f"{boundary}外，距{boundary} {format_distance(cov.distance_m)}"
    if cov.inside_share < 1:
        return f"{cov.inside_share:.2%} 位于{boundary}内"
    return f"{boundary}内"


def screening_sheets(result) -> list[Sheet]:
    area = result.footprint_area_m2
    towns = "、".join(f"{t.name}（{t.share:.2%}）" if len(result.townships) > 1 else t.name
                     for t in result.townships) or "—"
    summary = pd.DataFrame({
        "item": ["结论", "项目类型", "用地来源", "所在乡镇", "用地面积(平方米)", "用地面积(亩)", "用地面积(公顷)",
                 "约束图层覆盖范围", "临近提示距离(米)", "坐标系", "检查的约束图层"],
        "value": [result.conclusion_zh(), PROJECT_TYPES.get(result.project_type, (result.project_type,))[0],
                  result.footprint.source, towns, round(area, 2), round(area / common.SQM_PER_MU, 4),
                  round(area / common.SQM_PER_HECTARE, 4), _coverage_text(result),
                  round(result.warn_distance_m, 2),
                  result.footprint.crs.name if result.footprint.crs is not None else "",
                  "、".join(name for name, _ in result.checked)],
    })
    rules = pd.DataFrame([{"id": r.rule.id, "verdict": r.rule.verdict, "reason": r.text_zh(),
                           "basis": r.rule.basis, "layer": "、".join(r.layers)} for r in result.rules],
                         columns=["id", "verdict", "reason", "basis", "layer"])
    overlaps = pd.DataFrame([o.to_json() for o in result.overlaps],
                            columns=["layer", "constraint", "feature_id", "name", "type", "area_m2", "area_mu",
                                     "area_ha", "share", "rule", "verdict"])
    by_layer = pd.DataFrame([t.to_json() for t in result.by_layer],
                            columns=["layer", "constraint", "area_m2", "area_mu", "share", "feature_area_m2"])
    nearby = pd.DataFrame([n.to_json() for n in result.nearby],
                          columns=["layer", "constraint", "feature_id", "name", "type", "distance_m", "rule",
                                   "verdict"])
    nearest = pd.DataFrame([n.to_json() for n in result.nearest],
                           columns=["layer", "feature_id", "name", "type", "distance_m"])
    fp_geoms = [result.footprint.geometry]
    over_geoms = [o.geometry for o in result.overlaps]
    crs = result.footprint.crs
    return [
        Sheet("选址结论", summary, layer_name="summary"),
        Sheet("判定规则", rules, layer_name="rules"),
        Sheet("压占明细", overlaps, geometries=_in_crs(result, over_geoms) if over_geoms else None,
              crs=crs, layer_name="overlaps"),
        Sheet("压占汇总", by_layer, headers={"area_m2": "压占面积(平方米，重叠部分只计一次)",
                                            "area_mu": "压占面积(亩，重叠部分只计一次)"},
              layer_name="by_layer"),
        Sheet("临近提示", nearby, layer_name="nearby"),
        Sheet("最近距离", nearest, layer_name="nearest"),
        Sheet("项目用地", pd.DataFrame({"name": [result.footprint.source or "footprint"],
                                        "area_m2": [area]}), geometries=fp_geoms, crs=crs, layer_name="footprint"),
    ]


def _in_crs(result, geoms):
    """Overlap pieces (each in its constraint layer's CRS) in the footprint's CRS."""
    import numpy as np

    out = []
    for o, g in zip(result.overlaps, geoms):
        src = getattr(o, "crs", None)
        out.append(common.to_crs(np.array([g], dtype=object), src, result.footprint.crs)[0] if src else g)
    return np.array(out, dtype=object)


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
