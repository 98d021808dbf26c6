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

Three things keep a 符合 honest:

* **coverage** — the constraint layers only speak for the land they cover: the
  project's county boundary (theme ``county``), else the union of its townships, else
  the union of the constraint layers' extents. A footprint wholly outside it gets
  无法判定 with its distance from that boundary, one partly outside gets 需论证;
* **townships** — the township(s) the footprint lies in, with the area in each, from
  the township layer;
* **nearness** — red lines and drinking-water zones (configurable) the footprint
  touches or comes within the rule table's warning distance of (100 m by default),
  judged by the table's ``near`` rules.

Every area and distance is ellipsoidal through :mod:`ecomap.core.measure`.

Speed: a :class:`Screener` classifies the layers once and uses each layer's cached
STRtree, so screening a typical footprint on the sample county takes a few
milliseconds — the GUI can re-screen while the user edits a drawn parcel.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import shapely

from ecomap.analysis import common, dissolve
from ecomap.analysis import screening_rules as rules_mod
from ecomap.analysis.footprint import Footprint, buffered
from ecomap.analysis.overlay import MIN_AREA_M2, wrap
from ecomap.core.feedback import ensure
from ecomap.core.measure import ellipsoidal_areas
from ecomap.core.workspace import WorkspaceLayer
from ecomap.i18n import language, tr


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

#: where the coverage comes from: theme id → boundary name (English source, Chinese)
COVERAGE_SOURCES = (("county", "county boundary", "县界"), ("townships", "township boundaries", "乡镇界"))
EXTENT_BOUNDARY = ("constraint layers' extent", "约束图层范围")


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
class Nearby:
    """A constraint feature the footprint touches or comes within the warning distance of."""

    layer: str
    constraint: str
    feature_id: object
    name: str
    type: str
    distance_m: float
    rule: str
    verdict: str

    def to_json(self) -> dict:
        return {"layer": self.layer, "constraint": self.constraint, "feature_id": _plain(self.feature_id),
                "name": self.name, "type": self.type, "distance_m": round(self.distance_m, 2),
                "rule": self.rule, "verdict": self.verdict}


@dataclass
class Township:
    name: str
    area_m2: float
    share: float

    def to_json(self) -> dict:
        return {"name": self.name, "area_m2": round(self.area_m2, 3), "share": round(self.share, 6)}


@dataclass
class Coverage:
    """Where the constraint layers speak: which boundary, how much of the footprint lies inside."""

    source: str  # "county", "townships", "extent" or "" (no constraint layer)
    layer: str  # title of the boundary layer ("" for the layers' extent)
    inside_share: float  # of the footprint's area
    distance_m: float  # from the footprint to the boundary (0 when they meet)

    def boundary(self, zh: bool) -> str:
        for theme, en, cn in COVERAGE_SOURCES:
            if theme == self.source:
                return cn if zh else tr(en)
        return EXTENT_BOUNDARY[1] if zh else tr(EXTENT_BOUNDARY[0])

    def to_json(self) -> dict:
        return {"source": self.source, "layer": self.layer, "inside_share": round(self.inside_share, 6),
                "distance_m": round(self.distance_m, 2)}


@dataclass
class LayerTotal:
    """Land of one constraint layer the footprint occupies, overlapping features counted once."""

    layer: str
    constraint: str
    area_m2: float
    share: float
    feature_area_m2: float  # the sum of the per-feature overlaps

    def to_json(self) -> dict:
        return {"layer": self.layer, "constraint": self.constraint, "area_m2": round(self.area_m2, 3),
                "area_mu": round(self.area_m2 / common.SQM_PER_MU, 4), "share": round(self.share, 6),
                "feature_area_m2": round(self.feature_area_m2, 3)}


def format_distance(metres: float) -> str:
    """``250.3 km`` or ``50.0 m``."""
    if not np.isfinite(metres):
        return "—"
    return f"{metres / 1000:,.1f} km" if round(metres, 1) >= 1000 else f"{metres:.1f} m"


@dataclass
class FiredRule:
    rule: rules_mod.Rule
    layers: list[str] = field(default_factory=list)
    feature_ids: list = field(default_factory=list)
    #: values for the placeholders of the rule's reason ({distance}, {limit}, {boundary}, {share})
    params: dict = field(default_factory=dict)
    #: the same in Chinese, for files
    params_zh: dict = field(default_factory=dict)

    def text(self) -> str:
        """The reason in the user's language."""
        return self.rule.text(**(self.params_zh if language() == "zh_CN" else self.params))

    def text_zh(self) -> str:
        return self.rule.text_zh(**self.params_zh)

    def to_json(self) -> dict:
        return {"id": self.rule.id, "verdict": self.rule.verdict, "reason": self.text(),
                "reason_zh": self.text_zh(), "basis": self.rule.basis, "layers": self.layers,
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
    coverage: Coverage | None = None
    townships: list[Township] = field(default_factory=list)
    nearby: list[Nearby] = field(default_factory=list)
    by_layer: list[LayerTotal] = field(default_factory=list)
    warn_distance_m: float = rules_mod.DEFAULT_WARN_DISTANCE_M

    def _detail(self) -> FiredRule | None:
        """The fired rule the one-line conclusion spells out, if any."""
        ids = [r.rule.id for r in self.rules]
        if self.verdict == rules_mod.UNDECIDED:
            for rule in (rules_mod.OUTSIDE_RULE, rules_mod.NO_DATA_RULE):
                if rule.id in ids:
                    return self.rules[ids.index(rule.id)]
        if self.verdict == rules_mod.CONFORMS:
            return next((r for r in self.rules if r.rule.relation == rules_mod.NEAR), None)
        return None

    def conclusion(self) -> str:
        """The verdict with what decided it when that is not obvious, in the user's language."""
        detail = self._detail()
        if detail is None:
            return self.verdict
        if self.verdict == rules_mod.UNDECIDED:
            return tr("{verdict}: {reason}").format(verdict=self.verdict, reason=detail.text())
        return tr("{verdict} (note: {reason})").format(verdict=self.verdict, reason=detail.text())

    def conclusion_zh(self) -> str:
        """The same in Chinese, for report files: ``无法判定：选址位于约束图层覆盖范围之外（距县界 250.3 km）``."""
        detail = self._detail()
        if detail is None:
            return self.verdict
        if self.verdict == rules_mod.UNDECIDED:
            return f"{self.verdict}：{detail.text_zh()}"
        return f"{self.verdict}（提示：{detail.text_zh()}）"

    def township_names(self) -> list[str]:
        return [t.name for t in self.townships]

    def to_dict(self) -> dict:
        """The CLI's ``--json`` object."""
        return {
            "footprint_area_m2": round(self.footprint_area_m2, 3),
            "footprint_area_mu": round(self.footprint_area_m2 / common.SQM_PER_MU, 4),
            "footprint_area_ha": round(self.footprint_area_m2 / common.SQM_PER_HECTARE, 6),
            "verdict": self.verdict,
            "conclusion": self.conclusion_zh(),
            "project_type": self.project_type,
            "townships": [t.to_json() for t in self.townships],
            "coverage": self.coverage.to_json() if self.coverage is not None else None,
            "rules": [r.to_json() for r in self.rules],
            "overlaps": [o.to_json() for o in self.overlaps],
            "by_layer": [t.to_json() for t in self.by_layer],
            "nearby": [n.to_json() for n in self.nearby],
            "warn_distance_m": self.warn_distance_m,
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


def _boundary_layer(wrapped: list[WorkspaceLayer], theme_id: str) -> WorkspaceLayer | None:
    for wl in wrapped:
        if wl.kind == "vector" and wl.geometry_type == "Polygon" and wl.theme_id == theme_id \
                and wl.layer.feature_count:
            return wl
    return None


class Screener:
    """Constraint and distance layers of a workspace, classified once, screened many times.

    ``rules`` is a :class:`~ecomap.analysis.screening_rules.RuleTable` or a plain
    sequence of rules; ``warn_distance_m`` overrides the table's warning distance.
    """

    def __init__(self, layers, rules=rules_mod.DEFAULT_TABLE, nearest=NEAREST, *,
                 warn_distance_m: float | None = None):
        table = rules_mod.as_table(rules).with_warn_distance(warn_distance_m)
        self.rules = table.rules
        self.warn_distance_m = table.warn_distance_m
        self.warn_constraints = table.warn_constraints
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
        towns = _boundary_layer(wrapped, "townships")
        self.townships = _prepare(towns, None) if towns is not None else None
        self._coverage = self._coverage_area(wrapped)

    def _coverage_area(self, wrapped):
        """(source, layer title, prepared geometry, CRS) of the area the constraint layers speak for."""
        if not self.constraints:
            return None
        for theme_id, _en, _zh in COVERAGE_SOURCES:
            wl = _boundary_layer(wrapped, theme_id)
            if wl is not None:
                geoms = wl.layer.geometry
                geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
                area = shapely.union_all(shapely.make_valid(geoms))
                shapely.prepare(area)
                return theme_id, wl.title or wl.name, area, common.layer_crs(wl.layer)
        crs = self.data_crs
        boxes = [common.to_crs(np.array([shapely.box(*shapely.total_bounds(p.geoms))], dtype=object), p.crs, crs)[0]
                 for p in self.constraints if len(p.geoms)]
        area = shapely.union_all(np.array(boxes, dtype=object))
        shapely.prepare(area)
        return "extent", "", area, crs

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
        fp_area = float(ellipsoidal_areas(np.array([footprint.in_crs(area_crs)], dtype=object), area_crs)[0])
        in_crs: dict = {}

        def footprint_in(crs):
            key = crs.to_wkt() if crs is not None else None
            if key not in in_crs:
                g = footprint.in_crs(crs)
                shapely.prepare(g)
                in_crs[key] = g
            return in_crs[key]

        overlaps: list[Overlap] = []
        by_layer: list[LayerTotal] = []
        nearby: list[Nearby] = []
        n = len(self.constraints) + len(self.targets)
        for k, p in enumerate(self.constraints):
            fb.check()
            found = self._overlaps(p, footprint_in(p.crs), fp_area, project_type)
            overlaps += found
            if found:
                by_layer.append(_layer_total(p, found, fp_area))
            if p.constraint.kind in self.warn_constraints:
                nearby += self._nearby(p, footprint, footprint_in(p.crs), {o.feature_id for o in found},
                                       project_type)
            fb.set_progress((k + 1) / max(1, n))
        nearest = []
        for k, p in enumerate(self.targets):
            fb.check()
            hit = self._nearest(p, footprint_in(p.crs))
            if hit is not None:
                nearest.append(hit)
            fb.set_progress((len(self.constraints) + k + 1) / max(1, n))
        coverage = self._coverage_of(footprint_in, fp_area)
        townships = self._townships(footprint_in, fp_area)

        fired: dict[str, FiredRule] = {}
        for o in overlaps:
            rule = next(r for r in self.rules if r.id == o.rule)
            entry = fired.setdefault(rule.id, FiredRule(rule))
            if o.layer not in entry.layers:
                entry.layers.append(o.layer)
            entry.feature_ids.append(o.feature_id)
        for near in sorted(nearby, key=lambda x: x.distance_m):
            rule = next(r for r in self.rules if r.id == near.rule)
            entry = fired.get(rule.id)
            if entry is None:  # the nearest first, so its distance is the one the reason quotes
                entry = fired[rule.id] = FiredRule(rule, params=self._near_params(near.distance_m),
                                                   params_zh=self._near_params(near.distance_m))
            if near.layer not in entry.layers:
                entry.layers.append(near.layer)
            entry.feature_ids.append(near.feature_id)
        if not self.constraints:
            fired[rules_mod.NO_DATA_RULE.id] = FiredRule(rules_mod.NO_DATA_RULE)
        else:
            outside = 1.0 - coverage.inside_share
            if coverage.inside_share <= 0.0:
                fired[rules_mod.OUTSIDE_RULE.id] = FiredRule(
                    rules_mod.OUTSIDE_RULE,
                    params={"distance": format_distance(coverage.distance_m), "boundary": coverage.boundary(False)},
                    params_zh={"distance": format_distance(coverage.distance_m), "boundary": coverage.boundary(True)})
            elif outside > _OUTSIDE_NOISE:
                share = {"share": f"{outside:.2%}"}
                fired[rules_mod.PARTLY_OUTSIDE_RULE.id] = FiredRule(rules_mod.PARTLY_OUTSIDE_RULE, params=share,
                                                                    params_zh=share)
            if not overlaps and not (set(fired) & {rules_mod.OUTSIDE_RULE.id, rules_mod.PARTLY_OUTSIDE_RULE.id}):
                fired[rules_mod.CLEAR_RULE.id] = FiredRule(rules_mod.CLEAR_RULE)
        ordered = sorted(fired.values(), key=lambda f: -rules_mod.SEVERITY[f.rule.verdict])
        verdict = rules_mod.worst(f.rule.verdict for f in ordered)
        checked = [(p.title, p.constraint.kind) for p in self.constraints]
        return ScreeningResult(footprint, fp_area, verdict, project_type, ordered, overlaps, nearest, checked,
                               time.perf_counter() - t0, coverage, townships, nearby, by_layer,
                               self.warn_distance_m)

    def _near_params(self, distance_m: float) -> dict:
        return {"distance": format_distance(distance_m), "limit": format_distance(self.warn_distance_m)}

    def _overlaps(self, p: _Prepared, fp, fp_area: float, project_type: str) -> list[Overlap]:
        idx = p.tree.query(fp, predicate="intersects")
        if len(idx) == 0:
            return []
        idx.sort()
        pieces = common.polygonal_parts(common.safe_intersection(p.geoms[idx], np.full(len(idx), fp, dtype=object)))
        areas = ellipsoidal_areas(pieces, p.crs)
        out = []
        for i, piece, area in zip(idx, pieces, areas):
            if not area >= MIN_AREA_M2:  # touching along a boundary: no overlap
                continue
            type_value = str(p.types[i])
            rule = rules_mod.match(self.rules, p.constraint.kind, type_value, project_type)
            if rule is None:  # a county table without a catch-all: the overlap is still shown
                rule = self._unlisted(p.constraint.kind, rules_mod.OVERLAP)
            out.append(Overlap(p.title, p.constraint.kind, p.wl.layer.features.index[i], str(p.names[i]),
                               type_value, float(area), float(area / fp_area) if fp_area > 0 else float("nan"),
                               rule.id, rule.verdict, piece, p.crs))
        return out

    def _unlisted(self, kind: str, relation: str) -> rules_mod.Rule:
        """The rule for an overlap (or nearness) the county's table does not cover."""
        if relation == rules_mod.NEAR:
            rule = rules_mod.Rule(f"{kind}.near.unlisted", kind, rules_mod.CONFORMS,
                                  "{distance} from a constraint layer (warning distance {limit})",
                                  "距约束图层 {distance}（提示距离 {limit}）", relation=rules_mod.NEAR)
        else:
            rule = rules_mod.Rule(f"{kind}.unlisted", kind, rules_mod.JUSTIFY,
                                  "Overlaps a constraint layer no rule covers", "与约束图层重叠，规则表未涵盖")
        if all(r.id != rule.id for r in self.rules):
            self.rules = (*self.rules, rule)
        return rule

    def _nearby(self, p: _Prepared, footprint: Footprint, fp, overlapping: set, project_type: str) -> list[Nearby]:
        """Features of ``p`` the footprint touches or comes within the warning distance of, without overlapping."""
        if len(p.geoms) == 0:
            return []
        # candidates from a generous buffer; the distance itself is ellipsoidal
        zone = buffered(footprint.geometry, footprint.crs, self.warn_distance_m * 1.01 + 1.0)
        zone = common.to_crs(np.array([zone], dtype=object), footprint.crs, p.crs)[0]
        idx = np.sort(p.tree.query(zone, predicate="intersects"))
        if len(idx) == 0:
            return []
        index = p.wl.layer.features.index
        idx = idx[np.array([index[i] not in overlapping for i in idx], dtype=bool)]
        distances = common.distances_m(fp, p.geoms[idx], p.crs)
        out = []
        for i, d in zip(idx, distances):
            if not d <= self.warn_distance_m:
                continue
            type_value = str(p.types[i])
            rule = (rules_mod.match(self.rules, p.constraint.kind, type_value, project_type, rules_mod.NEAR)
                    or self._unlisted(p.constraint.kind, rules_mod.NEAR))
            out.append(Nearby(p.title, p.constraint.kind, index[i], str(p.names[i]), type_value, float(d),
                              rule.id, rule.verdict))
        return out

    def _coverage_of(self, footprint_in, fp_area: float) -> Coverage:
        if self._coverage is None:
            return Coverage("", "", 0.0, float("nan"))
        source, title, area, crs = self._coverage
        fp = footprint_in(crs)
        if not shapely.intersects(area, fp):
            distance = float(common.distances_m(fp, area, crs)[0])
            return Coverage(source, title, 0.0, distance)
        inside = common.polygonal_parts(np.array([shapely.intersection(fp, area)], dtype=object))
        share = float(ellipsoidal_areas(inside, crs)[0]) / fp_area if fp_area > 0 else 1.0
        share = min(1.0, share)
        return Coverage(source, title, share if share > _OUTSIDE_NOISE else 0.0, 0.0)

    def _townships(self, footprint_in, fp_area: float) -> list[Township]:
        p = self.townships
        if p is None:
            return []
        fp = footprint_in(p.crs)
        idx = np.sort(p.tree.query(fp, predicate="intersects"))
        if len(idx) == 0:
            return []
        pieces = common.polygonal_parts(common.safe_intersection(p.geoms[idx], np.full(len(idx), fp, dtype=object)))
        areas = ellipsoidal_areas(pieces, p.crs)
        keep = areas >= MIN_AREA_M2
        order = np.argsort(-areas[keep], kind="stable")
        return [Township(str(p.names[i]), float(a), float(a / fp_area) if fp_area > 0 else float("nan"))
                for i, a in zip(idx[keep][order], areas[keep][order])]

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
            distance = float(common.distances_m(fp, p.geoms[i], p.crs)[0])
        return Nearest(p.title, p.wl.layer.features.index[i], str(p.names[i]), distance, str(p.types[i]))


#: a footprint whose share outside the coverage is below this is inside (edge noise)
_OUTSIDE_NOISE = 1e-6


def _layer_total(p: _Prepared, found: list[Overlap], fp_area: float) -> LayerTotal:
    """The land of layer ``p`` under the footprint: its overlap pieces dissolved."""
    areas = np.array([o.area_m2 for o in found])
    pieces = np.array([o.geometry for o in found], dtype=object)
    covered = float(dissolve.covered_areas(pieces, np.zeros(len(found), np.int64), areas, p.crs, 1)[0])
    share = min(1.0, covered / fp_area) if fp_area > 0 else float("nan")
    return LayerTotal(p.title, p.constraint.kind, covered, share, float(areas.sum()))


def run(footprint: Footprint, layers, *, project_type: str = "general", rules=rules_mod.DEFAULT_TABLE,
        warn_distance_m: float | None = None, feedback=None) -> ScreeningResult:
    """Screen ``footprint`` against every constraint layer among ``layers`` (a Workspace or a list)."""
    return Screener(layers, rules, warn_distance_m=warn_distance_m).run(footprint, project_type, feedback)
