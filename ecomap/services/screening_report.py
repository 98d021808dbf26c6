"""The site-screening report: a PDF (conclusion, map, the tables behind it) and its tables for XLSX/CSV/GPKG.

PDF: A4 portrait through QtGui's ``QPdfWriter`` (no widgets, so the CLI can write it):
title and project facts, the verdict in its colour, a map of the footprint over the
constraint layers with the overlaps hatched in red — drawn by the one render path,
:func:`ecomap.core.render.job.render_image`, at 200 dpi — then the rules that
decided, the overlaps (m², 亩, share of the footprint; per layer with overlapping
features counted once), the red lines and drinking-water zones within the warning
distance, and the nearest water features. A site outside the county the layers cover
says so in the conclusion (无法判定, with the distance). Text stays text (Qt embeds a
subset of the CJK font), and the file is written beside the target and moved into place whole.

Tables: :func:`screening_sheets` gives the same content as report sheets
(:class:`ecomap.io.report_tables.Sheet`) for :func:`ecomap.io.report_tables.write`.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ecomap.analysis import common
from ecomap.analysis.screening_rules import PROJECT_TYPES, VERDICT_COLORS
from ecomap.core.atomic import atomic_target
from ecomap.errors import DataError
from ecomap.i18n import language, tr
from ecomap.io.report_tables import Sheet

_DPI = 300
_MAP_DPI = 200
_MM = _DPI / 25.4


def _memory_layer(name: str, geoms, crs):
    """An in-memory VectorLayer (footprint, overlaps) the renderer can draw."""
    from ecomap.core.crs import CrsInfo, epsg_of
    from ecomap.core.layers import DataSource, VectorLayer

    frame = gpd.GeoDataFrame({"name": [name] * len(geoms)}, geometry=gpd.GeoSeries(list(geoms), crs=crs))
    epsg = epsg_of(crs)
    info = CrsInfo(declared_epsg=epsg, declared_wkt=None if epsg else (crs.to_wkt() if crs else None))
    return VectorLayer(name, frame, DataSource(Path(name)), info)


def map_image(result, layers=(), size_mm=(180.0, 120.0), dpi: int = _MAP_DPI):
    """The report map: ``layers`` (WorkspaceLayers) under the footprint and the overlaps."""
    from ecomap.core.default_styles import default_style_for
    from ecomap.core.map_settings import MapSettings, RenderLayer
    from ecomap.core.render.job import render_image
    from ecomap.core.style import SingleStyle, Symbol

    fp = result.footprint
    crs = fp.crs
    for wl in layers:
        lc = common.layer_crs(wl.layer)
        if lc is not None:
            crs = lc
            break
    geom = fp.in_crs(crs)
    minx, miny, maxx, maxy = geom.bounds
    pad = max(maxx - minx, maxy - miny) * 1.2 + 200.0
    extent = (minx - pad, miny - pad, maxx + pad, maxy + pad)
    entries = []
    for wl in layers:
        if wl.kind == "vector" and wl.geometry_type is not None:
            style = default_style_for(wl.layer, wl.theme_id)
            if _fields_of(style) - set(wl.layer.attribute_columns):  # e.g. a class joined in by another analysis
                style = default_style_for(wl.layer, None)
            entries.append(RenderLayer(wl.layer, style))
    pieces = [o.geometry for o in result.overlaps if o.geometry is not None]
    if pieces:
        # overlap geometries are in their constraint layer's CRS; bring them to the map's
        moved = [common.to_crs(np.array([o.geometry], dtype=object), o.crs, crs)[0]
                 for o in result.overlaps if o.geometry is not None]
        entries.append(RenderLayer(_memory_layer(tr("Overlap"), moved, crs),
                                  SingleStyle(symbol=Symbol(fill="#e5393580", stroke="#c62828ff",
                                                            stroke_width=0.3))))
    entries.append(RenderLayer(_memory_layer(tr("Footprint"), [geom], crs),
                              SingleStyle(symbol=Symbol(fill=None, stroke="#d50000ff", stroke_width=0.8))))
    w = round(size_mm[0] / 25.4 * dpi)
    h = round(size_mm[1] / 25.4 * dpi)
    settings = MapSettings(extent=extent, size=(w, h), dpi=dpi, crs=crs, layers=tuple(entries), labels=False)
    return render_image(settings)


def _fields_of(style) -> set[str]:
    names = {getattr(style, "field", "") or ""}
    labels = getattr(style, "labels", None)
    names.add(getattr(labels, "field", "") or "")
    return {n for n in names if n}


class _Pages:
    """Running text/table layout across pages."""

    def __init__(self, painter: QPainter, writer: QPdfWriter, family: str):
        self.p = painter
        self.writer = writer
        self.family = family
        rect = writer.pageLayout().paintRectPixels(_DPI)
        self.width = rect.width()
        self.height = rect.height()
        self.y = 0.0

    def font(self, pt: float, bold: bool = False) -> QFont:
        f = QFont(self.family)
        f.setPointSizeF(pt)
        f.setBold(bold)
        return f

    def need(self, height: float) -> None:
        if self.y + height > self.height:
            self.writer.newPage()
            self.y = 0.0

    def text(self, text: str, pt: float = 10, bold: bool = False, color: str = "#000000", gap: float = 2.0):
        self.p.setFont(self.font(pt, bold))
        self.p.setPen(QColor(color))
        rect = QRectF(0, 0, self.width, 10_000)
        bound = self.p.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
        self.need(bound.height())
        self.p.drawText(QRectF(0, self.y, self.width, bound.height()), int(Qt.TextFlag.TextWordWrap), text)
        self.y += bound.height() + gap * _MM

    def table(self, headers: list[str], rows: list[list[str]], widths: list[float], pt: float = 8.5):
        total = sum(widths)
        cols = [w / total * self.width for w in widths]
        pad = 1.2 * _MM
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignVCenter)

        def row_height(cells, bold):
            self.p.setFont(self.font(pt, bold))
            return max(self.p.boundingRect(QRectF(0, 0, c - 2 * pad, 10_000), flags, t).height()
                       for c, t in zip(cols, cells)) + 2 * pad

        def draw(cells, bold, fill=None):
            h = row_height(cells, bold)
            if self.y + h > self.height:
                self.writer.newPage()
                self.y = 0.0
                if not bold:
                    draw(headers, True, QColor("#eeeeee"))
            x = 0.0
            self.p.setFont(self.font(pt, bold))
            for c, t in zip(cols, cells):
                r = QRectF(x, self.y, c, h)
                if fill is not None:
                    self.p.fillRect(r, fill)
                self.p.setPen(QPen(QColor("#999999"), 0.5))
                self.p.drawRect(r)
                self.p.setPen(QColor("#000000"))
                self.p.drawText(r.adjusted(pad, pad, -pad, -pad), flags, t)
                x += c
            self.y += h

        draw(headers, True, QColor("#eeeeee"))
        for cells in rows:
            draw(cells, False)
        self.y += 3 * _MM


def _fmt(v: float, digits: int = 2) -> str:
    return "—" if v is None or not np.isfinite(v) else f"{v:,.{digits}f}"


def write_pdf(result, path, *, layers=(), title: str = "", with_map: bool = True) -> Path:
    """Write the screening report to ``path`` (.pdf)."""
    from ecomap.core.layout.text import pick_family
    from ecomap.core.render.job import ensure_gui_app

    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise DataError(path, tr("the report must be a .pdf file"))
    ensure_gui_app()
    image = map_image(result, layers) if with_map else None
    family = pick_family()

    with atomic_target(path, suffix=".pdf") as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(_DPI)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
        writer.setTitle(title or tr("Site screening report"))
        writer.setCreator("EcoMap")
        painter = QPainter(writer)
        try:
            _draw(painter, writer, family, result, image, title, PROJECT_TYPES)
        finally:
            painter.end()
        del painter, writer  # QPdfWriter closes the file when it is destroyed
    return path


def _draw(painter, writer, family, result, image, title, project_types) -> None:
    pages = _Pages(painter, writer, family)
    pages.text(title or tr("Site screening report"), 18, True, gap=3)
    area = result.footprint_area_m2
    zh, en = project_types.get(result.project_type, (result.project_type, result.project_type))
    towns = "、".join(f"{t.name} ({t.share:.1%})" if len(result.townships) > 1 else t.name
                     for t in result.townships) or "—"
    facts = [
        tr("Footprint: {source}").format(source=result.footprint.source or "—"),
        tr("Township: {names}").format(names=towns),
        tr("Project type: {type}").format(type=zh if language() == "zh_CN" else en),
        tr("Area: {m2} m² = {mu} mu = {ha} ha").format(m2=_fmt(area), mu=_fmt(area / common.SQM_PER_MU, 3),
                                                    ha=_fmt(area / common.SQM_PER_HECTARE, 4)),
        tr("Coordinate system: {crs}").format(crs=result.footprint.crs.name if result.footprint.crs else "—"),
        tr("Date: {date}").format(date=_dt.date.today().isoformat()),
    ]
    for line in facts:
        pages.text(line, 10, gap=0.8)
    pages.y += 2 * _MM
    pages.text(tr("Conclusion: {verdict}").format(verdict=result.conclusion()), 16, True,
               VERDICT_COLORS.get(result.verdict, "#000000"), gap=3)
    if image is not None and not image.isNull():
        h = pages.width * image.height() / image.width()
        pages.need(h)
        painter.drawImage(QRectF(0, pages.y, pages.width, h), image)
        painter.setPen(QPen(QColor("#666666"), 1))
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.drawRect(QRectF(0, pages.y, pages.width, h))
        pages.y += h + 4 * _MM
    pages.text(tr("Rules applied"), 12, True)
    pages.table([tr("Verdict"), tr("Reason"), tr("Basis"), tr("Layers")],
                [[r.rule.verdict, r.text(), r.rule.basis or "—", "、".join(r.layers) or "—"]
                 for r in result.rules], [1.2, 5, 2.2, 2])
    pages.text(tr("Overlaps"), 12, True)
    if result.overlaps:
        pages.table([tr("Layer"), tr("Feature"), tr("Name"), tr("Type"), tr("Area (m²)"), tr("Area (mu)"),
                     tr("Share"), tr("Verdict")],
                    [[o.layer, str(o.feature_id), o.name, o.type, _fmt(o.area_m2), _fmt(o.area_m2 / common.SQM_PER_MU, 3),
                      f"{o.share * 100:.2f}%", o.verdict] for o in result.overlaps],
                    [2, 1, 2.5, 1.8, 1.6, 1.4, 1.1, 1.1])
        for t in result.by_layer:
            if t.feature_area_m2 > t.area_m2 * (1 + 1e-9):
                pages.text(tr("{layer} in all: {area} m² = {mu} mu, {share} of the footprint (overlapping "
                              "features counted once)").format(layer=t.layer, area=_fmt(t.area_m2),
                                                              mu=_fmt(t.area_m2 / common.SQM_PER_MU, 3),
                                                              share=f"{t.share * 100:.2f}%"), 9)
    else:
        pages.text(tr("The footprint overlaps no constraint layer."), 10)
    pages.text(tr("Within {distance} of red lines and drinking-water zones").format(
        distance=_fmt(result.warn_distance_m, 1) + " m"), 12, True)
    if result.nearby:
        pages.table([tr("Layer"), tr("Feature"), tr("Name"), tr("Type"), tr("Distance (m)"), tr("Verdict")],
                    [[n.layer, str(n.feature_id), n.name, n.type or "—", _fmt(n.distance_m, 1), n.verdict]
                     for n in result.nearby], [2, 1, 3, 2, 1.5, 1.1])
    else:
        pages.text("—", 10)
    pages.text(tr("Nearest water features"), 12, True)
    if result.nearest:
        pages.table([tr("Layer"), tr("Feature"), tr("Name"), tr("Type"), tr("Distance (m)")],
                    [[n.layer, str(n.feature_id), n.name, n.type or "—", _fmt(n.distance_m, 1)]
                     for n in result.nearest], [2, 1, 3, 2, 1.5])
    else:
        pages.text("—", 10)
    checked = "、".join(name for name, _kind in result.checked) or "—"
    pages.text(tr("Constraint layers checked: {layers}").format(layers=checked), 8.5, color="#555555")
    pages.text(tr("Boundary contact without overlapping area is not counted as an overlap. "
                  "Areas and distances are ellipsoidal (CGCS2000)."), 8.5, color="#555555")


# ----------------------------------------------------------------------------- tables

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
    """The report as tables: conclusion, rules, overlaps (with geometry), totals, distances, the footprint."""
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
    out = []
    for o, g in zip(result.overlaps, geoms):
        src = getattr(o, "crs", None)
        out.append(common.to_crs(np.array([g], dtype=object), src, result.footprint.crs)[0] if src else g)
    return np.array(out, dtype=object)
