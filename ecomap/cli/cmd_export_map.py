"""导出专题图（PDF/PNG/JPEG/TIFF/SVG）/ Export a map layout of a project to PDF, PNG, JPEG, TIFF or SVG."""

from __future__ import annotations

import time
from pathlib import Path

from ecomap.cli.export_common import (
    add_dpi_argument,
    check_dpi,
    check_out_folder,
    load_context,
    parse_variables,
)
from ecomap.cli.terminal_progress import TerminalProgress
from ecomap.i18n import tr

NAME = "export-map"


def add_arguments(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="工程文件 (.ecomap) 或数据文件 / project file or data file")
    parser.add_argument("--layout", metavar="NAME",
                        help="版式名称、模板名或模板文件；默认工程的第一个版式，否则汇报模板 / "
                             "layout name, template name or template file; default: the project's first layout, "
                             "else the briefing template")
    parser.add_argument("--out", required=True, metavar="FILE",
                        help="输出文件 .pdf .png .jpg .tif .svg / output file")
    add_dpi_argument(parser)
    parser.add_argument("--page", choices=["A4", "A3", "a4", "a3"], default=None,
                        help="纸张（用于汇报模板）/ page size for the briefing template (default A3)")
    parser.add_argument("--orientation", choices=["landscape", "portrait"], default=None,
                        help="方向 / orientation for the briefing template (default landscape)")
    parser.add_argument("--title", help="图名（默认工程标题）/ map title (default: the project title)")
    parser.add_argument("--var", action="append", metavar="NAME=VALUE",
                        help="文字变量，如 unit=某县自然资源局、source=… / text variable, e.g. unit=…, source=…")


def run(args) -> int:
    from ecomap.core.layout.templates import find_layout
    from ecomap.services.exports import export_layout

    out = Path(args.out).expanduser()
    check_out_folder(out)
    check_dpi(args.dpi)
    t0 = time.perf_counter()
    project, ctx = load_context(args.project)
    layouts = project.layouts if project is not None else []
    layout = find_layout(args.layout, layouts, (args.page or "A3").upper(), args.orientation or "landscape")
    if args.page or args.orientation:
        layout = layout.resized((args.page or layout.page).upper(), args.orientation or layout.orientation)
    if args.title:
        ctx.title = args.title
    layout.variables.update(parse_variables(args.var))
    progress = TerminalProgress()
    try:
        exported = export_layout(layout, ctx, out, dpi=args.dpi, feedback=progress)
    finally:
        progress.close()
    print(tr("Wrote {path} ({layout}, {page} {orientation}, {dpi} dpi) in {seconds:.1f} s").format(
        path=out, layout=layout.name, page=layout.page, orientation=layout.orientation, dpi=args.dpi,
        seconds=time.perf_counter() - t0))
    for warning in exported.notes:
        print(tr("warning: {text}").format(text=warning))
    return 0
