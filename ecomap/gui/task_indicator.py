"""The window's one indicator of background work: what runs, how far it is, and Cancel.

It listens to :func:`ecomap.core.tasks.manager` for visible tasks. A task shows up
only once it has run for :data:`SHOW_AFTER_MS` — most tasks end sooner and a bar
flashing for a moment is noise. With several tasks running it shows the newest, with
the number of tasks next to it (the tooltip lists them); Cancel cancels the one shown.
It hides when every task has ended.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from ecomap.core import tasks
from ecomap.core.feedback import UNKNOWN
from ecomap.i18n import tr

SHOW_AFTER_MS = 300
STEPS = 1000  # the progress bar's range for a fraction
TEXT_WIDTH = 260  # pixels of description before it is elided


class TaskIndicator(QWidget):
    """Description, progress bar and Cancel button of the newest visible task (status bar)."""

    def __init__(self, parent=None, show_after_ms: int = SHOW_AFTER_MS):
        super().__init__(parent)
        self.show_after_ms = show_after_ms
        self._tasks: list = []  # visible tasks not ended, oldest first
        self._due: set = set()  # of those, the ones running longer than show_after_ms
        self._progress: dict = {}  # task -> (fraction, text) last reported
        self.label = QLabel()
        self.label.setMinimumWidth(80)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.count = QLabel()
        self.cancel_button = QToolButton()
        self.cancel_button.setText(tr("Cancel"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(self.cancel_shown)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.label, self.bar, self.count, self.cancel_button):
            lay.addWidget(w)
        self.hide()
        tasks.manager().task_started.connect(self.add_task)
        for task in tasks.manager().active():  # started before this window was made
            self.add_task(task)

    # ------------------------------------------------------------------ tasks come and go

    def add_task(self, task) -> None:
        if task.delivered or task in self._tasks:
            return
        self._tasks.append(task)
        task.progress.connect(self._on_progress)
        task.ended.connect(self._on_ended)
        QTimer.singleShot(self.show_after_ms, self, lambda t=task: self._became_due(t))

    def _became_due(self, task) -> None:
        if task in self._tasks:
            self._due.add(task)
            self._update()

    def _on_progress(self, fraction: float, text: str) -> None:
        task = self.sender()
        if task in self._tasks:
            self._progress[task] = (fraction, text)
            if task is self.shown_task():
                self._update()

    def _on_ended(self) -> None:
        self._forget(self.sender())

    def _forget(self, task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self._due.discard(task)
        self._progress.pop(task, None)
        self._update()

    # ------------------------------------------------------------------ what is shown

    def shown_task(self):
        """The newest task running longer than the delay (None: the indicator is hidden)."""
        for task in reversed(self._tasks):
            if task in self._due:
                return task
        return None

    def cancel_shown(self) -> None:
        task = self.shown_task()
        if task is not None:
            task.cancel()
            self._update()

    def _update(self) -> None:
        task = self.shown_task()
        if task is None:
            self.hide()
            return
        fraction, text = self._progress.get(task, (UNKNOWN, ""))
        what = task.description or tr("Working…")
        if task.is_cancelled():
            what = tr("Cancelling: {what}").format(what=what)
        elif text and text != what:
            what = f"{what} — {text}"
        self.label.setText(self.label.fontMetrics().elidedText(what, Qt.TextElideMode.ElideMiddle, TEXT_WIDTH))
        self.label.setToolTip(what)
        if fraction == UNKNOWN:
            self.bar.setRange(0, 0)  # busy
        else:
            self.bar.setRange(0, STEPS)
            self.bar.setValue(round(fraction * STEPS))
        running = len(self._tasks)
        self.count.setVisible(running > 1)
        self.count.setText(tr("({n} tasks)").format(n=running))
        self.count.setToolTip("\n".join(t.description or tr("Working…") for t in reversed(self._tasks)))
        self.cancel_button.setEnabled(not task.is_cancelled())
        self.show()
