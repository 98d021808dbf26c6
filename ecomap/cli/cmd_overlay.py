"""两图层叠加重叠分析 / Overlap report between two layers (areas in m², 亩, 公顷)."""

from __future__ import annotations

from ecomap.cli import analysis_args as common_args
from ecomap.cli.terminal_progress import TerminalProgress
from ecomap.i18n import tr

NAME = "overlay"


def add_arguments(parser) -> None:
    common_args.add_source(parser)
    parser.add_argument("layer_a", metavar="LAYER_A",
                        help="图层 A：图层名、专题（如 mines）或另一个数据文件 / "
                             "layer A: layer name, theme id (e.g. mines) or another data file")
    parser.add_argument("layer_b", metavar="LAYER_B",
                        help="图层 B（同上，如 redlines）/ layer B (same, e.g. redlines)")
    parser.add_argument("--by-a", action="append", metavar="FIELD",
                        help="按 A 的字段汇总（可重复或逗号分隔）/ group by these fields of A (repeat or comma-separate)")
    parser.add_argument("--by-b", action="append", metavar="FIELD",
                        help="按 B 的字段汇总 / group by these fields of B")
    parser.add_argument("--summary", action="store_true",
                        help="只输出汇总表（不输出逐对明细）/ write only the summary table, not every pair")
    parser.add_argument("--no-dissolve", action="store_true",
                        help="汇总只累加逐对面积，不合并同一图层内重叠的要素（更快，重叠部分重复计）/ totals add up "
                             "the pairs without dissolving overlapping features (faster; overlaps counted again)")
    common_args.add_output(parser)


def run(args) -> int:
    from ecomap.analysis import overlay
    from ecomap.core.measure import SQM_PER_HECTARE, SQM_PER_MU
    from ecomap.io.stored_layers import analysis_workspace

    common_args.require_output(args)
    workspace = analysis_workspace(args.source, common_args.open_source)  # a GeoPackage read in part
    a = workspace.get(args.layer_a, kind="vector")
    b = workspace.get(args.layer_b, kind="vector")
    result = overlay.run(a, b, by_a=common_args.split_fields(args.by_a), by_b=common_args.split_fields(args.by_b),
                         feedback=TerminalProgress())
    dissolve = not args.no_dissolve
    summary = result.summary(dissolve_overlaps=dissolve)
    if args.out:
        from ecomap.io import report_tables
        from ecomap.services.analysis_reports import overlay_sheets

        report_tables.write(args.out, overlay_sheets(result, details=not args.summary, dissolve_overlaps=dissolve),
                            a=result.a_title, b=result.b_title)
    if args.json:
        obj = {"a": result.a_title, "b": result.b_title, "kind": result.kind,
               "summary": common_args.records(summary)}
        if not args.summary:
            obj["pairs"] = common_args.records(result.table)
        common_args.print_json(obj)
        return 0
    print(tr("{n} overlapping pairs between {a} and {b}").format(n=len(result), a=result.a_title, b=result.b_title))
    if result.kind == "area" and len(result):
        summed = float(result.table["area_m2"].sum())
        if dissolve:
            total = result.covered_area_m2()
            print(tr("Total overlap: {m2:,.2f} m² ({mu:,.3f} mu, {ha:,.4f} ha)").format(
                m2=total, mu=total / SQM_PER_MU, ha=total / SQM_PER_HECTARE))
        if not dissolve or summed > total * (1 + 1e-9):
            print(tr("Sum of the pairs: {m2:,.2f} m² (land under overlapping features counted again)").format(
                m2=summed))
    if args.out:
        print(tr("Wrote {path}").format(path=args.out))
    return 0
