"""The progress dialog of one background task, shared by "Add data" and "Open project".

The dialog is created with the task, follows its ``progress(fraction, text)`` signal (a
busy bar while the amount is unknown), cancels it, and is closed exactly once (when the
task ends, fails or is cancelled). The owner keeps it in ``self.progress`` (None when no
task runs) and has a ``window``. Such a task is made with ``visible=False``: this dialog
is its progress, the status bar's indicator would show it twice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from ecomap.core.feedback import UNKNOWN
from ecomap.i18n import tr

STEPS = 1000  # the dialog's range for a fraction


class TaskProgressMixin:
    progress: QProgressDialog | None = None
    _progress_step = "{name}"

    def show_task_progress(self, task, label: str, title: str, step_text: str,
                           modality: Qt.WindowModality) -> None:
        """Show ``label`` while ``task`` runs; each step reads ``step_text`` (``{name}``: the step's text)."""
        self._progress_step = step_text
        self.progress = QProgressDialog(label, tr("Cancel"), 0, 0, self.window)  # busy until a fraction comes
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(modality)
        self.progress.setMinimumDuration(300)
        task.progress.connect(self._on_progress)
        task.cancelled.connect(self._close_progress)
        self.progress.canceled.connect(task.cancel)

    def _on_progress(self, fraction: float, text: str):
        progress = self.progress  # setValue() on a modal dialog runs the event loop: it may close meanwhile
        if progress is None:
            return
        if text:
            progress.setLabelText(self._progress_step.format(name=text))
        if fraction == UNKNOWN:
            progress.setRange(0, 0)
        else:
            progress.setRange(0, STEPS)
            progress.setValue(round(fraction * STEPS))

    def _close_progress(self, *args):
        if self.progress is not None:
            self.progress.close()
            self.progress = None
