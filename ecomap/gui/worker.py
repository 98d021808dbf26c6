"""Running slow work off the UI thread: a task with progress, cancel, and results on the GUI thread.

``Task(fn, *args)`` runs ``fn(feedback, *args)`` in a Python thread (file reading,
shapely and numpy release the GIL). ``fn`` reports through ``feedback.progress(done,
total, text)`` and checks ``feedback.cancelled``; the task's signals (``progress``,
``finished(result)``, ``failed(exception)``, ``cancelled()``) are delivered on the GUI
thread. A cancelled task's result is dropped even if ``fn`` could not stop early.
"""

from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import QObject, Signal

_RUNNING: set = set()  # keeps tasks alive until they report


class Feedback:
    def __init__(self, task: Task | None = None):
        self._event = threading.Event()
        self._task = task

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self._task is not None and not self.cancelled:
            self._task.progress.emit(int(done), int(total), text)


class Task(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, fn, *args, parent: QObject | None = None):
        super().__init__(parent)
        self.fn, self.args = fn, args
        self.feedback = Feedback(self)
        self.thread: threading.Thread | None = None
        self.done = False
        for sig in (self.finished, self.failed, self.cancelled):
            sig.connect(self._release)  # runs on the GUI thread, after the caller's slots

    def start(self) -> Task:
        _RUNNING.add(self)
        self.thread = threading.Thread(target=self._run, daemon=True, name="ecomap-task")
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.feedback.cancel()

    def _run(self):
        try:
            result = self.fn(self.feedback, *self.args)
        except BaseException as exc:  # noqa: BLE001 — reported to the GUI, never lost in a thread
            exc.__ecomap_traceback__ = traceback.format_exc()
            self._finish(self.failed, exc)
            return
        if self.feedback.cancelled:
            self._finish(self.cancelled)
        else:
            self._finish(self.finished, result)

    def _finish(self, signal, *args):
        self.done = True
        signal.emit(*args)

    def _release(self, *args):
        _RUNNING.discard(self)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread ends (tests, shutdown). Signals still arrive through the event loop."""
        if self.thread is not None:
            self.thread.join(timeout)
        return self.done
