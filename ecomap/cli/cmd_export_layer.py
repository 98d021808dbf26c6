"""导出图层数据（GPKG/SHP/GeoJSON/KML/KMZ/CSV/XLSX/界址点TXT）/ Export a layer to GeoPackage, Shapefile, GeoJSON, KML, KMZ, CSV, XLSX or parcel TXT."""

from __future__ import annotations

from pathlib import Path

from ecomap.cli.export_common import check_out_folder, is_project
from ecomap.errors import DataError
from ecomap.i18n import tr

NAME = "export-layer"


def add_arguments(parser) -> None:
    parser.add_argument("source", metavar="PROJECT_OR_FILE", help="工程文件或数据文件 / project file or data file")
    parser.add_argument("--layer", metavar="NAME", help="图层名称（文件只有一个图层时可省略）/ layer name "
                        "(may be left out when the file has one layer)")
    parser.add_argument("--out", required=True, metavar="FILE",
                        help="输出文件 .gpkg .shp .geojson .kml .kmz .csv .xlsx .txt / output file")
    parser.add_argument("--crs", metavar="EPSG",
                        help="写出的坐标系，如 4490（与图层不同时投影）；文件未声明坐标系、EcoMap 推断时必须给出："
                             "给推断的代码即确认 / the CRS to write, e.g. 4490 (reprojects when it differs); "
                             "required when the file declares no CRS and EcoMap assumed one: give the assumed "
                             "code to confirm it")
    parser.add_argument("--encoding", metavar="ENC",
                        help="Shapefile 与界址点 TXT 的编码：默认 GBK（ArcGIS 和多数国产软件按 GBK 读取），"
                             "或 UTF-8（QGIS 等，字段名可存 3 个汉字）/ text encoding of Shapefile and parcel "
                             "TXT: GBK by default (what ArcGIS and most Chinese tools expect) or UTF-8 (QGIS "
                             "and newer tools; a field name then holds 3 Chinese characters)")
    parser.add_argument("--geometry", choices=["auto", "xy", "wkt", "none"], default="auto",
                        help="CSV/XLSX 几何列 / CSV and XLSX geometry columns")
    parser.add_argument("--name-field", metavar="FIELD", help="KML 要素名称字段 / KML placemark name field")
    parser.add_argument("--repair-geometry", action="store_true",
                        help="导出前修复无效几何（make_valid）/ make invalid geometries valid before exporting")
    parser.add_argument("--datum-shift", choices=["none", "file"],
                        help="西安80/北京54 与 CGCS2000、WGS84 之间没有公开的转换参数时：none 坐标不变地写出"
                             "（可能偏差约 100 米，结果附说明），file 使用数据文件自带的七参数（界址点 TXT 的转换参数）"
                             " / between Xian 1980 or Beijing 1954 and CGCS2000 or WGS 84, where PROJ publishes no "
                             "transformation: none writes the coordinates unchanged (up to about 100 m off, with a "
                             "note), file applies the 7 parameters the data file gives (a parcel TXT's 转换参数)")
    parser.add_argument("--towgs84", metavar="DX,DY,DZ,RX,RY,RZ,DS",
                        help="本地七参数（布尔莎）：平移 米、旋转 秒、尺度 ppm，旋转按 PROJ +towgs84 的位置矢量约定"
                             " / a local 7-parameter (Bursa-Wolf) set: shifts in m, rotations in arc-seconds, scale "
                             "in ppm, rotations as PROJ's +towgs84 (position vector) takes them")


def _find(source: Path, layer_name: str | None):
    """(layer, style, display name, theme)."""
    if is_project(source):
        from ecomap.core.project import load_project
        from ecomap.services.exports import project_context

        ctx = project_context(load_project(source))
        vectors = [ml for ml in ctx.layers if ml.is_vector]
        if layer_name is None:
            raise DataError(source, tr("--layer is required for a project; layers: {names}").format(
                names=", ".join(ml.name for ml in vectors)))
        ml = ctx.layer(layer_name) or next((m for m in vectors if getattr(m.layer, "name", "") == layer_name), None)
        if ml is None or not ml.is_vector:
            raise DataError(source, tr("no vector layer named '{name}'; layers: {names}").format(
                name=layer_name, names=", ".join(m.name for m in vectors)))
        return ml.layer, ml.style, ml.name, ml.theme
    from ecomap.io.registry import open_path

    layers = [lyr for lyr in open_path(source) if getattr(lyr, "kind", "") == "vector"]
    if layer_name is None:
        if len(layers) != 1:
            raise DataError(source, tr("--layer is required: the file has {n} layers ({names})").format(
                n=len(layers), names=", ".join(lyr.name for lyr in layers)))
        return layers[0], None, layers[0].name, None
    match = [lyr for lyr in layers if lyr.name == layer_name]
    if not match:
        raise DataError(source, tr("no vector layer named '{name}'; layers: {names}").format(
            name=layer_name, names=", ".join(lyr.name for lyr in layers)))
    return match[0], None, match[0].name, None


def run(args) -> int:
    from ecomap.cli.terminal_progress import TerminalProgress
    from ecomap.core.default_styles import default_style_for
    from ecomap.io.export import AssumedCrsError, DatumShiftError, ExportItem
    from ecomap.services.exports import export_data

    out = Path(args.out).expanduser()
    check_out_folder(out)
    source = Path(args.source).expanduser()
    layer, style, name, theme = _find(source, args.layer)
    if getattr(args, "repair_geometry", False):
        from ecomap.core.geometry_repair import repaired_copy

        repair = repaired_copy(layer, layer.name)
        layer = repair.layer
        print(tr("repaired {n} invalid geometries before exporting").format(n=repair.repaired))
    item = ExportItem(layer, style or default_style_for(layer, theme), name, theme,
                      datum_shift=_datum_choice(args, layer, source))
    progress = TerminalProgress()
    try:
        result = export_data([item], out, out.suffix, crs=args.crs, encoding=args.encoding, geometry=args.geometry,
                             name_field=args.name_field, feedback=progress)
    except AssumedCrsError as exc:
        raise DataError(exc.path, tr("{message}; give --crs {epsg} to confirm it, or --crs with another code to "
                                     "reproject from it").format(message=exc.message, epsg=exc.assumed_epsg)) from None
    except DatumShiftError as exc:
        hint = tr("give --towgs84 dx,dy,dz,rx,ry,rz,ds with the local 7 parameters, or --datum-shift none to write "
                  "the coordinates unchanged (up to about 100 m off; the result says so)")
        if exc.carried is not None:
            hint += "; " + tr("--datum-shift file applies the file's own")
        raise DataError(exc.path, f"{exc.message}: {hint}") from None
    finally:
        progress.close()
    epsg = result.crs.to_epsg() if result.crs is not None else None
    print(tr("Wrote {path}: {n} features, {crs}").format(
        path=", ".join(str(p) for p in result.paths), n=result.count,
        crs=f"EPSG:{epsg}" if epsg else (result.crs.name if result.crs is not None else tr("no coordinate system"))))
    for note in result.notes:
        print(tr("note: {text}").format(text=note))
    return 0


def _datum_choice(args, layer, source: Path):
    """What ``--datum-shift`` / ``--towgs84`` say to do across datums PROJ does not connect (None: ask)."""
    from ecomap.io.export import KEEP

    if args.towgs84 and args.datum_shift:
        raise DataError(None, tr("give either --towgs84 or --datum-shift, not both"))
    if args.towgs84:
        return args.towgs84
    if args.datum_shift == "file":
        shift = layer.metadata.get("datum_shift")
        if shift is None:
            raise DataError(source, tr("--datum-shift file: the file gives no datum transformation parameters"))
        return shift
    return KEEP if args.datum_shift == "none" else None
