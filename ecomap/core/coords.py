"""Coordinates as people read and type them: decimal degrees, 度分秒 (DMS), metres, scales.

Formatting for the status bar and parsing for "go to coordinates" and the scale box.
Qt-free.
"""

from __future__ import annotations

import math
import re

from ecomap.errors import DataError
from ecomap.i18n import tr


def format_dms(value: float, positive: str, negative: str, seconds_decimals: int = 1) -> str:
    """116.40417 → 116°24′15.0″E."""
    hemi = positive if value >= 0 else negative
    v = abs(value)
    deg = int(v)
    minutes_full = (v - deg) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60, seconds_decimals)
    if seconds >= 60:
        seconds -= 60
        minutes += 1
    if minutes >= 60:
        minutes -= 60
        deg += 1
    return f"{deg}°{minutes:02d}′{seconds:0{3 + seconds_decimals if seconds_decimals else 2}.{seconds_decimals}f}″{hemi}"


def format_lonlat(lon: float, lat: float, dms: bool = False) -> str:
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return ""
    if dms:
        return f"{format_dms(lon, 'E', 'W')} {format_dms(lat, 'N', 'S')}"
    return f"{lon:.6f}°, {lat:.6f}°"


def format_xy(x: float, y: float, geographic: bool) -> str:
    if geographic:
        return f"{x:.6f}, {y:.6f}"
    return f"{x:.2f}, {y:.2f}"


_DMS = re.compile(r"""^\s*(?P<sign>[-+])?\s*(?P<deg>\d+(?:\.\d+)?)\s*(?:°|度|d|\s)\s*
                  (?:(?P<min>\d+(?:\.\d+)?)\s*(?:′|'|分|m|\s)\s*)?
                  (?:(?P<sec>\d+(?:\.\d+)?)\s*(?:″|"|''|秒|s)?\s*)?
                  (?P<hemi>[NSEWnsew东西南北])?\s*$""", re.VERBOSE)
_HEMI_SIGN = {"N": 1, "E": 1, "S": -1, "W": -1, "北": 1, "东": 1, "南": -1, "西": -1}


def parse_angle(text: str) -> tuple[float, str | None]:
    """'116.404', '116°24′14.4″E', '116度24分14.4秒', '-33 52 10 S'... → (degrees, hemisphere letter)."""
    t = text.strip()
    try:
        return float(t), None
    except ValueError:
        pass
    m = _DMS.match(t)
    if not m:
        raise DataError(None, tr("'{text}' is not a number or degrees-minutes-seconds").format(text=text))
    value = float(m["deg"]) + float(m["min"] or 0) / 60 + float(m["sec"] or 0) / 3600
    hemi = m["hemi"].upper() if m["hemi"] else None
    hemi = {"北": "N", "南": "S", "东": "E", "西": "W"}.get(hemi, hemi)
    sign = -1 if m["sign"] == "-" else 1
    if hemi:
        sign *= _HEMI_SIGN[hemi]
    return sign * value, hemi


_SPLIT = re.compile(r"\s*[,，;；]\s*|\s+(?=[-+]?\d[\d.]*\s*(?:°|度))")


def parse_pair(text: str) -> tuple[float, float, tuple[str | None, str | None]]:
    """Two numbers (or DMS angles) separated by a comma, semicolon or spaces."""
    t = text.strip()
    parts = [p for p in _SPLIT.split(t) if p]
    if len(parts) != 2:
        parts = t.split()
    if len(parts) != 2:
        raise DataError(None, tr("type two values separated by a comma, e.g. 116.404, 39.915"))
    (a, ha), (b, hb) = parse_angle(parts[0]), parse_angle(parts[1])
    return a, b, (ha, hb)


def parse_lonlat(text: str) -> tuple[float, float]:
    """A longitude/latitude pair; latitude first is accepted when the letters (N/E) say so."""
    a, b, (ha, hb) = parse_pair(text)
    if ha in ("N", "S") or hb in ("E", "W"):
        a, b = b, a
    if not (-180 <= a <= 180 and -90 <= b <= 90):
        raise DataError(None, tr("longitude must be within ±180° and latitude within ±90°"))
    return a, b


def parse_scale(text: str) -> float:
    """'1:50000', '1：5万', '50000', '1:50,000' → 50000."""
    t = text.strip().replace(",", "").replace(" ", "").replace("：", ":")
    if ":" in t:
        head, t = t.split(":", 1)
        if head not in ("1", "1.0"):
            raise DataError(None, tr("write the scale as 1:N, e.g. 1:50000"))
    factor = 1.0
    if t.endswith("万"):
        factor, t = 10000.0, t[:-1]
    try:
        value = float(t) * factor
    except ValueError:
        raise DataError(None, tr("write the scale as 1:N, e.g. 1:50000")) from None
    if not (value > 0 and math.isfinite(value)):
        raise DataError(None, tr("the scale must be a positive number"))
    return value


def format_scale(scale: float) -> str:
    if not (scale and math.isfinite(scale)):
        return ""
    if scale >= 100:
        return f"1:{round(scale):,}"
    return f"1:{scale:.3g}"
