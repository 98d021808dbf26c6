"""The one way to run slow work off the GUI thread: tasks with progress, cancel and partial results.

``Task(fn, *args, description=…)`` runs ``fn(feedback, *args)`` in a Python thread
(file reading, GEOS, numpy and QPainter release the GIL) with one
:class:`~ecomap.core.feedback.Feedback`. Its public signals are emitted on the thread
the task was made on (the GUI thread), through the event loop: ``progress(fraction,
text)`` (fraction :data:`~ecomap.core.feedback.UNKNOWN` for a busy indicator),
``partial(piece)`` in the order the pieces were handed over, then exactly one of
``finished(result)``, ``failed(exception)`` or ``cancelled()``, then ``ended()``.

A task cancelled before its final signal is delivered reports only ``cancelled``, even
if ``fn`` could not stop early or had already returned: its result is dropped, and no
progress or partial piece reaches a listener after the cancel. So a slot never has to
ask whether the answer it got is still wanted.

Python threads, not ``QThreadPool`` runnables: PySide creates and drops a Python
thread state around each runnable, and pyproj's per-thread PROJ contexts did not
survive that (a reprojection in a second job crashed inside ``proj_create``).

:class:`LatestTask` keeps one running task per purpose and cancels the older one when
a newer request comes (a canvas render, a panel reload, a search), as napari's slicer
does. :func:`manager` announces every visible task so one indicator in the window can
show progress and a Cancel button for anything that takes more than a moment.

QtCore only: the CLI and the tests use tasks without a GUI application (a
``QCoreApplication`` event loop is enough to deliver the signals).
"""

from __future__ import annotations

import threading
import time
import traceback

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from ecomap.core.feedback import Cancelled, Feedback

_RUNNING: set = set()  # tasks kept alive until their final signal is delivered
_RUNNING_LOCK = threading.Lock()

FINISHED, FAILED, CANCELLED = "finished", "failed", "cancelled"
#: the least time between two progress signals of one task (a progress bar needs no more)
PROGRESS_INTERVAL_S = 0.05


class Task(QObject):
    """``fn(feedback, *args)`` on a worker thread; progress, results and errors on the GUI thread.

    ``description`` is what the progress indicator shows; ``visible=False`` keeps a
    task out of it (a canvas redraw, or work that shows its own progress dialog).
    Make the task on the GUI thread: its signals are delivered to the thread it lives on.
    """

    progress = Signal(float, str)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    #: after any of finished/failed/cancelled, once per task
    ended = Signal()

    # worker thread → the task's own thread; the public signals are emitted from there only,
    # so a cancel made on the GUI thread can still stop what is already on its way
    _progress_posted = Signal()
    _partial_posted = Signal(object)
    _outcome_posted = Signal(str, object)

    def __init__(self, fn, *args, description: str = "", visible: bool = True,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.fn, self.args = fn, args
        self.description = description
        self.visible = visible
        self.feedback = Feedback(on_progress=self._post_progress, on_partial=self._post_partial)
        self.thread: threading.Thread | None = None
        self.result = None
        self.error: BaseException | None = None
        self.started_at: float | None = None
        self.elapsed = 0.0
        self._done = threading.Event()
        self._delivered = False
        # progress is coalesced: at most one delivery waits in the event loop, carrying the
        # newest value, and deliveries are PROGRESS_INTERVAL_S apart, so a worker reporting
        # every millisecond cannot keep the GUI thread busy updating labels and bars
        self._progress_lock = threading.Lock()
        self._latest_progress: tuple[float, str] | None = None
        self._progress_waiting = False
        self._progress_shown_at = 0.0
        self._progress_posted.connect(self._deliver_progress)
        self._partial_posted.connect(self._deliver_partial)
        self._outcome_posted.connect(self._deliver_outcome)

    # -- running

    def start(self) -> Task:
        if self.thread is not None:
            raise RuntimeError("a task runs once; make a new one to run it again")
        with _RUNNING_LOCK:
            _RUNNING.add(self)
        self.started_at = time.perf_counter()
        self.thread = threading.Thread(target=self._run, daemon=True, name=f"ecomap-task:{self.description[:40]}")
        self.thread.start()
        if self.visible:
            manager().task_started.emit(self)
        return self

    def cancel(self) -> None:
        self.feedback.cancel()

    def is_cancelled(self) -> bool:
        return self.feedback.is_cancelled()

    def is_active(self) -> bool:
        """Started and its function has not returned yet."""
        return self.thread is not None and not self._done.is_set()

    @property
    def done(self) -> bool:
        """The function has returned (its signals may still be on their way)."""
        return self._done.is_set()

    @property
    def delivered(self) -> bool:
        """The final signal has been emitted on the GUI thread (True already inside its slots)."""
        return self._delivered

    # -- worker thread

    def _post_progress(self, fraction: float, text: str) -> None:
        if self.feedback.is_cancelled():
            return
        with self._progress_lock:
            self._latest_progress = (fraction, text)
            if self._progress_waiting:
                return
            self._progress_waiting = True
        self._post(self._progress_posted)

    def _post_partial(self, piece) -> None:
        self._post(self._partial_posted, piece)

    def _post(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the task's Qt object was deleted with its parent: nobody is listening
            pass

    def _run(self) -> None:
        try:
            result = self.fn(self.feedback, *self.args)
        except Cancelled:
            outcome, payload = CANCELLED, None
        except BaseException as exc:  # noqa: BLE001 — reported on the GUI thread, never lost in a thread
            exc.__ecomap_traceback__ = traceback.format_exc()
            if self.feedback.is_cancelled():
                outcome, payload = CANCELLED, None
            else:
                self.error = exc
                outcome, payload = FAILED, exc
        else:
            if self.feedback.is_cancelled():
                outcome, payload = CANCELLED, None
            else:
                self.result = result
                outcome, payload = FINISHED, result
        self.elapsed = time.perf_counter() - (self.started_at or time.perf_counter())
        self._done.set()
        self._post(self._outcome_posted, outcome, payload)

    # -- the task's own (GUI) thread

    def _deliver_progress(self) -> None:
        wait = PROGRESS_INTERVAL_S - (time.perf_counter() - self._progress_shown_at)
        if wait > 0 and not self._delivered:
            QTimer.singleShot(max(1, round(wait * 1000)), self, self._deliver_progress)
            return
        with self._progress_lock:
            latest, self._latest_progress = self._latest_progress, None
            self._progress_waiting = False
        if latest is not None and not self._delivered and not self.feedback.is_cancelled():
            self._progress_shown_at = time.perf_counter()
            self.progress.emit(*latest)

    def _deliver_partial(self, piece) -> None:
        if not self._delivered and not self.feedback.is_cancelled():
            self.partial.emit(piece)

    def _deliver_outcome(self, outcome: str, payload) -> None:
        if self._delivered:
            return
        if outcome == FINISHED and self.feedback.is_cancelled():  # cancelled after fn returned
            outcome, payload, self.result = CANCELLED, None, None
        if outcome == FINISHED:
            with self._progress_lock:  # the last progress still waiting comes before the result
                latest, self._latest_progress = self._latest_progress, None
            if latest is not None:
                self.progress.emit(*latest)
        self._delivered = True
        self.fn, self.args = None, ()  # the inputs may be large; the task may be kept a while
        self._release()
        if outcome == FINISHED:
            self.finished.emit(payload)
        elif outcome == FAILED:
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.ended.emit()

    def _release(self) -> None:
        """Let go of the task once its thread has ended.

        The last reference to a QObject (this task, or a Qt object in its inputs) must not
        go on the worker thread: its destructor there takes Qt's connection lock and then
        waits for the GIL, while the GUI thread, holding the GIL, may wait for that lock.
        So the task stays in ``_RUNNING`` (released on this thread) until the worker has
        dropped its own references.
        """
        if self.thread is not None and self.thread.is_alive():
            QTimer.singleShot(5, self, self._release)
            return
        with _RUNNING_LOCK:
            _RUNNING.discard(self)

    # -- waiting (tests, shutdown, the CLI)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the function returns; True if it did. Signals still go through the event loop."""
        if self.thread is not None:
            self.thread.join(timeout)
        return self._done.is_set()

    def wait_delivered(self, timeout: float = 60.0) -> bool:
        """Run the event loop until the final signal has been delivered (tests, scripts)."""
        if self.thread is None:
            return False
        deadline = time.perf_counter() + timeout
        app = QCoreApplication.instance()
        while not self._delivered and time.perf_counter() < deadline:
            if app is None:
                self.thread.join(max(0.0, deadline - time.perf_counter()))
                break
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if not self._delivered:
                self._done.wait(0.005)
        return self._delivered


def run_task(fn, *args, description: str = "", visible: bool = True, parent: QObject | None = None,
             on_finished=None, on_failed=None, on_cancelled=None, on_progress=None,
             on_partial=None) -> Task:
    """Create, connect and start a task in one call; the slots run on the GUI thread."""
    task = Task(fn, *args, description=description, visible=visible, parent=parent)
    for signal, slot in ((task.finished, on_finished), (task.failed, on_failed),
                         (task.cancelled, on_cancelled), (task.progress, on_progress),
                         (task.partial, on_partial)):
        if slot is not None:
            signal.connect(slot)
    return task.start()


class LatestTask(QObject):
    """One task at a time for one purpose: submitting a new one cancels the running one.

    Only the newest task's signals are forwarded, so a slow old answer can never
    overwrite a newer one. ``submit(fn, *args)`` makes the task; ``submit_task(task)``
    takes one already made (a :class:`~ecomap.core.render.job.RenderJob`).
    """

    started = Signal(object)
    progress = Signal(float, str)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, description: str = "", visible: bool = True):
        super().__init__(parent)
        self.description = description
        self.visible = visible
        self.task: Task | None = None

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.delivered

    def submit(self, fn, *args, description: str | None = None) -> Task:
        return self.submit_task(Task(fn, *args, description=description or self.description,
                                     visible=self.visible))

    def submit_task(self, task: Task) -> Task:
        """Cancel the running task, forward ``task``'s signals from now on, and start it."""
        self.cancel()
        self.task = task
        task.progress.connect(lambda f, t, k=task: self._forward(k, self.progress, f, t))
        task.partial.connect(lambda p, k=task: self._forward(k, self.partial, p))
        task.finished.connect(lambda r, k=task: self._forward(k, self.finished, r))
        task.failed.connect(lambda e, k=task: self._forward(k, self.failed, e))
        task.cancelled.connect(lambda k=task: self._forward(k, self.cancelled))
        task.start()
        self.started.emit(task)
        return task

    def cancel(self) -> None:
        if self.task is not None and not self.task.delivered:
            self.task.cancel()

    def _forward(self, task: Task, signal, *args) -> None:
        # the owner (a widget) may be gone while its last task was still running
        if not shiboken6.isValid(self) or task is not self.task:
            return
        signal.emit(*args)

    def wait(self, timeout: float = 60.0) -> bool:
        """Until the current task's final signal is delivered (tests)."""
        return self.task is None or self.task.wait_delivered(timeout)


class TaskManager(QObject):
    """Announces visible tasks as they start (the window's progress indicator listens)."""

    task_started = Signal(object)

    def active(self) -> list[Task]:
        """Visible tasks whose final signal has not been delivered, oldest first."""
        with _RUNNING_LOCK:
            tasks = [t for t in _RUNNING if t.visible and not t.delivered]
        return sorted(tasks, key=lambda t: t.started_at or 0.0)


_manager: TaskManager | None = None


def manager() -> TaskManager:
    global _manager
    if _manager is None:
        _manager = TaskManager()
    return _manager


def cancel_all(timeout: float = 2.0) -> None:
    """Cancel every running task and give them ``timeout`` seconds to stop (application exit)."""
    with _RUNNING_LOCK:
        tasks = list(_RUNNING)
    for task in tasks:
        task.cancel()
    deadline = time.perf_counter() + timeout
    for task in tasks:
        if task.thread is not threading.current_thread():
            task.wait(max(0.0, deadline - time.perf_counter()))
