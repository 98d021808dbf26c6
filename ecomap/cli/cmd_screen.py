"""建设项目选址分析（三线一单）/ Site screening of a project footprint against the constraint layers."""

from __future__ import annotations

from pathlib import Path

from ecomap.cli import analysis_args as common_args
from ecomap.errors import DataError
from ecomap.i18n import tr

NAME = "screen"


def add_arguments(parser) -> None:
    from ecomap.analysis.screening_rules import DEFAULT_WARN_DISTANCE_M, PROJECT_TYPES

    common_args.add_source(parser)
    parser.add_argument("--footprint", required=True, metavar="FILE_OR_WKT",
                        help="项目用地：数据文件（含界址点坐标 TXT）或 WKT / "
                             "project footprint: a data file (incl. parcel coordinate TXT) or WKT")
    parser.add_argument("--crs", metavar="EPSG",
                        help="WKT 坐标的坐标系，缺省时按坐标值判断 / CRS of WKT coordinates "
                             "(default: recognised from the values, else the data's)")
    parser.add_argument("--feature", metavar="ID_OR_NAME",
                        help="只用文件中的这个要素（要素号或名称）/ use only this feature of the file (id or name)")
    parser.add_argument("--buffer", type=float, default=5.0, metavar="M",
                        help="线状或点状用地的缓冲宽度（米，默认 5）/ buffer for line or point footprints (m, default 5)")
    parser.add_argument("--project-type", default="general", choices=sorted(PROJECT_TYPES),
                        help="项目类型 / project type: " + ", ".join(f"{k}={v[0]}" for k, v in PROJECT_TYPES.items()))
    parser.add_argument("--rules", metavar="RULES.json",
                        help="自定义判定规则表（JSON）/ a county's own rule table (JSON)")
    parser.add_argument("--warn-distance", type=float, metavar="M",
                        help=f"距生态保护红线、饮用水水源保护区多近时提示（米，默认取规则表，缺省 "
                             f"{DEFAULT_WARN_DISTANCE_M:g}）/ warn when the site comes this close to a red line or "
                             f"drinking-water zone (m; default from the rule table, else {DEFAULT_WARN_DISTANCE_M:g})")
    common_args.add_output(parser, ".csv / .xlsx / .gpkg / .pdf")


def run(args) -> int:
    from ecomap.analysis import footprint as fp_mod
    from ecomap.analysis import screening, screening_rules

    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() != ".pdf":
        common_args.require_output(args)
    elif out is not None and not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise DataError(out, tr("the output folder does not exist"))
    rules = screening_rules.load_table(args.rules) if args.rules else screening_rules.DEFAULT_TABLE
    rules = rules.with_warn_distance(args.warn_distance)
    workspace = common_args.open_source(args.source)
    screener = screening.Screener(workspace, rules)
    crs = fp_mod.parse_crs(args.crs)
    footprint = fp_mod.from_text(args.footprint, crs=crs, data_crs=screener.data_crs, buffer_m=args.buffer,
                                 feature=args.feature)
    result = screener.run(footprint, args.project_type)
    if out is not None:
        if out.suffix.lower() == ".pdf":
            from ecomap.services.screening_report import write_pdf

            write_pdf(result, out, layers=[wl for wl in workspace if wl.kind == "vector"])
        else:
            from ecomap.io import report_tables
            from ecomap.services.screening_report import screening_sheets

            report_tables.write(out, screening_sheets(result))
    if args.json:
        common_args.print_json(result.to_dict())
        return 0
    _print_summary(result)
    if out is not None:
        print(tr("Wrote {path}").format(path=out))
    return 0


def _print_summary(result) -> None:
    from ecomap.analysis.screening import format_distance
    from ecomap.core.measure import SQM_PER_HECTARE, SQM_PER_MU

    area = result.footprint_area_m2
    print(tr("Conclusion: {verdict}").format(verdict=result.conclusion()))
    print(tr("Footprint area: {m2:,.2f} m² ({mu:,.3f} mu, {ha:,.4f} ha)").format(
        m2=area, mu=area / SQM_PER_MU, ha=area / SQM_PER_HECTARE))
    if result.townships:
        print(tr("Township: {names}").format(names="、".join(
            f"{t.name} ({t.share:.1%})" for t in result.townships)))
    for r in result.rules:
        print(f"  [{r.rule.verdict}] {r.text()}")
    for o in result.overlaps:
        print("  " + tr("{layer} #{fid} {name} ({type}): {area:,.2f} m², {share:.2%} of the footprint").format(
            layer=o.layer, fid=o.feature_id, name=o.name, type=o.type or "—", area=o.area_m2, share=o.share))
    for t in result.by_layer:
        if t.feature_area_m2 > t.area_m2 * (1 + 1e-9):
            print("  " + tr("{layer} in all: {area:,.2f} m², {share:.2%} of the footprint (overlapping "
                            "features counted once)").format(layer=t.layer, area=t.area_m2, share=t.share))
    for n in result.nearby:
        print("  " + tr("near {layer} #{fid} {name}: {distance}").format(
            layer=n.layer, fid=n.feature_id, name=n.name, distance=format_distance(n.distance_m)))
    for n in result.nearest:
        print("  " + tr("nearest {layer}: {name} at {distance:,.1f} m").format(
            layer=n.layer, name=n.name, distance=n.distance_m))
