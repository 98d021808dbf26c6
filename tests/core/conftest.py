"""Render tests draw text, which needs a Qt application. pytest-qt's QApplication is made
here, before the render job's headless fallback could make a bare QGuiApplication that
would stop the GUI tests later in the same session from creating theirs."""

import pytest


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):
    yield qapp
