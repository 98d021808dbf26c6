"""导出图集：覆盖图层每个要素一页 / Export an atlas: one page per feature of a coverage layer."""

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

NAME = "atlas"


def add_arguments(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="工程文件 (.ecomap) 或数据文件 / project file or data file")
    parser.add_argument("--layout", required=True, metavar="NAME",
                        help="版式名称或模板（briefing = 汇报模板）/ layout name or template (briefing = the briefing)")
    parser.add_argument("--coverage", required=True, metavar="LAYER",
                        help="覆盖图层（如乡镇）/ coverage layer, e.g. the townships")
    parser.add_argument("--out", required=True, metavar="DIR|FILE.pdf",
                        help="多页 PDF 文件，或每个要素一个文件的文件夹 / a multi-page PDF, or a folder of one file per feature")
    parser.add_argument("--format", default="pdf", choices=["pdf", "png", "jpg", "tif", "svg"],
                        help="文件夹输出时的文件格式 / file type when --out is a folder (default pdf)")
    parser.add_argument("--name-field", default="", metavar="FIELD",
                        help="页名字段（默认名称字段）/ field naming each page (default: the layer's name field)")
    add_dpi_argument(parser)
    parser.add_argument("--page", choices=["A4", "A3", "a4", "a3"], default=None, help="纸张 / page size")
    parser.add_argument("--orientation", choices=["landscape", "portrait"], default=None, help="方向 / orientation")
    parser.add_argument("--var", action="append", metavar="NAME=VALUE", help="文字变量 / text variable")


def run(args) -> int:
    from ecomap.core.layout.templates import BRIEFING, atlas_layout, find_layout
    from ecomap.services.exports import export_atlas

    out = Path(args.out).expanduser()
    check_out_folder(out)
    check_dpi(args.dpi)
    t0 = time.perf_counter()
    project, ctx = load_context(args.project)
    page, orientation = (args.page or "A4").upper(), args.orientation or "portrait"
    if args.layout in (BRIEFING, "atlas"):
        layout = atlas_layout(page, orientation, coverage=args.coverage, name_field=args.name_field)
    else:
        layout = find_layout(args.layout, project.layouts if project is not None else [], page, orientation)
        if args.page or args.orientation:
            layout = layout.resized(page, orientation)
    layout.variables.update(parse_variables(args.var))
    progress = TerminalProgress()
    try:
        exported = export_atlas(layout, ctx, out, coverage=args.coverage, name_field=args.name_field, dpi=args.dpi,
                                image_format=args.format, feedback=progress)
    finally:
        progress.close()
    seconds = time.perf_counter() - t0
    if out.suffix.lower() == ".pdf":
        from ecomap.core.layout.atlas import atlas_features

        pages = len(atlas_features(ctx, args.coverage, args.name_field))
        print(tr("Wrote {path}: {pages} pages in {seconds:.1f} s").format(path=out, pages=pages, seconds=seconds))
    else:
        print(tr("Wrote {n} files to {path} in {seconds:.1f} s").format(n=len(exported.paths), path=out,
                                                                         seconds=seconds))
    for warning in exported.notes:
        print(tr("warning: {text}").format(text=warning))
    return 0
