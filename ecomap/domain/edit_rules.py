"""What an edit of a thematic layer may change, and what else it must record.

What: an :class:`EditPolicy` per theme validates a proposed change of one feature
(before → after, with translated messages) and names the journal rows to write in
the same transaction — a restoration project's stage change appends a row to
``restoration_history``. The editing commands (:mod:`ecomap.services.editing`) call the
policy; they know nothing about stages or deadlines.

Rules (issue 6, domain.md §6–7): stages and statuses move along their lifecycle
(:mod:`ecomap.domain.lifecycle`) unless the user explicitly reverts; progress is
0–100; amounts are not negative; dates are ISO 'YYYY-MM-DD'; an actual completion
is not before the actual start (nor an acceptance before completion, nor a planned
completion before the planned start); an item struck off the ledger has its 销号 date.
A rule is checked only when one of its fields changes, so old inconsistencies in
other fields never block an unrelated edit.

No Qt here.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ecomap.domain import catalogue
from ecomap.domain import lifecycle as lc
from ecomap.i18n import language, tr

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HISTORY_TABLE = "restoration_history"


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def _number(v):
    if _missing(v):
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return "bad"


def _date(v):
    """(ok, date or None)."""
    if _missing(v):
        return True, None
    s = str(v).strip()[:10]
    if not _ISO.match(s):
        return False, None
    try:
        return True, _dt.date.fromisoformat(s)
    except ValueError:
        return False, None


@dataclass
class EditPolicy:
    """Validation and journal of edits to one theme's layer (``roles``: role → column)."""

    theme_id: str | None = None
    roles: dict = field(default_factory=dict)
    #: role → column of the history table (restoration only)
    history_columns: dict = field(default_factory=dict)

    # ------------------------------------------------------------------ names

    def label(self, column: str) -> str:
        """The field's name for messages (Chinese alias, or English when the UI is English)."""
        if self.theme_id:
            theme = catalogue.get_theme(self.theme_id)
            role = next((r for r, c in self.roles.items() if c == column), None)
            f = theme.field(column) or next((x for x in theme.fields if x.role == role), None)
            if f is not None:
                return f.alias_en if language() == "en" else f.alias
        return column

    def title(self, default: str = "") -> str:
        """The layer kind for messages (生态修复项目 / Restoration projects)."""
        if not self.theme_id:
            return default
        theme = catalogue.get_theme(self.theme_id)
        return theme.title_en if language() == "en" else theme.title_zh

    def column(self, role: str) -> str | None:
        return self.roles.get(role)

    def key_of(self, row: dict) -> str:
        col = self.roles.get("code")
        v = row.get(col) if col else None
        return "" if _missing(v) else str(v)

    # ------------------------------------------------------------------ validation

    def validate(self, before: dict, after: dict, *, revert: bool = False) -> list[str]:
        """Translated messages; empty when the change is acceptable."""
        changed = {c for c in after if not _same(before.get(c), after.get(c))}
        messages: list[str] = []
        by_role = {r: c for r, c in self.roles.items()}

        def touched(*roles):
            return any(by_role.get(r) in changed for r in roles)

        lifecycle = {"restoration_projects": (lc.RESTORATION, "stage"),
                     "rectification_items": (lc.RECTIFICATION, "status")}.get(self.theme_id or "")
        if lifecycle and touched(lifecycle[1]):
            cycle, role = lifecycle
            col = by_role[role]
            old, new = lc.normalize_state(before.get(col)), lc.normalize_state(after.get(col))
            if new not in cycle.states:
                messages.append(tr("{field}: \"{value}\" is not one of {allowed}").format(
                    field=self.label(col), value=after.get(col), allowed="、".join(cycle.states)))
            elif old and not cycle.can_advance(old, new, revert=revert):
                if cycle.index(new) >= 0 and 0 <= cycle.index(new) < cycle.index(old) and not revert:
                    messages.append(tr("{field}: going back from {old} to {new} must be marked as an explicit "
                                       "revert").format(field=self.label(col), old=old, new=new))
                else:
                    allowed = "、".join(cycle.next_states(old)) or tr("none")
                    messages.append(tr("{field}: cannot move from {old} to {new} (next allowed: {allowed})")
                                    .format(field=self.label(col), old=old, new=new, allowed=allowed))

        for role in ("progress",):
            col = by_role.get(role)
            if col in changed:
                v = _number(after.get(col))
                if v == "bad" or (v is not None and not 0 <= v <= 100):
                    messages.append(tr("{field} must be a number from 0 to 100 (got {value})").format(
                        field=self.label(col), value=after.get(col)))
        for role in ("investment_planned", "investment_done", "area_ha", "stock", "stocking"):
            col = by_role.get(role)
            if col in changed:
                v = _number(after.get(col))
                if v == "bad":
                    messages.append(tr("{field} must be a number (got {value})").format(
                        field=self.label(col), value=after.get(col)))
                elif v is not None and v < 0:
                    messages.append(tr("{field} cannot be negative (got {value})").format(
                        field=self.label(col), value=after.get(col)))

        theme = catalogue.get_theme(self.theme_id) if self.theme_id else None
        date_cols = {by_role[f.role] for f in (theme.fields if theme else ())
                     if f.type == "date" and f.role in by_role}
        parsed = {}
        for col in date_cols:
            ok, day = _date(after.get(col, before.get(col)))
            parsed[col] = day
            if not ok and col in changed:
                messages.append(tr("{field}: \"{value}\" is not a date (YYYY-MM-DD)").format(
                    field=self.label(col), value=after.get(col)))
        for first, second in (("actual_start", "actual_end"), ("planned_start", "planned_end"),
                              ("actual_end", "acceptance_date")):
            a, b = by_role.get(first), by_role.get(second)
            if (a in parsed and b in parsed and (a in changed or b in changed)
                    and parsed[a] is not None and parsed[b] is not None and parsed[b] < parsed[a]):
                    messages.append(tr("{later} ({b}) cannot be before {earlier} ({a})").format(
                        later=self.label(b), b=parsed[b], earlier=self.label(a), a=parsed[a]))

        if self.theme_id == "rectification_items" and touched("status", "closed_date"):
            status_col, closed_col = by_role.get("status"), by_role.get("closed_date")
            if (closed_col and lc.normalize_state(after.get(status_col, before.get(status_col))) == "已销号"
                    and _missing(after.get(closed_col, before.get(closed_col)))):
                    messages.append(tr("An item struck off the ledger (已销号) needs its {field}").format(
                        field=self.label(closed_col)))
        return messages

    # ------------------------------------------------------------------ journal

    def journal(self, before: dict, after: dict, *, note: str = "", undo: bool = False,
                today: _dt.date | None = None) -> list[tuple[str, dict]]:
        """Rows to append in the same transaction: [(table, {column: value})]."""
        if self.theme_id != "restoration_projects":
            return []
        col = self.roles.get("stage")
        if not col or col not in after or _same(before.get(col), after.get(col)):
            return []
        h = {"project_code": "XMBH", "date": "RQ", "from_stage": "YJD", "to_stage": "XJD", "note": "SM",
             **self.history_columns}
        text = ("撤销阶段变更" + (f"（{note}）" if note else "")) if undo else note
        row = {h["project_code"]: self.key_of(before), h["date"]: (today or _dt.date.today()).isoformat(),
               h["from_stage"]: None if _missing(before.get(col)) else before.get(col),
               h["to_stage"]: after.get(col)}
        if h.get("note"):
            row[h["note"]] = text or None
        return [(HISTORY_TABLE, row)]


def _same(a, b) -> bool:
    if _missing(a) and _missing(b):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)
    return a == b


def _history_columns(path) -> dict:
    """role → column of the GeoPackage's restoration_history table (canonical when absent)."""
    if path is None or not Path(path).exists():
        return {}
    try:
        con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
        try:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info(\"{HISTORY_TABLE}\")")]
        finally:
            con.close()
    except sqlite3.Error:
        return {}
    if not cols:
        return {}
    theme = catalogue.get_theme(HISTORY_THEME_ID)
    _found, mapping, _ = catalogue.match_theme(cols, HISTORY_TABLE, geometry_type="any")
    out = {f.role: f.name for f in theme.fields if f.name in cols}
    by_name = {f.name: f for f in theme.fields}
    for src, dst in mapping.items():
        f = by_name.get(dst)
        if f is not None and f.role not in out:
            out[f.role] = src
    return out


HISTORY_THEME_ID = "restoration_history"


def policy_for(theme_id: str | None, columns, path=None, layer_name: str = "") -> EditPolicy:
    """The policy of a layer: roles found among ``columns`` (role_columns of the theme)."""
    if not theme_id:
        return EditPolicy(None, {})
    import pandas as pd

    from ecomap.domain.fields import role_columns

    roles = role_columns(pd.DataFrame(columns=list(columns)), theme_id, layer_name)
    history = _history_columns(path) if theme_id == "restoration_projects" else {}
    return EditPolicy(theme_id, roles, history)
