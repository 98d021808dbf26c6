"""Site screening (选址 / 三线一单 check): does a project footprint conform to the constraint layers?

Follows domain.md §1.4: the footprint is reprojected to each constraint layer's CRS and
intersected with red lines, drinking-water protection zones (by level), nature
reserves, no-breeding and grazing-ban zones, subsidence areas, mining-prohibited zones,
permanent basic farmland and environmental control units — whichever the workspace
holds, recognised through the catalogue (theme and field roles) or, for kinds the
catalogue lacks, by layer name. Each overlap is listed (layer, feature id, name, type,
area, share of the footprint) and judged by the rule table
(:mod:`ecomap.analysis.screening_rules`); the worst verdict decides, and the rules
that fired are reported. Touching along a boundary is not an overlap. The distance to
the nearest water section, source protection zone and river is added.

Speed: a :class:`Screener` classifies the layers once and uses each layer's cached
STRtree, so screening a typical footprint on the sample county takes a few
milliseconds — the GUI can re-screen while the user edits a drawn parcel.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import shapely
from pyproj import Geod

from ecomap.analysis import common
from ecomap.analysis import screening_rules as rules_mod
from ecomap.analysis.footprint import Footprint
from ecomap.analysis.overlay import MIN_AREA_M2, wrap
from ecomap.core.feedback import ensure
from ecomap.core.workspace import WorkspaceLayer
from ecomap.i18n import tr


@dataclass(frozen=True)
class Constraint:
    """A kind of constraint layer and how to recognise it and read its type."""

    kind: str
    title_en: str
    themes: tuple[str, ...] = ()
    #: words in a layer's name that identify the kind when the catalogue does not
    keywords: tuple[str, ...] = ()
    #: catalogue roles holding the feature's type (first present wins)
    type_roles: tuple[str, ...] = ()
    #: field names holding the type when no role matches
    type_fields: tuple[str, ...] = ()


CONSTRAINTS: tuple[Constraint, ...] = (
    Constraint("redline", "Ecological protection red line", ("redlines",),
               ("生态保护红线", "生态红线", "红线", "STBHHX", "redline"), ("type", "group"), ("HXLX", "LHLX")),
    Constraint("drinking_water", "Drinking-water source protection zone", ("drinking_water_zones",),
               ("饮用水水源", "水源保护区", "水源地"), ("level",), ("BHQJB", "保护区级别", "级别")),
    Constraint("nature_reserve", "Nature reserve", (),
               ("自然保护区", "自然保护地", "nature_reserve", "ZRBHQ", "ZRBHD"), (),
               ("GNFQ", "功能分区", "功能区", "分区", "BHFQ", "type")),
    Constraint("breeding_ban", "Livestock no-breeding zone", ("breeding_ban_zones",),
               ("禁养区", "限养区", "畜禽养殖禁养"), ("zone_type", "type"), ("QYLX", "区域类型")),
    Constraint("grazing", "Grazing ban / rest zone", ("grazing_zones",), ("禁牧", "休牧"), ("type",),
               ("GKLX", "管控类型")),
    Constraint("subsidence", "Coal-mining subsidence area", ("subsidence",),
               ("采煤沉陷", "沉陷区", "塌陷区"), ("stability",), ("WDZT", "稳定状态")),
    Constraint("mining_ban", "Mining-prohibited zone", (), ("禁止开采", "禁采区", "mining_prohibited", "JZKCQ"),
               (), ("GHFQLX", "分区类型", "类型")),
    Constraint("basic_farmland", "Permanent basic farmland", (), ("永久基本农田", "基本农田", "YJJBNT", "JBNT"),
               (), ("DLMC",)),
    Constraint("control_unit", "Environmental control unit", (), ("环境管控单元", "管控单元", "HJGKDY"),
               (), ("HJGKDYLX", "管控单元类型", "单元类型", "DYLX")),
)
CONSTRAINT_BY_KIND = {c.kind: c for c in CONSTRAINTS}

#: layers whose nearest feature is reported: (theme id, layer-name keywords)
NEAREST: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("water_sections", ("断面",)),
    ("drinking_water_zones", ("饮用水水源", "水源保护区")),
    ("rivers", ("河流", "水系")),
)

_GEOD_CACHE: dict = {}


# ----------------------------------------------------------------------------- results


@dataclass
class Overlap:
    layer: str
    constraint: str
    feature_id: object
    name: str
    type: str
    area_m2: float
    share: float
    rule: str  # id of the rule that judged it
    verdict: str
    geometry: object = None  # in the layer's CRS
    crs: object = None  # the layer's CRS

    def to_json(self) -> dict:
        return {"layer": self.layer, "constraint": self.constraint, "feature_id": _plain(self.feature_id),
                "name": self.name, "type": self.type, "area_m2": round(self.area_m2, 3),
                "area_mu": round(self.area_m2 / common.SQM_PER_MU, 4),
                "area_ha": round(self.area_m2 / common.SQM_PER_HECTARE, 6),
                "share": round(self.share, 6), "rule": self.rule, "verdict": self.verdict}


@dataclass
class Nearest:
    layer: str
    feature_id: object
    name: str
    distance_m: float
    type: str = ""

    def to_json(self) -> dict:
        return {"layer": self.layer, "feature_id": _plain(self.feature_id), "name": self.name,
                "type": self.type, "distance_m": round(self.distance_m, 2)}


@dataclass
class FiredRule:
    rule: rules_mod.Rule
    layers: list[str] = field(default_factory=list)
    feature_ids: list = field(default_factory=list)

    def to_json(self) -> dict:
        return {"id": self.rule.id, "verdict": self.rule.verdict, "reason": self.rule.text(),
                "reason_zh": self.rule.reason_zh, "basis": self.rule.basis, "layers": self.layers,
                "feature_ids": [_plain(f) for f in self.feature_ids]}


@dataclass
class ScreeningResult:
    footprint: Footprint
    footprint_area_m2: float
    verdict: str
    project_type: str
    rules: list[FiredRule]
    overlaps: list[Overlap]
    nearest: list[Nearest]
    checked: list[tuple[str, str]]  # (layer title, constraint kind) of every layer looked at
    elapsed_s: float = 0.0

    def to_dict(self) -> dict:
        """The CLI's ``--json`` object."""
        return {
            "footprint_area_m2": round(self.footprint_area_m2, 3),
            "footprint_area_mu": round(self.footprint_area_m2 / common.SQM_PER_MU, 4),
            "footprint_area_ha": round(self.footprint_area_m2 / common.SQM_PER_HECTARE, 6),
            "verdict": self.verdict,
            "project_type": self.project_type,
            "rules": [r.to_json() for r in self.rules],
            "overlaps": [o.to_json() for o in self.overlaps],
            "nearest": [n.to_json() for n in self.nearest],
            "checked_layers": [{"layer": name, "constraint": kind} for name, kind in self.checked],
            "crs": self.footprint.crs.to_string() if self.footprint.crs is not None else None,
        }


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


# ----------------------------------------------------------------------------- classification


def _name_hits(wl: WorkspaceLayer, keywords) -> bool:
    text = " ".join(str(t) for t in (wl.name, wl.title, getattr(getattr(wl.layer, "source", None), "layer", ""))
                    if t).casefold()
    return any(k.casefold() in text for k in keywords)


def constraint_of(wl: WorkspaceLayer) -> Constraint | None:
    """The constraint kind of a polygon layer, or None when it is not a constraint layer."""
    if wl.kind != "vector" or wl.geometry_type != "Polygon":
        return None
    for c in CONSTRAINTS:
        if wl.theme_id in c.themes and (_name_hits(wl, c.keywords) or _name_hits(wl, wl.theme.layer_names)
                                        or any(wl.column(r) for r in (*c.type_roles, "name"))):
            return c
    for c in CONSTRAINTS:
        if _name_hits(wl, c.keywords):
            return c
    return None


def _type_column(wl: WorkspaceLayer, c: Constraint) -> str | None:
    col = wl.first_column(*c.type_roles)
    if col is not None:
        return col
    columns = wl.layer.attribute_columns
    for name in c.type_fields:
        if name in columns:
            return name
    return None


@dataclass
class _Prepared:
    wl: WorkspaceLayer
    constraint: Constraint | None
    crs: object
    tree: shapely.STRtree
    geoms: np.ndarray
    names: np.ndarray  # label per feature (object)
    types: np.ndarray

    @property
    def title(self) -> str:
        return self.wl.title or self.wl.name


def _prepare(wl: WorkspaceLayer, c: Constraint | None) -> _Prepared:
    layer = wl.layer
    frame = layer.features
    label = wl.label_column()
    type_col = _type_column(wl, c) if c is not None else wl.first_column("type", "level")
    names = _texts(frame[label]) if label else np.asarray(frame.index).astype(str).astype(object)
    types = _texts(frame[type_col]) if type_col else np.full(len(frame), "", dtype=object)
    return _Prepared(wl, c, common.layer_crs(layer), layer.sindex, layer.geometry, names, types)


def _texts(series) -> np.ndarray:
    return series.astype(object).where(series.notna(), "").astype(str).to_numpy(dtype=object)


class Screener:
    """Constraint and distance layers of a workspace, classified once, screened many times."""

    def __init__(self, layers, rules=rules_mod.DEFAULT_RULES, nearest=NEAREST):
        self.rules = tuple(rules)
        wrapped = [wrap(lyr) for lyr in layers]
        self.constraints: list[_Prepared] = []
        self.targets: list[_Prepared] = []
        for wl in wrapped:
            c = constraint_of(wl)
            if c is not None:
                self.constraints.append(_prepare(wl, c))
        for theme_id, keywords in nearest:
            for wl in wrapped:
                if wl.kind == "vector" and wl.geometry_type is not None and (
                        wl.theme_id == theme_id or (wl.theme is None and _name_hits(wl, keywords))):
                    self.targets.append(_prepare(wl, CONSTRAINT_BY_KIND.get("drinking_water")
                                                 if theme_id == "drinking_water_zones" else None))
                    break

    @property
    def data_crs(self):
        for p in self.constraints + self.targets:
            if p.crs is not None:
                return p.crs
        return None

    def run(self, footprint: Footprint, project_type: str = "general", feedback=None) -> ScreeningResult:
        fb = ensure(feedback)
        t0 = time.perf_counter()
        if project_type not in rules_mod.PROJECT_TYPES:
            from ecomap.errors import DataError

            raise DataError(None, tr("unknown project type '{type}'; use one of: {types}").format(
                type=project_type, types=", ".join(rules_mod.PROJECT_TYPES)))
        area_crs = self.data_crs or footprint.crs
        fp_area = float(common.areas_m2(np.array([footprint.in_crs(area_crs)], dtype=object), area_crs)[0])
        in_crs: dict = {}

        def footprint_in(crs):
            key = crs.to_wkt() if crs is not None else None
            if key not in in_crs:
                g = footprint.in_crs(crs)
                shapely.prepare(g)
                in_crs[key] = g
            return in_crs[key]

        overlaps: list[Overlap] = []
        n = len(self.constraints) + len(self.targets)
        for k, p in enumerate(self.constraints):
            fb.check()
            overlaps += self._overlaps(p, footprint_in(p.crs), fp_area, project_type)
            fb.set_progress((k + 1) / max(1, n))
        nearest = []
        for k, p in enumerate(self.targets):
            fb.check()
            hit = self._nearest(p, footprint_in(p.crs))
            if hit is not None:
                nearest.append(hit)
            fb.set_progress((len(self.constraints) + k + 1) / max(1, n))
        fired: dict[str, FiredRule] = {}
        for o in overlaps:
            rule = next(r for r in self.rules if r.id == o.rule)
            entry = fired.setdefault(rule.id, FiredRule(rule))
            if o.layer not in entry.layers:
                entry.layers.append(o.layer)
            entry.feature_ids.append(o.feature_id)
        if not self.constraints:
            fired[rules_mod.NO_DATA_RULE.id] = FiredRule(rules_mod.NO_DATA_RULE)
        elif not overlaps:
            fired[rules_mod.CLEAR_RULE.id] = FiredRule(rules_mod.CLEAR_RULE)
        ordered = sorted(fired.values(), key=lambda f: -rules_mod.SEVERITY[f.rule.verdict])
        verdict = rules_mod.worst(f.rule.verdict for f in ordered)
        checked = [(p.title, p.constraint.kind) for p in self.constraints]
        return ScreeningResult(footprint, fp_area, verdict, project_type, ordered, overlaps, nearest, checked,
                               time.perf_counter() - t0)

    def _overlaps(self, p: _Prepared, fp, fp_area: float, project_type: str) -> list[Overlap]:
        idx = p.tree.query(fp, predicate="intersects")
        if len(idx) == 0:
            return []
        idx.sort()
        pieces = common.polygonal_parts(common.safe_intersection(p.geoms[idx], np.full(len(idx), fp, dtype=object)))
        areas = common.areas_m2(pieces, p.crs)
        out = []
        for i, piece, area in zip(idx, pieces, areas):
            if not area >= MIN_AREA_M2:  # touching along a boundary: no overlap
                continue
            type_value = str(p.types[i])
            rule = rules_mod.match(self.rules, p.constraint.kind, type_value, project_type)
            if rule is None:  # a county table without a catch-all: the overlap is still shown
                rule = rules_mod.Rule(f"{p.constraint.kind}.unlisted", p.constraint.kind, rules_mod.JUSTIFY,
                                      "Overlaps a constraint layer no rule covers", "与约束图层重叠，规则表未涵盖")
                self.rules = (*self.rules, rule)
            out.append(Overlap(p.title, p.constraint.kind, p.wl.layer.features.index[i], str(p.names[i]),
                               type_value, float(area), float(area / fp_area) if fp_area > 0 else float("nan"),
                               rule.id, rule.verdict, piece, p.crs))
        return out

    def _nearest(self, p: _Prepared, fp) -> Nearest | None:
        present = p.geoms
        if len(present) == 0:
            return None
        touching = p.tree.query(fp, predicate="intersects")
        if len(touching):
            i = int(np.sort(touching)[0])
            distance = 0.0
        else:
            hit = p.tree.query_nearest(fp, return_distance=False, all_matches=False)
            if len(hit) == 0:
                return None
            i = int(hit[0])
            distance = geodesic_distance(fp, p.geoms[i], p.crs)
        return Nearest(p.title, p.wl.layer.features.index[i], str(p.names[i]), distance, str(p.types[i]))


def geodesic_distance(a, b, crs) -> float:
    """Metres on the ellipsoid between the nearest points of ``a`` and ``b`` (CRS units when unknown)."""
    line = shapely.shortest_line(a, b)
    if crs is None:
        return float(line.length)
    (x0, y0), (x1, y1) = shapely.get_coordinates(line)
    key = crs.to_wkt()
    if key not in _GEOD_CACHE:
        from pyproj import Transformer

        _GEOD_CACHE[key] = (Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True),
                            Geod(ellps="GRS80") if crs.ellipsoid is None else
                            Geod(a=crs.ellipsoid.semi_major_metre, rf=crs.ellipsoid.inverse_flattening))
    to_geo, geod = _GEOD_CACHE[key]
    (lon0, lon1), (lat0, lat1) = to_geo.transform([x0, x1], [y0, y1])
    return float(geod.inv(lon0, lat0, lon1, lat1)[2])


def run(footprint: Footprint, layers, *, project_type: str = "general", rules=rules_mod.DEFAULT_RULES,
        feedback=None) -> ScreeningResult:
    """Screen ``footprint`` against every constraint layer among ``layers`` (a Workspace or a list)."""
    return Screener(layers, rules).run(footprint, project_type, feedback)
