"""The rectification ledger (督察整改台账) as an XLSX workbook with Chinese headers.

Sheet 整改台账: one row per item under the ledger's Chinese column headers, overdue rows
filled light red, header frozen, widths fitted to CJK text. Sheet 分类统计: items by
问题来源 × 整改状态 with totals and the overdue count. Sheet 说明: reference date, export
time, filter, count. The file is written beside the target and moved into place whole.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import numpy as np
import pandas as pd

from ecomap.core.atomic import atomic_target
from ecomap.domain.rectification import LedgerModel, ledger_export_frame
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.cell_safety import append_row

OVERDUE_FILL = "FFD6D6"
STATUS_TOTAL = {"total": "合计", "overdue": "其中逾期"}


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))


def _cell(v):
    if v is None:
        return None
    if isinstance(v, float) and np.isnan(v):
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def write_ledger_xlsx(model: LedgerModel, path, rows=None, filter_text: str = "") -> Path:
    """Write the ledger (all items or the positional ``rows``) to ``path`` (.xlsx)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise DataError(path, tr("the ledger is exported as .xlsx"))
    if not path.parent.is_dir():
        raise DataError(path, tr("the output folder does not exist"))
    table = ledger_export_frame(model, rows)
    overdue = (table["是否逾期"] == "是").to_numpy()
    counts = model.counts_by_source_status(None if rows is None else np.isin(np.arange(len(model.table())), rows))
    counts = counts.rename(columns=STATUS_TOTAL, index={"total": "合计"})
    counts.index.name = "问题来源"
    info = {
        "参考日期": str(model.reference),
        "导出时间": _dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "问题数": len(table),
        "其中逾期": int(overdue.sum()),
        "筛选条件": filter_text or "全部",
    }
    with atomic_target(path) as tmp:
        _write(tmp, table, overdue, counts, info)
    return path


def _write(tmp: Path, table: pd.DataFrame, overdue: np.ndarray, counts: pd.DataFrame, info: dict) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=OVERDUE_FILL)
    append_row(ws, list(table.columns))
    for cell in ws[1]:
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for i, rec in enumerate(table.itertuples(index=False), start=2):
        append_row(ws, [_cell(v) for v in rec])
        if overdue[i - 2]:
            for cell in ws[i]:
                cell.fill = fill
    for j, header in enumerate(table.columns, start=1):
        sample = max([_width(v) for v in table[header].head(300).astype(str)] or [0])
        ws.column_dimensions[get_column_letter(j)].width = min(max(_width(header), sample) + 2, 50)
    ws.freeze_panes = "A2"

    ws2 = wb.create_sheet("分类统计")
    append_row(ws2, [counts.index.name, *map(str, counts.columns)])
    for cell in ws2[1]:
        cell.font = bold
    for name, rec in counts.iterrows():
        append_row(ws2, [str(name), *[int(v) for v in rec.to_numpy()]])
    ws2.column_dimensions["A"].width = 26
    ws2.freeze_panes = "B2"

    ws3 = wb.create_sheet("说明")
    append_row(ws3, ["项目", "内容"])
    for k, v in info.items():
        append_row(ws3, [k, v])
    ws3.column_dimensions["A"].width = 14
    ws3.column_dimensions["B"].width = 60
    wb.save(tmp)
