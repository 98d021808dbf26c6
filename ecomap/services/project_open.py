"""Opening the layers a project names, each once, one error per layer rather than one for the project.

The project model and its file are :mod:`ecomap.core.project`; reading the data files
is io's. A project that records no map CRS takes its first layer's here, once the
layers are open.
"""

from __future__ import annotations

from pathlib import Path

from ecomap.core.feedback import Feedback, ensure
from ecomap.core.geometry_repair import repaired_copy
from ecomap.core.project import LayerEntry, Project, crs_of_layers
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.gdal_config import refuse_remote
from ecomap.io.registry import open_path


def open_project_entries(project: Project, feedback: Feedback | None = None, on_missing=None
                         ) -> list[tuple[LayerEntry, object | None, str | None]]:
    """(entry, layer or None, error message or None) for every layer of the project.

    Reads only the layers the project names (one GeoPackage table at a time, not every
    table of the file), each once. ``on_missing(entry)`` may return a replacement path
    (the GUI's "locate it" question). Reports one step per layer to ``feedback`` and
    raises :class:`~ecomap.core.feedback.Cancelled` between layers once it is cancelled.
    Runs fine in a worker thread. An entry recorded as a repaired copy gets its repair
    made again from what its file holds now.
    """
    feedback = ensure(feedback)
    cache: dict[tuple[Path, str | None], list | DataError] = {}
    out = []
    total = len(project.layers)
    for i, entry in enumerate(project.layers):
        feedback.check()
        feedback.step(i, total, entry.name or entry.source)
        out.append(_open_entry(project, entry, cache, on_missing))
    feedback.check()
    feedback.step(total, total, "")
    if not project.crs:
        project.crs = crs_of_layers(layer for _entry, layer, _error in out if layer is not None)
    return out


def _open_entry(project: Project, entry: LayerEntry, cache: dict, on_missing):
    try:
        refuse_remote(entry.source)  # a URL or /vsicurl/ source: never read, nor offered for relocation
    except DataError as exc:
        return entry, None, exc.user_message()
    source = project.resolve(entry)
    if not source.exists() and on_missing is not None:
        replacement = on_missing(entry)
        if replacement:
            project.relocate(entry, Path(replacement))
            source = project.resolve(entry)
    if not source.exists():
        return entry, None, tr("file not found: {path}").format(path=source)
    key = (source, entry.layer)
    if key not in cache:
        try:
            cache[key] = open_path(source, layer=entry.layer)
            for layer in cache[key]:
                _ = layer.bounds  # computed here, off the UI thread, and cached on the layer
        except DataError as exc:
            cache[key] = exc
    opened = cache[key]
    if isinstance(opened, DataError):
        return entry, None, opened.user_message()
    if entry.repair_geometry:
        copy = repaired_copy(opened[0], entry.name or None).layer
        _ = copy.bounds  # as for the layers read, off the UI thread
        return entry, copy, None
    return entry, opened[0], None


def open_project_layers(project: Project, feedback: Feedback | None = None, on_missing=None
                        ) -> list[tuple[LayerEntry, object | None]]:
    """Open every layer of the project: (entry, layer) pairs, layer None when its file is missing
    and ``on_missing(entry)`` returned no replacement; a file that cannot be read raises DataError."""
    pairs = []
    for entry, layer, error in open_project_entries(project, feedback, on_missing=on_missing):
        if layer is None and project.resolve(entry).exists():
            raise DataError(None, error)
        pairs.append((entry, layer))
    return pairs
