"""Rectification ledger: deadlines, overdue, counts by source and status, workflow (no Qt)."""

import pandas as pd
import pytest

from ecomap.domain.rectification import LedgerFilter, LedgerModel, ledger_export_frame


@pytest.fixture
def ledger():
    items = pd.DataFrame({
        "XH": [1, 2, 3, 4, 5, 6],
        "WTLY": ["中央第二轮督察", "中央第二轮督察", "省级督察", "省级督察", "信访交办", "省级督察"],
        "WTBH": ["A1", "A2", "B1", "B2", "C1", "B3"],
        "WTMS": ["矿坑未治理", "沉陷区积水", "养殖污染", "扬尘", "垃圾", "河道"],
        "XZMC": ["柳湾镇", "石窑镇", "城关镇", "城关镇", "石窑镇", "城关镇"],
        "ZGSX": ["2024-12-31", "2025-12-31", "2025-10-31", "2023-06-30", None, "2025-12-15"],
        "ZT": ["滞后", "整改中", "反弹", "已销号", "长期坚持", "整改中"],
        "WCL": [60, 10, 30, 100, None, 50],
    })
    return LedgerModel(items, "2025-11-30")


def test_days_left_and_overdue(ledger):
    t = ledger.table().set_index("code")
    assert t.loc["A1", "days_left"] == -334 and t.loc["A1", "overdue"]
    assert t.loc["B1", "overdue"]  # 反弹 is open work again
    assert not t.loc["B2", "overdue"]  # struck off: never overdue
    assert not t.loc["C1", "overdue"]  # no deadline
    assert t.loc["A2", "days_left"] == 31 and not t.loc["A2", "overdue"]
    assert t.loc["B3", "due_soon"] and not t.loc["A2", "due_soon"]


def test_counts_by_source_and_status(ledger):
    c = ledger.counts_by_source_status()
    assert list(c.index) == ["中央第二轮督察", "省级督察", "信访交办", "total"]
    assert list(c.columns) == ["整改中", "已销号", "滞后", "反弹", "长期坚持", "total", "overdue"]
    assert c.loc["省级督察", "整改中"] == 1 and c.loc["省级督察", "total"] == 3
    assert c.loc["省级督察", "overdue"] == 1 and c.loc["total", "overdue"] == 2
    assert c.loc["total", "total"] == 6
    assert ledger.counts_by_status()["未启动"] == 0 and ledger.summary()["overdue"] == 2


def test_filters(ledger):
    def codes(flt):
        return ledger.table()["code"].to_numpy()[ledger.mask(flt)].tolist()

    assert codes(LedgerFilter(overdue_only=True)) == ["A1", "B1"]
    assert codes(LedgerFilter(sources=frozenset({"省级督察"}), open_only=True)) == ["B1", "B3"]
    assert codes(LedgerFilter(statuses=frozenset({"整改中"}), townships=frozenset({"石窑镇"}))) == ["A2"]
    assert codes(LedgerFilter(text="积水")) == ["A2"]


def test_workflow_steps():
    assert LedgerModel.next_statuses("整改中") == ("已完成整改", "滞后", "长期坚持")
    assert LedgerModel.next_statuses("公示中") == ("已销号", "反弹")
    assert "整改中" in LedgerModel.revert_statuses("验收通过")
    assert "公示中" not in LedgerModel.revert_statuses("验收通过")


def test_export_frame_has_chinese_headers(ledger):
    out = ledger_export_frame(ledger, rows=[0, 3])
    assert list(out.columns)[:4] == ["序号", "问题来源", "问题编号", "问题描述"]
    assert out["是否逾期"].tolist() == ["是", "否"]
    assert out["距整改时限(天)"].tolist() == [-334, -884]
