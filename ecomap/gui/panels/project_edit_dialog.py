"""Edit a restoration project's stage, progress, dates and investment — safely.

The dialog only collects values. The change goes through the hub's editing command
(validated by the theme's rules, one audited GeoPackage transaction, pushed on the
main window's undo stack); rule violations are listed in the dialog, which stays open.
Stages offered are the next ones of the lifecycle; earlier stages appear only after
ticking "Revert to an earlier stage", which marks the change as an explicit revert.
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

THEME = "restoration_projects"
DATE_ROLES = ("planned_start", "actual_start", "planned_end", "actual_end", "acceptance_date")


class ProjectEditDialog(FeatureEditDialog):
    THEME = THEME

    def __init__(self, hub, node, row: int, parent=None):
        super().__init__(hub, node, row, parent)
        code = self.before.get(self.policy.column("code"), "")
        name = self.before.get(self.policy.column("name"), "")
        self.setWindowTitle(tr("Edit project {code}").format(code=code))
        self.setMinimumWidth(420)

        form = QFormLayout()
        title = QLabel(f"<b>{name}</b>")
        title.setWordWrap(True)
        form.addRow(title)
        self.widgets: dict[str, object] = {}

        stage_col = self.policy.column("stage")
        self.current_stage = lc.normalize_state(self.before.get(stage_col)) if stage_col else ""
        if stage_col:
            self.stage = QComboBox()
            self.revert = QCheckBox(tr("Revert to an earlier stage (explicit)"))
            self.revert.toggled.connect(self._fill_stages)
            self._fill_stages()
            form.addRow(self._label(stage_col, "S"), self.stage)
            form.addRow("", self.revert)
            self.widgets[stage_col] = self.stage
        prog_col = self.policy.column("progress")
        if prog_col:
            self.progress = QDoubleSpinBox()
            self.progress.setRange(0.0, 100.0)
            self.progress.setDecimals(1)
            self.progress.setSuffix(" %")
            self.progress.setValue(float(self.before.get(prog_col) or 0.0))
            form.addRow(self._label(prog_col, "P"), self.progress)
            self.widgets[prog_col] = self.progress
        for role in ("investment_planned", "investment_done"):
            col = self.policy.column(role)
            if col:
                spin = QDoubleSpinBox()
                spin.setRange(0.0, 1e9)
                spin.setDecimals(1)
                spin.setGroupSeparatorShown(True)
                spin.setSuffix(" " + tr("×10⁴ CNY"))
                spin.setValue(float(self.before.get(col) or 0.0))
                form.addRow(self._label(col), spin)
                self.widgets[col] = spin
        for role in DATE_ROLES:
            col = self.policy.column(role)
            if col:
                edit = QLineEdit(cell_text(self.before.get(col)))
                edit.setPlaceholderText(tr("YYYY-MM-DD or empty"))
                edit.setClearButtonEnabled(True)
                form.addRow(self._label(col), edit)
                self.widgets[col] = edit
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Why (kept in the stage history and the audit)"))
        form.addRow(QLabel(tr("&Note")), self.note)
        self.finish_layout(form)

    def _label(self, column: str, key: str = "") -> QLabel:
        """The field's name; with ``key`` an Alt+key mnemonic in brackets, as Chinese software does."""
        text = self.policy.label(column)
        return QLabel(f"{text} (&{key})" if key else text)

    def _fill_stages(self) -> None:
        cycle = lc.RESTORATION
        current = self.current_stage
        options = [current] if current else []
        options += [s for s in cycle.next_states(current) if s not in options]
        if self.revert.isChecked():
            options += [s for s in cycle.order if cycle.can_advance(current, s, revert=True) and s not in options]
        keep = self.stage.currentData()
        self.stage.clear()
        for s in options:
            self.stage.addItem(s if s != current else tr("{stage} (current)").format(stage=s), s)
        i = self.stage.findData(keep)
        self.stage.setCurrentIndex(max(i, 0))

    # ------------------------------------------------------------------ saving

    def current_state(self) -> str:
        return self.current_stage

    def number_change(self, old, spin) -> float | None:
        new = round(spin.value(), spin.decimals())
        changed = old is None or abs(float(old) - new) > 10 ** -(spin.decimals() + 1)
        return new if changed and not (old is None and new == 0.0) else None
