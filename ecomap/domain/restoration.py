"""Restoration projects (生态修复项目): filters, summaries, schedule, history, linked items.

What: :class:`RestorationModel` wraps the projects table (any frame with the
``restoration_projects`` theme's fields, found by role), the stage history
(``restoration_history``) and the rectification items, and answers the officer's
questions against the data's reference date: which projects are late, how much money
is still to be spent, how much area is restored, how each project stands against its
schedule (序时进度: linear from planned start to planned completion).

Why a plain object: the panel, a report or a test ask the same questions; the Qt
panel only shows the answers. Everything is computed vectorised, once per data change
(:meth:`RestorationModel.table`).

No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ecomap.domain import fields as fl
from ecomap.domain import lifecycle as lc
from ecomap.domain import vocab

THEME = "restoration_projects"
HISTORY_THEME = "restoration_history"
#: Progress points below the schedule from which an active project counts as behind.
BEHIND_TOLERANCE = 10.0

#: Schedule states (keys; the panel translates them).
SCHEDULE_STATES = ("done", "terminated", "suspended", "not_due", "late_start", "overdue", "behind", "on_track")


@dataclass(frozen=True)
class ProjectFilter:
    """Which projects to show; empty sets mean "any"."""

    townships: frozenset = frozenset()
    stages: frozenset = frozenset()
    types: frozenset = frozenset()
    funding: frozenset = frozenset()
    overdue_only: bool = False
    behind_only: bool = False
    text: str = ""


@dataclass
class RestorationSummary:
    count: int
    by_stage: dict[str, int]
    planned_investment: float  # 万元
    completed_investment: float
    remaining_investment: float  # money still to spend on open projects (not finished or terminated)
    area_ha: float
    area_restored_ha: float  # projects finished (竣工/验收)
    overdue: int
    behind: int
    late_start: int

    @property
    def investment_share(self) -> float | None:
        return None if self.planned_investment <= 0 else self.completed_investment / self.planned_investment


@dataclass
class RestorationModel:
    """Projects + history + rectification items, judged on ``reference_date``."""

    projects: pd.DataFrame
    history: pd.DataFrame | None = None
    items: pd.DataFrame | None = None
    reference_date: object = None
    layer_name: str = THEME
    roles: dict = field(init=False)
    history_roles: dict = field(init=False)
    item_roles: dict = field(init=False)

    def __post_init__(self):
        self.reference = fl.reference_day(self.reference_date)
        self.roles = fl.role_columns(self.projects, THEME, self.layer_name)
        self.history_roles = (fl.role_columns(self.history, HISTORY_THEME)
                              if self.history is not None else {})
        self.item_roles = (fl.role_columns(self.items, "rectification_items")
                           if self.items is not None else {})
        self._table: pd.DataFrame | None = None

    # ------------------------------------------------------------------ the computed table

    def invalidate(self) -> None:
        """Call after the projects frame changed (an edit) so :meth:`table` recomputes."""
        self._table = None

    def set_projects(self, projects: pd.DataFrame) -> None:
        self.projects = projects
        self._table = None

    def table(self) -> pd.DataFrame:
        """One row per project (same index as ``projects``) with the computed columns:

        code, name, type, township, funding, stage, area_ha, planned, done, remaining,
        progress, planned_progress, gap, planned_start, planned_end, actual_start,
        actual_end, overdue, days_overdue, late_start, behind, schedule.
        """
        if self._table is not None:
            return self._table
        f, r = self.projects, self.roles
        ref = self.reference
        stage = fl.states(f, r, "stage")
        ps, pe = fl.dates(f, r, "planned_start"), fl.dates(f, r, "planned_end")
        as_, ae = fl.dates(f, r, "actual_start"), fl.dates(f, r, "actual_end")
        progress = fl.numbers(f, r, "progress")
        planned, done = fl.numbers(f, r, "investment_planned"), fl.numbers(f, r, "investment_done")
        completed = np.isin(stage, lc.RESTORATION_COMPLETED)
        terminated = stage == "终止"
        suspended = stage == "暂缓"
        not_started = np.isin(stage, ("储备", "前期", ""))
        active = np.isin(stage, lc.RESTORATION_ACTIVE)

        planned_progress = schedule_progress(ps, pe, ref)
        gap = progress - planned_progress
        open_ = ~(completed | terminated)
        overdue = open_ & ~np.isnat(pe) & (pe < ref)
        days_overdue = np.where(overdue, fl.days_between(np.full(len(f), ref), pe), np.nan)
        late_start = not_started & ~np.isnat(ps) & (ps < ref) & np.isnat(as_)
        behind = active & ~overdue & (gap < -BEHIND_TOLERANCE)
        # money still to spend: open projects only (a finished project's balance is a saving)
        remaining = np.where(open_, np.clip(np.nan_to_num(planned) - np.nan_to_num(done), 0, None), 0.0)

        schedule = np.full(len(f), "on_track", dtype=object)
        schedule[~np.isnat(ps) & (ps > ref) & not_started] = "not_due"
        schedule[behind] = "behind"
        schedule[late_start] = "late_start"
        schedule[overdue] = "overdue"
        schedule[suspended & ~overdue] = "suspended"
        schedule[terminated] = "terminated"
        schedule[completed] = "done"

        out = pd.DataFrame({
            "code": fl.texts(f, r, "code"), "name": fl.texts(f, r, "name"), "type": fl.texts(f, r, "type"),
            "township": fl.texts(f, r, "township"), "funding": fl.texts(f, r, "funding"),
            "responsible": fl.texts(f, r, "responsible"), "mode": fl.texts(f, r, "mode"),
            "stage": stage, "area_ha": fl.numbers(f, r, "area_ha"),
            "planned": planned, "done": done, "remaining": remaining,
            "progress": progress, "planned_progress": planned_progress, "gap": gap,
            "planned_start": ps, "planned_end": pe, "actual_start": as_, "actual_end": ae,
            "overdue": overdue, "days_overdue": days_overdue, "late_start": late_start, "behind": behind,
            "schedule": schedule,
        }, index=f.index)
        self._table = out
        return out

    # ------------------------------------------------------------------ choices, filters

    def choices(self) -> dict[str, list[str]]:
        """Values offered by the filters (townships, stages, types, funding sources)."""
        t = self.table()
        funding = [s for v in t["funding"] for s in fl.split_values(v)]
        return {
            "township": fl.unique_in_order(t["township"]),
            "stage": fl.unique_in_order(t["stage"], lc.RESTORATION.states),
            "type": fl.unique_in_order(t["type"], vocab.PROJECT_TYPES),
            "funding": fl.unique_in_order(funding, vocab.FUNDING_SOURCES),
        }

    def mask(self, flt: ProjectFilter | None = None) -> np.ndarray:
        t = self.table()
        m = np.ones(len(t), dtype=bool)
        if flt is None:
            return m
        if flt.townships:
            m &= t["township"].isin(flt.townships).to_numpy()
        if flt.stages:
            m &= t["stage"].isin(flt.stages).to_numpy()
        if flt.types:
            m &= t["type"].isin(flt.types).to_numpy()
        if flt.funding:
            wanted = set(flt.funding)
            m &= np.array([bool(wanted & set(fl.split_values(v))) for v in t["funding"]], dtype=bool)
        if flt.overdue_only:
            m &= t["overdue"].to_numpy()
        if flt.behind_only:
            m &= (t["behind"] | t["late_start"] | t["overdue"]).to_numpy()
        text = flt.text.strip().lower()
        if text:
            hay = (t["code"] + " " + t["name"] + " " + t["responsible"]).str.lower()
            m &= hay.str.contains(text, regex=False).to_numpy()
        return m

    def rows(self, flt: ProjectFilter | None = None) -> np.ndarray:
        """Positional rows of the projects that pass ``flt``."""
        return np.flatnonzero(self.mask(flt))

    # ------------------------------------------------------------------ summaries

    def summary(self, mask: np.ndarray | None = None) -> RestorationSummary:
        t = self.table()
        sub = t if mask is None else t[np.asarray(mask, dtype=bool)]
        done_mask = sub["stage"].isin(lc.RESTORATION_COMPLETED).to_numpy()
        return RestorationSummary(
            count=len(sub),
            by_stage=self.stage_counts(mask),
            planned_investment=float(np.nansum(sub["planned"])),
            completed_investment=float(np.nansum(sub["done"])),
            remaining_investment=float(np.nansum(sub["remaining"])),
            area_ha=float(np.nansum(sub["area_ha"])),
            area_restored_ha=float(np.nansum(sub["area_ha"].to_numpy()[done_mask])),
            overdue=int(sub["overdue"].sum()),
            behind=int(sub["behind"].sum()),
            late_start=int(sub["late_start"].sum()),
        )

    def stage_counts(self, mask: np.ndarray | None = None) -> dict[str, int]:
        """Projects per stage in lifecycle order (every stage listed, zero included)."""
        t = self.table()
        stages = t["stage"] if mask is None else t["stage"][np.asarray(mask, dtype=bool)]
        counts = stages.value_counts()
        out = {s: int(counts.get(s, 0)) for s in lc.RESTORATION.states}
        for s, n in counts.items():  # values outside the lifecycle stay visible
            if s not in out:
                out[s or "—"] = int(n)
        return out

    def investment_by_year(self, mask: np.ndarray | None = None) -> pd.DataFrame:
        """Planned and completed investment (万元) per year of the planned start
        (the actual start when no plan is recorded); index = year (int)."""
        t = self.table()
        if mask is not None:
            t = t[np.asarray(mask, dtype=bool)]
        start = np.where(np.isnat(t["planned_start"].to_numpy()), t["actual_start"].to_numpy(),
                         t["planned_start"].to_numpy()).astype("datetime64[D]")
        ok = ~np.isnat(start)
        years = start[ok].astype("datetime64[Y]").astype(int) + 1970
        frame = pd.DataFrame({"year": years, "planned": np.nan_to_num(t["planned"].to_numpy()[ok]),
                              "done": np.nan_to_num(t["done"].to_numpy()[ok])})
        out = frame.groupby("year").sum()
        out["count"] = frame.groupby("year").size()
        return out.sort_index()

    def schedule(self, mask: np.ndarray | None = None) -> pd.DataFrame:
        """Projects with a schedule to date, worst gap first: code, name, stage,
        progress, planned_progress, gap, schedule."""
        t = self.table()
        if mask is not None:
            t = t[np.asarray(mask, dtype=bool)]
        t = t[t["planned_progress"].notna() & ~t["schedule"].isin(("terminated",))]
        cols = ["code", "name", "stage", "progress", "planned_progress", "gap", "schedule"]
        return t[cols].sort_values("gap", kind="stable", na_position="last")

    # ------------------------------------------------------------------ one project

    def row_of(self, code: str) -> int | None:
        hits = np.flatnonzero(self.table()["code"].to_numpy() == str(code))
        return int(hits[0]) if len(hits) else None

    def record(self, row: int) -> dict:
        """Every stored attribute of one project (geometry left out), by column name."""
        geom = getattr(getattr(self.projects, "geometry", None), "name", None)
        rec = self.projects.iloc[int(row)]
        return {c: _plain(rec[c]) for c in self.projects.columns if c != geom}

    def history_of(self, code: str) -> pd.DataFrame:
        """The project's stage history, oldest first: date, from_stage, to_stage, note."""
        cols = ["date", "from_stage", "to_stage", "note"]
        if self.history is None or "project_code" not in self.history_roles:
            return pd.DataFrame(columns=cols)
        h, r = self.history, self.history_roles
        sel = fl.texts(h, r, "project_code") == str(code)
        sub = h[sel]
        out = pd.DataFrame({
            "date": fl.texts(sub, r, "date"), "from_stage": fl.texts(sub, r, "from_stage"),
            "to_stage": fl.texts(sub, r, "to_stage"), "note": fl.texts(sub, r, "note"),
        })
        return out.sort_values("date", kind="stable").reset_index(drop=True)

    def linked_items(self, code: str) -> pd.DataFrame:
        """Rectification items that name this project (关联项目编号), as stored."""
        if self.items is None or "project_code" not in self.item_roles:
            return pd.DataFrame()
        linked = np.array([str(code) in fl.split_values(v) for v in
                           fl.texts(self.items, self.item_roles, "project_code")], dtype=bool)
        return self.items[linked]


def schedule_progress(planned_start, planned_end, reference) -> np.ndarray:
    """序时进度 %: 0 before the planned start, 100 after the planned completion, linear
    between; NaN without both dates. A zero-length plan is 0 before and 100 from its day."""
    ps = np.asarray(planned_start, dtype="datetime64[D]")
    pe = np.asarray(planned_end, dtype="datetime64[D]")
    ref = fl.as_day(reference)
    span = fl.days_between(pe, ps)
    elapsed = fl.days_between(np.full(ps.shape, ref), ps)
    with np.errstate(invalid="ignore", divide="ignore"):
        frac = np.where(span > 0, elapsed / span, np.where(elapsed >= 0, 1.0, 0.0))
    out = np.clip(frac, 0.0, 1.0) * 100.0
    out[np.isnan(span) | np.isnan(elapsed)] = np.nan
    return out


def _plain(v):
    """A stored value for display: NaN → None, numpy scalars → Python."""
    if v is None:
        return None
    if isinstance(v, float) and np.isnan(v):
        return None
    if type(v).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def load(path, projects_layer=None, reference_date=None) -> RestorationModel:
    """A model from a GeoPackage: ``restoration_projects`` (or the given in-memory
    frame), ``restoration_history``, ``rectification_items`` and the reference date."""
    import pyogrio

    names = {str(n) for n in pyogrio.list_layers(path)[:, 0]}
    projects = projects_layer
    if projects is None:
        projects = pyogrio.read_dataframe(path, layer=THEME)
    history = (pd.DataFrame(pyogrio.read_dataframe(path, layer=HISTORY_THEME, read_geometry=False))
               if HISTORY_THEME in names else None)
    items = (pd.DataFrame(pyogrio.read_dataframe(path, layer="rectification_items", read_geometry=False))
             if "rectification_items" in names else None)
    ref = reference_date if reference_date is not None else fl.reference_date_of(path)
    return RestorationModel(projects, history, items, ref)
