"""Progress, cancel and partial results for long operations, without Qt.

Every long operation — an analysis, a file read, an export, a render — takes one
``feedback`` and, between chunks of work, reports ``feedback.set_progress(fraction,
text)`` and calls ``feedback.check()``, which raises :class:`Cancelled` once someone
called ``cancel()`` (the GUI's Cancel button on another thread, a newer request, or a
progress callback). Work that produces results in pieces hands each one to
``feedback.partial(piece)`` so a view can show it before the whole is done. This is
QGIS's ``QgsFeedback`` idea; the same function serves the GUI (through
:mod:`ecomap.core.tasks`), the CLI and the tests.

Thread-safe: the cancel flag is a :class:`threading.Event`; progress is a float and a
string written atomically; the callbacks run on the worker's thread (a task turns
them into queued signals).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

#: ``set_progress`` with this fraction means "working, amount unknown" (a busy indicator)
UNKNOWN = -1.0


class Cancelled(Exception):
    """The user cancelled the operation; not an error."""


class Feedback:
    """Progress sink, partial-result sink and cancel flag shared by a worker and its watcher.

    ``on_progress(fraction, text)`` and ``on_partial(piece)`` are optional callbacks,
    called on the thread that reports.
    """

    def __init__(self, on_progress: Callable[[float, str], None] | None = None,
                 on_partial: Callable[[object], None] | None = None):
        self._cancel = threading.Event()
        self._progress = 0.0
        self._text = ""
        self.on_progress = on_progress
        self.on_partial = on_partial

    def set_progress(self, fraction: float, text: str | None = None) -> None:
        """Report ``fraction`` done (0‥1, or :data:`UNKNOWN`) and, when given, what is being done."""
        fraction = float(fraction)
        if fraction != UNKNOWN:
            fraction = min(1.0, max(0.0, fraction))
        self._progress = fraction
        if text is not None:
            self._text = text
        if self.on_progress is not None:
            self.on_progress(fraction, self._text)

    def step(self, done: int, total: int, text: str | None = None) -> None:
        """``set_progress`` for counted work: ``done`` of ``total`` items (``total`` 0: unknown)."""
        self.set_progress(done / total if total > 0 else UNKNOWN, text)

    def partial(self, piece) -> None:
        """Hand over one piece of the result before the whole is done."""
        if self.on_partial is not None and not self._cancel.is_set():
            self.on_partial(piece)

    @property
    def progress(self) -> float:
        return self._progress

    @property
    def text(self) -> str:
        return self._text

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancel was asked for."""
        if self._cancel.is_set():
            raise Cancelled()

    def sub(self, start: float, end: float) -> Feedback:
        """A view reporting 0‥1 as ``start``‥``end`` of this one (for a step of a larger run)."""
        return SubFeedback(self, start, end)


class SubFeedback(Feedback):
    """One step of a larger operation: maps its own 0‥1 onto a slice of the parent's.

    Cancel, partial results and text go to the parent, so cancelling either cancels both.
    """

    def __init__(self, parent: Feedback, start: float, end: float):
        super().__init__()
        self.parent = parent
        self.start = start
        self.end = end

    def set_progress(self, fraction: float, text: str | None = None) -> None:
        fraction = float(fraction)
        if fraction == UNKNOWN:
            self.parent.set_progress(UNKNOWN, text)
            return
        fraction = min(1.0, max(0.0, fraction))
        self.parent.set_progress(self.start + (self.end - self.start) * fraction, text)

    def partial(self, piece) -> None:
        self.parent.partial(piece)

    @property
    def progress(self) -> float:
        return self.parent.progress

    @property
    def text(self) -> str:
        return self.parent.text

    def cancel(self) -> None:
        self.parent.cancel()

    def is_cancelled(self) -> bool:
        return self.parent.is_cancelled()

    def check(self) -> None:
        if self.parent.is_cancelled():
            raise Cancelled()


class _Null(Feedback):
    """Feedback that ignores progress and is never cancelled (``cancel`` is a no-op)."""

    def set_progress(self, fraction: float, text: str | None = None) -> None:
        pass

    def partial(self, piece) -> None:
        pass

    def cancel(self) -> None:
        pass

    def sub(self, start: float, end: float) -> Feedback:
        return self


NULL = _Null()


def ensure(feedback: Feedback | None) -> Feedback:
    """``feedback``, or one that ignores everything when the caller gave none."""
    if feedback is None:
        return NULL
    if not isinstance(feedback, Feedback):
        raise TypeError(f"feedback must be an ecomap.core.feedback.Feedback, not {type(feedback).__name__}")
    return feedback
