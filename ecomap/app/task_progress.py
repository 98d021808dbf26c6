"""The progress dialog of one background task, shared by "Add data" and "Open project".

The dialog is created with the task, follows its ``progress`` signal, cancels it, and
is closed exactly once (when the task ends, fails or is cancelled). The owner keeps it
in ``self.progress`` (None when no task runs) and has a ``window``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from ecomap.i18n import tr


class TaskProgressMixin:
    progress: QProgressDialog | None = None
    _progress_step = "{name}"

    def show_task_progress(self, task, label: str, title: str, maximum: int, step_text: str,
                           modality: Qt.WindowModality) -> None:
        """Show ``label`` while ``task`` runs; each step reads ``step_text`` (with ``{name}``)."""
        self._progress_step = step_text
        self.progress = QProgressDialog(label, tr("Cancel"), 0, maximum, self.window)
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(modality)
        self.progress.setMinimumDuration(300)
        task.progress.connect(self._on_progress)
        task.cancelled.connect(self._close_progress)
        self.progress.canceled.connect(task.cancel)

    def _on_progress(self, done, total, text):
        progress = self.progress  # setValue() on a modal dialog runs the event loop: it may close meanwhile
        if progress is not None:
            progress.setLabelText(self._progress_step.format(name=text))
            progress.setMaximum(max(1, total))
            progress.setValue(done)

    def _close_progress(self, *args):
        if self.progress is not None:
            self.progress.close()
            self.progress = None
