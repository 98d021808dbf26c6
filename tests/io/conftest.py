"""tests/io run without a QApplication: io is below the GUI. Tests that draw text use
``gui_app`` (a QGuiApplication); the session checks at its end that no QApplication was made."""

import pytest

from tests.qt_apps import assert_no_widget_application


@pytest.fixture(autouse=True, scope="session")
def _no_widget_application_in_io(request):
    yield
    assert_no_widget_application(request.session, "tests/io")
