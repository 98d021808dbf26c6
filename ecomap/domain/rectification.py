"""The inspection rectification ledger (督察整改台账): status workflow, deadlines, counts.

What: :class:`LedgerModel` wraps the ``rectification_items`` table (fields found by
role), normalises statuses to the lifecycle (未启动 → 整改中 → 已完成整改 → 验收通过 →
公示中 → 已销号, side states 滞后 / 反弹 / 长期坚持), and computes per item the days
left to the deadline and whether it is overdue on the data's reference date (an open
item — 未启动/整改中/滞后/反弹 — past its 整改时限); it counts items by source and
status and filters them. :func:`ledger_export_frame` gives the table with the Chinese
headers the county's ledger uses (a file format, so fixed Chinese here).

No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ecomap.domain import fields as fl
from ecomap.domain import lifecycle as lc
from ecomap.domain import vocab

THEME = "rectification_items"
#: Days before the deadline from which an open item counts as due soon.
DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class LedgerFilter:
    sources: frozenset = frozenset()
    statuses: frozenset = frozenset()
    townships: frozenset = frozenset()
    categories: frozenset = frozenset()
    overdue_only: bool = False
    open_only: bool = False
    text: str = ""


@dataclass
class LedgerModel:
    items: pd.DataFrame
    reference_date: object = None
    layer_name: str = THEME
    roles: dict = field(init=False)

    def __post_init__(self):
        self.reference = fl.reference_day(self.reference_date)
        self.roles = fl.role_columns(self.items, THEME, self.layer_name)
        self._table: pd.DataFrame | None = None

    def invalidate(self) -> None:
        self._table = None

    def set_items(self, items: pd.DataFrame) -> None:
        self.items = items
        self._table = None

    def table(self) -> pd.DataFrame:
        """One row per item (index of ``items``): serial, source, code, description,
        township, category, responsible, person, deadline, status, progress, note,
        closed_date, project_code, days_left, overdue, due_soon, open."""
        if self._table is not None:
            return self._table
        f, r = self.items, self.roles
        status = fl.states(f, r, "status")
        deadline = fl.dates(f, r, "deadline")
        days_left = fl.days_between(deadline, np.full(len(f), self.reference))
        open_ = np.isin(status, lc.RECTIFICATION_OPEN)
        overdue = open_ & ~np.isnan(days_left) & (days_left < 0)
        due_soon = open_ & ~overdue & ~np.isnan(days_left) & (days_left <= DUE_SOON_DAYS)
        serial = fl.numbers(f, r, "serial")
        out = pd.DataFrame({
            "serial": serial, "source": fl.texts(f, r, "source"), "code": fl.texts(f, r, "code"),
            "description": fl.texts(f, r, "name"), "township": fl.texts(f, r, "township"),
            "category": fl.texts(f, r, "category"), "responsible": fl.texts(f, r, "responsible"),
            "person": fl.texts(f, r, "person"), "deadline": fl.texts(f, r, "deadline"),
            "status": status, "progress": fl.numbers(f, r, "progress"), "note": fl.texts(f, r, "note"),
            "closed_date": fl.texts(f, r, "closed_date"), "project_code": fl.texts(f, r, "project_code"),
            "days_left": days_left, "overdue": overdue, "due_soon": due_soon, "open": open_,
        }, index=f.index)
        self._table = out
        return out

    # ------------------------------------------------------------------ filters and counts

    def choices(self) -> dict[str, list[str]]:
        t = self.table()
        return {
            "source": fl.unique_in_order(t["source"], vocab.ISSUE_SOURCES),
            "status": fl.unique_in_order(t["status"], lc.RECTIFICATION.states),
            "township": fl.unique_in_order(t["township"]),
            "category": fl.unique_in_order(t["category"], vocab.ISSUE_CATEGORIES),
        }

    def mask(self, flt: LedgerFilter | None = None) -> np.ndarray:
        t = self.table()
        m = np.ones(len(t), dtype=bool)
        if flt is None:
            return m
        for key, values in (("source", flt.sources), ("status", flt.statuses),
                            ("township", flt.townships), ("category", flt.categories)):
            if values:
                m &= t[key].isin(values).to_numpy()
        if flt.overdue_only:
            m &= t["overdue"].to_numpy()
        if flt.open_only:
            m &= t["open"].to_numpy()
        text = flt.text.strip().lower()
        if text:
            hay = (t["code"] + " " + t["description"] + " " + t["responsible"] + " " + t["note"]).str.lower()
            m &= hay.str.contains(text, regex=False).to_numpy()
        return m

    def rows(self, flt: LedgerFilter | None = None) -> np.ndarray:
        return np.flatnonzero(self.mask(flt))

    def counts_by_status(self, mask: np.ndarray | None = None) -> dict[str, int]:
        """Items per status in workflow order (zeros included)."""
        t = self.table()
        s = t["status"] if mask is None else t["status"][np.asarray(mask, dtype=bool)]
        counts = s.value_counts()
        out = {k: int(counts.get(k, 0)) for k in lc.RECTIFICATION.states}
        for k, n in counts.items():
            if k not in out:
                out[k or "—"] = int(n)
        return out

    def counts_by_source_status(self, mask: np.ndarray | None = None) -> pd.DataFrame:
        """Sources (rows, known order first) × statuses (workflow order; only those that
        occur) with a total column and row, plus an overdue column."""
        t = self.table()
        if mask is not None:
            t = t[np.asarray(mask, dtype=bool)]
        statuses = fl.unique_in_order(t["status"], lc.RECTIFICATION.states)
        sources = fl.unique_in_order(t["source"], vocab.ISSUE_SOURCES)
        src = t["source"].replace("", "—")
        table = pd.crosstab(src, t["status"]).reindex(index=sources or [], columns=statuses, fill_value=0)
        table["total"] = table.sum(axis=1)
        table["overdue"] = t.groupby(src)["overdue"].sum().reindex(table.index, fill_value=0).astype(int)
        table.loc["total"] = table.sum(axis=0)
        return table.astype(int)

    def summary(self, mask: np.ndarray | None = None) -> dict[str, int]:
        t = self.table()
        if mask is not None:
            t = t[np.asarray(mask, dtype=bool)]
        return {"count": len(t), "open": int(t["open"].sum()), "overdue": int(t["overdue"].sum()),
                "due_soon": int(t["due_soon"].sum()),
                "closed": int((t["status"] == "已销号").sum())}

    # ------------------------------------------------------------------ workflow

    @staticmethod
    def next_statuses(status) -> tuple[str, ...]:
        """Statuses an item may move to in one ordinary step."""
        return lc.RECTIFICATION.next_states(status)

    @staticmethod
    def revert_statuses(status) -> tuple[str, ...]:
        """Earlier statuses reachable only by an explicit revert."""
        s = lc.normalize_state(status)
        return tuple(t for t in lc.RECTIFICATION.order
                     if lc.RECTIFICATION.can_advance(s, t, revert=True)
                     and not lc.RECTIFICATION.can_advance(s, t))


#: Column key → Chinese header of the exported ledger (a file format, fixed text).
EXPORT_HEADERS: dict[str, str] = {
    "serial": "序号", "source": "问题来源", "code": "问题编号", "description": "问题描述", "township": "乡镇",
    "category": "问题类别", "responsible": "责任单位", "person": "责任人", "deadline": "整改时限",
    "status": "整改状态", "progress": "完成率(%)", "days_left": "距整改时限(天)", "overdue_text": "是否逾期",
    "note": "进展说明", "closed_date": "销号日期", "project_code": "关联项目编号",
}


def ledger_export_frame(model: LedgerModel, rows=None) -> pd.DataFrame:
    """The ledger (all rows, or positional ``rows``) with Chinese headers, overdue as 是/否."""
    t = model.table()
    if rows is not None:
        t = t.iloc[np.asarray(rows, dtype=np.int64)]
    out = t.copy()
    out["overdue_text"] = np.where(out["overdue"], "是", "否")
    for key in ("serial", "days_left"):
        out[key] = pd.Series([None if np.isnan(v) else int(v) for v in out[key]], index=out.index, dtype=object)
    out = out[list(EXPORT_HEADERS)]
    return out.rename(columns=EXPORT_HEADERS).reset_index(drop=True)
