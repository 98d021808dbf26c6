"""GB 3838-2002 single-factor classification: every class boundary of Table 1.

The limits below are transcribed again from domain.md §4.1 (not imported from the
module), and the expected class comes from the textbook rule "the first class
whose limit the value satisfies", written as a plain loop — independent of the
module's searchsorted implementation.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from ecomap.domain import water_quality as wq

C = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")

# parameter: (Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ) — "≤" limits unless listed in GE
RIVER_TABLE = {
    "DO": (7.5, 6, 5, 3, 2),
    "CODMn": (2, 4, 6, 10, 15),
    "COD": (15, 15, 20, 30, 40),
    "BOD5": (3, 3, 4, 6, 10),
    "NH3N": (0.15, 0.5, 1.0, 1.5, 2.0),
    "TP": (0.02, 0.1, 0.2, 0.3, 0.4),
    "Cu": (0.01, 1.0, 1.0, 1.0, 1.0),
    "Zn": (0.05, 1.0, 1.0, 2.0, 2.0),
    "F": (1.0, 1.0, 1.0, 1.5, 1.5),
    "As": (0.05, 0.05, 0.05, 0.1, 0.1),
    "Hg": (0.00005, 0.00005, 0.0001, 0.001, 0.001),
    "Cd": (0.001, 0.005, 0.005, 0.005, 0.01),
    "Cr6": (0.01, 0.05, 0.05, 0.05, 0.1),
    "Pb": (0.01, 0.01, 0.05, 0.05, 0.1),
    "Petroleum": (0.05, 0.05, 0.05, 0.5, 1.0),
    "VolatilePhenol": (0.002, 0.002, 0.005, 0.01, 0.1),
    "FecalColiform": (200, 2000, 10000, 20000, 40000),
}
LAKE_TABLE = {**RIVER_TABLE, "TP": (0.01, 0.025, 0.05, 0.1, 0.2), "TN": (0.2, 0.5, 1.0, 1.5, 2.0)}
GE = {"DO"}


def expected_class(param: str, value: float, limits) -> str:
    for k, limit in enumerate(limits):
        ok = value >= limit if param in GE else value <= limit
        if ok:
            return C[k]
    return "劣Ⅴ"


def boundary_cases(table, water_body):
    cases = []
    for param, limits in table.items():
        for k, limit in enumerate(limits):
            for label, value in (("at", limit), ("above", limit * 1.001),
                                 ("below", limit * 0.999)):
                expected = expected_class(param, value, limits)
                cases.append(pytest.param(param, value, water_body, expected,
                                          id=f"{water_body}-{param}-{C[k]}-{label}"))
    return cases


@pytest.mark.parametrize("param,value,water_body,expected",
                         boundary_cases(RIVER_TABLE, "river") + boundary_cases(LAKE_TABLE, "lake"))
def test_every_boundary(param, value, water_body, expected):
    assert wq.classify_parameter(param, value, water_body) == expected


@pytest.mark.parametrize("param,limits", list(LAKE_TABLE.items()))
def test_limits_match_the_standard(param, limits):
    for k, limit in enumerate(limits):
        assert wq.limit_of(param, C[k], "lake") == limit


@pytest.mark.parametrize("param,value,expected", [
    # equal limits: the better class applies
    ("COD", 15, "Ⅰ"), ("COD", 15.0001, "Ⅲ"), ("BOD5", 3, "Ⅰ"), ("BOD5", 3.01, "Ⅲ"),
    ("Cu", 1.0, "Ⅱ"), ("Cu", 1.01, "劣Ⅴ"), ("Zn", 2.0, "Ⅳ"), ("F", 1.5, "Ⅳ"),
    ("As", 0.05, "Ⅰ"), ("Hg", 0.00005, "Ⅰ"), ("Hg", 0.001, "Ⅳ"), ("Cd", 0.005, "Ⅱ"),
    ("Pb", 0.01, "Ⅰ"), ("Pb", 0.05, "Ⅲ"), ("Petroleum", 0.05, "Ⅰ"), ("Petroleum", 0.5, "Ⅳ"),
    # ordinary limits, hand-picked
    ("CODMn", 2, "Ⅰ"), ("CODMn", 2.1, "Ⅱ"), ("CODMn", 15, "Ⅴ"), ("CODMn", 15.1, "劣Ⅴ"),
    ("NH3N", 0.15, "Ⅰ"), ("NH3N", 0.16, "Ⅱ"), ("NH3N", 2.0, "Ⅴ"), ("NH3N", 2.01, "劣Ⅴ"),
    ("COD", 40, "Ⅴ"), ("COD", 40.5, "劣Ⅴ"), ("COD", 0, "Ⅰ"),
])
def test_hand_picked_values(param, value, expected):
    assert wq.classify_parameter(param, value, "river") == expected


@pytest.mark.parametrize("value,expected", [
    (10, "Ⅰ"), (7.5, "Ⅰ"), (7.49, "Ⅱ"), (6, "Ⅱ"), (5.99, "Ⅲ"), (5, "Ⅲ"), (4.99, "Ⅳ"),
    (3, "Ⅳ"), (2.99, "Ⅴ"), (2, "Ⅴ"), (1.99, "劣Ⅴ"), (0, "劣Ⅴ"),
])
def test_dissolved_oxygen_is_greater_or_equal(value, expected):
    assert wq.classify_parameter("DO", value, "river") == expected
    assert wq.classify_parameter("溶解氧", value, "湖库") == expected


@pytest.mark.parametrize("value,expected", [
    (6, "Ⅰ"), (7, "Ⅰ"), (9, "Ⅰ"), (5.99, "劣Ⅴ"), (9.01, "劣Ⅴ"), (0, "劣Ⅴ"), (14, "劣Ⅴ"),
])
def test_ph(value, expected):
    assert wq.classify_parameter("pH", value, "river") == expected
    assert wq.classify_parameter("pH", value, "lake") == expected


@pytest.mark.parametrize("value,river,lake", [
    (0.01, "Ⅰ", "Ⅰ"), (0.02, "Ⅰ", "Ⅱ"), (0.025, "Ⅱ", "Ⅱ"), (0.05, "Ⅱ", "Ⅲ"),
    (0.1, "Ⅱ", "Ⅳ"), (0.2, "Ⅲ", "Ⅴ"), (0.21, "Ⅳ", "劣Ⅴ"), (0.4, "Ⅴ", "劣Ⅴ"), (0.41, "劣Ⅴ", "劣Ⅴ"),
])
def test_total_phosphorus_river_versus_lake(value, river, lake):
    assert wq.classify_parameter("TP", value, "河流") == river
    assert wq.classify_parameter("TP", value, "湖库") == lake
    assert wq.classify_parameter("总磷", value, "水库") == lake


def test_total_nitrogen_ignored_for_rivers():
    assert wq.classify_parameter("TN", 5.0, "river") is None
    assert wq.classify_parameter("TN", 5.0, "lake") == "劣Ⅴ"
    sample = {"DO": 8, "COD": 10, "TN": 5.0}
    assert wq.classify_sample(sample, "河流").cls == "Ⅰ"
    assert "TN" not in wq.classify_sample(sample, "河流").classes
    assert wq.classify_sample(sample, "湖库").cls == "劣Ⅴ"


def test_missing_values_have_no_class():
    assert wq.classify_parameter("COD", None, "river") is None
    assert wq.classify_parameter("COD", float("nan"), "river") is None
    r = wq.classify_sample({"COD": None, "DO": None}, "river")
    assert r.cls is None and r.classes == {} and r.failing == []


def test_class_strings_are_roman_numeral_code_points():
    assert [hex(ord(c[-1])) for c in wq.CLASSES] == ["0x2160", "0x2161", "0x2162", "0x2163",
                                                     "0x2164", "0x2164"]
    assert wq.CLASSES[-1] == "劣Ⅴ"
    assert [wq.class_rank(c) for c in wq.CLASSES] == [0, 1, 2, 3, 4, 5]
    assert wq.class_from_rank(-1) is None


@pytest.mark.parametrize("text,expected", [
    ("Ⅲ", "Ⅲ"), ("III", "Ⅲ"), ("Ⅲ类", "Ⅲ"), ("iii", "Ⅲ"), ("3", "Ⅲ"), (3, "Ⅲ"), ("三类", "Ⅲ"),
    ("劣Ⅴ", "劣Ⅴ"), ("劣V类", "劣Ⅴ"), ("Ⅱ类", "Ⅱ"), ("IV", "Ⅳ"), ("", None), (None, None),
    ("X", None), (float("nan"), None),
])
def test_parse_class(text, expected):
    assert wq.parse_class(text) == expected


@pytest.mark.parametrize("cls,target,expected", [
    ("Ⅱ", "Ⅲ", True), ("Ⅲ", "Ⅲ", True), ("Ⅳ", "Ⅲ", False), ("劣Ⅴ", "Ⅴ", False),
    ("Ⅰ", "Ⅰ", True), (None, "Ⅲ", None), ("Ⅲ", None, None),
])
def test_meets_target(cls, target, expected):
    assert wq.meets_target(cls, target) is expected


@pytest.mark.parametrize("name,key", [
    ("pH", "pH"), ("DO", "DO"), ("CODMn", "CODMn"), ("COD", "COD"), ("BOD5", "BOD5"),
    ("NH3N", "NH3N"), ("NH3-N", "NH3N"), ("nh3_n", "NH3N"), ("氨氮", "NH3N"),
    ("氨氮(mg/L)", "NH3N"),
    ("TP", "TP"), ("TN", "TN"), ("溶解氧", "DO"), ("高锰酸盐指数", "CODMn"), ("化学需氧量", "COD"),
    ("CODcr", "COD"), ("五日生化需氧量", "BOD5"), ("总磷", "TP"), ("总氮", "TN"), ("Cr6+", "Cr6"),
    ("六价铬", "Cr6"), ("石油类", "Petroleum"), ("挥发酚", "VolatilePhenol"),
    ("粪大肠菌群", "FecalColiform"), ("DMBM", None), ("JCNY", None),
])
def test_parameter_aliases(name, key):
    assert wq.canonical_parameter(name) == key


def test_display_names_are_chinese(monkeypatch):
    monkeypatch.setattr(wq, "language", lambda: "zh_CN")
    expected = {"pH": "pH", "DO": "溶解氧", "CODMn": "高锰酸盐指数", "COD": "化学需氧量",
                "BOD5": "五日生化需氧量", "NH3N": "氨氮", "TP": "总磷", "TN": "总氮"}
    assert {k: wq.display_name(k) for k in expected} == expected
    assert all(wq.PARAMETERS[k].name_zh for k in wq.PARAMETERS)
    monkeypatch.setattr(wq, "language", lambda: "en")
    assert wq.display_name("NH3-N") == "Ammonia nitrogen"


def test_classify_sample_worst_class_and_failing_against_target():
    r = wq.classify_sample({"pH": 7.1, "DO": 4.0, "COD": 25, "NH3-N": 2.5, "总磷": 0.1,
                            "TN": 9}, "river", target="Ⅲ")
    assert r.cls == "劣Ⅴ"
    assert r.classes == {"pH": "Ⅰ", "DO": "Ⅳ", "COD": "Ⅳ", "NH3N": "劣Ⅴ", "TP": "Ⅱ"}
    assert r.meets_target is False and r.reference == "Ⅲ"
    got = {e.parameter: (e.value, e.limit, e.ratio) for e in r.failing}
    # DO: (5 − 4)/5 = 0.2; COD: (25 − 20)/20 = 0.25; NH3-N: (2.5 − 1)/1 = 1.5
    assert got == {"DO": (4.0, 5.0, pytest.approx(0.2)), "COD": (25.0, 20.0, pytest.approx(0.25)),
                   "NH3N": (2.5, 1.0, pytest.approx(1.5))}
    assert [e.parameter for e in r.failing] == ["DO", "COD", "NH3N"]


def test_reference_class_defaults_to_target_and_can_be_overridden():
    values = {"COD": 16, "DO": 6.5}  # COD Ⅲ, DO Ⅱ
    r = wq.classify_sample(values, "river", target="Ⅱ")
    assert r.cls == "Ⅲ" and r.meets_target is False
    assert [(e.parameter, e.limit, round(e.ratio, 4)) for e in r.failing] == [("COD", 15.0, 0.0667)]
    r3 = wq.classify_sample(values, "river", target="Ⅱ", reference="Ⅲ")
    assert r3.failing == [] and r3.meets_target is False
    r1 = wq.classify_sample(values, "river", target="Ⅱ", reference="Ⅰ")
    # against Ⅰ: DO (7.5 − 6.5)/7.5, COD equal limits Ⅰ=Ⅱ=15 → (16 − 15)/15
    assert {e.parameter: round(e.ratio, 4) for e in r1.failing} == {"DO": 0.1333, "COD": 0.0667}
    assert wq.classify_sample(values, "river").reference == "Ⅲ"  # no target: Ⅲ convention


def test_lake_exceedance_uses_lake_limits_and_ph_has_no_ratio():
    r = wq.classify_sample({"TP": 0.06, "TN": 1.2, "pH": 9.5}, "湖库", target="Ⅲ")
    got = {e.parameter: (e.limit, None if e.ratio is None else round(e.ratio, 4))
           for e in r.failing}
    assert got == {"pH": (9.0, None), "TP": (0.05, 0.2), "TN": (1.0, 0.2)}
    low = wq.classify_sample({"pH": 5.5}, "river", target="Ⅲ")
    assert [(e.limit, e.ratio) for e in low.failing] == [(6.0, None)]


def test_exclude_parameters():
    r = wq.classify_sample({"DO": 8, "FecalColiform": 50000}, "river")
    assert r.cls == "劣Ⅴ"
    assert wq.classify_sample({"DO": 8, "FecalColiform": 50000}, "river",
                              exclude={"粪大肠菌群"}).cls == "Ⅰ"


def test_below_detection_limit_text():
    v = wq.coerce_values(pd.Series(["0.01L", "<0.02", "1.5", "未检出", None, "0.3"]))
    assert np.allclose(v, [0.005, 0.01, 1.5, np.nan, np.nan, 0.3], equal_nan=True)


def test_classify_table_matches_scalar_rule_row_by_row():
    rng = np.random.default_rng(7)
    n = 600
    frame = pd.DataFrame({
        "DMBM": [f"S{i}" for i in range(n)],
        "pH": rng.uniform(5.5, 9.5, n).round(2),
        "溶解氧": rng.uniform(1, 9, n).round(2),
        "COD": rng.choice([10, 15, 15.5, 20, 30, 40, 41], n).astype(float),
        "NH3-N": rng.uniform(0, 2.5, n).round(3),
        "TP": rng.choice([0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5], n),
        "TN": rng.uniform(0, 3, n).round(2),
        "STLX": rng.choice(["河流", "湖库"], n),
        "SZMB": rng.choice(["Ⅱ", "Ⅲ", "Ⅳ"], n),
    })
    frame.loc[::7, "COD"] = np.nan
    t = wq.classify_table(frame, water_body="STLX", target="SZMB")
    assert t.columns == {"pH": "pH", "DO": "溶解氧", "COD": "COD", "NH3N": "NH3-N", "TP": "TP",
                         "TN": "TN"}
    limits = {"river": RIVER_TABLE, "lake": LAKE_TABLE}
    expected, expected_meets = [], []
    for row in frame.itertuples(index=False):
        body = "lake" if row.STLX == "湖库" else "river"
        ranks = [5 if not 6 <= row.pH <= 9 else 0]
        for p, v in (("DO", row.溶解氧), ("COD", row.COD), ("NH3N", row._4), ("TP", row.TP),
                     ("TN", row.TN)):
            if (p == "TN" and body == "river") or math.isnan(v):
                continue
            ranks.append(C.index(expected_class(p, v, limits[body][p])))
        expected.append(C[max(ranks)])
        expected_meets.append(max(ranks) <= C.index(row.SZMB))
    assert t.overall.tolist() == expected
    assert t.meets_target.tolist() == expected_meets
    ex = t.exceedances()
    assert set(ex["row"]) == {i for i, m in enumerate(expected_meets) if not m}


def test_classify_table_without_parameters():
    t = wq.classify_table(pd.DataFrame({"DMBM": ["a", "b"]}))
    assert t.overall.tolist() == [None, None]
    assert t.exceedances().empty


@pytest.mark.parametrize("classes,s13,s5", [
    (["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"], 0.75, 0.0),
    (["Ⅲ", "劣Ⅴ", None, "Ⅴ"], 1 / 3, 1 / 3),
    ([None, None], None, None),
])
def test_shares(classes, s13, s5):
    assert wq.share_I_III(classes) == (None if s13 is None else pytest.approx(s13))
    assert wq.share_worse_V(classes) == (None if s5 is None else pytest.approx(s5))


def test_compliance_rate():
    assert wq.compliance_rate(["Ⅱ", "Ⅲ", "Ⅳ", None, "Ⅱ"], ["Ⅲ", "Ⅲ", "Ⅲ", "Ⅲ", None]) == \
        pytest.approx(2 / 3)
    assert wq.compliance_rate([None], ["Ⅲ"]) is None


def test_labels_and_colours(monkeypatch):
    assert [wq.quality_level(c) for c in C] == ["excellent", "excellent", "good", "slight",
                                                "moderate", "heavy"]
    assert [wq.LEVEL_LABELS_ZH[wq.quality_level(c)] for c in C] == \
        ["优", "优", "良好", "轻度污染", "中度污染", "重度污染"]
    monkeypatch.setattr(wq, "tr", lambda s: s)
    assert wq.quality_label("Ⅳ") == "Slightly polluted"
    assert wq.quality_label("heavy") == "Heavily polluted"
    assert [wq.class_color(c) for c in C] == ["#5ab1ef", "#5ab1ef", "#42cc70", "#e8dd3e",
                                              "#f5a524", "#ed5466"]
    assert wq.quality_label(None) is None


@pytest.mark.parametrize("s13,s5,level", [
    (1.0, 0.0, "excellent"), (0.9, 0.0, "excellent"), (0.89, 0.0, "good"), (0.75, 0.1, "good"),
    (0.74, 0.19, "slight"), (0.6, 0.2, "moderate"), (0.5, 0.39, "moderate"), (0.5, 0.4, "heavy"),
    (0.0, 1.0, "heavy"),
])
def test_rate_by_share(s13, s5, level):
    assert wq.rate_by_share(s13, s5) == level


def test_assess_river_by_share_with_five_or_more_sections():
    # 10 sections: 8 in Ⅰ–Ⅲ (80 %) → 良好
    do = [8, 8, 7, 7, 6, 6, 5, 5, 4, 1]
    a = wq.assess_river(pd.DataFrame({"DO": do}), "river")
    assert (a.method, a.n_sections, a.level) == ("share", 10, "good")
    assert a.share_I_III == pytest.approx(0.8) and a.share_worse_V == pytest.approx(0.1)
    # 5 sections, 2 劣Ⅴ (40 %), 2 Ⅰ–Ⅲ → 重度
    b = wq.assess_river(pd.DataFrame({"DO": [8, 6, 4, 1, 1.5]}))
    assert (b.method, b.level) == ("share", "heavy")


def test_assess_river_by_mean_concentration_below_five_sections():
    # 4 sections: mean DO = (6 + 6 + 2.5 + 1)/4 = 3.875 → Ⅳ; mean COD = (10+20+30+50)/4 = 27.5 → Ⅳ
    a = wq.assess_river(pd.DataFrame({"DO": [6, 6, 2.5, 1], "COD": [10, 20, 30, 50]}))
    assert a.method == "mean" and a.n_sections == 4
    assert a.mean_values == {"DO": pytest.approx(3.875), "COD": pytest.approx(27.5)}
    assert (a.cls, a.level) == ("Ⅳ", "slight")
    # but single-section classes would give a 劣Ⅴ share of 1/4
    assert a.share_worse_V == pytest.approx(0.25)
    assert wq.assess_river(pd.DataFrame({"DO": [np.nan]})).method is None
