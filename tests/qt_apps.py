"""Which Qt application a test session may have.

Qt allows one application object per process, of one class. Widget tests (those using
pytest-qt's ``qapp``, directly or through ``qtbot``) need a ``QApplication``; tests of
the layers below the GUI (core, io, analysis, …) must run without one, and make a
``QGuiApplication`` only where they draw text (the ``gui_app`` fixture).
"""

from __future__ import annotations


def has_widget_tests(session) -> bool:
    """Does the session hold a test that needs a QApplication?"""
    return any("qapp" in getattr(item, "fixturenames", ()) for item in session.items)


def application_class_name() -> str | None:
    """The class of the process's Qt application ('QApplication', 'QGuiApplication', …), or None."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    return None if app is None else type(app).__name__


def assert_no_widget_application(session, where: str) -> None:
    """Fail when a session without widget tests made a QApplication (``where``: whose tests)."""
    if has_widget_tests(session):
        return
    name = application_class_name()
    assert name != "QApplication", (
        f"a QApplication was made while running {where}: code below the GUI must work without one "
        "(tests that draw text use the gui_app fixture, a QGuiApplication)")
