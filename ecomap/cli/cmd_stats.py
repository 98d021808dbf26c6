"""分乡镇（行政单元）专题统计 / Statistics of each theme by administrative unit (township)."""

from __future__ import annotations

from ecomap.cli import analysis_args as common_args
from ecomap.cli.terminal_progress import TerminalProgress
from ecomap.errors import DataError
from ecomap.i18n import tr

NAME = "stats"
#: layers not counted by default: the units themselves and base layers
_SKIP_THEMES = {"county", "townships"}


def add_arguments(parser) -> None:
    common_args.add_source(parser)
    parser.add_argument("--units", default="townships", metavar="LAYER",
                        help="行政单元图层（默认乡镇）/ administrative unit layer (default: townships)")
    parser.add_argument("--layers", nargs="+", metavar="LAYER",
                        help="参与统计的图层（默认全部专题图层）/ layers to count (default: every thematic layer)")
    common_args.add_output(parser)


def run(args) -> int:
    from ecomap.analysis import stats

    common_args.require_output(args)
    workspace = common_args.open_source(args.source)
    units = workspace.get(args.units, kind="vector")
    if args.layers:
        layers = [workspace.get(name, kind="vector") for name in args.layers]
    else:
        layers = [wl for wl in workspace.vector_layers
                  if wl is not units and wl.theme_id not in _SKIP_THEMES and wl.theme is not None]
    if not layers:
        raise DataError(workspace.path, tr("no thematic layers to count; name them with --layers"))
    result = stats.run(units, layers, feedback=TerminalProgress())
    if args.out:
        from ecomap.io import report_tables
        from ecomap.services.analysis_reports import STATS_NOTES, stats_sheets

        report_tables.write(args.out, stats_sheets(result), info=STATS_NOTES)
    if args.json:
        common_args.print_json({"units": units.title or units.name,
                                "area_rule": "covered",
                                "layers": [{"layer": t, "kind": k} for t, k in result.layers],
                                "by_unit": common_args.records(result.wide()),
                                "rows": common_args.records(result.table)})
        return 0
    print(tr("{units}: {n} units, {k} layers").format(units=units.title or units.name, n=len(result.units),
                                                      k=len(result.layers)))
    print(tr("Areas are the land each layer covers (overlapping features counted once); the feature-area "
             "sum, which counts overlaps again, is the feature_area column."))
    if args.out:
        print(tr("Wrote {path}").format(path=args.out))
    return 0
