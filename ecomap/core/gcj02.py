"""GCJ-02 ("Mars coordinates") and BD-09 offsets used by Chinese web maps.

Amap, Tencent and Google-China show GCJ-02; Baidu shows BD-09 (GCJ-02 plus a second
offset). The forward formula is the public reverse-engineered one (shared/domain.md
§8.2, after wandergis/coordtransform); the inverse has no closed form, so it iterates
the forward transform until the residual is far below a millimetre. Results are
*approximate* by nature (the official algorithm is not published) and the GUI says so.

Vectorized over numpy arrays; scalars work too. Qt-free.
"""

from __future__ import annotations

import numpy as np

_A = 6378245.0  # Krassowsky semi-major axis
_EE = 0.00669342162296594323  # Krassowsky first eccentricity squared
_X_PI = np.pi * 3000.0 / 180.0

#: China's box; outside it the offset is not applied (as the web maps do)
LON_RANGE = (73.66, 135.05)
LAT_RANGE = (3.86, 53.55)


def in_china(lon, lat):
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    return (lon >= LON_RANGE[0]) & (lon <= LON_RANGE[1]) & (lat >= LAT_RANGE[0]) & (lat <= LAT_RANGE[1])


def _d_lat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    r += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    r += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    r += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return r


def _d_lon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    r += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    r += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    r += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return r


def _offset(lon, lat):
    """(dlon, dlat) in degrees that GCJ-02 adds to a WGS84 point."""
    dlat = _d_lat(lon - 105.0, lat - 35.0)
    dlon = _d_lon(lon - 105.0, lat - 35.0)
    rad = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = dlat * 180.0 / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = dlon * 180.0 / (_A / sqrt_magic * np.cos(rad) * np.pi)
    return dlon, dlat


def _out(a):
    return float(a) if np.ndim(a) == 0 else a


def wgs84_to_gcj02(lon, lat):
    """WGS84 (≈ CGCS2000 for map purposes) longitude/latitude → GCJ-02."""
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    dlon, dlat = _offset(lon, lat)
    inside = in_china(lon, lat)
    return _out(np.where(inside, lon + dlon, lon)), _out(np.where(inside, lat + dlat, lat))


def gcj02_to_wgs84(lon, lat, tolerance_deg: float = 1e-10, max_iter: int = 30):
    """GCJ-02 → WGS84 by fixed-point iteration of the forward transform (< 1 mm residual)."""
    glon, glat = np.asarray(lon, float), np.asarray(lat, float)
    wlon, wlat = glon.copy(), glat.copy()
    for _ in range(max_iter):
        flon, flat = wgs84_to_gcj02(wlon, wlat)
        rlon, rlat = np.asarray(flon) - glon, np.asarray(flat) - glat
        wlon, wlat = wlon - rlon, wlat - rlat
        if np.all(np.abs(rlon) < tolerance_deg) and np.all(np.abs(rlat) < tolerance_deg):
            break
    inside = in_china(glon, glat)
    return _out(np.where(inside, wlon, glon)), _out(np.where(inside, wlat, glat))


def gcj02_to_bd09(lon, lat):
    x, y = np.asarray(lon, float), np.asarray(lat, float)
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return _out(z * np.cos(theta) + 0.0065), _out(z * np.sin(theta) + 0.006)


def bd09_to_gcj02(lon, lat):
    x, y = np.asarray(lon, float) - 0.0065, np.asarray(lat, float) - 0.006
    z = np.sqrt(x * x + y * y) - 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * _X_PI)
    return _out(z * np.cos(theta)), _out(z * np.sin(theta))


def wgs84_to_bd09(lon, lat):
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon, lat):
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))
