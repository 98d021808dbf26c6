"""Opening a workspace (:class:`ecomap.core.workspace.Workspace`) from a project or a data file."""

from __future__ import annotations

import os
from pathlib import Path

from ecomap.core.feedback import Feedback, ensure
from ecomap.core.project import load_project
from ecomap.core.workspace import PROJECT_SUFFIX, Workspace, describe_layer
from ecomap.io.registry import open_path
from ecomap.services.project_open import open_project_layers


def open_workspace(path: str | os.PathLike, feedback: Feedback | None = None) -> Workspace:
    """Open a ``.ecomap`` project or any data file/folder EcoMap reads.

    A project reports one step per layer to ``feedback`` and stops with
    :class:`~ecomap.core.feedback.Cancelled` between layers once it is cancelled.
    """
    feedback = ensure(feedback)
    path = Path(path).expanduser()
    if path.suffix.lower() == PROJECT_SUFFIX:
        return _open_project(path, feedback)
    feedback.check()
    layers = open_path(path)
    return Workspace([describe_layer(lyr) for lyr in layers], path=path, open_other=open_workspace)


def _open_project(path: Path, feedback: Feedback) -> Workspace:
    project = load_project(path)
    out = []
    for entry, layer in open_project_layers(project, feedback):
        if layer is None:
            continue  # missing file: the analyses work with what is there
        out.append(describe_layer(layer, name=entry.layer or entry.name or layer.name,
                                  theme_id=entry.theme, title=entry.name or None))
    return Workspace(out, path=path, project=project, open_other=open_workspace)
