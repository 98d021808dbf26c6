"""Move a rectification item along its workflow (未启动 → … → 已销号, 滞后/反弹/长期坚持).

Offers the statuses the lifecycle allows from the current one; earlier statuses only
after ticking the explicit revert box. Progress (完成率), the progress note (进展说明)
and the 销号 date can be set with it; choosing 已销号 fills the date with the data's
reference date when it is empty. Saving goes through the hub's editing command.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from ecomap.domain import lifecycle as lc
from ecomap.gui.panels.feature_edit_dialog import FeatureEditDialog, cell_text
from ecomap.i18n import tr

THEME = "rectification_items"


class StatusDialog(FeatureEditDialog):
    THEME = THEME

    def __init__(self, hub, node, row: int, reference_date: str = "", parent=None):
        super().__init__(hub, node, row, parent)
        self.reference_date = reference_date
        p = self.policy
        self.setWindowTitle(tr("Change status of {code}").format(code=self.before.get(p.column("code"), "")))
        self.setMinimumWidth(420)
        form = QFormLayout()
        desc = QLabel(cell_text(self.before.get(p.column("name"))))
        desc.setWordWrap(True)
        form.addRow(desc)

        self.current = lc.normalize_state(self.before.get(p.column("status")))
        self.status = QComboBox()
        self.revert = QCheckBox(tr("Go back to an earlier status (explicit)"))
        self.revert.toggled.connect(self._fill)
        self._fill()
        form.addRow(QLabel(f"{p.label(p.column('status'))} (&S)"), self.status)
        form.addRow("", self.revert)
        self.widgets = {p.column("status"): self.status}
        col = p.column("progress")
        if col:
            self.progress = QDoubleSpinBox()
            self.progress.setRange(0, 100)
            self.progress.setDecimals(0)
            self.progress.setSuffix(" %")
            self.progress.setValue(float(self.before.get(col) or 0))
            form.addRow(QLabel(f"{p.label(col)} (&P)"), self.progress)
            self.widgets[col] = self.progress
        for role, key in (("note", "N"), ("closed_date", "D")):
            col = p.column(role)
            if col:
                edit = QLineEdit(cell_text(self.before.get(col)))
                edit.setClearButtonEnabled(True)
                if role == "closed_date":
                    edit.setPlaceholderText(tr("YYYY-MM-DD or empty"))
                    self.closed = edit
                form.addRow(QLabel(f"{p.label(col)} (&{key})"), edit)
                self.widgets[col] = edit
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Why (kept in the audit)"))
        form.addRow(QLabel(tr("Audit &remark")), self.note)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.finish_layout(form)

    def _fill(self) -> None:
        cycle = lc.RECTIFICATION
        options = [self.current] if self.current else []
        options += [s for s in cycle.next_states(self.current) if s not in options]
        if self.revert.isChecked():
            options += [s for s in cycle.states if s not in options
                        and cycle.can_advance(self.current, s, revert=True)]
        keep = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        for s in options:
            self.status.addItem(s if s != self.current else tr("{stage} (current)").format(stage=s), s)
        self.status.setCurrentIndex(max(self.status.findData(keep), 0))
        self.status.blockSignals(False)

    def _status_chosen(self) -> None:
        if self.status.currentData() == "已销号" and hasattr(self, "closed") and not self.closed.text().strip():
            self.closed.setText(self.reference_date)
        if self.status.currentData() in lc.RECTIFICATION_DONE and hasattr(self, "progress"):
            self.progress.setValue(100)

    def current_state(self) -> str:
        return self.current

    def number_change(self, old, spin) -> float | None:
        new = float(spin.value())
        changed = (old is None and new != 0) or (old is not None and abs(float(old) - new) > 1e-9)
        return new if changed else None
