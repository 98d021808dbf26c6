"""Test-wide set-up: headless Qt, English messages unless a test asks for Chinese, one Qt application.

A session that holds widget tests makes their QApplication before any test runs: a test
that draws text would otherwise make a bare QGuiApplication first (``gui_app``), and Qt
allows only one application per process. A session without widget tests never makes one
(tests/core and tests/io check it at the end).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ECOMAP_LANG", "en")

import pytest

import ecomap.services  # noqa: F401 - core's theme knowledge, as every entry point (cli, gui, app) has it
from ecomap import i18n
from tests.qt_apps import has_widget_tests

_applications = []  # kept alive for the session


def pytest_collection_finish(session):
    if has_widget_tests(session):
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is None:
            app = QApplication([])
            app.setApplicationName(session.config.getini("qt_qapp_name"))
        _applications.append(app)
        from ecomap.core.gui_gc import collect_garbage_on_this_thread

        collect_garbage_on_this_thread()  # as the app does: cycles of Qt objects freed on the GUI thread


@pytest.fixture(scope="session")
def gui_app():
    """The application text drawing needs: the session's QApplication when it has widget tests,
    else a QGuiApplication (offscreen) made the way the CLI makes its own."""
    from PySide6.QtCore import QCoreApplication

    from ecomap.core.render.job import ensure_gui_app

    ensure_gui_app()
    return QCoreApplication.instance()


@pytest.fixture(autouse=True)
def _english_by_default():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def chinese():
    """Switch messages to Chinese for one test."""
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")
