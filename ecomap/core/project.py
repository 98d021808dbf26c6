"""Project files (``.ecomap``): which layers, from where, how they look, and the view.

A project is JSON, written atomically (temporary file in the same folder, fsync,
rename) so a crash while saving never leaves a half-written project. Data paths are
stored relative to the project file so a project folder can be copied between
machines; a missing data file is reported per layer (``missing``) instead of
failing the whole project, so the GUI can ask the user to locate it. Loading checks the
file against :mod:`ecomap.core.project_schema`: what does not fit is set aside and listed
in ``Project.notes`` rather than failing the project or reaching the renderer.

The map CRS is the project's own: a new project has none until its first layer gives
one (:func:`crs_of_layers`), and a file that records none takes its first layer's when
the layers are opened (:mod:`ecomap.services.project_open`).
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ecomap.core.atomic import atomic_write_text
from ecomap.errors import DataError
from ecomap.i18n import tr

FORMAT = "ecomap-project"
VERSION = 1


@dataclass
class LayerEntry:
    """One layer as the project records it (what to open and how to draw it)."""

    source: str  # path as stored: relative to the project file when possible
    layer: str | None = None  # layer inside a container (GPKG table, KML folder)
    name: str = ""  # display name (Chinese title)
    style: dict | None = None
    visible: bool = True
    opacity: float = 1.0
    group: str | None = None  # group path, e.g. "基础数据" or "水环境/断面"
    theme: str | None = None  # catalogue theme id, when known
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    #: a repaired copy: the source is read as it is, then its invalid geometries made valid again
    repair_geometry: bool = False

    def to_dict(self) -> dict:
        data = {k: v for k, v in asdict(self).items() if v is not None}
        if not self.repair_geometry:
            del data["repair_geometry"]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> LayerEntry:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


@dataclass
class Bookmark:
    name: str
    extent: tuple[float, float, float, float]
    crs: str

    def to_dict(self) -> dict:
        return {"name": self.name, "extent": list(self.extent), "crs": self.crs}


@dataclass
class Project:
    title: str = ""
    crs: str | None = None  # map CRS as an authority string (or WKT); None until a layer gives one
    extent: tuple[float, float, float, float] | None = None
    layers: list[LayerEntry] = field(default_factory=list)  # drawing order: first is drawn at the bottom
    groups: list[str] = field(default_factory=list)
    bookmarks: list[Bookmark] = field(default_factory=list)
    layouts: list[dict] = field(default_factory=list)
    #: per group path: {"visible": bool, "expanded": bool} (groups not listed are shown and expanded)
    group_state: dict[str, dict] = field(default_factory=dict)
    #: where the project lives; relative layer sources resolve against its folder
    path: Path | None = None
    #: what loading set aside because it did not fit the schema, one line each (never saved)
    notes: list[str] = field(default_factory=list)

    def resolve(self, entry: LayerEntry) -> Path:
        source = Path(entry.source).expanduser()
        if not source.is_absolute() and self.path is not None:
            source = self.path.parent / source
        return source

    def missing_layers(self) -> list[LayerEntry]:
        return [e for e in self.layers if not self.resolve(e).exists()]

    def relocate(self, entry: LayerEntry, new_path: Path) -> None:
        """Point a layer (and every layer sharing its file) at the file's new place."""
        old = self.resolve(entry)
        for other in self.layers:
            if self.resolve(other) == old:
                other.source = str(new_path)

    def to_dict(self, relative_to: Path | None = None) -> dict:
        def stored(entry: LayerEntry) -> dict:
            data = entry.to_dict()
            if relative_to is not None:
                data["source"] = _relative(self.resolve(entry), relative_to.parent)
            return data

        return {
            "format": FORMAT,
            "version": VERSION,
            "title": self.title,
            "crs": self.crs,
            "extent": list(self.extent) if self.extent else None,
            "groups": self.groups,
            "layers": [stored(e) for e in self.layers],
            "bookmarks": [b.to_dict() for b in self.bookmarks],
            "layouts": self.layouts,
            **({"group_state": self.group_state} if self.group_state else {}),
        }

    @classmethod
    def from_dict(cls, data: dict, path: Path | None = None) -> Project:
        """The project in ``data``, checked against the schema: what does not fit is set aside
        and listed in ``notes`` (:mod:`ecomap.core.project_schema`)."""
        from ecomap.core.project_schema import validate_project

        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise DataError(path, tr("not an EcoMap project file"))
        version = data.get("version", 0)
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise DataError(path, tr("the project was saved by a newer EcoMap (format {version})")
                            .format(version=version))
        data, notes = validate_project(data, name=path)
        return cls(
            title=data.get("title", ""),
            crs=data.get("crs") or None,
            extent=tuple(data["extent"]) if data.get("extent") else None,
            layers=[LayerEntry.from_dict(e) for e in data.get("layers", [])],
            groups=list(data.get("groups", [])),
            bookmarks=[Bookmark(b["name"], tuple(b["extent"]), b.get("crs", "")) for b in data.get("bookmarks", [])],
            layouts=list(data.get("layouts", [])),
            group_state=dict(data.get("group_state") or {}),
            path=path,
            notes=notes,
        )


def _relative(target: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(target.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return str(target)


#: a project lists layers and holds no data: a file this big is not one (or is an attack)
MAX_PROJECT_MB = 64


def load_project(path: str | os.PathLike) -> Project:
    """Read a project file; raises DataError only when nothing usable is in it.

    Values that do not fit the schema are set aside and listed in ``project.notes``.
    """
    path = Path(path).expanduser()
    limit = int(MAX_PROJECT_MB * 1024 * 1024)
    try:
        with path.open("rb") as f:
            raw = f.read(limit + 1)  # never more, whatever the file says its size is
    except FileNotFoundError:
        raise DataError(path, tr("no such file or folder")) from None
    except PermissionError:
        raise DataError(path, tr("no permission to read this file")) from None
    except IsADirectoryError:
        raise DataError(path, tr("not an EcoMap project file")) from None
    except OSError as exc:
        raise DataError(path, tr("cannot read this file ({detail})").format(detail=exc.strerror or exc)) from None
    if len(raw) > limit:
        raise DataError(path, tr("the project file is larger than {limit} MB; EcoMap refuses it")
                        .format(limit=MAX_PROJECT_MB))
    try:
        text = raw.decode("utf-8-sig")  # Windows Notepad writes a byte-order mark
    except UnicodeDecodeError:
        raise DataError(path, tr("not an EcoMap project file")) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(path, tr("the project file is damaged (line {line}: {msg})")
                        .format(line=exc.lineno, msg=exc.msg)) from None
    except (RecursionError, ValueError) as exc:  # nesting beyond the parser, a number of 5,000 digits
        raise DataError(path, tr("the project file is damaged ({detail})").format(detail=exc)) \
            from None
    if not isinstance(data, dict):
        raise DataError(path, tr("not an EcoMap project file"))
    return Project.from_dict(data, path=path.resolve())


def save_project(project: Project, path: str | os.PathLike) -> Path:
    path = Path(path).expanduser().resolve()
    data = project.to_dict(relative_to=path)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1), data_error=False)
    project.path = path
    for entry, stored in zip(project.layers, data["layers"]):
        entry.source = stored["source"]
    return path


def crs_text(crs) -> str | None:
    """A pyproj CRS as the project stores it: "EPSG:n" when it has a code, else its WKT."""
    if crs is None:
        return None
    from ecomap.core.crs import epsg_of

    epsg = epsg_of(crs)
    return f"EPSG:{epsg}" if epsg else crs.to_wkt()


def crs_of_layers(layers) -> str | None:
    """The CRS of the first of ``layers`` that has one (as :func:`crs_text`), or None."""
    for layer in layers:
        info = getattr(layer, "crs_info", None)
        crs = info.crs() if info is not None else None
        if crs is not None:
            return crs_text(crs)
    return None
