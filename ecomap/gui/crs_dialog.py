"""Choosing a coordinate system: suggestions first (CGCS2000 zones that fit the data), then search.

Used when a file declares no CRS or EcoMap had to assume one, for "set layer CRS"
and for the map CRS in the status bar. Search matches EPSG codes and names from the
PROJ database ("4527", "CGCS2000 39", "Xian 1980", "2000 国家大地坐标系" → CGCS2000).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
)

from ecomap.core.crs import chinese_crs, same_zone_on_other_datums
from ecomap.i18n import tr
from ecomap.io.crs_detect import gauss_kruger_epsg, infer_from_bounds

#: what Chinese users type for the datums → words in the PROJ names
_SYNONYMS = {"2000": "CGCS2000", "国家2000": "CGCS2000", "国家大地": "CGCS2000", "西安": "Xian 1980",
             "80": "Xian 1980", "北京": "Beijing 1954", "54": "Beijing 1954", "经纬度": "CGCS2000",
             "高斯": "Gauss-Kruger", "墨卡托": "Mercator", "web": "Pseudo-Mercator"}


@lru_cache(maxsize=1)
def crs_catalogue() -> tuple[tuple[int, str, str], ...]:
    """(EPSG code, name, kind) of every non-deprecated projected and geographic CRS."""
    from pyproj.database import query_crs_info
    from pyproj.enums import PJType

    out = []
    for info in query_crs_info(auth_name="EPSG", pj_types=[PJType.PROJECTED_CRS, PJType.GEOGRAPHIC_2D_CRS]):
        if not info.deprecated and info.code.isdigit():
            kind = "projected" if info.type == PJType.PROJECTED_CRS else "geographic"
            out.append((int(info.code), info.name, kind))
    return tuple(out)


def search_crs(text: str, limit: int = 200) -> list[tuple[int, str, str]]:
    """Catalogue rows matching every word of ``text`` (code or name, case-insensitive)."""
    t = text.strip()
    for zh, en in _SYNONYMS.items():
        if zh in t and not t.isdigit():
            t = t.replace(zh, " " + en + " ")
    words = [w.lower() for w in t.replace("EPSG:", "").replace("epsg:", "").split() if w]
    rows = []
    for code, name, kind in crs_catalogue():
        hay = f"{code} {name}".lower()
        if all(w in hay for w in words):
            rows.append((code, name, kind))
    rows.sort(key=lambda r: (str(r[0]) != t, r[0]))
    return rows[:limit]


def suggest_epsg(bounds, lon_hint: float | None = None) -> list[tuple[int, str]]:
    """EPSG codes (with why) that fit coordinates with ``bounds``; Chinese GK zones first."""
    out: list[tuple[int, str]] = []
    inference = infer_from_bounds(bounds) if bounds else None
    if inference is not None and inference.epsg is not None:
        out.append((inference.epsg, inference.reason or ""))
        if inference.epsg == 4490:
            lon = (bounds[0] + bounds[2]) / 2
            zone = round(lon / 3)
            if 25 <= zone <= 45:
                out.append((gauss_kruger_epsg(zone, 3, prefixed=False),
                            tr("3° zone for longitude {lon:.1f}° (to project the data)").format(lon=lon)))
        # the numbers cannot tell CGCS2000 from the older datums: offer those next to it
        out.extend(_other_datums(inference.epsg))
    elif bounds and 100_000 <= bounds[0] <= bounds[2] <= 900_000:
        # eastings without a zone prefix: the zone cannot be read from the numbers
        zone = round(lon_hint / 3) if lon_hint is not None else None
        zones = range(25, 46) if zone is None else sorted(range(25, 46), key=lambda z: abs(z - zone))
        for z in list(zones)[:3]:
            out.append((gauss_kruger_epsg(z, 3, prefixed=False),
                        tr("CGCS2000 3° zone {zone} (central meridian {cm}°E), eastings without zone number")
                        .format(zone=z, cm=3 * z)))
        out[1:1] = _other_datums(out[0][0])
    if not any(code == 4490 for code, _ in out):
        out.append((4490, tr("CGCS2000 longitude/latitude")))
    return out


def _other_datums(epsg: int) -> list[tuple[int, str]]:
    """The same zone (or longitude/latitude) on Xian 1980 and Beijing 1954, with why."""
    row = chinese_crs(epsg)
    if row is None:
        return []
    why = ({"Xian1980": tr("the same zone on the Xian 1980 datum"),
            "Beijing1954": tr("the same zone on the Beijing 1954 datum")} if row.width is not None else
           {"Xian1980": tr("Xian 1980 longitude/latitude"), "Beijing1954": tr("Beijing 1954 longitude/latitude")})
    return [(code, why[chinese_crs(code).datum]) for code in same_zone_on_other_datums(epsg)
            if chinese_crs(code).datum in why]


class CrsDialog(QDialog):
    """Pick one EPSG CRS. ``bounds`` (the layer's coordinates) drive the suggestions."""

    def __init__(self, parent=None, title: str | None = None, current: int | None = None, bounds=None,
                 reason: str | None = None, lon_hint: float | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or tr("Coordinate system"))
        self.resize(640, 560)
        self._selected = current
        lay = QVBoxLayout(self)
        if reason:
            note = QLabel(reason)
            note.setWordWrap(True)
            lay.addWidget(note)
        lay.addWidget(QLabel(tr("Suggested for these coordinates:")))
        self.suggestions = QListWidget()
        self.suggestions.setMaximumHeight(120)
        for code, why in suggest_epsg(bounds, lon_hint):
            name = next((n for c, n, _ in crs_catalogue() if c == code), "")
            item = QListWidgetItem(f"EPSG:{code}  {name}" + (f"  — {why}" if why else ""))
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.suggestions.addItem(item)
        self.suggestions.currentItemChanged.connect(
            lambda cur, prev: cur is not None and self._choose(cur.data(Qt.ItemDataRole.UserRole)))
        self.suggestions.itemDoubleClicked.connect(lambda item: self.accept())
        lay.addWidget(self.suggestions)
        lay.addWidget(QLabel(tr("Search by EPSG code or name (e.g. 4527, CGCS2000 117E, Xian 1980):")))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("EPSG code or name"))
        self.search.setClearButtonEnabled(True)
        lay.addWidget(self.search)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([tr("EPSG"), tr("Name")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda idx: self.accept())
        self.table.selectionModel().currentRowChanged.connect(self._table_row)
        lay.addWidget(self.table)
        self.chosen_label = QLabel()
        lay.addWidget(self.chosen_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.search.textChanged.connect(self._search)
        self._search("CGCS2000")
        if self.suggestions.count() and current is None:
            self.suggestions.setCurrentRow(0)
        self._choose(self._selected)

    def _search(self, text: str):
        self.model.removeRows(0, self.model.rowCount())
        for code, name, _kind in search_crs(text or "CGCS2000"):
            a, b = QStandardItem(str(code)), QStandardItem(name)
            a.setData(code, Qt.ItemDataRole.UserRole)
            self.model.appendRow([a, b])

    def _table_row(self, current, previous):
        if current.isValid():
            self._choose(self.model.item(current.row(), 0).data(Qt.ItemDataRole.UserRole))

    def _choose(self, code: int | None):
        self._selected = code
        name = next((n for c, n, _ in crs_catalogue() if c == code), "") if code else ""
        self.chosen_label.setText(tr("Selected: EPSG:{code} {name}").format(code=code, name=name) if code
                                  else tr("Nothing selected"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(code is not None)

    def selected_epsg(self) -> int | None:
        return self._selected

    def select(self, code: int) -> None:
        self._choose(code)
