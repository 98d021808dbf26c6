"""Reference cycles are collected on the GUI thread, never on a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading

from ecomap.core import gui_gc
from ecomap.core.gui_gc import collect_garbage_on_this_thread


class _Cycle:
    freed_on: list = []

    def __init__(self):
        self.me = self

    def __del__(self):
        _Cycle.freed_on.append(threading.current_thread())


def test_cycles_made_and_dropped_while_a_worker_allocates_are_freed_on_the_gui_thread(qapp, qtbot):
    collect_garbage_on_this_thread()
    assert not gc.isenabled()
    _Cycle.freed_on.clear()
    for _ in range(50):
        _Cycle()
    done = threading.Event()

    def allocate():  # with automatic collection on, this thread would run the collector
        junk = [[{} for _ in range(100)] for _ in range(2000)]
        del junk
        done.set()
    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join(30)
    assert done.is_set()
    assert _Cycle.freed_on == []  # the worker's allocations collected nothing
    kept = [[] for _ in range(gc.get_threshold()[0] + 10)]  # the youngest generation is due

    def freed() -> bool:
        gui_gc._collector.check()  # what the timer does, without waiting for its tick
        return len(_Cycle.freed_on) == 50
    qtbot.waitUntil(freed, timeout=10000)
    del kept
    assert set(_Cycle.freed_on) == {threading.main_thread()}
