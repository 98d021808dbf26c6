"""Ban-zone panel: farms in breeding-ban zones (处置 / 复养) and grazing zones resting on a day.

Views over :func:`~ecomap.domain.ban_zones.farms_in_ban_zones` (a vectorised spatial
join of the ``farms`` and ``breeding_ban_zones`` layers) and
:func:`~ecomap.domain.ban_zones.grazing_in_force`, loaded off the GUI thread by
:func:`~ecomap.services.panel_data.load_ban_zones` when one of those layers changes.
Farms needing action (still 未处置, restocked 复养, or inside a zone but missing from
the ledger) are red. The grazing date starts at the data's reference date ("Today"
sets the calendar date); another date judges the grazing zones again at once (a
handful of zones). Enter on a row shows the farm or zone on the map.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pandas as pd
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ecomap.gui.panels.panel_loader import PanelLoader, failure_text
from ecomap.gui.panels.table_model import (
    OVERDUE_BRUSH,
    WARN_BRUSH,
    Column,
    FrameTableModel,
    current_frame_row,
    fmt_int,
    make_table,
)
from ecomap.gui.panels.widgets import busy_hint, shortcut, stack, summary_label
from ecomap.i18n import language, tr
from ecomap.services import panel_data
from ecomap.services.panel_data import BanZoneData


def _flags(row) -> str:
    out = []
    if row["unresolved"]:
        out.append(tr("not disposed of"))
    if row["restocked"]:
        out.append(tr("restocked"))
    if row["not_in_ledger"]:
        out.append(tr("missing from the ledger"))
    if row["zone_mismatch"]:
        out.append(tr("ledger names zone {zone}").format(zone=row["ledger_zone"]))
    if row["outside"]:
        out.append(tr("registered in {zone} but outside every ban zone").format(zone=row["ledger_zone"]))
    return ("; " if language() == "en" else "；").join(out)


def _kind_text(v) -> str:
    return {"ban": tr("Grazing ban"), "rest": tr("Seasonal rest")}.get(v, "")


class BanZonePanel(QWidget):
    def __init__(self, hub, parent=None):
        super().__init__(parent)
        self.setObjectName("ban-zone-panel")
        self.hub = hub
        self.farm_node = self.zone_node = self.grazing_node = None
        self.farms = pd.DataFrame()
        self.grazing = pd.DataFrame()
        self.data = BanZoneData()
        self._reference = None
        self.loader = PanelLoader(hub, panel_data.BAN_ZONE_NEEDS, panel_data.load_ban_zones,
                                  tr("Loading the ban zones"), self)
        self.loader.options = lambda: {"day": self.date.date().toString("yyyy-MM-dd"),
                                       "previous_reference": self._reference}
        self.loader.loaded.connect(self.apply)
        self.loader.failed.connect(self._load_failed)

        self.message = QLabel(tr("Load the farms and breeding-ban zone layers (e.g. the sample county.gpkg) to "
                                 "see farms in ban zones here."))
        self.message.setWordWrap(True)
        self.farm_summary = summary_label()
        self.farm_model = FrameTableModel([
            Column("name", tr("Farm"), tooltip=True),
            Column("zone_code", tr("Ban zone")),
            Column("disposal", tr("Disposal"), align="center"),
            Column("restocked_text", tr("Restocked"), align="center"),
            Column("flags", tr("To act on"), tooltip=True),
            Column("township", tr("Township")),
            Column("species", tr("Species")),
            Column("stock", tr("Stock"), fmt_int, "right"),
            Column("inspection_date", tr("Inspected")),
            Column("zone_name", tr("Zone name"), tooltip=True),
        ], self)
        self.farm_model.row_brush = self._farm_brush
        self.farm_table, self.farm_proxy = make_table(self.farm_model, self)
        self.farm_table.setColumnWidth(0, 150)
        self.farm_table.setColumnWidth(4, 160)
        self.farm_table.selectionModel().currentRowChanged.connect(
            lambda c, p: self._show_farm(zoom=False) if self.isVisible() else None)
        self.farm_table.activated.connect(lambda idx: self._show_farm(zoom=True))

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        date_label = QLabel(tr("Grazing rules in force on &date"))
        date_label.setBuddy(self.date)
        self.today = QPushButton(tr("T&oday"))
        self.today.clicked.connect(lambda: self.date.setDate(QDate.currentDate()))
        self.reference_button = QPushButton(tr("&Reference date"))
        self.reference_button.clicked.connect(self._to_reference)
        date_row = QHBoxLayout()
        date_row.addWidget(date_label)
        date_row.addWidget(self.date)
        date_row.addWidget(self.today)
        date_row.addWidget(self.reference_button)
        date_row.addStretch(1)
        self.grazing_summary = QLabel()
        self.grazing_summary.setWordWrap(True)
        self.grazing_model = FrameTableModel([
            Column("code", tr("Zone")),
            Column("kind", tr("In force"), _kind_text),
            Column("type", tr("Control type")),
            Column("township", tr("Township")),
            Column("window", tr("Rest period")),
            Column("until", tr("Until")),
            Column("days_left", tr("Days left"), fmt_int, "right"),
            Column("stocking", tr("Approved stocking"), fmt_int, "right"),
            Column("ranger", tr("Ranger")),
        ], self)
        self.grazing_model.row_brush = lambda row: WARN_BRUSH if self.grazing["kind"].iat[row] == "rest" else None
        self.grazing_table, self.grazing_proxy = make_table(self.grazing_model, self)
        self.grazing_table.activated.connect(lambda idx: self._show_zone())
        self.grazing_table.selectionModel().currentRowChanged.connect(
            lambda c, p: self._show_zone(zoom=False) if self.isVisible() else None)
        self.date.dateChanged.connect(self._update_grazing)

        farms_box = QWidget()
        fl_ = QVBoxLayout(farms_box)
        fl_.setContentsMargins(0, 0, 0, 0)
        title = QLabel(tr("<b>Farms in breeding-ban zones</b>"))
        fl_.addWidget(title)
        fl_.addWidget(self.farm_summary)
        fl_.addWidget(self.farm_table, 1)
        grazing_box = QWidget()
        gl = QVBoxLayout(grazing_box)
        gl.setContentsMargins(0, 0, 0, 0)
        gl.addWidget(QLabel(tr("<b>Grazing bans and rest periods</b>")))
        gl.addLayout(date_row)
        gl.addWidget(self.grazing_summary)
        gl.addWidget(self.grazing_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(farms_box)
        splitter.addWidget(grazing_box)
        stack(self, busy_hint(self.loader), self.message, splitter)
        shortcut(self, "Ctrl+D", self.date.setFocus)
        self.loader.reload()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        """Load the data again now (it also reloads by itself when its layers change)."""
        self.loader.reload()

    def apply(self, data: BanZoneData) -> None:
        """Show loaded data (GUI thread)."""
        self.data = data
        self.farm_node = self.hub.node_by_id(data.farm_node_id)
        self.zone_node = self.hub.node_by_id(data.zone_node_id)
        self.grazing_node = self.hub.node_by_id(data.grazing_node_id)
        has_farms = self.farm_node is not None and self.zone_node is not None and data.farms is not None
        self.message.setText(tr("Load the farms and breeding-ban zone layers (e.g. the sample county.gpkg) to "
                                "see farms in ban zones here."))
        self.message.setVisible(not has_farms and self.grazing_node is None)
        new_reference = self._reference is None or str(data.reference) != str(self._reference)
        self._reference = data.reference
        if new_reference:  # other data: the grazing date starts again at its reference date
            self.date.blockSignals(True)  # the loaded grazing zones are judged on that day already
            self._set_day(data.day)
            self.date.blockSignals(False)
        self._update_farms()
        day = self.date.date().toString("yyyy-MM-dd")
        if self.grazing_node is None:
            self._show_grazing(None)
        else:  # the user may have chosen another date while the data loaded
            self._show_grazing(data.grazing if day == str(data.day) else data.grazing_on(day))

    def _load_failed(self, exc) -> None:
        self.message.setText(failure_text(exc))
        self.message.setVisible(True)

    def _set_day(self, day) -> None:
        day = _dt.date.fromisoformat(str(day)) if day is not None else _dt.date.today()
        self.date.setDate(QDate(day.year, day.month, day.day))

    def _to_reference(self) -> None:
        self._set_day(self._reference)

    def _update_farms(self) -> None:
        result = self.data.farms
        if self.farm_node is None or self.zone_node is None or result is None:
            self.farms = pd.DataFrame()
            self.farm_model.set_frame(self.farms, [])
            self.farm_summary.setText(tr("Needs the farms and the breeding-ban zone layers."))
            return
        result = result.copy()
        result["flags"] = [_flags(r) for r in result.to_dict("records")]
        result["restocked_text"] = np.where(result["restocked"], tr("Yes"), "")
        self.farms = result
        self.farm_model.set_frame(result)
        counts = self.data.counts
        inside = int(result["inside"].sum())
        disposal = " · ".join(f"{k} {v}" for k, v in counts.items() if k != "复养" and v)
        self.farm_summary.setText(tr("<b>{inside}</b> farms lie in ban zones ({disposal}); <span style='color:"
                                     "#b00020'><b>{undisposed}</b> not disposed of, <b>{restocked}</b> restocked, "
                                     "<b>{missing}</b> missing from the ledger</span>").format(
            inside=inside, disposal=disposal or "—", undisposed=counts.get("未处置", 0),
            restocked=counts["复养"], missing=int(result["not_in_ledger"].sum())))
        if len(result):
            self.farm_table.selectionModel().blockSignals(True)
            self.farm_table.setCurrentIndex(self.farm_proxy.index(0, 0))
            self.farm_table.selectionModel().blockSignals(False)

    def _farm_brush(self, row: int):
        if self.farms.empty:
            return None
        r = self.farms.iloc[row]
        if r["needs_action"]:
            return OVERDUE_BRUSH
        if r["outside"] or r["zone_mismatch"]:
            return WARN_BRUSH
        return None

    def _update_grazing(self) -> None:
        """The date changed: judge the loaded grazing zones on it."""
        self._show_grazing(self.data.grazing_on(self.date.date().toString("yyyy-MM-dd"))
                           if self.grazing_node is not None else None)

    def _show_grazing(self, g: pd.DataFrame | None) -> None:
        if g is None:
            self.grazing = pd.DataFrame({"kind": []})
            self.grazing_model.set_frame(self.grazing, [])
            self.grazing_summary.setText(tr("Needs the grazing-zones layer."))
            return
        day = self.date.date().toString("yyyy-MM-dd")
        self.grazing = g
        rows = np.flatnonzero(g["in_force"].to_numpy())
        self.grazing_model.set_frame(g, rows)
        bans = int((g["kind"] == "ban").sum())
        rests = int((g["kind"] == "rest").sum())
        self.grazing_summary.setText(tr("On {day}: {bans} zones under a grazing ban, {rests} in their rest period, "
                                        "{free} open to (controlled) grazing").format(
            day=day, bans=bans, rests=rests, free=len(g) - bans - rests))

    # ------------------------------------------------------------------ map

    def _show_farm(self, zoom: bool = True) -> None:
        row = current_frame_row(self.farm_table)
        if row is None or self.farms.empty or self.farm_node is None:
            return
        self.hub.show_rows(self.farm_node, [int(self.farms["row"].iat[row])], zoom=zoom)

    def _show_zone(self, zoom: bool = True) -> None:
        row = current_frame_row(self.grazing_table)
        if row is None or self.grazing_node is None:
            return
        self.hub.show_rows(self.grazing_node, [int(self.grazing["row"].iat[row])], zoom=zoom)
