"""Text on a layout: ``{placeholder}`` substitution, CRS and scale wording, date, fonts.

Placeholders are looked up in one flat dictionary built for each page (project
title, date, CRS, scale, the layout's variables, the atlas feature's fields by name
and by alias). A placeholder with no value is left as written, so a typo shows on
the proof instead of silently vanishing.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from functools import lru_cache

from pyproj import CRS
from pyproj.exceptions import CRSError

from ecomap.i18n import language, tr

_PLACEHOLDER = re.compile(r"\{([^{}\n]+)\}")

#: Chinese sans fonts in order of preference (Windows, then Linux packages)
SANS_FAMILIES = ("Microsoft YaHei", "微软雅黑", "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC",
                 "Source Han Sans CN", "WenQuanYi Micro Hei", "Droid Sans Fallback")
SERIF_FAMILIES = ("SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")


def substitute(text: str, values: dict[str, object], drop_empty_lines: bool = True) -> str:
    """Replace every ``{name}`` whose name is in ``values``; leave the others as written.

    With ``drop_empty_lines``, a line whose placeholder has an empty value is left out
    (a footer "制图单位：{unit}" with no unit set prints nothing rather than a bare label).
    """
    def repl(match: re.Match) -> str:
        key = match.group(1).strip()
        if key in values and values[key] is not None:
            return _display(values[key])
        return match.group(0)

    lines = []
    for line in (text or "").split("\n"):
        keys = placeholders(line)
        if drop_empty_lines and any(k in values and _display(values[k]) == "" for k in keys):
            continue
        lines.append(_PLACEHOLDER.sub(repl, line))
    return "\n".join(lines)


def placeholders(text: str) -> list[str]:
    return [m.group(1).strip() for m in _PLACEHOLDER.finditer(text or "")]


def _display(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.2f}".rstrip("0").rstrip(".") if not value.is_integer() else str(int(value))
    if hasattr(value, "strftime"):
        return format_date(value)
    return str(value)


def format_date(day: _dt.date | None = None) -> str:
    """制图日期 as Chinese maps write it (2024年5月); ISO month in English."""
    day = day or _dt.date.today()
    if language() == "en":
        return f"{day.year}-{day.month:02d}"
    return f"{day.year}年{day.month}月"


def format_scale(denominator: float | None) -> str:
    """1:50 000 — rounded to 3 significant digits, thin-space thousands as printed maps do."""
    if not denominator or not math.isfinite(denominator):
        return ""
    digits = max(0, math.floor(math.log10(denominator)) - 2)
    rounded = int(round(denominator / 10 ** digits) * 10 ** digits)
    return "1:" + f"{rounded:,}".replace(",", " ")


_DATUMS = (("2000", "CGCS2000"), ("Xian 1980", "Xian1980"), ("Xian_1980", "Xian1980"), ("Beijing 1954", "Beijing1954"),
           ("Beijing_1954", "Beijing1954"))


def _datum_text(key: str | None) -> str | None:
    return {"CGCS2000": tr("China Geodetic Coordinate System 2000"),
            "Xian1980": tr("Xi'an 1980 Coordinate System"),
            "Beijing1954": tr("Beijing 1954 Coordinate System")}.get(key or "")


def _datum_key(crs: CRS) -> str | None:
    name = crs.datum.name if crs.datum is not None else ""
    return next((key for word, key in _DATUMS if word in name), None)


def gauss_kruger_zone(crs: CRS) -> tuple[int, int, float] | None:
    """(zone width 3 or 6, zone number, central meridian) of a Gauss-Krüger CRS, else None."""
    op = crs.coordinate_operation if crs.is_projected else None
    if op is None or "Transverse Mercator" not in op.method_name:
        return None
    params = {p.name: p.value for p in op.params}
    lon0 = float(params.get("Longitude of natural origin", float("nan")))
    false_easting = float(params.get("False easting", 500000.0))
    if not math.isfinite(lon0) or abs(float(params.get("Scale factor at natural origin", 1.0)) - 1.0) > 1e-9:
        return None
    prefix = round((false_easting - 500000.0) / 1e6)
    if prefix > 0:
        width = 3 if abs(prefix * 3 - lon0) < 1e-6 else 6
        return width, prefix, lon0
    if "3-degree" in crs.name or "3 degree" in crs.name:
        return 3, round(lon0 / 3), lon0
    return 6, round((lon0 + 3) / 6), lon0


def crs_description(crs_text: str) -> str:
    """A CRS as a Chinese map footer states it: datum, projection, zone, central meridian."""
    return _crs_description(crs_text, language())


@lru_cache(maxsize=64)
def _crs_description(crs_text: str, lang: str) -> str:
    try:
        crs = CRS.from_user_input(crs_text)
    except CRSError:  # an unreadable CRS string is shown as written
        return crs_text
    datum = _datum_text(_datum_key(crs))
    zone = gauss_kruger_zone(crs)
    if datum and zone is not None:
        width, number, meridian = zone
        return tr("{datum}, Gauss-Krüger projection, {width}° zones, zone {zone} "
                  "(central meridian {meridian}°E)").format(datum=datum, width=width, zone=number,
                                                          meridian=f"{meridian:g}")
    if crs.is_geographic:
        if datum:
            return tr("{datum}, geographic coordinates").format(datum=datum)
        if "WGS 84" in crs.name:
            return tr("WGS 84, geographic coordinates")
    try:
        epsg = crs.to_epsg(min_confidence=70)
    except CRSError:  # odd WKT: no code
        epsg = None
    return crs.name + (f" (EPSG:{epsg})" if epsg else "")


@lru_cache(maxsize=64)
def pick_family(preferred: str = "", serif: bool = False) -> str:
    """The font family to use: ``preferred`` when installed, else the first CJK font found.

    Needs a QGuiApplication (fonts come from Qt's font database).
    """
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    if preferred and preferred in installed:
        return preferred
    for family in (SERIF_FAMILIES if serif else SANS_FAMILIES) + SANS_FAMILIES:
        if family in installed:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return chinese[0] if chinese else (preferred or "")
