"""Export benchmark (run by hand, not collected by pytest).

    .venv/bin/python tests/bench/bench_export.py [--project sample_data/sample.ecomap] [--repeat 3]
                                                  [--landuse LANDUSE.gpkg]

Measures, on the sample project:

* the A3 landscape briefing at 300 dpi as PDF (target < 5 s) and as PNG;
* the atlas of the townships as one multi-page A4 PDF at 300 dpi (target < 30 s),
  and as one PNG per township at 150 dpi;
* with ``--landuse`` (a file from shared/bench/make_landuse.py), the same A3 PDF with
  that dense layer added under the others: it goes into the PDF as an image
  (FINDINGS: a 600k-polygon vector PDF took 23.7 s and 186 MB).

Times are medians over ``--repeat`` runs, after one warm-up (the first run pays for
reading, reprojecting and levels of detail), plus that cold first run. Open time
(reading every layer of the project) is reported apart.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TARGETS = {"a3_pdf_300": 5.0, "atlas_pdf": 30.0}


def timed(fn, repeat: int) -> tuple[float, float]:
    """(cold first run, median of the warm runs) in seconds."""
    t0 = time.perf_counter()
    fn()
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        warm.append(time.perf_counter() - t0)
    return cold, statistics.median(warm) if warm else cold


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", default=str(ROOT / "sample_data" / "sample.ecomap"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--landuse", help="a make_landuse.py GeoPackage to add as a dense layer")
    parser.add_argument("--keep", help="folder to keep the outputs in (default: a temporary folder)")
    args = parser.parse_args(argv)
    faulthandler.dump_traceback_later(600, exit=True)  # a hung run says where

    from ecomap.core.layout import (
        briefing_layout,
        context_from_project,
        export_atlas,
        export_layout,
    )
    from ecomap.core.layout.atlas import atlas_features
    from ecomap.core.layout.templates import atlas_layout
    from ecomap.core.project import load_project
    from ecomap.core.render.job import ensure_gui_app
    from ecomap.services.project_open import open_project_layers

    ensure_gui_app()
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ecomap-bench-export-"))
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    project = load_project(args.project)
    ctx = context_from_project(project, open_project_layers(project))
    open_s = time.perf_counter() - t0
    print(f"project: {args.project} ({len(ctx.layers)} layers, {sum(m.visible for m in ctx.layers)} visible); "
          f"opened in {open_s:.2f} s")
    results = {}

    layout = briefing_layout("A3", "landscape")
    layout.variables.update(unit="示范县自然资源局", source="示范县生态环境数据")
    results["a3_pdf_300"] = timed(lambda: export_layout(layout, ctx, out / "a3.pdf", dpi=300), args.repeat)
    results["a3_png_300"] = timed(lambda: export_layout(layout, ctx, out / "a3.png", dpi=300), args.repeat)

    towns = next((m for m in ctx.layers if (m.theme or "") in ("townships", "township")), None)
    if towns is not None:
        pages = len(atlas_features(ctx, towns.id))
        atlas = atlas_layout("A4", "portrait", coverage=towns.id)
        results["atlas_pdf"] = timed(lambda: export_atlas(atlas, ctx, out / "atlas.pdf", dpi=300), args.repeat)
        results["atlas_png_150"] = timed(
            lambda: export_atlas(atlas, ctx, out / "atlas_png", dpi=150, image_format="png"), max(1, args.repeat - 2))
        print(f"atlas: {pages} townships")

    if args.landuse:
        from ecomap.core.default_styles import default_style_for
        from ecomap.core.layout.context import MapLayer
        from ecomap.io.registry import open_path

        t0 = time.perf_counter()
        (landuse,) = open_path(args.landuse)
        print(f"land use: {len(landuse.features):,} polygons read in {time.perf_counter() - t0:.1f} s")
        # make_landuse.py writes its mosaic elsewhere in zone 36: move it under the sample county
        import shapely

        target = ctx.full_extent(ctx.crs, [m for m in ctx.layers if m.is_vector])
        minx, miny, maxx, maxy = landuse.bounds
        dx = (target[0] + target[2]) / 2 - (minx + maxx) / 2
        dy = (target[1] + target[3]) / 2 - (miny + maxy) / 2
        landuse.set_features(landuse.features.set_geometry(
            shapely.transform(landuse.geometry, lambda xy: xy + [dx, dy]), crs=landuse.features.crs))
        ctx.layers.insert(1, MapLayer("landuse", "土地利用现状", landuse, default_style_for(landuse), True))
        results["a3_pdf_300_dense"] = timed(lambda: export_layout(layout, ctx, out / "a3_dense.pdf", dpi=300),
                                            max(1, args.repeat - 2))
        print(f"dense PDF: {(out / 'a3_dense.pdf').stat().st_size / 1e6:.1f} MB")

    print(f"\n{'what':<22}{'cold s':>9}{'warm s':>9}{'target':>9}")
    for name, (cold, warm) in results.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else (" ok" if cold < target else " MISSED")
        print(f"{name:<22}{cold:>9.2f}{warm:>9.2f}{(f'< {target:g}' if target else ''):>9}{verdict}")
    for name in ("a3.pdf", "atlas.pdf"):
        if (out / name).exists():
            print(f"{name}: {(out / name).stat().st_size / 1e6:.1f} MB")
    print(f"outputs in {out}")
    if ctx.warnings:
        print("warnings:", *dict.fromkeys(ctx.warnings), sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
