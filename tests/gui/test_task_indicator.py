"""The status bar's task indicator: appears for a task that takes a while, Cancel cancels it, hides at the end."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ecomap.core.feedback import UNKNOWN
from ecomap.core.tasks import Task
from ecomap.gui.task_indicator import TaskIndicator


@pytest.fixture
def indicator(qtbot):
    holder = QWidget()  # shown, so the indicator's own visibility is what isVisible() tells
    ind = TaskIndicator(holder)
    QVBoxLayout(holder).addWidget(ind)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    yield ind
    holder.close()


@pytest.fixture
def gate():
    """Released at the end of the test whatever happens, so no task outlives it."""
    event = threading.Event()
    yield event
    event.set()


def waiting(gate, fraction=0.4, text="parcels.shp"):
    def fn(feedback):
        feedback.set_progress(fraction, text)
        while not gate.wait(0.01):
            feedback.check()
        return "done"
    return fn


def test_a_slow_task_appears_and_cancel_cancels_it(indicator, qtbot, gate):
    task = Task(waiting(gate), description="Reading data").start()
    assert not indicator.isVisible()  # not before the delay: short tasks never flash a bar
    qtbot.waitUntil(indicator.isVisible, timeout=10000)
    qtbot.waitUntil(lambda: "parcels.shp" in indicator.label.toolTip(), timeout=10000)
    assert "Reading data" in indicator.label.text()
    assert indicator.bar.maximum() == 1000 and indicator.bar.value() == 400
    assert not indicator.count.isVisible()
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        qtbot.mouseClick(indicator.cancel_button, Qt.MouseButton.LeftButton)
        assert task.is_cancelled()
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=10000)
    assert indicator.shown_task() is None


def test_unknown_progress_is_a_busy_bar(indicator, qtbot, gate):
    task = Task(waiting(gate, UNKNOWN, "indexing"), description="Index").start()
    qtbot.waitUntil(lambda: indicator.isVisible() and "indexing" in indicator.label.toolTip(), timeout=10000)
    assert indicator.bar.maximum() == 0
    gate.set()
    qtbot.waitUntil(lambda: task.delivered and not indicator.isVisible(), timeout=10000)


def test_several_tasks_show_the_newest_with_a_count(indicator, qtbot, gate):
    second_gate = threading.Event()
    try:
        older = Task(waiting(gate, 0.1, "a"), description="Older").start()
        newer = Task(waiting(second_gate, 0.7, "b"), description="Newer").start()
        hidden = Task(waiting(gate), description="Hidden", visible=False).start()
        qtbot.waitUntil(lambda: indicator.shown_task() is newer and indicator.bar.value() == 700, timeout=10000)
        assert indicator.count.isVisible() and "2" in indicator.count.text()
        assert "Hidden" not in indicator.count.toolTip() and "Older" in indicator.count.toolTip()
        second_gate.set()  # the newest ends: the older one is shown again
        qtbot.waitUntil(lambda: newer.delivered and indicator.shown_task() is older, timeout=10000)
        assert indicator.isVisible() and "Older" in indicator.label.text() and not indicator.count.isVisible()
        gate.set()
        qtbot.waitUntil(lambda: older.delivered and hidden.delivered and not indicator.isVisible(),
                        timeout=10000)
    finally:
        second_gate.set()


def test_the_main_window_shows_tasks_in_its_status_bar(window, qtbot, gate):
    task = Task(waiting(gate), description="Selecting in parcels…").start()
    qtbot.waitUntil(lambda: window.status.tasks.shown_task() is task and window.status.tasks.isVisible(),
                    timeout=10000)
    window.close()  # closing cancels every task, so none reports to a window that is gone
    assert task.is_cancelled() and task.done
