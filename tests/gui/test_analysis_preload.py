"""The analysis modules the dialogs need are loaded in the background, not on first click."""

from __future__ import annotations

import sys
import threading

from ecomap.core.feedback import Feedback
from ecomap.gui import analysis_menu


def test_every_preloaded_module_exists():
    analysis_menu._preload_analysis_modules(Feedback())
    assert all(name in sys.modules for name in analysis_menu.ANALYSIS_MODULES)


def test_the_window_preloads_them_off_the_gui_thread(window, qtbot, monkeypatch):
    threads = []
    monkeypatch.setattr(analysis_menu, "_preload_analysis_modules",
                        lambda feedback: threads.append(threading.current_thread()))
    window.__dict__.pop("analysis_menu", None)
    analysis_menu.install_analysis_actions(window)
    qtbot.waitUntil(lambda: bool(threads), timeout=10000)
    assert threads[0] is not threading.main_thread()
