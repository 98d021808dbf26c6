"""Arguments and output shared by the analysis commands (screen, overlay, stats, zonal).

Not a sub-command itself (no ``cmd_`` prefix): the commands import it. Output is a
file (.csv / .xlsx / .gpkg, by suffix) with ``--out``, one JSON object on stdout with
``--json``, else a short summary in the user's language. Progress goes to stderr
when stderr is a terminal, so ``--json`` output stays clean for scripts.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime

import numpy as np
import pandas as pd


def add_source(parser) -> None:
    parser.add_argument("source", metavar="PROJECT_OR_GPKG",
                        help="工程文件 (.ecomap)、GeoPackage 或其他数据文件 / "
                             "project file (.ecomap), GeoPackage or other data file")


def add_output(parser, formats: str = ".csv / .xlsx / .gpkg") -> None:
    parser.add_argument("--out", metavar="FILE",
                        help=f"输出文件 {formats}（按扩展名）/ output file {formats} (by extension)")
    parser.add_argument("--json", action="store_true",
                        help="向标准输出打印一个 JSON 对象 / print one JSON object to stdout")


def open_source(path: str):
    from ecomap.services.workspace_open import open_workspace

    return open_workspace(path)


def json_value(value):
    """A plain JSON value (numpy scalars, NaN → null, dates as ISO text)."""
    if value is None:
        return None
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(value) or math.isinf(value) else float(value)
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, (str, list, dict)):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def records(frame: pd.DataFrame) -> list[dict]:
    columns = [str(c) for c in frame.columns]
    return [{c: json_value(v) for c, v in zip(columns, row)} for row in frame.itertuples(index=False)]


def print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, allow_nan=False))


def require_output(args) -> None:
    if not args.out and not args.json:
        return  # a summary on stdout is fine
    if args.out:
        from ecomap.io.report_tables import check_output

        check_output(args.out)


def split_fields(values) -> list[str]:
    out = []
    for v in values or []:
        out += [p.strip() for p in str(v).replace("，", ",").split(",") if p.strip()]
    return out

