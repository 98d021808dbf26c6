"""Restoration-project model: schedule, overdue, filters, summaries, history, linked items (no Qt)."""

import numpy as np
import pandas as pd
import pytest

from ecomap.domain.restoration import ProjectFilter, RestorationModel, schedule_progress

REF = "2025-11-30"


def projects() -> pd.DataFrame:
    return pd.DataFrame({
        "XMBH": ["P1", "P2", "P3", "P4", "P5", "P6"],
        "XMMC": ["一期", "二期", "砂石坑", "矸石山", "取土场", "风沙区"],
        "XMLX": ["采煤沉陷区", "采煤沉陷区", "历史遗留矿山", "生产矿山", "历史遗留矿山", "山水林田湖草沙"],
        "XZMC": ["石窑镇", "石窑镇", "高庙乡", "石窑镇", "城关镇", "柳湾镇"],
        "XFMJ": [100.0, 200.0, 10.0, 5.0, 20.0, 300.0],
        "JHTZ": [1000.0, 2000.0, 400.0, 300.0, 500.0, 800.0],
        "LJWCTZ": [990.0, 1200.0, 100.0, 0.0, 480.0, 0.0],
        "ZJLY": ["中央财政", "中央财政、市县财政", "市县财政", "矿山企业治理恢复基金", "省级财政", "省级财政"],
        "JHKGRQ": ["2020-01-01", "2024-01-01", "2022-01-01", "2024-01-01", "2025-01-01", "2025-03-01"],
        "SJKGRQ": ["2020-02-01", "2024-02-01", "2022-02-01", None, "2025-01-10", None],
        "JHWGRQ": ["2021-01-01", "2025-06-30", "2023-01-01", "2025-12-31", "2026-01-01", "2027-03-01"],
        "SJWGRQ": ["2021-02-01", None, None, None, None, None],
        "WCJD": [100.0, 60.0, 20.0, 0.0, 95.0, 0.0],
        "XMJD": ["验收", "在建", "暂缓", "终止", "在建", "前期"],
    })


@pytest.fixture
def model():
    history = pd.DataFrame({"XMBH": ["P1", "P1", "P2"], "RQ": ["2020-02-01", "2019-01-01", "2024-02-01"],
                            "YJD": ["前期", None, "前期"], "XJD": ["开工", "储备", "开工"], "SM": ["a", "b", "c"]})
    items = pd.DataFrame({"WTBH": ["W1", "W2", "W3"], "GLXMBH": ["P2", None, "P1、P2"], "ZT": ["整改中"] * 3})
    return RestorationModel(projects(), history, items, REF)


def test_schedule_progress_is_linear_between_planned_dates():
    ps = np.array(["2025-01-01", "2025-01-01", "2026-01-01", "2025-01-01", "NaT"], dtype="datetime64[D]")
    pe = np.array(["2025-12-31", "2025-06-01", "2026-12-31", "2025-01-01", "2025-12-31"], dtype="datetime64[D]")
    got = schedule_progress(ps, pe, "2025-07-02")
    assert got[0] == pytest.approx(182 / 364 * 100)
    assert got[1] == 100.0  # past the planned completion
    assert got[2] == 0.0  # not started yet by plan
    assert got[3] == 100.0  # a zero-length plan is due from its day
    assert np.isnan(got[4])


def test_overdue_behind_and_remaining_money(model):
    t = model.table().set_index("code")
    # P2 is past its planned completion and not finished; P3 is suspended past its end
    assert t.loc["P2", "overdue"] and t.loc["P3", "overdue"]
    assert t.loc["P2", "days_overdue"] == 153
    assert not t.loc["P1", "overdue"]  # accepted
    assert not t.loc["P4", "overdue"]  # terminated projects are never late
    assert t.loc["P6", "late_start"]  # planned to start in March, still 前期
    # P5: 95 % against a schedule of ~91 % → on track
    assert t.loc["P5", "schedule"] == "on_track"
    assert t.loc["P2", "schedule"] == "overdue" and t.loc["P4", "schedule"] == "terminated"
    assert t.loc["P1", "remaining"] == 0  # finished: the balance is a saving
    assert t.loc["P4", "remaining"] == 0  # terminated: nothing to spend
    assert t.loc["P2", "remaining"] == 800


def test_summary_of_all_and_of_a_filter(model):
    s = model.summary()
    assert s.count == 6
    assert s.planned_investment == 5000 and s.completed_investment == 2770
    assert s.remaining_investment == 800 + 300 + 20 + 800
    assert s.area_ha == 635 and s.area_restored_ha == 100
    assert s.overdue == 2 and s.late_start == 1
    assert s.by_stage["在建"] == 2 and s.by_stage["储备"] == 0 and list(s.by_stage)[:6] == [
        "储备", "前期", "开工", "在建", "竣工", "验收"]
    only = model.summary(model.mask(ProjectFilter(townships=frozenset({"石窑镇"}))))
    assert only.count == 3 and only.planned_investment == 3300


def test_filters(model):
    def codes(flt):
        return model.table()["code"].to_numpy()[model.mask(flt)].tolist()

    assert codes(ProjectFilter(stages=frozenset({"在建"}))) == ["P2", "P5"]
    assert codes(ProjectFilter(types=frozenset({"历史遗留矿山"}))) == ["P3", "P5"]
    # a project funded from two sources matches either
    assert codes(ProjectFilter(funding=frozenset({"市县财政"}))) == ["P2", "P3"]
    assert codes(ProjectFilter(overdue_only=True)) == ["P2", "P3"]
    assert codes(ProjectFilter(behind_only=True)) == ["P2", "P3", "P6"]
    assert codes(ProjectFilter(text="砂石")) == ["P3"]
    assert codes(ProjectFilter(townships=frozenset({"石窑镇"}), stages=frozenset({"终止"}))) == ["P4"]


def test_choices_follow_the_lifecycle_and_vocabularies(model):
    c = model.choices()
    assert c["stage"] == ["前期", "在建", "验收", "暂缓", "终止"]
    assert c["funding"] == ["中央财政", "省级财政", "市县财政", "矿山企业治理恢复基金"]


def test_investment_by_year(model):
    by = model.investment_by_year()
    assert by.loc[2024, "planned"] == 2300 and by.loc[2024, "done"] == 1200 and by.loc[2024, "count"] == 2
    assert list(by.index) == [2020, 2022, 2024, 2025]


def test_history_and_linked_items(model):
    h = model.history_of("P1")
    assert h["to_stage"].tolist() == ["储备", "开工"]  # oldest first
    assert model.linked_items("P2")["WTBH"].tolist() == ["W1", "W3"]
    assert model.linked_items("P9").empty


def test_other_field_names_are_found_by_role():
    f = projects().rename(columns={"XMJD": "项目阶段", "WCJD": "形象进度", "XMBH": "项目编号"})
    m = RestorationModel(f, reference_date=REF)
    assert m.roles["stage"] == "项目阶段" and m.roles["progress"] == "形象进度"
    assert m.table()["overdue"].sum() == 2


def test_synonym_stages_are_normalised():
    f = projects()
    f.loc[0, "XMJD"] = "已验收"
    f.loc[1, "XMJD"] = "续建"
    t = RestorationModel(f, reference_date=REF).table()
    assert t["stage"].tolist()[:2] == ["验收", "在建"]
