"""生成地表水水质月报 / Monthly surface-water quality report (GB 3838-2002) as CSV, XLSX or JSON."""

from __future__ import annotations

import json

from ecomap.domain.water_report import check_month, load_water_dataset
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.services.water_reports import check_output_path, write_report

NAME = "water-report"


def add_arguments(parser) -> None:
    parser.add_argument("path", metavar="PROJECT_OR_GPKG",
                        help="工程文件 (.ecomap) 或 GeoPackage / project file or GeoPackage")
    parser.add_argument("--month", metavar="YYYY-MM",
                        help="监测月份，默认最新月份 / month, default: the latest month present")
    parser.add_argument("--out", metavar="FILE",
                        help="输出文件 .csv 或 .xlsx / output file (.csv or .xlsx)")
    parser.add_argument("--json", action="store_true",
                        help="向标准输出打印一个 JSON 对象 / print one JSON object to stdout")


def run(args) -> int:
    if not args.out and not args.json:
        raise DataError(None, tr("--out FILE.csv or FILE.xlsx is required unless --json is given"))
    if args.out:
        check_output_path(args.out)
    month = check_month(args.month, args.path) if args.month is not None else None
    report = load_water_dataset(args.path).report(month)
    if args.out:
        write_report(report, args.out)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, allow_nan=False))
    else:
        print(tr("Wrote {path}: {month}, {assessed} of {total} sections assessed").format(
            path=args.out, month=report.month, assessed=report.n_assessed,
            total=len(report.rows)))
    return 0
