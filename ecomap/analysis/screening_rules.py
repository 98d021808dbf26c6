"""The rule table of site screening (选址 / 三线一单 check): what each overlap means for a project.

The law behind the defaults (shared/domain.md §1.3, §1.4, §3, §5, §6.2):
- red line: development and production construction is banned; the 10 kinds of
  limited human activity (and linear works that cannot avoid it) need a 认定意见;
- drinking-water zones: level 1 bans construction unrelated to water supply
  (水污染防治法 Art. 65); level 2 bans projects discharging pollutants (Art. 66), so
  a project there needs justification; quasi zones ban seriously polluting projects;
- nature reserves: core (and old-style buffer) zones ban human activity;
- 禁养区 bans livestock farms, 限养区 restricts them; 禁牧 bans grazing;
- subsidence that has not stabilised (未稳沉) or is only predicted needs a study;
- mining-prohibited zones ban mining; permanent basic farmland may not be occupied
  except by major linear works with approval.

Several of these are [U] in the domain brief, and provinces differ, so the table is
data: :func:`load_table` reads a county's own JSON — a list of rules (same keys as
:class:`Rule`), or an object with ``"rules"`` and the warning distance
(``"warn_distance_m"``, default 100 m) and the constraint kinds it applies to
(``"warn_constraints"``). A rule with ``"relation": "near"`` judges a footprint that
does not overlap a feature but lies within that distance of it (or touches it).
Verdicts are the Chinese words the report prints: 符合 / 需论证 / 无法判定 / 不符合;
a rule with 符合 only annotates the report. 无法判定 is the verdict when the site lies
outside the area the constraint layers cover, where no overlap proves nothing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ecomap.errors import DataError
from ecomap.i18n import language, tr

CONFORMS, JUSTIFY, UNDECIDED, FAILS = "符合", "需论证", "无法判定", "不符合"
VERDICTS = (CONFORMS, JUSTIFY, UNDECIDED, FAILS)  # in order of severity
SEVERITY = {v: i for i, v in enumerate(VERDICTS)}
#: the colour of each verdict wherever it is shown (results table, PDF report)
VERDICT_COLORS = {CONFORMS: "#2e7d32", JUSTIFY: "#ef6c00", UNDECIDED: "#6a1b9a", FAILS: "#c62828"}
OVERLAP, NEAR = "overlap", "near"
#: default distance (m) within which a red line or drinking-water zone is warned about
DEFAULT_WARN_DISTANCE_M = 100.0
DEFAULT_WARN_CONSTRAINTS = ("redline", "drinking_water")

#: project types the rules distinguish: id → (Chinese, English)
PROJECT_TYPES: dict[str, tuple[str, str]] = {
    "general": ("一般建设项目", "General construction"),
    "allowed": ("生态保护红线内允许的有限人为活动", "Limited human activity allowed in the red line"),
    "linear": ("无法避让的线性基础设施", "Linear infrastructure that cannot avoid the zone"),
    "water_supply": ("供水设施", "Water-supply facility"),
    "livestock": ("畜禽养殖", "Livestock farm"),
    "grazing": ("放牧", "Grazing"),
    "mining": ("矿产开采", "Mining"),
    "restoration": ("生态修复", "Ecological restoration"),
}


@dataclass(frozen=True)
class Rule:
    """One line of the table: an overlap of ``constraint`` whose type contains one of ``types``."""

    id: str
    constraint: str  # constraint kind (see ecomap.analysis.screening.CONSTRAINTS)
    verdict: str  # 符合 / 需论证 / 不符合
    reason: str  # English source text (translated when shown); Chinese in reason_zh for files
    reason_zh: str = ""
    types: tuple[str, ...] = ()  # substrings of the feature's type; empty = any feature
    projects: tuple[str, ...] = ()  # project types it applies to; empty = all
    basis: str = ""  # legal basis, shown in the report
    relation: str = OVERLAP  # "overlap", or "near": within the warning distance without overlapping

    def applies(self, constraint: str, type_value: str, project: str, relation: str = OVERLAP) -> bool:
        if constraint != self.constraint or relation != self.relation:
            return False
        if self.projects and project not in self.projects:
            return False
        return not self.types or any(t in (type_value or "") for t in self.types)

    def text(self, **params) -> str:
        """The reason in the user's language (the Chinese text ships with the rule), ``params`` filled in."""
        if language() == "zh_CN" and self.reason_zh:
            return _filled(self.reason_zh, params)
        return _filled(tr(self.reason), params)

    def text_zh(self, **params) -> str:
        """The reason in Chinese, for report files."""
        return _filled(self.reason_zh or self.reason, params)

    def to_json(self) -> dict:
        data = asdict(self)
        data["types"] = list(self.types)
        data["projects"] = list(self.projects)
        return data


def _filled(text: str, params: dict) -> str:
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):  # a county's text with braces of its own
        return text


def _r(id, constraint, verdict, reason, reason_zh, types=(), projects=(), basis="", relation=OVERLAP):
    return Rule(id, constraint, verdict, reason, reason_zh, tuple(types), tuple(projects), basis, relation)


_LAW_REDLINE = "自然资发〔2022〕142号"
_LAW_WATER = "《水污染防治法》第六十四至六十六条"

#: First matching rule wins for each overlap; order specific → general.
DEFAULT_RULES: tuple[Rule, ...] = (
    _r("redline.allowed", "redline", JUSTIFY,
       "Overlaps the ecological red line; as an allowed limited human activity it needs an eligibility "
       "opinion (认定意见)",
       "占用生态保护红线，属允许的有限人为活动，须取得认定意见", projects=("allowed", "linear", "restoration"),
       basis=_LAW_REDLINE),
    _r("redline.banned", "redline", FAILS,
       "Overlaps the ecological red line, where development and production construction is banned",
       "占用生态保护红线，红线内禁止开发性、生产性建设活动", basis=_LAW_REDLINE),
    _r("water.level1.supply", "drinking_water", JUSTIFY,
       "Inside a level-1 drinking-water protection zone; only water-supply works may be built there",
       "位于饮用水水源一级保护区，仅允许与供水设施和保护水源有关的建设项目", types=("一级",),
       projects=("water_supply",), basis=_LAW_WATER),
    _r("water.level1", "drinking_water", FAILS,
       "Inside a level-1 drinking-water protection zone, where construction unrelated to water supply is banned",
       "位于饮用水水源一级保护区，禁止新建、改建、扩建与供水设施和保护水源无关的建设项目", types=("一级",),
       basis=_LAW_WATER),
    _r("water.level2", "drinking_water", JUSTIFY,
       "Inside a level-2 drinking-water protection zone: projects that discharge pollutants are banned",
       "位于饮用水水源二级保护区，禁止建设排放污染物的项目，须论证", types=("二级",), basis=_LAW_WATER),
    _r("water.quasi", "drinking_water", JUSTIFY,
       "Inside a quasi drinking-water protection zone: seriously polluting projects are banned",
       "位于饮用水水源准保护区，禁止建设严重污染水体的项目，须论证", types=("准",), basis=_LAW_WATER),
    _r("water.other", "drinking_water", JUSTIFY,
       "Inside a drinking-water protection zone",
       "位于饮用水水源保护区，须论证", basis=_LAW_WATER),
    _r("reserve.core", "nature_reserve", FAILS,
       "Inside the core or buffer zone of a nature reserve, where human activity is banned",
       "位于自然保护区核心区或缓冲区，原则上禁止人为活动", types=("核心", "缓冲")),
    _r("reserve.other", "nature_reserve", JUSTIFY,
       "Inside a nature reserve (general control zone)",
       "位于自然保护地一般控制区，须论证"),
    _r("breeding.ban", "breeding_ban", FAILS,
       "A livestock farm inside a no-breeding zone (禁养区)",
       "畜禽养殖项目位于禁养区", types=("禁养",), projects=("livestock",)),
    _r("breeding.restricted", "breeding_ban", JUSTIFY,
       "A livestock farm inside a restricted-breeding zone (限养区)",
       "畜禽养殖项目位于限养区，须论证", types=("限养",), projects=("livestock",)),
    _r("breeding.other", "breeding_ban", CONFORMS,
       "Overlaps a livestock breeding zone (relevant to livestock farms only)",
       "与畜禽养殖禁养区/限养区重叠（仅对畜禽养殖项目有约束）"),
    _r("grazing.ban", "grazing", FAILS,
       "Grazing inside a grazing-ban zone (禁牧区)",
       "放牧项目位于禁牧区", types=("禁牧",), projects=("grazing",)),
    _r("grazing.rest", "grazing", JUSTIFY,
       "Grazing inside a seasonal-rest or rotation zone",
       "放牧项目位于休牧/轮牧区，须论证", projects=("grazing",)),
    _r("grazing.other", "grazing", CONFORMS,
       "Overlaps a grazing control zone (relevant to grazing only)",
       "与禁牧休牧区重叠（仅对放牧有约束）"),
    _r("subsidence.unstable", "subsidence", JUSTIFY,
       "Inside a coal-mining subsidence area that has not stabilised (未稳沉) or is only predicted",
       "位于未稳沉或预测采煤沉陷区，须开展地质稳定性论证", types=("未稳", "预测")),
    _r("subsidence.stable", "subsidence", CONFORMS,
       "Inside a stabilised coal-mining subsidence area; check the foundation",
       "位于已稳沉采煤沉陷区，建议开展地基评价"),
    _r("mining.prohibited", "mining_ban", FAILS,
       "Mining inside a mining-prohibited zone", "矿产开采项目位于禁止开采区", projects=("mining",)),
    _r("mining.other", "mining_ban", CONFORMS,
       "Overlaps a mining-prohibited zone (relevant to mining only)", "与禁止开采区重叠（仅对矿产开采有约束）"),
    _r("farmland.linear", "basic_farmland", JUSTIFY,
       "Occupies permanent basic farmland; only major linear works may, with State Council approval",
       "占用永久基本农田，仅重大线性工程经批准方可占用，须论证", projects=("linear",)),
    _r("farmland", "basic_farmland", FAILS,
       "Occupies permanent basic farmland", "占用永久基本农田"),
    _r("unit.priority", "control_unit", JUSTIFY,
       "Inside a priority-protection environmental control unit: check its access list",
       "位于优先保护单元，须对照生态环境准入清单论证", types=("优先",)),
    _r("unit.other", "control_unit", CONFORMS,
       "Inside an environmental control unit: check its access list",
       "位于环境管控单元，须符合生态环境准入清单"),
    _r("redline.near", "redline", CONFORMS,
       "{distance} from the ecological red line (warning distance {limit}): keep works and temporary "
       "land use out of it",
       "距生态保护红线 {distance}（提示距离 {limit}），施工及临时用地不得占用红线", basis=_LAW_REDLINE,
       relation=NEAR),
    _r("water.near", "drinking_water", CONFORMS,
       "{distance} from a drinking-water source protection zone (warning distance {limit}): guard the "
       "source against the works",
       "距饮用水水源保护区 {distance}（提示距离 {limit}），须防范施工对水源的影响", basis=_LAW_WATER,
       relation=NEAR),
)

#: Verdict when the workspace has no constraint layer at all (nothing could be checked).
NO_DATA_RULE = Rule("no_data", "", UNDECIDED,
                    "No constraint layer was found, so the site could not be checked",
                    "未找到约束图层，无法判定")
CLEAR_RULE = Rule("clear", "", CONFORMS, "No overlap with any constraint layer", "未与任何约束图层重叠")
#: The footprint lies wholly outside the area the constraint layers cover.
OUTSIDE_RULE = Rule("coverage.outside", "", UNDECIDED,
                    "The site lies outside the coverage of the constraint layers ({distance} from the {boundary})",
                    "选址位于约束图层覆盖范围之外（距{boundary} {distance}）")
#: Part of the footprint lies outside it: that part was not checked.
PARTLY_OUTSIDE_RULE = Rule("coverage.partial", "", JUSTIFY,
                           "{share} of the site lies outside the coverage of the constraint layers and "
                           "could not be checked",
                           "选址有 {share} 位于约束图层覆盖范围之外，该部分无法判定")


@dataclass(frozen=True)
class RuleTable:
    """The rules and the parameters of the nearness warning, as a county configures them."""

    rules: tuple[Rule, ...] = DEFAULT_RULES
    warn_distance_m: float = DEFAULT_WARN_DISTANCE_M
    #: constraint kinds a footprint is warned about when it comes within ``warn_distance_m``
    warn_constraints: tuple[str, ...] = DEFAULT_WARN_CONSTRAINTS

    def with_warn_distance(self, distance_m: float | None) -> RuleTable:
        if distance_m is None:
            return self
        if not distance_m >= 0:
            raise DataError(None, tr("the warning distance must not be negative"))
        return RuleTable(self.rules, float(distance_m), self.warn_constraints)


DEFAULT_TABLE = RuleTable()


def as_table(rules) -> RuleTable:
    """A :class:`RuleTable` from a table or a plain sequence of rules (default warning parameters)."""
    return rules if isinstance(rules, RuleTable) else RuleTable(tuple(rules))


def worst(verdicts) -> str:
    verdicts = list(verdicts)
    return max(verdicts, key=lambda v: SEVERITY.get(v, 0)) if verdicts else CONFORMS


def load_table(path: str | Path) -> RuleTable:
    """A county's own rule table: a JSON list of rules, or an object with ``rules`` and the warning parameters."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise DataError(path, tr("no such file or folder")) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(path, tr("the rule table is not valid JSON ({detail})").format(detail=exc)) from None
    params = {}
    if isinstance(data, dict):
        params = data
        data = data.get("rules")
    if not isinstance(data, list):
        raise DataError(path, tr("the rule table must be a JSON list of rules"))
    known = {f.name for f in fields(Rule)}
    rules = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict) or not {"id", "constraint", "verdict", "reason"} <= set(item):
            raise DataError(path, tr("rule {n}: id, constraint, verdict and reason are required").format(n=i))
        if item["verdict"] not in VERDICTS:
            raise DataError(path, tr("rule {n}: verdict must be one of {verdicts}").format(
                n=i, verdicts=" / ".join(VERDICTS)))
        if item.get("relation", OVERLAP) not in (OVERLAP, NEAR):
            raise DataError(path, tr("rule {n}: relation must be \"overlap\" or \"near\"").format(n=i))
        values = {k: v for k, v in item.items() if k in known}
        for key in ("types", "projects"):
            if key in values:
                values[key] = tuple(values[key] or ())
        rules.append(Rule(**values))
    distance = params.get("warn_distance_m", DEFAULT_WARN_DISTANCE_M)
    if isinstance(distance, bool) or not isinstance(distance, (int, float)) or distance < 0:
        raise DataError(path, tr("warn_distance_m must be a number of metres, 0 or more"))
    kinds = params.get("warn_constraints", DEFAULT_WARN_CONSTRAINTS)
    if not isinstance(kinds, (list, tuple)) or not all(isinstance(k, str) for k in kinds):
        raise DataError(path, tr("warn_constraints must be a list of constraint kinds"))
    return RuleTable(tuple(rules), float(distance), tuple(kinds))


def load_rules(path: str | Path) -> tuple[Rule, ...]:
    """The rules of a county's rule table (:func:`load_table`)."""
    return load_table(path).rules


def match(rules, constraint: str, type_value: str, project: str, relation: str = OVERLAP) -> Rule | None:
    for rule in rules:
        if rule.applies(constraint, type_value, project, relation):
            return rule
    return None
