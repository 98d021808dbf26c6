"""Progress and cancel for long operations, without Qt.

An analysis ``run(…, feedback=None)`` reports ``feedback.set_progress(fraction)`` and
calls ``feedback.check()`` between chunks of work; ``check`` raises :class:`Cancelled`
once someone called ``cancel()`` — from another thread (the GUI's Cancel button) or
from a progress callback. This is QGIS's ``QgsFeedback`` idea in a dozen lines, so
the same ``run`` serves the GUI, the CLI and the tests.

Thread-safe: the cancel flag is a :class:`threading.Event`; progress is a float
written atomically, and ``on_progress`` is called on the worker's thread (a GUI
wraps it in a queued signal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled the operation; not an error."""


class Feedback:
    """Progress sink and cancel flag shared between a worker and whoever watches it."""

    def __init__(self, on_progress: Callable[[float], None] | None = None):
        self._cancel = threading.Event()
        self._progress = 0.0
        self.on_progress = on_progress

    def set_progress(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, float(fraction)))
        self._progress = fraction
        if self.on_progress is not None:
            self.on_progress(fraction)

    @property
    def progress(self) -> float:
        return self._progress

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancel was asked for."""
        if self._cancel.is_set():
            raise Cancelled()

    def sub(self, start: float, end: float) -> SubFeedback:
        """A view reporting 0‥1 as ``start``‥``end`` of this one (for a step of a larger run)."""
        return SubFeedback(self, start, end)


class SubFeedback:
    """One step of a larger operation: maps its own 0‥1 onto a slice of the parent's."""

    def __init__(self, parent, start: float, end: float):
        self.parent = parent
        self.start = start
        self.end = end

    def set_progress(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, float(fraction)))
        self.parent.set_progress(self.start + (self.end - self.start) * fraction)

    def is_cancelled(self) -> bool:
        return self.parent.is_cancelled()

    def check(self) -> None:
        if self.parent.is_cancelled():
            raise Cancelled()

    def cancel(self) -> None:
        cancel = getattr(self.parent, "cancel", None)
        if cancel is not None:
            cancel()

    def sub(self, start: float, end: float) -> SubFeedback:
        return SubFeedback(self, start, end)


class _Null:
    """Feedback that ignores progress and is never cancelled."""

    def set_progress(self, fraction: float) -> None:
        pass

    def is_cancelled(self) -> bool:
        return False

    def check(self) -> None:
        pass

    def sub(self, start: float, end: float) -> _Null:
        return self


NULL = _Null()


def ensure(feedback) -> object:
    """``feedback`` or a do-nothing one; objects with only set_progress/is_cancelled are wrapped."""
    if feedback is None:
        return NULL
    if not hasattr(feedback, "check") or not hasattr(feedback, "sub"):
        return SubFeedback(_Adapter(feedback), 0.0, 1.0)
    return feedback


class _Adapter:
    """Gives a minimal duck-typed feedback (set_progress + is_cancelled) the full interface."""

    def __init__(self, inner):
        self.inner = inner

    def set_progress(self, fraction: float) -> None:
        setter = getattr(self.inner, "set_progress", None)
        if setter is not None:
            setter(fraction)

    def is_cancelled(self) -> bool:
        check = getattr(self.inner, "is_cancelled", None)
        return bool(check()) if check is not None else False
