"""Write a monthly water report (水质月报) as CSV or XLSX for Excel/WPS users.

What: one row per section under fixed Chinese headers, a blank row, then the
summary rows (监测月份, Ⅰ~Ⅲ类比例, 劣Ⅴ类比例, 达标率). The headers and cell
wording are a file format that county offices expect in Chinese, so they are
constants here, not UI strings.

Why atomic (:mod:`ecomap.core.atomic`): the file is written to a temporary file in
the target folder and moved over the target with ``os.replace``, so a crash or a full disk never
leaves a half-written report where the old one was. CSV is UTF-8 with a BOM so
that Excel and WPS detect the encoding.
"""

from __future__ import annotations

from pathlib import Path

from ecomap.core.atomic import atomic_target
from ecomap.domain import water_quality as wq
from ecomap.domain.water_report import SectionRow, WaterReport
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.cell_safety import CsvWriter, append_row

HEADERS = ("断面编码", "断面名称", "所在河流", "断面级别", "水质目标", "水质类别", "是否达标",
           "超标因子(超标倍数)", "备注")
SUMMARY_LABELS = ("Ⅰ~Ⅲ类比例", "劣Ⅴ类比例", "达标率")
MONTH_LABEL = "监测月份"
NOT_MEASURED = "—"
NOTE_NOT_MEASURED = "本月无监测数据，不参与统计"
NOTE_NO_VALUES = "本月无有效监测值，不参与统计"
NOTE_NO_TARGET = "无有效水质目标，不参与达标率统计"
FORMATS = (".csv", ".xlsx")


def failing_text(row: SectionRow) -> str:
    """"化学需氧量(0.25)、氨氮(1.50)": failing parameters with their exceedance ratios."""
    parts = []
    for e in row.failing:
        name = wq.PARAMETERS[e.parameter].name_zh
        parts.append(name if e.ratio is None else f"{name}({e.ratio:.2f})")
    return "、".join(parts)


def _note(row: SectionRow) -> str:
    if row.cls is None:
        return NOTE_NO_VALUES if row.has_sample else NOTE_NOT_MEASURED
    return NOTE_NO_TARGET if row.target is None else ""


def section_cells(row: SectionRow) -> list[str]:
    measured = row.cls is not None
    meets = "" if row.meets_target is None else ("是" if row.meets_target else "否")
    return [
        row.code, row.name or "", row.river or "", row.level or "", row.target or "",
        row.cls if measured else NOT_MEASURED, meets if measured else NOT_MEASURED,
        failing_text(row), _note(row),
    ]


def summary_values(report: WaterReport) -> list[tuple[str, float | None]]:
    return list(zip(SUMMARY_LABELS, (report.share_I_III, report.share_worse_V,
                                     report.compliance_rate)))


def _percent(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def write_csv(report: WaterReport, path) -> None:
    with atomic_target(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        w = CsvWriter(fh)
        w.writerow(HEADERS)
        for row in report.rows:
            w.writerow(section_cells(row))
        w.writerow([])
        w.writerow([MONTH_LABEL, report.month])
        for label, value in summary_values(report):
            w.writerow([label, _percent(value)])


def write_xlsx(report: WaterReport, path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = f"水质月报{report.month}"
    append_row(ws, list(HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in report.rows:
        append_row(ws, section_cells(row))
        if row.cls is not None:
            colour = wq.class_color(row.cls).lstrip("#").upper()
            ws.cell(ws.max_row, 6).fill = PatternFill("solid", fgColor=colour)
    append_row(ws, [])
    append_row(ws, [MONTH_LABEL, report.month])
    for label, value in summary_values(report):
        append_row(ws, [label, value if value is not None else "—"])
        if value is not None:
            ws.cell(ws.max_row, 2).number_format = "0.0%"
    for letter, width in zip("ABCDEFGHI", (14, 16, 12, 10, 10, 10, 10, 30, 30)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    with atomic_target(path) as tmp:
        wb.save(tmp)


def check_output_path(path) -> Path:
    """``path`` if it ends in .csv or .xlsx and its folder exists, else DataError."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise DataError(path, tr("unsupported output format \"{suffix}\"; use .csv or .xlsx")
                        .format(suffix=path.suffix or "—"))
    if not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise DataError(path, tr("the output folder does not exist"))
    return path


def write_report(report: WaterReport, path) -> Path:
    """Write ``report`` to ``path`` (.csv or .xlsx, chosen by the suffix)."""
    path = check_output_path(path)
    (write_csv if path.suffix.lower() == ".csv" else write_xlsx)(report, path)
    return path
