"""Where the desktop app keeps its settings (recent projects, window state) and autosaves.

``ECOMAP_CONFIG_DIR`` redirects both (tests, portable installs); otherwise Qt's
per-user locations are used.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

MAX_RECENT = 10


def config_dir() -> Path:
    env = os.environ.get("ECOMAP_CONFIG_DIR")
    if env:
        path = Path(env)
    else:
        path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or
                    Path.home() / ".ecomap")
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings() -> QSettings:
    if os.environ.get("ECOMAP_CONFIG_DIR"):
        return QSettings(str(config_dir() / "ecomap.ini"), QSettings.Format.IniFormat)
    return QSettings("EcoMap", "EcoMap")


def recent_projects() -> list[str]:
    value = settings().value("recent_projects", [])
    if isinstance(value, str):
        value = [value]
    return [v for v in (value or []) if v]


def add_recent_project(path: str | Path) -> list[str]:
    path = str(Path(path).resolve())
    items = [p for p in recent_projects() if p != path]
    items.insert(0, path)
    items = items[:MAX_RECENT]
    s = settings()
    s.setValue("recent_projects", items)
    s.sync()
    return items


def remove_recent_project(path: str) -> None:
    s = settings()
    s.setValue("recent_projects", [p for p in recent_projects() if p != path])
    s.sync()
