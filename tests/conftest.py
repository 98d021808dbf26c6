"""Test-wide set-up: headless Qt, English messages unless a test asks for Chinese."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ECOMAP_LANG", "en")

import pytest  # noqa: E402

from ecomap import i18n  # noqa: E402


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
