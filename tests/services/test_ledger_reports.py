"""The rectification ledger as XLSX, without a window: overdue rows filled, counts, notes, bad paths."""

import pandas as pd
import pytest
from openpyxl import load_workbook

from ecomap.domain.rectification import LedgerModel
from ecomap.errors import DataError
from ecomap.services.ledger_reports import OVERDUE_FILL, write_ledger_xlsx


@pytest.fixture
def ledger():
    items = pd.DataFrame({
        "XH": [1, 2, 3],
        "WTLY": ["中央第二轮督察", "省级督察", "省级督察"],
        "WTBH": ["A1", "B1", "B2"],
        "WTMS": ["矿坑未治理", "养殖污染", "扬尘"],
        "XZMC": ["柳湾镇", "城关镇", "城关镇"],
        "ZGSX": ["2024-12-31", "2026-10-31", "2023-06-30"],
        "ZT": ["滞后", "整改中", "已销号"],
        "WCL": [60, 10, 100],
    })
    return LedgerModel(items, "2025-11-30")


def test_workbook_marks_overdue_rows_and_counts_them(ledger, tmp_path):
    path = write_ledger_xlsx(ledger, tmp_path / "台账.xlsx", filter_text="全部乡镇")
    wb = load_workbook(path)
    assert wb.sheetnames == ["整改台账", "分类统计", "说明"]
    sheet = wb["整改台账"]
    headers = [c.value for c in sheet[1]]
    overdue = headers.index("是否逾期")
    filled = [(row[overdue].value, all(c.fill.fgColor.rgb.endswith(OVERDUE_FILL) for c in row))
              for row in sheet.iter_rows(min_row=2)]
    assert sorted(filled) == [("否", False), ("否", False), ("是", True)]
    counts = {row[0]: row[1:] for row in wb["分类统计"].iter_rows(values_only=True)}
    header = counts["问题来源"]
    assert counts["合计"][header.index("合计")] == 3 and counts["合计"][header.index("其中逾期")] == 1
    notes = dict(wb["说明"].iter_rows(min_row=2, values_only=True))
    assert notes["问题数"] == 3 and notes["筛选条件"] == "全部乡镇" and notes["参考日期"] == "2025-11-30"


def test_chosen_rows_only(ledger, tmp_path):
    path = write_ledger_xlsx(ledger, tmp_path / "b.xlsx", rows=[1, 2])
    codes = [row[2] for row in load_workbook(path)["整改台账"].iter_rows(min_row=2, values_only=True)]
    assert sorted(codes) == ["B1", "B2"]


def test_bad_paths_are_clear_errors_and_write_nothing(ledger, tmp_path):
    with pytest.raises(DataError, match="xlsx"):
        write_ledger_xlsx(ledger, tmp_path / "台账.csv")
    with pytest.raises(DataError, match="folder"):
        write_ledger_xlsx(ledger, tmp_path / "missing" / "台账.xlsx")
    assert list(tmp_path.iterdir()) == []
