"""Python's cyclic garbage collection, on the GUI thread only.

The collector runs on whichever thread happens to allocate when a generation fills up —
in a desktop app, most often a worker reading or analysing data. If the garbage holds a
Qt object (a menu, an action, a dialog's helper left in a reference cycle), its C++
destructor then runs on that worker: it takes Qt's signal-connection lock and asks for
the GIL, while the GUI thread, holding the GIL, waits for that lock inside a destructor
of its own — both threads stop for good. So the application turns automatic collection
off and collects on a timer of the GUI thread, generation by generation with Python's
own thresholds (the charting library's GarbageCollector does the same). Objects freed
by reference counting are unaffected; only cycles wait for the next tick.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

#: seconds between checks: cycles are rare enough that memory does not grow meanwhile
INTERVAL_S = 0.5
#: the least time between two full collections: one walks every tracked object (tens of ms
#: with a county's tables open), and Python's own collector also spaces them out
FULL_INTERVAL_S = 30.0

_collector: _GuiThreadCollector | None = None


class _GuiThreadCollector(QObject):
    def __init__(self, interval_s: float):
        super().__init__()
        self.threshold = gc.get_threshold()
        self.full_at = 0.0
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(round(interval_s * 1000))

    def check(self) -> None:
        """Collect the generations that are over their threshold, as the automatic collector would."""
        c0, c1, c2 = gc.get_count()
        if c0 <= self.threshold[0]:
            return
        # only the oldest generation due, as Python's own collector does: collecting a generation
        # takes the younger ones with it, and collecting each in turn walked the young objects up
        # to three times (a county's 500,000 fresh geometries: 100-400 ms on this thread)
        now = time.monotonic()
        if c1 > self.threshold[1] and c2 > self.threshold[2] and now - self.full_at > FULL_INTERVAL_S:
            self.full_at = now
            gc.collect(2)
        elif c1 > self.threshold[1]:
            gc.collect(1)
        else:
            gc.collect(0)


def collect_garbage_on_this_thread(interval_s: float = INTERVAL_S) -> None:
    """Turn automatic collection off and collect from the calling (GUI) thread's event loop.

    Call once the Qt application exists, on its thread; later calls do nothing.
    """
    global _collector
    if _collector is None:
        _collector = _GuiThreadCollector(interval_s)


def automatic_collection_restored() -> None:
    """Stop the timer and give collection back to Python (tests, and a process winding down)."""
    global _collector
    if _collector is not None:
        _collector.timer.stop()
        _collector = None
    gc.enable()
