"""Autosave and crash recovery.

While a session runs, unsaved work is written every few minutes to
``<config>/autosave/autosave-<pid>.ecomap`` (absolute data paths) with a small JSON
sidecar saying which project it belongs to. A clean exit deletes both. At start-up,
an autosave whose process is no longer running is left over from a crash and is
offered for recovery. Qt-free except for nothing: plain files and os.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ecomap.core.atomic import atomic_write_text
from ecomap.core.project import Project


@dataclass
class Recovery:
    path: Path  # the autosaved project
    original: str | None  # the project file it belongs to, None for an unsaved project
    saved_at: float
    pid: int

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        _meta(self.path).unlink(missing_ok=True)


def _meta(path: Path) -> Path:
    return path.with_suffix(".json")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class Autosaver:
    def __init__(self, directory: Path, pid: int | None = None):
        self.directory = Path(directory)
        self.pid = pid or os.getpid()
        self.path = self.directory / f"autosave-{self.pid}.ecomap"

    def write(self, project: Project, original: str | None) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        data = project.to_dict(relative_to=None)
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1), data_error=False)
        atomic_write_text(_meta(self.path), json.dumps({"original": original, "saved_at": time.time(),
                                                        "pid": self.pid}), data_error=False)
        return self.path

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
        _meta(self.path).unlink(missing_ok=True)

    def leftovers(self) -> list[Recovery]:
        """Autosaves of sessions that ended without cleaning up (crashed), newest first."""
        out = []
        for path in self.directory.glob("autosave-*.ecomap"):
            try:
                meta = json.loads(_meta(path).read_text(encoding="utf-8"))
                pid = int(meta.get("pid", -1))
            except (OSError, ValueError):
                meta, pid = {}, -1
            if pid == self.pid or (pid > 0 and _alive(pid)):
                continue
            out.append(Recovery(path, meta.get("original"), float(meta.get("saved_at", path.stat().st_mtime)), pid))
        return sorted(out, key=lambda r: -r.saved_at)
