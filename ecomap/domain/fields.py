"""Shared helpers of the thematic models: field lookup by role, dates, the reference date.

What: :func:`role_columns` finds, for a catalogue theme, which column of a frame
holds each role ("stage", "deadline", …) — the canonical name (XMJD) when present,
else a recognised variant (项目阶段, 状态 …) — so the models ask for a role and
never hard-code a column. :func:`to_dates` reads ISO date text vectorised;
:func:`reference_date_of` reads the data's reference date (``metadata`` table),
the day against which "overdue" and "on schedule" are judged.

No Qt here.
"""

from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd

from ecomap.domain import catalogue
from ecomap.domain import lifecycle as lc

_SPLIT = re.compile(r"[、,，/;；+＋和及]+")


def role_columns(frame: pd.DataFrame, theme_id: str, layer_name: str = "") -> dict[str, str]:
    """role → column of ``frame`` for the fields of theme ``theme_id``."""
    theme = catalogue.get_theme(theme_id)
    cols = [c for c in frame.columns if c != getattr(getattr(frame, "geometry", None), "name", None)]
    present = set(cols)
    out = {f.role: f.name for f in theme.fields if f.role and f.name in present}
    try:
        found, mapping, _ = catalogue.match_theme(cols, layer_name or theme_id, geometry_type="any")
    except Exception:  # noqa: BLE001 - recognising is a convenience
        found, mapping = None, {}
    if found is not None and found.id == theme_id:
        by_name = {f.name: f for f in theme.fields}
        for src, dst in mapping.items():
            f = by_name.get(dst)
            if f is not None and f.role and f.role not in out:
                out[f.role] = src
    return out


def column(frame: pd.DataFrame, roles: dict[str, str], role: str, default=None) -> pd.Series:
    """The column of ``role`` as an object Series (``default`` everywhere when absent)."""
    name = roles.get(role)
    if name is None or name not in frame.columns:
        return pd.Series([default] * len(frame), index=frame.index, dtype=object)
    s = frame[name]
    return s.astype(object).where(s.notna(), default)


def numbers(frame: pd.DataFrame, roles: dict[str, str], role: str) -> np.ndarray:
    name = roles.get(role)
    if name is None or name not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float)


def texts(frame: pd.DataFrame, roles: dict[str, str], role: str) -> np.ndarray:
    """Stripped text per row ('' when missing) as an object array."""
    s = column(frame, roles, role, "")
    return np.array(["" if v is None else str(v).strip() for v in s.to_numpy()], dtype=object)


def states(frame: pd.DataFrame, roles: dict[str, str], role: str) -> np.ndarray:
    """Normalised lifecycle states (synonyms folded) per row, via the unique values."""
    raw = column(frame, roles, role, "").to_numpy()
    uniq = {v: lc.normalize_state(v) for v in pd.unique(pd.Series(raw, dtype=object))}
    return np.array([uniq[v] for v in raw], dtype=object)


def to_dates(values) -> np.ndarray:
    """datetime64[D] (NaT where missing or unreadable) from ISO text, dates or datetimes."""
    s = pd.Series(values, dtype=object)
    text = s.map(lambda v: None if v is None or (isinstance(v, float) and np.isnan(v))
                 else (v.isoformat() if hasattr(v, "isoformat") else str(v)).strip()[:10])
    parsed = pd.to_datetime(text, errors="coerce", format="%Y-%m-%d")
    return parsed.to_numpy(dtype="datetime64[D]")


def dates(frame: pd.DataFrame, roles: dict[str, str], role: str) -> np.ndarray:
    name = roles.get(role)
    if name is None or name not in frame.columns:
        return np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[D]")
    return to_dates(frame[name].to_numpy(dtype=object))


def as_day(value) -> np.datetime64:
    """A reference date (text, date, datetime, Timestamp) as datetime64[D]."""
    if isinstance(value, np.datetime64):
        return value.astype("datetime64[D]")
    return to_dates([value])[0]


def reference_day(value) -> np.datetime64:
    """The day the data is judged on: ``value`` as datetime64[D], today when it is None."""
    return as_day(value if value is not None else np.datetime64("today", "D"))


def day_text(day) -> str:
    """'YYYY-MM-DD' of a datetime64 / date ('' for NaT)."""
    if day is None:
        return ""
    d = np.datetime64(day, "D") if not isinstance(day, np.datetime64) else day.astype("datetime64[D]")
    return "" if np.isnat(d) else str(d)


def split_values(text) -> list[str]:
    """'中央财政、市县财政' → ['中央财政', '市县财政'] (a funding field may list several)."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return []
    return [p.strip() for p in _SPLIT.split(str(text)) if p.strip()]


REFERENCE_DATE_KEYS = ("reference_date", "参考日期")


def reference_date_in(metadata: pd.DataFrame | None, default=None) -> np.datetime64:
    """The ``reference_date`` of a ``metadata`` key/value table already in memory (as
    :func:`reference_date_of` reads it from the file), else ``default`` (today when None)."""
    fallback = as_day(default if default is not None else _dt.date.today())
    if metadata is None or "key" not in metadata.columns or "value" not in metadata.columns:
        return fallback
    hits = metadata.loc[metadata["key"].astype(str).isin(REFERENCE_DATE_KEYS).to_numpy(), "value"]
    if hits.empty:
        return fallback
    day = as_day(hits.iat[0])
    return fallback if np.isnat(day) else day


def reference_date_of(path, default=None) -> np.datetime64:
    """The ``reference_date`` of a GeoPackage's ``metadata`` key/value table, else
    ``default`` (today when None). Overdue and schedule are judged on this day, so a
    demonstration dataset keeps telling the same story whatever the calendar says."""
    fallback = as_day(default if default is not None else _dt.date.today())
    if path is None or not Path(path).exists():
        return fallback
    try:
        con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    except sqlite3.Error:
        return fallback
    try:
        row = con.execute("SELECT value FROM metadata WHERE key IN ('reference_date', '参考日期') "
                          "LIMIT 1").fetchone()
    except sqlite3.Error:
        row = None
    finally:
        con.close()
    if not row:
        return fallback
    day = as_day(row[0])
    return fallback if np.isnat(day) else day


def days_between(later: np.ndarray, earlier) -> np.ndarray:
    """Whole days later − earlier as float (NaN where either is NaT)."""
    later = np.asarray(later, dtype="datetime64[D]")
    earlier = np.asarray(earlier, dtype="datetime64[D]")
    diff = (later - earlier).astype("timedelta64[D]")
    out = diff.astype(float)
    out[np.isnat(diff)] = np.nan
    return out


def unique_in_order(values, order=()) -> list:
    """Distinct non-empty values: those in ``order`` first (in that order), then the rest sorted."""
    seen = {v for v in values if v not in ("", None) and not (isinstance(v, float) and np.isnan(v))}
    first = [v for v in order if v in seen]
    return first + sorted(v for v in seen if v not in set(first))
