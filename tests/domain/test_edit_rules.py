"""Validation and journal rules of edits (stage order, 0–100, dates, amounts, 销号 date)."""

import datetime as dt

import pytest

from ecomap.domain.edit_rules import policy_for

PROJECT_COLUMNS = ["XMBH", "XMMC", "XFMJ", "JHTZ", "LJWCTZ", "JHKGRQ", "SJKGRQ", "JHWGRQ", "SJWGRQ", "WCJD",
                   "XMJD", "YSRQ", "version"]
BEFORE = {"XMBH": "P1", "XMJD": "在建", "WCJD": 60.0, "JHTZ": 100.0, "LJWCTZ": 50.0, "SJKGRQ": "2024-03-01",
          "SJWGRQ": None, "JHKGRQ": "2024-01-01", "JHWGRQ": "2025-06-30", "YSRQ": None, "version": 3}


@pytest.fixture
def policy():
    return policy_for("restoration_projects", PROJECT_COLUMNS)


def check(policy, revert=False, **changes):
    return policy.validate(BEFORE, {**BEFORE, **changes}, revert=revert)


def test_stage_moves_in_order(policy):
    assert check(policy, XMJD="竣工") == []
    assert check(policy, XMJD="暂缓") == []
    [msg] = check(policy, XMJD="验收")
    assert "在建" in msg and "验收" in msg and "竣工" in msg


def test_going_back_needs_an_explicit_revert(policy):
    [msg] = check(policy, XMJD="开工")
    assert "revert" in msg
    assert check(policy, XMJD="开工", revert=True) == []


def test_unknown_stage(policy):
    [msg] = check(policy, XMJD="完成了")
    assert "完成了" in msg


def test_progress_amounts_and_dates(policy):
    assert len(check(policy, WCJD=101)) == 1
    assert len(check(policy, WCJD=-1)) == 1
    assert len(check(policy, WCJD="abc")) == 1
    assert check(policy, WCJD=100) == []
    assert len(check(policy, LJWCTZ=-0.5)) == 1
    assert len(check(policy, SJWGRQ="2024-02-01")) == 1  # before the actual start
    assert len(check(policy, SJWGRQ="2024/13/01")) == 1
    assert check(policy, SJWGRQ="2025-07-01") == []
    assert len(check(policy, JHWGRQ="2023-12-31")) == 1


def test_only_touched_rules_are_checked(policy):
    broken = {**BEFORE, "SJWGRQ": "2020-01-01"}  # an old inconsistency in the data
    assert policy.validate(broken, {**broken, "WCJD": 70.0}) == []


def test_messages_are_translated(policy, chinese):
    [msg] = check(policy, WCJD=150)
    assert "进度" in msg


def test_stage_change_journals_a_history_row(policy):
    rows = policy.journal(BEFORE, {**BEFORE, "XMJD": "竣工"}, note="完工", today=dt.date(2025, 11, 30))
    assert rows == [("restoration_history", {"XMBH": "P1", "RQ": "2025-11-30", "YJD": "在建", "XJD": "竣工",
                                             "SM": "完工"})]
    undo = policy.journal({**BEFORE, "XMJD": "竣工"}, BEFORE, note="完工", undo=True)
    assert undo[0][1]["XJD"] == "在建" and undo[0][1]["SM"].startswith("撤销")
    assert policy.journal(BEFORE, {**BEFORE, "WCJD": 70.0}) == []


def test_rectification_rules():
    p = policy_for("rectification_items", ["WTBH", "ZT", "WCL", "ZGSX", "XHRQ", "version"])
    before = {"WTBH": "A1", "ZT": "公示中", "WCL": 100.0, "XHRQ": None}
    [msg] = p.validate(before, {**before, "ZT": "已销号"})
    assert "销号" in msg
    assert p.validate(before, {**before, "ZT": "已销号", "XHRQ": "2025-11-30"}) == []
    assert len(p.validate(before, {**before, "ZT": "整改中"})) == 1
    assert p.validate(before, {**before, "ZT": "整改中"}, revert=True) == []
    assert p.journal(before, {**before, "ZT": "已销号"}) == []
