"""Tasks: one final signal on the GUI thread, cancel drops the result, partial pieces in order,
LatestTask forwards only the newest, progress with text; QtCore only (no widgets needed).

Only QCoreApplication's event loop is used here. A process gets one Qt application, and
tests later in the session may draw text, so an application is made the session's way
(``gui_app``) when none exists; the last test runs tasks under a bare QCoreApplication in
a process of its own.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication

from ecomap.core import tasks
from ecomap.core.feedback import UNKNOWN, Cancelled
from ecomap.core.tasks import LatestTask, Task, cancel_all, manager, run_task

SIGNALS = ("progress", "partial", "finished", "failed", "cancelled", "ended")


@pytest.fixture(autouse=True)
def app(request):
    return QCoreApplication.instance() or request.getfixturevalue("gui_app")


def record(task) -> list[tuple]:
    """Every signal of ``task`` as (name, args, emitted on the main thread)."""
    seen: list[tuple] = []
    for name in SIGNALS:
        getattr(task, name).connect(
            lambda *args, n=name: seen.append((n, args, threading.current_thread() is threading.main_thread())))
    return seen


def names(seen) -> list[str]:
    return [n for n, _args, _main in seen]


def finals(seen) -> list[str]:
    return [n for n in names(seen) if n in ("finished", "failed", "cancelled")]


def run_events(seconds: float = 0.1) -> None:
    """Let queued signals arrive (there is nothing to wait for: a short, bounded spin)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QCoreApplication.processEvents()
        time.sleep(0.005)


def test_finished_once_on_the_main_thread():
    task = Task(lambda feedback, a, b: a + b, 2, 3, description="add")
    seen = record(task)
    task.start()
    assert task.wait_delivered(30)
    run_events()
    assert names(seen) == ["finished", "ended"]
    assert seen[0][1] == (5,) and all(main for _n, _a, main in seen)
    assert task.result == 5 and task.error is None and task.done and task.delivered


def test_failed_once_with_the_exception_and_its_traceback():
    def broken(feedback):
        raise ValueError("no such field")

    task = Task(broken)
    seen = record(task)
    task.start()
    assert task.wait_delivered(30)
    run_events()
    assert names(seen) == ["failed", "ended"] and all(main for _n, _a, main in seen)
    exc = seen[0][1][0]
    assert isinstance(exc, ValueError) and exc is task.error and task.result is None
    assert "no such field" in exc.__ecomap_traceback__


def test_cancel_stops_a_task_that_checks():
    started = threading.Event()

    def loop(feedback):
        started.set()
        while True:
            feedback.check()
            time.sleep(0.001)

    task = Task(loop)
    seen = record(task)
    task.start()
    assert started.wait(30)
    task.cancel()
    assert task.wait_delivered(30)
    run_events()
    assert names(seen) == ["cancelled", "ended"] and all(main for _n, _a, main in seen)


def test_cancel_drops_the_result_of_a_task_that_could_not_stop():
    gate = threading.Event()

    def stubborn(feedback):
        gate.wait(30)  # never looks at the feedback
        return "late answer"

    task = Task(stubborn)
    seen = record(task)
    task.start()
    task.cancel()
    gate.set()
    assert task.wait_delivered(30)
    run_events()
    assert finals(seen) == ["cancelled"] and task.result is None


def test_cancel_after_the_function_returned_still_drops_what_was_on_its_way():
    def quick(feedback):
        feedback.set_progress(0.5, "half")
        feedback.partial("piece")
        return "answer"

    task = Task(quick)
    seen = record(task)
    task.start()
    assert task.wait(30)  # returned, nothing delivered yet: no event was processed
    task.cancel()
    assert task.wait_delivered(30)
    run_events()
    assert names(seen) == ["cancelled", "ended"] and task.result is None


def test_a_cancelled_exception_is_a_cancel_not_a_failure():
    def gives_up(feedback):
        raise Cancelled()

    task = Task(gives_up)
    seen = record(task)
    task.start()
    assert task.wait_delivered(30)
    assert finals(seen) == ["cancelled"]


def test_partial_pieces_arrive_in_order_before_the_result():
    def pieces(feedback):
        for i in range(200):
            feedback.partial(i)
        return "all"

    task = Task(pieces)
    seen = record(task)
    task.start()
    assert task.wait_delivered(30)
    run_events()
    assert [a[0] for n, a, _m in seen if n == "partial"] == list(range(200))
    assert names(seen)[-2:] == ["finished", "ended"] and all(main for _n, _a, main in seen)


def test_progress_carries_fraction_and_text():
    def steps(feedback):
        feedback.set_progress(0.25, "reading parcels")
        feedback.step(2, 4)  # the text stays until a new one is given
        feedback.step(3, 0, "indexing")  # total unknown
        feedback.set_progress(7.0)

    task = Task(steps)
    seen = record(task)
    task.start()
    assert task.wait_delivered(30)
    run_events()
    reported = [(0.25, "reading parcels"), (0.5, "reading parcels"), (UNKNOWN, "indexing"), (1.0, "indexing")]
    delivered = [a for n, a, _m in seen if n == "progress"]
    # coalesced: some may be skipped, never reordered, and the last one always arrives
    assert delivered and delivered[-1] == reported[-1]
    assert [r for r in reported if r in delivered] == delivered


def test_rapid_progress_is_coalesced_and_ends_with_the_last_value():
    def chatty(feedback):
        for i in range(20_000):
            feedback.step(i + 1, 20_000, f"item {i + 1}")
        return "done"

    task = Task(chatty)
    seen = record(task)
    task.start()
    assert task.wait_delivered(30)
    run_events()
    delivered = [a for n, a, _m in seen if n == "progress"]
    assert delivered[-1] == (1.0, "item 20000")
    assert len(delivered) < 200  # not one queued signal per report
    assert [n for n, _a, _m in seen if n != "ended"][-1] == "finished"


def test_latest_task_forwards_only_the_newest():
    gate = threading.Event()

    def old(feedback):
        feedback.set_progress(0.1, "old")
        gate.wait(30)
        return "old answer"

    latest = LatestTask(description="search")
    got = []
    for name in ("progress", "finished", "failed", "cancelled"):
        getattr(latest, name).connect(lambda *args, n=name: got.append((n, args)))
    first = latest.submit(old)
    first_seen = record(first)
    second = latest.submit(lambda feedback: "new answer")
    assert first.is_cancelled() and not second.is_cancelled() and latest.task is second
    gate.set()
    assert first.wait_delivered(30) and second.wait_delivered(30)
    run_events()
    assert finals(first_seen) == ["cancelled"]
    assert [g for g in got if g[0] != "progress"] == [("finished", ("new answer",))]
    assert not latest.running


def test_latest_task_takes_a_task_made_elsewhere():
    latest = LatestTask(visible=False)
    got = []
    latest.finished.connect(got.append)
    task = Task(lambda feedback: 42, visible=False)
    assert latest.submit_task(task) is task
    assert latest.wait(30)
    assert got == [42]


def test_visible_tasks_are_announced_and_listed_until_they_end():
    announced = []
    manager().task_started.connect(announced.append)
    try:
        gate = threading.Event()
        shown = Task(lambda feedback: gate.wait(30), description="shown").start()
        hidden = Task(lambda feedback: gate.wait(30), visible=False).start()
        assert announced == [shown]
        assert shown in manager().active() and hidden not in manager().active()
        gate.set()
        assert shown.wait_delivered(30) and hidden.wait_delivered(30)
        assert shown not in manager().active()
    finally:
        manager().task_started.disconnect(announced.append)


def test_run_task_connects_the_slots():
    results, errors = [], []
    task = run_task(lambda feedback, x: x * 2, 21, on_finished=results.append, on_failed=errors.append,
                    visible=False)
    assert task.wait_delivered(30)
    assert results == [42] and errors == []


def test_a_task_runs_once():
    task = Task(lambda feedback: None, visible=False).start()
    with pytest.raises(RuntimeError):
        task.start()
    assert task.wait_delivered(30)


def test_cancel_all_stops_every_running_task():
    def loop(feedback):
        while True:
            feedback.check()
            time.sleep(0.001)

    running = [Task(loop, visible=False).start() for _ in range(3)]
    cancel_all(timeout=30)
    assert all(t.done for t in running)
    for t in running:
        assert t.wait_delivered(30)
    assert not any(t in tasks._RUNNING for t in running)


def test_tasks_run_with_a_bare_core_application():
    code = """
import sys
from PySide6.QtCore import QCoreApplication
from ecomap.core.tasks import Task
app = QCoreApplication([])
got = []
task = Task(lambda feedback: feedback.set_progress(0.5, "half") or "done")
task.progress.connect(lambda f, t: got.append((f, t)))
task.finished.connect(got.append)
task.start()
assert task.wait_delivered(60), "not delivered"
assert got == [(0.5, "half"), "done"], got
widgets = [m for m in sys.modules if m.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))]
assert not widgets, widgets
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
