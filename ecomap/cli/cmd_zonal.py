"""栅格分区统计：NDVI 均值/中位数、植被恢复、平均坡度 / Zonal statistics: NDVI, vegetation recovery, mean slope."""

from __future__ import annotations

from ecomap.cli import analysis_args as common_args
from ecomap.cli.terminal_progress import TerminalProgress
from ecomap.i18n import tr

NAME = "zonal"


def add_arguments(parser) -> None:
    from ecomap.analysis.zonal import (
        DEFAULT_MIN_GAIN,
        DEFAULT_MIN_PIXELS,
        DEFAULT_STATS,
        STATISTICS,
    )

    common_args.add_source(parser)
    parser.add_argument("polygons", metavar="POLYGONS",
                        help="面图层（图层名、专题或数据文件）/ polygon layer (name, theme id or data file)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--raster", metavar="RASTER",
                      help="统计该栅格（图层名或文件）/ statistics of this raster (layer name or file)")
    mode.add_argument("--recovery", nargs=2, metavar=("BEFORE", "AFTER"),
                      help="两期 NDVI 植被恢复评价 / vegetation recovery between two NDVI rasters")
    mode.add_argument("--slope", metavar="DEM",
                      help="由 DEM 计算平均坡度（度）/ mean slope (degrees) from a DEM")
    parser.add_argument("--stats", default=",".join(DEFAULT_STATS),
                        help="统计量，逗号分隔 / statistics, comma-separated: " + ",".join(STATISTICS))
    parser.add_argument("--band", type=int, default=1, help="波段（默认 1）/ band (default 1)")
    parser.add_argument("--all-touched", action="store_true",
                        help="计入与面边界接触的全部像元（默认只计像元中心落在面内的）/ count every pixel the "
                             "polygon touches (default: only pixels whose centre lies inside)")
    parser.add_argument("--min-pixels", type=int, default=DEFAULT_MIN_PIXELS, metavar="N",
                        help=f"有效像元少于 N 个的要素标注为均值不可靠（默认 {DEFAULT_MIN_PIXELS}）/ flag polygons "
                             f"with fewer valid pixels as unreliable (default {DEFAULT_MIN_PIXELS})")
    parser.add_argument("--min-gain", type=float, default=DEFAULT_MIN_GAIN,
                        help=f"判定恢复的 NDVI 均值最小增幅（默认 {DEFAULT_MIN_GAIN}）/ "
                             f"minimum rise of mean NDVI to count as recovered (default {DEFAULT_MIN_GAIN})")
    parser.add_argument("--min-ndvi", type=float,
                        help="判定恢复还要求后期 NDVI 均值不低于此值 / also require the later mean NDVI ≥ this")
    common_args.add_output(parser)


def _raster(workspace, key):
    return workspace.get(key, kind="raster")


#: GDAL block cache for this one-shot command: zonal statistics read every block once, so the
#: default cache (5 % of RAM) only costs allocating and page-faulting it (≈ 0.1–0.2 s)
_CACHE_BYTES = 0  # no cache: nothing is read twice


def run(args) -> int:
    import rasterio

    with rasterio.Env(GDAL_CACHEMAX=_CACHE_BYTES):
        return _run(args)


def _run(args) -> int:
    from ecomap.analysis import zonal

    common_args.require_output(args)
    workspace = common_args.open_source(args.source)
    polygons = workspace.get(args.polygons, kind="vector")
    progress = TerminalProgress()
    if args.recovery:
        before, after = (_raster(workspace, k) for k in args.recovery)
        table = zonal.vegetation_recovery(polygons, before, after, min_gain=args.min_gain, min_ndvi=args.min_ndvi,
                                          all_touched=args.all_touched, min_pixels=args.min_pixels,
                                          feedback=progress)
        title = "植被恢复评价"
    elif args.slope:
        table = zonal.mean_slope(polygons, _raster(workspace, args.slope), all_touched=args.all_touched,
                                 min_pixels=args.min_pixels, feedback=progress)
        title = "平均坡度"
    else:
        stats = common_args.split_fields([args.stats])
        table = zonal.run(polygons, _raster(workspace, args.raster), band=args.band, stats=stats,
                          all_touched=args.all_touched, min_pixels=args.min_pixels, feedback=progress)
        title = "分区统计"
    if args.out:
        from ecomap.io import report_tables
        from ecomap.services.analysis_reports import table_sheet, zonal_notes

        geoms = polygons.layer.geometry if args.out.lower().endswith(".gpkg") else None
        report_tables.write(args.out, [table_sheet(title, table, "zonal", geoms,
                                                   polygons.layer.features.crs)], info=zonal_notes(table))
    if args.json:
        common_args.print_json({"polygons": polygons.title or polygons.name,
                                "pixel_rule": table.attrs["pixel_rule"], "min_pixels": table.attrs["min_pixels"],
                                "few_pixels": int(table["few_pixels"].sum()),
                                "notes": list(zonal.notes_zh(table).values()),
                                "rows": common_args.records(table)})
        return 0
    print(tr("{n} polygons").format(n=len(table)))
    for line in zonal.notes(table):
        print(line)
    if "recovered" in table:
        n_rec = int((table["recovered"] == True).sum())
        print(tr("recovered: {n} of {total}").format(n=n_rec, total=len(table)))
    if args.out:
        print(tr("Wrote {path}").format(path=args.out))
    return 0
