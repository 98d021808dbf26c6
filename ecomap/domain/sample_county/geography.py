"""Base geography of the sample county: outline, townships, rivers, reservoir, villages, roads.

Townships tile the county exactly: the Voronoi edges of the township seats and the
county outline are noded once, densified once and polygonised, and the faces are
then moved by one smooth, one-to-one warp (:class:`noise.Warp`). A shared boundary
is therefore the very same sequence of coordinates in both neighbours.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import ops

from ecomap.domain.sample_county import noise
from ecomap.domain.sample_county.base import (
    CENTER,
    COUNTY_CODE,
    COUNTY_NAME,
    PLACE_WORDS,
    RADII,
    SURNAMES,
    TERRAIN,
    County,
    area_ha,
    catmull_rom,
    frame,
    meander,
    points_in,
)

TOWN_NAMES = ("城关镇", "石窑镇", "马家沟镇", "柳湾镇", "红柳河镇", "白草塬镇", "杏树坪乡", "高庙乡", "沙峁乡",
              "王家岔乡")
#: Township warp: slopes 3A/W = 0.2 + 0.2 + 0.21 < 1 (one-to-one).
TOWNSHIP_WARP = noise.Warp([(800.0, 12_000.0), (200.0, 3_000.0), (50.0, 700.0)], seed=noise.seed_of("warp"))


def _outline() -> shapely.Polygon:
    r = noise.rng("outline")
    t = np.linspace(0.0, 2 * np.pi, 720, endpoint=False)
    rad = 1.0 + 0.10 * np.sin(2 * t + r.uniform(0, 6.3)) + 0.06 * np.sin(3 * t + r.uniform(0, 6.3)) \
        + 0.035 * np.sin(5 * t + r.uniform(0, 6.3))
    rad += 0.035 * noise.fbm(np.cos(t) * 5000, np.sin(t) * 5000, 2500, 3, noise.seed_of("outline-fbm"))
    rad += 0.02 * noise.fbm(np.cos(t) * 20000, np.sin(t) * 20000, 1500, 4, noise.seed_of("outline-fine"))
    x = CENTER[0] + RADII[0] * rad * np.cos(t)
    y = CENTER[1] + RADII[1] * rad * np.sin(t)
    return shapely.Polygon(np.column_stack([x, y]))


def _seeds(base: shapely.Polygon) -> np.ndarray:
    r = noise.rng("township-seeds")
    seat = shapely.Point(CENTER[0] + 1800.0, CENTER[1] - 900.0)
    inner = base.buffer(-3500.0)
    pts = points_in(inner, 9, r, min_dist=8000.0, existing=[seat])
    seeds = np.array([seat.coords[0]] + [p.coords[0] for p in pts])
    # two Lloyd steps even out the township sizes; the county seat stays put
    for _ in range(2):
        cells = shapely.voronoi_polygons(shapely.MultiPoint(seeds), extend_to=base.envelope.buffer(10_000))
        cells = list(cells.geoms)
        new = seeds.copy()
        for i, s in enumerate(seeds[1:], start=1):
            cell = next(c for c in cells if c.contains(shapely.Point(s)))
            c = shapely.intersection(cell, base).centroid
            new[i] = (c.x, c.y)
        seeds = new
    return seeds


def build_admin(ctx: County) -> None:
    """County outline and ~10 townships with names, codes and seats."""
    base = _outline()
    seeds = _seeds(base)
    edges = shapely.voronoi_polygons(shapely.MultiPoint(seeds), only_edges=True,
                                     extend_to=base.envelope.buffer(10_000))
    # each edge wanders like a ridge line or gully; its ends stay put, so the cells still meet
    wandering = []
    for k, edge in enumerate(shapely.get_parts(edges)):
        amp = min(1100.0, 0.13 * edge.length)
        wandering.append(meander(edge, amp, 2600.0, noise.seed_of(f"edge{k}"), step=70.0))
    noded = shapely.union_all([*wandering, base.exterior])
    noded = shapely.segmentize(noded, 120.0)
    faces = np.asarray(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    reps = shapely.point_on_surface(faces)
    inside = shapely.contains(base, reps)
    faces, reps = faces[inside], reps[inside]
    rep_xy = shapely.get_coordinates(reps)
    owner = np.argmin(np.hypot(rep_xy[:, None, 0] - seeds[None, :, 0], rep_xy[:, None, 1] - seeds[None, :, 1]),
                      axis=1)
    warped = shapely.transform(faces, TOWNSHIP_WARP)
    polys = [shapely.coverage_union_all(warped[owner == i]) for i in range(len(seeds))]
    seat_pts = shapely.transform(shapely.points(seeds), TOWNSHIP_WARP)

    # names: 0 is the county seat; the coal township is the one furthest north-east;
    # 马家沟镇 and 柳湾镇 are its neighbours with the longest shared borders; the rest by angle
    order = [0]
    rest = list(range(1, len(seeds)))
    coal = max(rest, key=lambda i: (seeds[i, 0] - CENTER[0]) + 1.3 * (seeds[i, 1] - CENTER[1]))
    order.append(coal)
    rest.remove(coal)
    shared = sorted(rest, key=lambda i: -shapely.length(shapely.intersection(polys[coal].boundary,
                                                                               polys[i].boundary)))
    order += shared[:2]
    rest = [i for i in rest if i not in shared[:2]]
    rest.sort(key=lambda i: np.arctan2(seeds[i, 1] - CENTER[1], seeds[i, 0] - CENTER[0]))
    order += rest
    records, geoms = [], []
    town_codes = iter(range(100, 200))
    xiang_codes = iter(range(200, 300))
    for name, idx in zip(TOWN_NAMES, order):
        code = next(town_codes) if name.endswith("镇") else next(xiang_codes)
        records.append({"XZQDM": f"{COUNTY_CODE}{code:03d}", "XZQMC": name, "MJ": area_ha(polys[idx]), "RK": 0})
        geoms.append(polys[idx])
        ctx.seats[name] = seat_pts[idx]
    ctx.townships = frame("townships", records, geoms)
    county = shapely.coverage_union_all(np.asarray(geoms, dtype=object))
    ctx.outline = county
    ctx.layers["county"] = frame("county", [{"XZQDM": COUNTY_CODE, "XZQMC": COUNTY_NAME, "MJ": area_ha(county)}],
                                 [county])
    ctx.names.update(seat="城关镇", coal="石窑镇", coal_neighbour="马家沟镇", old_coal="柳湾镇")


# ----------------------------------------------------------------------------- rivers


def _boundary_point(county, angle: float, outward: float) -> np.ndarray:
    """Where a ray from the centre at ``angle`` crosses the outline, pushed ``outward`` metres."""
    ray = shapely.LineString([CENTER, (CENTER[0] + 60_000 * np.cos(angle), CENTER[1] + 60_000 * np.sin(angle))])
    hit = shapely.intersection(ray, county.exterior)
    pts = shapely.get_coordinates(hit)
    d = np.hypot(pts[:, 0] - CENTER[0], pts[:, 1] - CENTER[1])
    p = pts[np.argmax(d)]
    return p + outward * np.array([np.cos(angle), np.sin(angle)])


def _river(points, seed: int, amplitude: float = 260.0, wavelength: float = 1800.0) -> shapely.LineString:
    line = shapely.LineString(catmull_rom(points, 20))
    line = meander(line, amplitude * 2.2, wavelength * 2.5, seed + 1, step=60.0)
    return meander(line, amplitude, wavelength, seed, step=40.0)


def _clip_line(line, county):
    part = shapely.intersection(line, county)
    if part.geom_type == "MultiLineString":
        merged = shapely.line_merge(part)
        part = merged if merged.geom_type == "LineString" else max(merged.geoms, key=lambda g: g.length)
    return part


def build_water(ctx: County) -> None:
    """Main river 清水河 (W → E past the county seat), tributaries and the 清泉水库 reservoir."""
    county = ctx.outline
    seat = np.array(ctx.seats["城关镇"].coords[0])
    entry = _boundary_point(county, np.radians(168), 2500)
    exit_ = _boundary_point(county, np.radians(-18), 2500)
    r = noise.rng("rivers")
    mid1 = (entry * 0.55 + seat * 0.45) + r.normal(0, 900, 2)
    mid2 = (seat * 0.5 + exit_ * 0.5) + r.normal(0, 900, 2)
    main_full = _river([entry, mid1, seat + (300.0, -650.0), mid2, exit_], noise.seed_of("main"), 320.0, 2200.0)
    main = _clip_line(main_full, county)

    def junction(frac):
        return np.array(main.interpolate(frac, normalized=True).coords[0])

    coal_seat = np.array(ctx.seats["石窑镇"].coords[0])
    coal_poly = ctx.township_poly("石窑镇")
    coal_far = np.array(shapely.get_coordinates(coal_poly.exterior))
    far = coal_far[np.argmax(np.hypot(*(coal_far - CENTER).T))]
    far = far + (CENTER - far) * 0.12
    specs = [
        # name, code, level, control points (source → mouth)
        ("柳沟河", "HL02", "一级支流", [_boundary_point(county, np.radians(228), -1500), None, junction(0.40)]),
        ("石窑沟", "HL03", "一级支流", [far, coal_seat + (700.0, 400.0), None, junction(0.72)]),
        ("马家河", "HL04", "一级支流", [_boundary_point(county, np.radians(100), -1200), None, junction(0.56)]),
        ("白草沟", "HL05", "一级支流", [_boundary_point(county, np.radians(282), -1200), None, junction(0.62)]),
    ]
    lines = {"清水河": ("HL01", "干流", main)}
    for name, code, level, pts in specs:
        a, b = np.asarray(pts[0]), np.asarray(pts[-1])
        mid = a * 0.5 + b * 0.5 + r.normal(0, 700, 2)
        ctrl = [p if p is not None else mid for p in pts]
        line = _clip_line(_river(ctrl, noise.seed_of(name), 200.0, 1500.0), county)
        lines[name] = (code, level, line)
    # a second-order tributary of 柳沟河 below the reservoir
    liugou = lines["柳沟河"][2]
    src = _boundary_point(county, np.radians(200), -1800)
    mouth = np.array(liugou.interpolate(0.72, normalized=True).coords[0])
    xz = _clip_line(_river([src, src * 0.5 + mouth * 0.5 + r.normal(0, 500, 2), mouth], noise.seed_of("杏子沟"),
                           150.0, 1200.0), county)
    lines["杏子沟"] = ("HL06", "二级支流", xz)

    records, geoms = [], []
    for name, (code, level, line) in lines.items():
        records.append({"HLMC": name, "HLDM": f"{COUNTY_CODE}{code}", "HLDJ": level,
                        "CD": round(line.length / 1000.0, 2)})
        geoms.append(line)
    ctx.layers["rivers"] = frame("rivers", records, geoms)
    ctx.geoms["rivers"] = {name: g for name, g in zip(lines, geoms)}

    # reservoir on 柳沟河 between 30 % and 50 % of its length, dam at the downstream end
    res_line = ops.substring(liugou, 0.30, 0.50, normalized=True)
    body = shapely.union_all([res_line.buffer(330.0, quad_segs=12),
                              ops.substring(res_line, 0.2, 0.5, normalized=True).buffer(520.0)])
    body = shapely.intersection(body, shapely.Point(res_line.coords[-1]).buffer(3000))
    shore = noise.Warp([(70.0, 900.0), (25.0, 260.0)], noise.seed_of("shore"))
    body = shapely.transform(body.simplify(5.0), shore)
    body = shapely.make_valid(body)
    if body.geom_type != "Polygon":
        body = max(shapely.get_parts(body), key=lambda g: g.area)
    ctx.geoms["reservoir"] = body
    ctx.geoms["reservoir_line"] = res_line
    dam = shapely.Point(res_line.coords[-1])
    intake = ops.substring(res_line, 0.0, res_line.length - 250.0).coords[-1]
    ctx.geoms["dam"] = dam
    ctx.geoms["intake"] = shapely.Point(intake)
    ctx.layers["lakes"] = frame("lakes", [{"HKMC": "清泉水库", "ZKR": 2860.0, "GN": "城镇供水、防洪、灌溉",
                                           "MJ": area_ha(body)}], [body])


# ----------------------------------------------------------------------------- villages


def _village_names(n: int, rng: np.random.Generator, taken: set[str]) -> list[str]:
    out = []
    while len(out) < n:
        if rng.random() < 0.6:
            name = f"{rng.choice(SURNAMES)}家{rng.choice(TERRAIN)}村"
        else:
            name = f"{rng.choice(PLACE_WORDS)}{rng.choice(TERRAIN)}村"
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


def build_villages(ctx: County) -> None:
    """~70 villages: one at each township seat, most others along valleys, a few in the coal field."""
    r = noise.rng("villages")
    county = ctx.outline
    rivers = shapely.union_all(list(ctx.geoms["rivers"].values()))
    valley = shapely.intersection(rivers.buffer(1100.0), county)
    no_go = ctx.geoms["reservoir"].buffer(150.0)
    seats = list(ctx.seats.values())
    coal = ctx.geoms["coal_field"]
    in_coal = points_in(shapely.intersection(coal.buffer(-250.0), county), 4, r, 1300.0, no_go, seats)
    along = points_in(valley, 36, r, 1300.0, no_go, seats + in_coal)
    upland = points_in(county.buffer(-400.0), 20, r, 1700.0, no_go, seats + in_coal + along)
    pts = seats + in_coal + along + upland
    taken: set[str] = set()
    seat_names = []
    for town in ctx.seats:
        stem = town[:-1]
        seat_names.append(f"{stem}村")
        taken.add(f"{stem}村")
    names = seat_names + _village_names(len(pts) - len(seats), r, taken)
    hh = np.concatenate([r.integers(520, 900, len(seats)), r.integers(60, 460, len(pts) - len(seats))])
    people = np.round(hh * r.uniform(2.6, 3.3, len(pts))).astype(int)
    records = [{"CM": n, "XZMC": ctx.township_of(p), "HS": int(h), "RK": int(k)}
               for n, p, h, k in zip(names, pts, hh, people)]
    ctx.layers["villages"] = frame("villages", records, pts)
    t = ctx.townships
    pop = ctx.layers["villages"].groupby("XZMC")["RK"].sum()
    t["RK"] = [int(pop.get(n, 0) * 1.08) for n in t["XZQMC"]]


# ----------------------------------------------------------------------------- roads


def build_roads(ctx: County) -> None:
    """G342 along the main valley, S205 north–south through the seat, county roads to every seat."""
    county = ctx.outline
    seat = np.array(ctx.seats["城关镇"].coords[0])
    main = ctx.geoms["rivers"]["清水河"]
    r = noise.rng("roads")
    g342 = shapely.offset_curve(main.simplify(120.0), 420.0, quad_segs=4, join_style="round")
    if g342.geom_type != "LineString":
        g342 = max(shapely.get_parts(g342), key=lambda g: g.length)
    g342 = g342.simplify(40.0)
    n = _boundary_point(county, np.radians(85), 2000)
    s = _boundary_point(county, np.radians(262), 2000)
    s205 = meander(shapely.LineString(catmull_rom([n, seat + (150, 60), s], 16)), 500.0, 4000.0,
                   noise.seed_of("S205"), step=80.0)
    roads = [("G342", "国道G342", "国道", g342), ("S205", "省道S205", "省道", s205)]
    for k, (town, pt) in enumerate(list(ctx.seats.items())[1:], start=1):
        b = np.array(pt.coords[0])
        mid = seat * 0.5 + b * 0.5 + r.normal(0, 600, 2)
        line = meander(shapely.LineString(catmull_rom([seat, mid, b], 12)), 300.0, 2500.0,
                       noise.seed_of(f"X{k}"), step=80.0)
        roads.append((f"X4{k:02d}", f"城{town[:-1]}公路", "县道", line))
    villages = ctx.layers["villages"]
    for k in range(12):
        v = villages.iloc[len(ctx.seats) + 3 * k]
        town_seat = np.array(ctx.seats[v["XZMC"]].coords[0])
        a = np.array(v.geometry.coords[0])
        if np.hypot(*(a - town_seat)) < 800:
            continue
        line = meander(shapely.LineString([town_seat, a]), 250.0, 1800.0, noise.seed_of(f"Y{k}"), step=80.0)
        roads.append((f"Y{k + 1:03d}", f"{v['XZMC'][:-1]}—{v['CM'][:-1]}通村路", "乡道", line))
    records, geoms = [], []
    for code, name, level, line in roads:
        clipped = _clip_line(line, county)
        records.append({"DLMC": name, "LXBH": code, "DJ": level, "CD": round(clipped.length / 1000.0, 2)})
        geoms.append(clipped)
    ctx.layers["roads"] = frame("roads", records, geoms)
