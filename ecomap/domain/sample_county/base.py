"""Constants, the shared build context and small geometry helpers of the sample county.

The sample is a fictional Loess-plateau coal county ("示范县") in CGCS2000 3° Gauss-Krüger
zone 36 with the zone number in the false easting (EPSG:4524, eastings 36 4xx xxx,
northings 4 1xx xxx, about 37.4°N 107.6°E). Every random choice draws from a named
stream (:func:`noise.rng`) so that changing one layer does not reshuffle the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ecomap.core.measure import SQM_PER_HECTARE, ellipsoidal_areas
from ecomap.domain.catalogue import get_theme
from ecomap.domain.sample_county import noise

EPSG = 4524
COUNTY_CODE = "610899"
COUNTY_NAME = "示范县"
PROVINCE = "陕西省（示例）"
REFERENCE_DATE = "2025-11-30"
GENERATOR_VERSION = "1.0"
BASE_SEED = 20251130

CENTER = (36_468_000.0, 4_142_000.0)
RADII = (20_000.0, 16_000.0)

SURNAMES = ("王", "李", "张", "刘", "杨", "高", "郝", "马", "白", "贺", "冯", "曹", "薛", "任", "艾", "惠", "拓",
            "霍", "折", "呼", "党", "訾", "米", "武", "闫", "郭", "乔", "常")
GIVEN = ("建军", "志强", "海军", "军", "伟", "小平", "文斌", "永刚", "玉梅", "秀英", "春生", "国庆", "红霞",
         "宝山", "金锁", "拴柱", "东升", "彦明", "亚妮", "晓燕", "鹏", "世雄", "长春", "占林")
TERRAIN = ("沟", "湾", "峁", "坪", "岔", "塬", "渠", "畔", "梁", "河", "台", "崾岘")
PLACE_WORDS = ("柳树", "杏树", "枣林", "红崖", "石窑", "黄蒿", "沙", "前", "后", "上", "下", "白草", "红柳",
               "麻黄", "榆树", "老庄", "新庄", "寨子", "马场", "羊圈", "水泉", "高家", "李家", "王家")


@dataclass
class County:
    """Everything built so far; later stages read what earlier ones made."""

    outline: shapely.Polygon | None = None
    townships: gpd.GeoDataFrame | None = None
    seats: dict[str, shapely.Point] = field(default_factory=dict)  # township name → seat
    layers: dict[str, pd.DataFrame] = field(default_factory=dict)  # output layer name → frame
    geoms: dict[str, object] = field(default_factory=dict)  # named helper geometries
    names: dict[str, str] = field(default_factory=dict)  # role → township name ("coal", "seat" …)

    @property
    def county(self) -> shapely.Geometry:
        return self.layers["county"].geometry.iloc[0]

    def township_of(self, geom) -> str:
        """Name of the township containing (most of) a geometry."""
        t = self.townships
        p = shapely.point_on_surface(geom)
        hit = t[t.geometry.contains(p)]
        if len(hit):
            return str(hit["XZQMC"].iloc[0])
        return str(t.loc[t.geometry.distance(p).idxmin(), "XZQMC"])

    def township_poly(self, name: str):
        t = self.townships
        return t.loc[t["XZQMC"] == name, "geometry"].iloc[0]


def frame(theme_id: str, records: list[dict], geoms=None) -> pd.DataFrame:
    """A (Geo)DataFrame with exactly the theme's stored fields, in catalogue order."""
    theme = get_theme(theme_id)
    cols = list(theme.field_names)
    df = pd.DataFrame.from_records(records, columns=cols)
    for f in theme.stored_fields:
        if f.type == "int":
            df[f.name] = df[f.name].astype("Int64") if df[f.name].isna().any() else df[f.name].astype("int64")
        elif f.type == "float":
            df[f.name] = df[f.name].astype("float64")
        else:
            df[f.name] = df[f.name].astype(object).where(df[f.name].notna(), None)
    if theme.geometry is None:
        return df
    return gpd.GeoDataFrame(df, geometry=list(geoms), crs=EPSG)


def area_ha(geom) -> float:
    """The stored area field (公顷, 2 decimals) of a generated feature.

    Planar Gauss-Krüger area (the program's one area function, given no CRS): the
    committed county.gpkg holds these, and regenerating it must give the same file.
    """
    return round(float(ellipsoidal_areas([geom], None)[0]) / SQM_PER_HECTARE, 2)


def blob(cx: float, cy: float, rx: float, ry: float, angle: float, rng: np.random.Generator,
         roughness: float = 0.12, n: int = 96) -> shapely.Polygon:
    """An irregular closed shape: an ellipse whose radius wobbles with a few harmonics."""
    t = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    r = np.ones_like(t)
    for k, amp in ((2, roughness), (3, roughness * 0.7), (5, roughness * 0.4), (7, roughness * 0.25)):
        r += amp * np.sin(k * t + rng.uniform(0, 2 * np.pi))
    x, y = rx * r * np.cos(t), ry * r * np.sin(t)
    ca, sa = np.cos(angle), np.sin(angle)
    return shapely.Polygon(np.column_stack([cx + ca * x - sa * y, cy + sa * x + ca * y]))


def points_in(poly, n: int, rng: np.random.Generator, min_dist: float = 0.0, avoid=None,
              existing=(), max_tries: int = 20000) -> list[shapely.Point]:
    """``n`` random points inside ``poly``, ``min_dist`` apart (and from ``existing``), outside ``avoid``."""
    minx, miny, maxx, maxy = poly.bounds
    shapely.prepare(poly)
    if avoid is not None:
        shapely.prepare(avoid)
    placed = [np.array(p.coords[0]) for p in existing]
    out = []
    for _ in range(max_tries):
        if len(out) == n:
            break
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        p = shapely.Point(x, y)
        if not poly.contains(p) or (avoid is not None and avoid.contains(p)):
            continue
        if min_dist and placed and np.min(np.hypot(*(np.array(placed) - (x, y)).T)) < min_dist:
            continue
        placed.append(np.array((x, y)))
        out.append(p)
    if len(out) < n:
        raise RuntimeError(f"could only place {len(out)} of {n} points")
    return out


def catmull_rom(points, samples_per_segment: int = 24) -> np.ndarray:
    """A smooth curve through control points (centripetal enough for gentle rivers and roads)."""
    p = np.asarray(points, dtype=float)
    p = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
    t = np.linspace(0, 1, samples_per_segment, endpoint=False)[:, None]
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (-p0 + 3 * p1 - 3 * p2 + p3) * t ** 3))
    out.append(p[-2][None, :])
    return np.vstack(out)


def meander(line: shapely.LineString, amplitude: float, wavelength: float, seed: int,
            step: float = 60.0, taper: bool = True) -> shapely.LineString:
    """Displace a line sideways by 1-D noise along its length (meanders, winding roads)."""
    line = shapely.segmentize(line, step)
    xy = np.asarray(line.coords)
    seg = np.diff(xy, axis=0)
    s = np.concatenate([[0.0], np.cumsum(np.hypot(seg[:, 0], seg[:, 1]))])
    tangent = np.gradient(xy, axis=0)
    tangent /= np.maximum(np.hypot(tangent[:, 0], tangent[:, 1]), 1e-9)[:, None]
    normal = np.column_stack([-tangent[:, 1], tangent[:, 0]])
    off = amplitude * noise.fbm(s, np.zeros_like(s) + seed % 997 * 13.0, wavelength, 3, seed)
    if taper:  # keep both ends where they were (junctions, seats)
        ramp = np.clip(np.minimum(s, s[-1] - s) / max(wavelength * 0.5, 1.0), 0.0, 1.0)
        off *= ramp
    return shapely.LineString(xy + normal * off[:, None])


def person(rng: np.random.Generator) -> str:
    return str(rng.choice(SURNAMES)) + str(rng.choice(GIVEN))


def iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"
