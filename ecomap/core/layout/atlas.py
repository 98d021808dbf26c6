"""Atlas: one page per feature of a coverage layer (each township, each restoration project).

For each feature the atlas-driven map frames zoom to it (with a margin, at a round
scale), the feature is outlined and the rest faded, and its attributes fill the text
placeholders — ``{XZQMC}`` by field name, ``{乡镇名称}`` by alias, ``{page_name}``,
``{page}`` / ``{pages}``. Output is one multi-page PDF or one file per feature in a
folder, named by the name field (made safe for Windows file names).
"""

from __future__ import annotations

import math
from contextlib import ExitStack
from pathlib import Path

import numpy as np
import shapely

from ecomap.core.atomic import atomic_target
from ecomap.core.feedback import ensure
from ecomap.core.layout.context import AtlasFeature, LayoutContext, MapLayer
from ecomap.core.layout.model import Layout, MapFrame
from ecomap.core.layout.naming import guess_name_field, safe_filename
from ecomap.core.layout.output import (
    IMAGE_FORMATS,
    write_page_into,
    write_pdf_pages,
    write_pdf_pages_into,
)
from ecomap.errors import DataError
from ecomap.i18n import tr


def _value(v):
    if isinstance(v, (np.generic,)):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return ""
    return v


def atlas_features(ctx: LayoutContext, coverage: str, name_field: str = "", sort_field: str = "") -> list[AtlasFeature]:
    """The pages of an atlas over layer ``coverage`` (id or name), geometry in the context's CRS."""
    ml: MapLayer | None = ctx.layer(coverage)
    if ml is None or ml.layer is None:
        known = ", ".join(m.name for m in ctx.layers if m.is_vector)
        raise DataError(None, tr("no coverage layer named '{name}' (layers: {known})").format(
            name=coverage, known=known))
    if not ml.is_vector or getattr(ml.layer, "geometry_type", None) is None:
        raise DataError(None, tr("the coverage layer '{name}' has no geometry").format(name=ml.name))
    layer = ml.layer
    frame = layer.features
    if name_field and name_field not in frame.columns:
        raise DataError(None, tr("layer '{layer}' has no field '{field}'").format(layer=ml.name, field=name_field))
    if sort_field and sort_field not in frame.columns:
        raise DataError(None, tr("layer '{layer}' has no field '{field}'").format(layer=ml.name, field=sort_field))
    name_field = name_field or guess_name_field(layer, ml.theme) or ""
    geoms = np.asarray(frame.geometry.array, dtype=object)
    keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    order = np.flatnonzero(keep)
    if sort_field:
        order = order[np.argsort(frame[sort_field].to_numpy()[order], kind="stable")]
    src = layer.crs_info.crs()
    if src is not None and ctx.crs:
        from pyproj import CRS, Transformer

        dst = CRS.from_user_input(ctx.crs)
        if not src.equals(dst):
            tf = Transformer.from_crs(src, dst, always_xy=True)
            geoms = geoms.copy()
            geoms[order] = shapely.transform(geoms[order], lambda xy: np.column_stack(tf.transform(xy[:, 0], xy[:, 1])))
    columns = [c for c in frame.columns if c != frame.geometry.name]
    aliases = getattr(layer, "field_aliases", {}) or {}
    records = frame[columns].iloc[order].to_dict("records")
    pages = []
    for page, (index, record) in enumerate(zip(order.tolist(), records), start=1):
        attrs = {k: _value(v) for k, v in record.items()}
        attrs.update({aliases[k]: attrs[k] for k in attrs if k in aliases and aliases[k] not in attrs})
        name = str(attrs.get(name_field, "")) if name_field else ""
        pages.append(AtlasFeature(geometry=geoms[index], attributes=attrs, page=page, pages=len(order),
                                  name=name or str(page), layer_id=ml.id))
    return pages


def _prepare(layout: Layout) -> Layout:
    """The layout with its main frame atlas-driven when none is (an atlas must move some map)."""
    frames = layout.items_of(MapFrame)
    if frames and not any(f.atlas_driven for f in frames):
        layout = layout.copy()
        layout.items_of(MapFrame)[0].atlas_driven = True
    return layout


def export_atlas(layout: Layout, ctx: LayoutContext, out, coverage: str | None = None, name_field: str = "",
                 dpi: float = 300, image_format: str = "pdf", feedback=None) -> list[Path]:
    """Write the atlas: ``out`` ending in .pdf → one multi-page PDF; else a folder of files.

    ``image_format`` (pdf, png, jpg, tif, svg) is the per-feature file type for a folder.
    Returns the files written. All pages appear together when the last is done: a
    failure or a cancel (``feedback``, raising ``Cancelled``) leaves none of them.
    """
    feedback = ensure(feedback)
    spec = layout.atlas
    coverage = coverage or (spec.coverage if spec else "")
    if not coverage:
        raise DataError(None, tr("the atlas needs a coverage layer"))
    name_field = name_field or (spec.name_field if spec else "")
    sort_field = spec.sort_field if spec else ""
    feedback.set_progress(0.0, tr("Reading the coverage layer…"))
    features = atlas_features(ctx, coverage, name_field, sort_field)
    if not features:
        raise DataError(None, tr("the coverage layer '{name}' has no features").format(name=coverage))
    layout = _prepare(layout)
    out = Path(out)
    n = len(features)

    def announce(i: int, feature: AtlasFeature) -> None:
        feedback.set_progress(i / n, tr("Page {page} of {pages}: {name}").format(page=i + 1, pages=n,
                                                                                  name=feature.name))

    if out.suffix.lower() == ".pdf":
        def pages():
            for i, feature in enumerate(features):
                announce(i, feature)
                yield layout, ctx.with_atlas(feature)
        return [write_pdf_pages(out, pages(), dpi, title=ctx.title, feedback=feedback, count=n)]
    if out.exists() and not out.is_dir():
        raise DataError(out, tr("the atlas goes to a folder or a .pdf file"))
    ext = "." + image_format.lower().lstrip(".")
    if ext not in IMAGE_FORMATS and ext not in (".pdf", ".svg"):
        raise DataError(out, tr("unknown output type '{ext}' (use .pdf, .svg, .png, .jpg or .tif)").format(ext=ext))
    made_folder = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    used: set[str] = set()
    digits = len(str(n))
    try:
        with ExitStack() as pending:  # every page's temporary file is moved into place once all are written
            for i, feature in enumerate(features):
                feedback.check()
                announce(i, feature)
                stem = f"{i + 1:0{digits}d}_{safe_filename(feature.name, str(i + 1))}"
                while stem in used:
                    stem += "_"
                used.add(stem)
                target = out / (stem + ext)
                tmp = pending.enter_context(atomic_target(target))
                page_ctx = ctx.with_atlas(feature)
                page_feedback = feedback.sub(i / n, (i + 1) / n)
                if ext == ".pdf":
                    write_pdf_pages_into(tmp, target, [(layout, page_ctx)], dpi, feature.name, page_feedback)
                else:
                    write_page_into(tmp, target, layout, page_ctx, dpi, page_feedback)
                written.append(target)
            feedback.check()
    except BaseException:
        if made_folder:
            _remove_if_empty(out)
        raise
    return written


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty, or already gone: nothing of this run is in it
