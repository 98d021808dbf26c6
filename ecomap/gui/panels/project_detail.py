"""The detail view of one restoration project: every attribute, the stage history, linked items.

Pure HTML for a QTextBrowser (selectable, scrollable, keyboard-readable).
"""

from __future__ import annotations

import numpy as np

from ecomap.domain import catalogue
from ecomap.domain.restoration import RestorationModel
from ecomap.gui.panels.table_model import fmt_number, is_missing
from ecomap.gui.panels.widgets import esc, field_label, html_table
from ecomap.i18n import tr

SCHEDULE_TEXT = {
    "done": lambda: tr("Finished"), "terminated": lambda: tr("Terminated"), "suspended": lambda: tr("Suspended"),
    "not_due": lambda: tr("Not due to start"), "late_start": lambda: tr("Start overdue"),
    "overdue": lambda: tr("Completion overdue"), "behind": lambda: tr("Behind schedule"),
    "on_track": lambda: tr("On schedule"),
}


def schedule_text(key) -> str:
    f = SCHEDULE_TEXT.get(str(key))
    return f() if f else str(key or "")


def _value(v) -> str:
    if is_missing(v):
        return ""
    if isinstance(v, float):
        return fmt_number(v, 2).rstrip("0").rstrip(".") if not v.is_integer() else f"{v:,.0f}"
    return str(v)


def project_html(model: RestorationModel, row: int, aliases: dict | None = None) -> str:
    """Detail of project ``row`` (positional)."""
    t = model.table().iloc[row]
    record = model.record(row)
    theme = catalogue.get_theme("restoration_projects")
    parts = [f"<h3 style='margin:2px 0'>{esc(t['name'])}</h3>",
             f"<p style='margin:2px 0;color:#555'>{esc(t['code'])} · {esc(t['township'])} · {esc(t['stage'])}</p>"]
    state = schedule_text(t["schedule"])
    color = {"overdue": "#b00020", "behind": "#b35900", "late_start": "#b35900"}.get(t["schedule"], "#2a6f2a")
    planned = "—" if np.isnan(t["planned_progress"]) else f"{t['planned_progress']:.0f}%"
    actual = "—" if np.isnan(t["progress"]) else f"{t['progress']:.0f}%"
    facts = tr("Progress {actual} against {planned} due by {day}").format(
        actual=actual, planned=planned, day=str(model.reference))
    extra = ""
    if t["overdue"]:
        extra = " · " + tr("{n} days past the planned completion").format(n=int(t["days_overdue"]))
    parts.append(f"<p style='margin:4px 0'><b style='color:{color}'>{esc(state)}</b> · {esc(facts)}{esc(extra)}</p>")
    money_left = tr("Still to spend: {value} ×10⁴ CNY").format(value=f"{t['remaining']:,.1f}")
    parts.append(f"<p style='margin:4px 0'>{esc(money_left)}</p>")

    parts.append(f"<h4 style='margin:8px 0 2px'>{esc(tr('Attributes'))}</h4>")
    rows = []
    for col, v in record.items():
        f = theme.field(col)
        label = (aliases or {}).get(col) or field_label(f, col)
        unit = f" ({f.unit})" if f is not None and f.unit else ""
        rows.append([f"{label}{unit}", _value(v)])
    parts.append(html_table([tr("Field"), tr("Value")], rows))

    hist = model.history_of(t["code"])
    parts.append(f"<h4 style='margin:8px 0 2px'>{esc(tr('Stage history'))}</h4>")
    if hist.empty:
        parts.append(f"<p>{esc(tr('No stage history recorded.'))}</p>")
    else:
        reverts = ["background:#fff0e0" if _is_back(a, b) else "" for a, b in zip(hist["from_stage"],
                                                                               hist["to_stage"])]
        parts.append(html_table([tr("Date"), tr("From"), tr("To"), tr("Remarks")],
                                hist[["date", "from_stage", "to_stage", "note"]].values.tolist(), reverts))

    items = model.linked_items(t["code"])
    parts.append(f"<h4 style='margin:8px 0 2px'>{esc(tr('Linked rectification items'))}</h4>")
    if items.empty:
        parts.append(f"<p>{esc(tr('No rectification item names this project.'))}</p>")
    else:
        r = model.item_roles
        cols = [r.get(k) for k in ("code", "name", "deadline", "status")]
        rows = [[_value(rec.get(c)) if c else "" for c in cols] for rec in items.to_dict("records")]
        parts.append(html_table([tr("Issue ID"), tr("Issue"), tr("Deadline"), tr("Status")], rows))
    return "".join(parts)


def _is_back(a, b) -> bool:
    from ecomap.domain import lifecycle as lc

    ia, ib = lc.RESTORATION.index(a), lc.RESTORATION.index(b)
    return ia >= 0 and ib >= 0 and ib < ia
