"""The part every thematic edit dialog shares: the error list, Save/Cancel, and saving.

A dialog only collects values (``changes()``: the fields whose value differs from the
stored one). Saving goes through the hub's editing command — validated by the theme's
rules, one audited GeoPackage transaction, pushed on the main window's undo stack —
and rule violations are listed in the dialog, which stays open.
"""

from __future__ import annotations

import math

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from ecomap.core.editing import EditRejected
from ecomap.errors import DataError


def cell_text(v) -> str:
    """A stored value as editable text: "" for missing (None or NaN)."""
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


class FeatureEditDialog(QDialog):
    """Base for dialogs editing one feature of ``THEME``.

    Subclasses build the form, record its editors in ``self.widgets`` (column → a state
    QComboBox, a QDoubleSpinBox or a QLineEdit) and say what the state is now
    (:meth:`current_state`) and when a number counts as changed (:meth:`number_change`).
    """

    THEME = ""

    def __init__(self, hub, node, row: int, parent=None):
        super().__init__(parent)
        self.hub, self.node, self.row = hub, node, int(row)
        self.target = hub.target_for(node, self.THEME)
        self.policy = self.target.policy
        self.before = self.target.memory_row(self.row)
        self.applied = None

    def finish_layout(self, form: QFormLayout) -> None:
        """Put ``form`` above the (hidden) error list and the Save/Cancel buttons."""
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color:#b00020")
        self.errors.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.errors)
        lay.addWidget(self.buttons)

    def current_state(self) -> str:
        """The lifecycle state stored now; choosing it again is no change."""
        raise NotImplementedError

    def number_change(self, old, spin: QDoubleSpinBox) -> float | None:
        """The spin box's value if it differs from the stored ``old``, else None."""
        raise NotImplementedError

    def changes(self) -> dict:
        """Only the fields whose value differs from the stored one."""
        out = {}
        for col, w in self.widgets.items():
            old = self.before.get(col)
            if isinstance(w, QComboBox):
                new = w.currentData()
                if new and new != self.current_state():
                    out[col] = new
            elif isinstance(w, QDoubleSpinBox):
                new = self.number_change(old, w)
                if new is not None:
                    out[col] = new
            else:
                new = w.text().strip() or None
                if new != (cell_text(old) or None):
                    out[col] = new
        return out

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.reject()
            return
        revert = bool(getattr(self, "revert", None) and self.revert.isChecked())
        try:
            self.applied = self.hub.edit(self.node, self.THEME, self.row, changes, note=self.note.text().strip(),
                                         revert=revert, parent=self)
        except EditRejected as exc:
            self.show_errors(exc.messages)
            return
        except DataError as exc:
            self.show_errors([exc.message])
            return
        self.accept()

    def show_errors(self, messages: list[str]) -> None:
        self.errors.setText("\n".join("• " + m for m in messages))
        self.errors.show()
