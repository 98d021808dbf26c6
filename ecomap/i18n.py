"""Translation: English source strings, Chinese (zh_CN) first.

``tr(text)`` returns the translation for the active language. Catalogues are Qt
``.ts`` files under ``resources/translations`` compiled to ``.qm``; the GUI installs
them into its QApplication, and the headless parts (CLI, io errors) read the same
``.ts`` source directly so that they need no Qt event loop.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from ecomap.resources import resource_path

CONTEXT = "EcoMap"
_language: str | None = None


def default_language() -> str:
    """zh_CN unless the user asked for English (ECOMAP_LANG, then LANGUAGE/LC_ALL/LANG)."""
    for var in ("ECOMAP_LANG", "LANGUAGE", "LC_ALL", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return "en" if value.lower().startswith("en") else "zh_CN"
    return "zh_CN"


def set_language(lang: str) -> None:
    global _language
    _language = "en" if lang.lower().startswith("en") else "zh_CN"


def language() -> str:
    return _language or default_language()


def ts_path(lang: str = "zh_CN") -> Path:
    return resource_path("translations", f"ecomap_{lang}.ts")


@lru_cache(maxsize=4)
def _catalogue(lang: str) -> dict[str, str]:
    path = ts_path(lang)
    if not path.exists():
        return {}
    table: dict[str, str] = {}
    # Our own file, written by ecomap.i18n_tools: no entities, safe to parse with ET.
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source and translation is not None and translation.text and translation.get("type") != "obsolete":
            table[source] = translation.text
    return table


def tr(text: str) -> str:
    """Translate an English source string into the active language."""
    lang = language()
    if lang == "en":
        return text
    return _catalogue(lang).get(text, text)
