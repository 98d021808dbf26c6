"""Every export, one function per output, shared by the window and the CLI.

Each function takes plain inputs — a layout and its :class:`LayoutContext` (a
snapshot taken on the GUI thread with :func:`layout_snapshot`), render settings,
paths, dpi — and one :class:`~ecomap.core.feedback.Feedback`. It reports what it is
doing with a text, checks for a cancel between steps and pages, and writes through
:mod:`ecomap.core.atomic`, so a failed or cancelled export leaves neither the file
nor a temporary one beside it. The window runs these in a :class:`ecomap.core.tasks.Task`;
the CLI calls them directly with a feedback that prints to stderr. Screen, export and
CLI thus draw through one path (``ecomap.core.layout.page.render_page`` and the
render job's layer renderer).

QtGui only for the rendering core does; no widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ecomap.core.feedback import UNKNOWN, Feedback, ensure
from ecomap.core.layout.context import LayoutContext
from ecomap.core.layout.model import Layout
from ecomap.errors import DataError
from ecomap.i18n import tr

#: how much larger than the screen the clipboard's copy of the map is drawn
CLIPBOARD_SCALE = 2.0


@dataclass
class Exported:
    """What an export wrote, and what the user should be told about it."""

    paths: list[Path]
    #: what could not be drawn, or what the file format changed (translated, without repeats)
    notes: list[str] = field(default_factory=list)
    #: features written (data exports)
    count: int = 0
    #: the coordinate system written (data exports; a pyproj CRS or None)
    crs: object = None

    @property
    def path(self) -> Path | None:
        return self.paths[0] if self.paths else None


def layout_snapshot(layout: Layout, ctx: LayoutContext) -> tuple[Layout, LayoutContext]:
    """A copy of ``layout`` and ``ctx`` a worker thread may draw while the user goes on editing.

    The layer records are copied as a list; the layers themselves are read, never changed,
    by the renderer. Warnings and failed layers start empty, so each export reports its own.
    """
    return layout.copy(), replace(ctx, layers=list(ctx.layers), warnings=[], failed=set())


def project_context(project, feedback: Feedback | None = None) -> LayoutContext:
    """The layout context of a loaded project, its layers opened (one progress step per layer)."""
    from ecomap.core.layout.context import context_from_project
    from ecomap.services.project_open import open_project_layers

    ctx = context_from_project(project, open_project_layers(project, feedback))
    if not ctx.layers:
        raise DataError(project.path, tr("none of the project's layers could be opened"))
    return ctx


def export_layout(layout: Layout, ctx: LayoutContext, path, dpi: float = 300,
                  feedback: Feedback | None = None) -> Exported:
    """``layout`` as the file ``path`` (.pdf .svg .png .jpg .tif, by the extension)."""
    from ecomap.core.layout import output

    feedback = ensure(feedback)
    path = Path(path)
    feedback.set_progress(0.0, tr("Drawing {name}…").format(name=path.name))
    output.export_layout(layout, ctx, path, dpi=dpi, feedback=feedback)
    feedback.set_progress(1.0)
    return Exported([path], list(dict.fromkeys(ctx.warnings)))


def export_atlas(layout: Layout, ctx: LayoutContext, out, coverage: str | None = None, name_field: str = "",
                 dpi: float = 300, image_format: str = "pdf", feedback: Feedback | None = None) -> Exported:
    """One page per feature of ``coverage``: ``out`` ending in .pdf is one PDF, else a folder of files."""
    from ecomap.core.layout import atlas

    feedback = ensure(feedback)
    written = atlas.export_atlas(layout, ctx, out, coverage=coverage, name_field=name_field, dpi=dpi,
                                 image_format=image_format, feedback=feedback)
    feedback.set_progress(1.0)
    return Exported(written, list(dict.fromkeys(ctx.warnings)))


def render_layout_image(layout: Layout, ctx: LayoutContext, dpi: float = 150, feedback: Feedback | None = None):
    """The whole page of ``layout`` as a QImage at ``dpi`` (the designer's copy to the clipboard)."""
    from ecomap.core.layout.output import render_page_image

    feedback = ensure(feedback)
    feedback.set_progress(0.0, tr("Drawing the page…"))
    return render_page_image(layout, ctx, dpi, feedback)


def render_map_image(settings, scale: float = CLIPBOARD_SCALE, feedback: Feedback | None = None):
    """The map view ``settings`` drawn at ``scale`` times its pixels and resolution (a QImage).

    For the clipboard: pasted into WPS or Word at its recorded resolution, it keeps the
    screen's size and prints sharp.
    """
    from ecomap.core.render.job import render_image

    feedback = ensure(feedback)
    feedback.set_progress(0.0, tr("Drawing the map…"))
    big = settings.with_size(max(1, round(settings.width * scale)), max(1, round(settings.height * scale)))
    big = replace(big, dpi=settings.dpi * scale, extent=settings.visible_extent)
    image = render_image(big, feedback)
    feedback.check()  # a cancelled render returns what it had drawn so far
    image.setDotsPerMeterX(round(big.dpi / 0.0254))
    image.setDotsPerMeterY(round(big.dpi / 0.0254))
    return image


def export_data(items: list, target, ext: str, feedback: Feedback | None = None, **options) -> Exported:
    """Vector layers (``ecomap.io.export.ExportItem``) into files of type ``ext``.

    Several layers in a format that holds one (Shapefile, GeoJSON, CSV …), or layers
    for a ``target`` that is a folder, go one file per layer, named after it, into the
    folder ``target``; otherwise all go into the file ``target`` (given the extension ``ext``). ``options`` are those of
    ``ecomap.io.export.export_layers`` (crs, encoding, geometry, …). A cancel takes
    effect between layers; each file is written whole or not at all.
    """
    from ecomap.core.layout.naming import safe_filename
    from ecomap.io.export import MULTI_LAYER, export_layers

    feedback = ensure(feedback)
    target = Path(target)
    ext = ext.lower()
    if (len(items) > 1 and ext not in MULTI_LAYER) or target.is_dir():
        jobs = [([item], target / (safe_filename(item.out_name, "layer") + ext), item.out_name) for item in items]
        if target.exists() and not target.is_dir():
            raise DataError(target, tr("several layers in this format go into a folder, one file each"))
        target.mkdir(parents=True, exist_ok=True)
    else:
        path = target if target.suffix.lower() == ext else target.with_suffix(ext)
        jobs = [(items, path, None)]
    out = Exported([])
    for i, (group, path, label) in enumerate(jobs):
        feedback.step(i, len(jobs), tr("Writing {name}…").format(name=path.name))
        feedback.check()
        result = export_layers(group, path, **options)
        out.paths += result.paths
        out.notes += [f"{label}: {note}" for note in result.notes] if label else result.notes
        out.count += result.count
        out.crs = out.crs if out.crs is not None else result.crs
    feedback.set_progress(1.0)
    return out


def write_screening_pdf(result, path, layers=(), feedback: Feedback | None = None) -> Exported:
    """The site-screening report as a PDF (its map drawn by the render job)."""
    from ecomap.services.screening_report import write_pdf

    feedback = ensure(feedback)
    feedback.check()
    feedback.set_progress(UNKNOWN, tr("Writing {name}…").format(name=Path(path).name))
    return Exported([write_pdf(result, path, layers=layers)])


def write_screening_tables(result, path, feedback: Feedback | None = None) -> Exported:
    """The site-screening tables as Excel, CSV or GeoPackage (by the extension)."""
    from ecomap.io import report_tables
    from ecomap.services.screening_report import screening_sheets

    feedback = ensure(feedback)
    feedback.check()
    feedback.set_progress(UNKNOWN, tr("Writing {name}…").format(name=Path(path).name))
    return Exported([report_tables.write(path, screening_sheets(result))])
