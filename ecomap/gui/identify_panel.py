"""Identify results: the features under a click, from every visible layer, with Chinese field names.

The main window runs the query (``ecomap.core.query.features_at``) and hands the hits
here; selecting a feature row highlights it on the map (``featureActivated``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecomap.gui.attribute_model import format_value
from ecomap.i18n import tr

MAX_PER_LAYER = 50


def field_aliases(node) -> dict[str, str]:
    """Aliases for a layer's fields: the layer's own, else the catalogue theme's Chinese names."""
    from ecomap.core.default_styles import apply_theme_aliases

    apply_theme_aliases(node.layer, node.theme)
    return dict(getattr(node.layer, "field_aliases", {}) or {})


class IdentifyPanel(QWidget):
    featureActivated = Signal(object, int)  # layer node, row

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Feature / field"), tr("Value")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._current)
        self.summary = QLabel(tr("Click on the map with the Identify tool."))
        self.summary.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree)

    def show_results(self, results: list[tuple[object, list[int]]], rasters=(), where: str = "") -> None:
        """``results``: (layer node, rows) per vector layer, top layer first;
        ``rasters``: (layer node, [(band, value or None)]) per raster layer."""
        self.tree.clear()
        total = 0
        first_feature = None
        for node, values in rasters:
            top = QTreeWidgetItem([node.name, ""])
            for band, value in values:
                shown = tr("no data") if value is None else f"{value:.6g}"
                top.addChild(QTreeWidgetItem([tr("Band {n}").format(n=band), shown]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for node, rows in results:
            if not len(rows):
                continue
            layer = node.layer
            aliases = field_aliases(node)
            top = QTreeWidgetItem([f"{node.name} ({len(rows)})", ""])
            top.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(top)
            frame = layer.features
            cols = layer.attribute_columns
            shown = [int(r) for r in list(rows)[:MAX_PER_LAYER]]
            for row, fid in zip(shown, layer.feature_ids(shown).tolist()):
                values = frame.iloc[row]
                title = _feature_title(values, cols, aliases, fid)
                feat = QTreeWidgetItem([title, ""])
                feat.setData(0, Qt.ItemDataRole.UserRole, (node, int(row)))
                for c in cols:
                    text = format_value(values[c])
                    label = aliases.get(c, c)
                    item = QTreeWidgetItem([label if label == c else f"{label} ({c})",
                                            "NULL" if text is None else text])
                    item.setToolTip(1, item.text(1))
                    feat.addChild(item)
                top.addChild(feat)
                first_feature = first_feature or feat
            total += len(rows)
            top.setExpanded(True)
        if total == 0 and not rasters:
            self.summary.setText(tr("Nothing found here.") + (f" {where}" if where else ""))
            self.featureActivated.emit(None, -1)
            return
        self.summary.setText(tr("{n} feature(s) found.").format(n=total) + (f" {where}" if where else ""))
        if first_feature is not None:
            first_feature.setExpanded(True)
            self.tree.setCurrentItem(first_feature)

    def clear(self):
        self.tree.clear()
        self.summary.setText(tr("Click on the map with the Identify tool."))

    def _current(self, item, previous):
        while item is not None and item.data(0, Qt.ItemDataRole.UserRole) is None:
            item = item.parent()
        if item is not None:
            node, row = item.data(0, Qt.ItemDataRole.UserRole)
            self.featureActivated.emit(node, row)


def _feature_title(values, cols, aliases, fid) -> str:
    """A readable title for a feature: its name-like field if it has one, and its ID in the source
    (GeoPackage fid, Shapefile record number), the one the attribute table and reports show."""
    for c in cols:
        if any(k in c.upper() for k in ("MC", "NAME")) or "名称" in aliases.get(c, c):
            text = format_value(values[c])
            if text:
                return f"{text}  #{fid}"
    return tr("Feature #{n}").format(n=fid)
