"""渲染地图为 PNG / render layers or a project to a PNG image.

The same render job as the canvas and layout export, headless. Semantics follow
``shared/bench/qgis_render.py`` so that timings compare with QGIS: the default style
(fill rgba(76,175,80,160), outline rgb(40,40,40) 0.1 mm), ``--zoom`` (the central
1/Z of the full extent by width), ``--views`` (a navigation replayed view by view)
and the ``--json`` timing fields ``open_s`` (start → layers ready), ``first_s``,
``warm_s`` (median of ``--repeat``), ``views_s``, ``views_mean_s``, ``views_p95_s``.

A project is drawn with whatever in it is usable: entries set aside by the schema
check, layers whose file cannot be read and layers the renderer could not draw are
each one ``note:``/``warning:`` line on stderr naming the layer, and the exit status
is 0 as long as a map was drawn; exit 2 with ``error:`` lines when nothing could be.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from ecomap.core.atomic import atomic_target
from ecomap.core.extent import padded
from ecomap.errors import DataError
from ecomap.i18n import tr

NAME = "render"


def add_arguments(parser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="LAYER_OR_PROJECT",
                        help="图层文件或 .ecomap 工程 / layer files or an .ecomap project")
    parser.add_argument("--out", required=True, help="输出 PNG 文件 / output PNG file")
    parser.add_argument("--size", default="1920x1080", help="图像大小 宽x高 / image size WxH")
    parser.add_argument("--zoom", type=float, default=1.0,
                        help="放大倍数：渲染全图中央 1/Z / render the central 1/Z of the full extent")
    parser.add_argument("--views", help="导航视图 JSON 文件 / JSON file of views (nav_views.json)")
    parser.add_argument("--repeat", type=int, default=3, help="重复渲染次数 / warm re-renders")
    parser.add_argument("--dpi", type=float, default=96.0, help="输出分辨率 / output DPI")
    parser.add_argument("--json", action="store_true", help="输出计时 JSON / print timings as JSON")
    parser.add_argument("--no-cache", action="store_true",
                        help="不复用已渲染的图层图像 / never reuse layer images already rendered")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
        if w <= 0 or h <= 0:
            raise ValueError
        return w, h
    except ValueError:
        raise DataError(None, tr("--size must look like 1920x1080, not '{text}'").format(text=text)) from None


def open_for_render(paths: list[str]):
    """([(layer, style, opacity, title)], project view or None) for the inputs: data files with the
    default style, or one project (its CRS and extent; what of it cannot be used is
    reported on stderr and left out).

    Data files are opened for drawing only (``open_path(..., for_drawing=True)``: GDAL
    formats as flat numpy arrays, no shapely objects).
    """
    from ecomap.core.style import RasterStyle, default_vector_style

    if len(paths) == 1 and paths[0].lower().endswith(".ecomap"):
        return _open_project(Path(paths[0]))
    from ecomap.io.registry import open_path

    entries = []
    for text in paths:
        path = Path(text)
        for lyr in open_path(path, for_drawing=True):
            style = RasterStyle() if getattr(lyr, "kind", "") == "raster" else default_vector_style()
            entries.append((lyr, style, 1.0, getattr(lyr, "name", path.name)))
    return entries, None


def _open_project(path: Path):
    try:
        from ecomap.core.project import load_project
        from ecomap.services.project_open import open_project_entries
    except ImportError:
        raise DataError(path, tr("project files are not supported by this build")) from None
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    from ecomap.core.style import RasterStyle, default_vector_style, style_from_dict

    project = load_project(path)
    for note in project.notes:
        _note(f"{path}: {note}")
    entries = []
    for entry, lyr, error in open_project_entries(project):
        if not entry.visible:
            continue
        if lyr is None:
            _warn(tr("layer “{name}” not drawn: {error}").format(name=_title(entry), error=error))
            continue
        style = None
        if entry.style:
            try:
                style = style_from_dict(entry.style)
            except DataError as exc:  # the schema check passed it: only a style it cannot build
                _warn(tr("layer “{name}”: {error}; drawn with the default style")
                      .format(name=_title(entry), error=exc.user_message()))
        if style is None:
            style = RasterStyle() if getattr(lyr, "kind", "") == "raster" else default_vector_style()
        entries.append((lyr, style, entry.opacity, _title(entry)))
    crs = None
    if project.crs:
        try:
            crs = CRS.from_user_input(project.crs)
        except CRSError:
            _note(tr("{path}: map coordinate system '{crs}' not understood; the first layer's is used")
                  .format(path=path, crs=project.crs[:80]))
    return entries, (crs, project.extent)


def _title(entry) -> str:
    return entry.name or entry.layer or Path(entry.source).name


def _note(text: str) -> None:
    print(tr("note: {text}").format(text=text), file=sys.stderr)


def _warn(text: str) -> None:
    print(f"warning: {text}", file=sys.stderr)


def run(args) -> int:
    from ecomap.core.map_settings import MapSettings, RenderLayer, view_for
    from ecomap.core.render.job import ensure_gui_app, render_image
    from ecomap.core.render.sources import layer_crs, transform_bounds

    t_start = time.perf_counter()
    w, h = _size(args.size)
    if args.no_cache:
        from ecomap.core.render.job import layer_cache

        layer_cache.enabled = False
    ensure_gui_app()
    entries, project_view = open_for_render(list(args.inputs))
    if not entries:
        raise DataError(args.inputs[0], tr("nothing to draw: no layer with geometry"))
    t_open = time.perf_counter() - t_start
    crs = (project_view[0] if project_view else None) or layer_crs(entries[0][0])
    full = None
    for lyr, *_ in entries:
        b = transform_bounds(_bounds(lyr), layer_crs(lyr), crs)
        if b is None:
            continue
        full = b if full is None else (min(full[0], b[0]), min(full[1], b[1]), max(full[2], b[2]), max(full[3], b[3]))
    if project_view and project_view[1]:
        full = tuple(project_view[1])
    if full is None:
        raise DataError(args.inputs[0], tr("nothing to draw: the layers are empty"))
    # a single point (or a north-south line) has no width to fit: give it a street-sized view
    full = padded(full, 0.0, minimum=0.0005 if crs is not None and crs.is_geographic else 50.0)
    base = MapSettings(extent=view_for(full, w, h, zoom=args.zoom), size=(w, h), dpi=args.dpi, crs=crs,
                       layers=tuple(RenderLayer(lyr, style, opacity=opacity) for lyr, style, opacity, _ in entries))

    from ecomap.core.render.job import layer_cache

    def render(settings, fresh=False, errors=None):
        if fresh:  # a real redraw: the finished-image cache would make it a blit
            layer_cache.clear()
        t = time.perf_counter()
        img = render_image(settings, errors=errors)
        return time.perf_counter() - t, img

    errors = []
    first, img = render(base, errors=errors)
    _report_layer_errors(errors, [e[3] for e in entries], args.inputs[0])
    warm = [render(base, fresh=True)[0] for _ in range(max(0, args.repeat))]
    out = Path(args.out)
    with atomic_target(out, suffix=out.suffix) as tmp:  # QImage picks the format by the extension
        if not img.save(str(tmp)):
            raise DataError(out, tr("cannot write the image"))
    nav = {}
    if args.views:
        try:
            views = json.loads(Path(args.views).read_text(encoding="utf-8"))["views"]
        except (OSError, ValueError, KeyError) as exc:
            raise DataError(args.views, tr("not a views file ({detail})").format(detail=exc)) from None
        secs = []
        for v in views:
            secs.append(render(base.with_extent(view_for(full, w, h, v["cx"], v["cy"], v["zoom"])))[0])
        srt = sorted(secs)
        nav = {"views_s": [round(s, 4) for s in secs], "views_mean_s": round(sum(secs) / len(secs), 4),
               "views_p95_s": round(srt[min(len(secs) - 1, int(0.95 * len(secs)))], 4)}
    result = {"engine": "ecomap", "cache": not args.no_cache, "size": [w, h], "zoom": args.zoom, "open_s": round(t_open, 4),
              "first_s": round(first, 4), "warm_s": round(statistics.median(warm), 4) if warm else None,
              **nav}
    from ecomap.core.render.vector import stop_background

    stop_background()  # a level being prepared for a next view nobody will ask for
    if args.json:
        print(json.dumps(result), flush=True)
    else:
        print(tr("wrote {path} ({w}×{h}) in {secs:.2f} s").format(path=out, w=w, h=h, secs=first))
    sys.stdout.flush()
    return 0


def _report_layer_errors(errors, titles: list[str], source) -> None:
    """One line per layer the renderer left out (``titles``: display names in drawing order);
    DataError when it left out every layer."""
    failed = {e.index for e in errors if not e.labels}
    every = bool(titles) and failed >= set(range(len(titles)))
    for e in errors:
        name = titles[e.index] if 0 <= e.index < len(titles) else e.name
        text = (tr("labels of layer “{name}” not drawn: {error}") if e.labels else
                tr("layer “{name}” not drawn: {error}")).format(name=name, error=e.message)
        print(f"error: {text}" if every else f"warning: {text}", file=sys.stderr)
    if every:
        raise DataError(source, tr("nothing could be drawn"))


def _bounds(layer):
    b = getattr(layer, "bounds", None)
    return b() if callable(b) else b
