"""Shared by the export commands: open a project (or a data file) as layout context and layers."""

from __future__ import annotations

from pathlib import Path

from ecomap.errors import DataError
from ecomap.i18n import tr


def is_project(path: Path) -> bool:
    return path.suffix.lower() == ".ecomap"


def load_context(path_text: str):
    """(project or None, LayoutContext) for a project file, or for a data file with default styles."""
    from ecomap.core.layout.context import LayoutContext, MapLayer

    path = Path(path_text).expanduser()
    if is_project(path):
        from ecomap.core.project import load_project
        from ecomap.services.exports import project_context

        project = load_project(path)
        return project, project_context(project)
    from ecomap.core.default_styles import default_style_for
    from ecomap.io.registry import open_path

    layers = open_path(path)
    records = [MapLayer(f"layer{i}", lyr.name, lyr, default_style_for(lyr), True) for i, lyr in enumerate(layers)]
    crs = next((lyr.crs_info.crs() for lyr in layers if lyr.crs_info.crs() is not None), None)
    crs_text = f"EPSG:{crs.to_epsg()}" if crs is not None and crs.to_epsg() else (crs.to_wkt() if crs else "EPSG:4326")
    return None, LayoutContext(layers=records, crs=crs_text, title=path.stem, project_path=path)


def parse_variables(pairs: list[str] | None) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise DataError(None, tr("--var expects NAME=VALUE, got '{text}'").format(text=pair))
        key, value = pair.split("=", 1)
        out[key.strip()] = value
    return out


def check_out_folder(out: Path) -> None:
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise DataError(out, tr("the folder does not exist"))


def add_dpi_argument(parser) -> None:
    parser.add_argument("--dpi", type=int, default=300, help="分辨率，默认 300 / resolution (default 300)")


def check_dpi(dpi: int) -> None:
    if not 30 <= dpi <= 1200:
        raise DataError(None, tr("--dpi must be between 30 and 1200"))
