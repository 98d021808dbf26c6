"""Restoration stages and rectification statuses: order, side states, reverts, overdue."""

import itertools

import pytest

from ecomap.domain import lifecycle as lc


def test_orders_are_the_documented_ones():
    assert lc.RESTORATION_STAGES == ("储备", "前期", "开工", "在建", "竣工", "验收")
    assert lc.RESTORATION_SIDE_STAGES == ("暂缓", "终止")
    assert lc.RECTIFICATION_STATUSES == ("未启动", "整改中", "已完成整改", "验收通过", "公示中", "已销号")
    assert set(lc.RECTIFICATION_SIDE_STATUSES) == {"滞后", "反弹", "长期坚持"}
    assert not set(lc.RESTORATION.states) & set(lc.RECTIFICATION.states)


@pytest.mark.parametrize("states", [lc.RESTORATION_STAGES, lc.RECTIFICATION_STATUSES])
def test_main_path_moves_one_step_forward(states):
    for old, new in itertools.pairwise(states):
        assert lc.can_advance(old, new), (old, new)
        assert not lc.can_advance(new, old), (new, old)  # no silent way back
        assert lc.can_advance(new, old, revert=True)
    assert not lc.can_advance(states[0], states[2])  # no skipping by default
    assert lc.can_advance(states[0], states[2], skip=True)
    assert not lc.can_advance(states[2], states[2])


def test_restoration_side_stages():
    assert lc.can_advance_stage("在建", "暂缓")
    assert lc.can_advance_stage("暂缓", "在建")
    assert lc.can_advance_stage("前期", "终止")
    assert not lc.can_advance_stage("终止", "在建")  # terminal ...
    assert lc.can_advance_stage("终止", "前期", revert=True)  # ... unless explicitly reverted
    assert not lc.can_advance_stage("验收", "暂缓")
    assert not lc.can_advance_stage("验收", "竣工")
    assert lc.can_advance_stage("竣工", "在建", revert=True)
    assert lc.RESTORATION.next_states("在建") == ("竣工", "暂缓", "终止")


def test_rectification_side_statuses():
    assert lc.can_advance_status("整改中", "滞后")
    assert lc.can_advance_status("滞后", "已完成整改")
    assert lc.can_advance_status("已销号", "反弹")
    assert lc.can_advance_status("反弹", "整改中")
    assert lc.can_advance_status("整改中", "长期坚持")
    assert not lc.can_advance_status("未启动", "已销号")
    assert not lc.can_advance_status("已销号", "整改中")


def test_new_records_and_unknown_states():
    assert lc.can_advance(None, "在建")
    assert lc.can_advance("", "已销号")
    assert not lc.can_advance("在建", "不存在")
    assert not lc.can_advance("在建", "整改中")  # two lifecycles never mix
    assert not lc.can_advance("不存在", "在建")


def test_synonyms_are_folded():
    assert lc.normalize_state(" 完工 ") == "竣工"
    assert lc.normalize_state("已完成整改（待验收）") == "已完成整改"
    assert lc.can_advance("续建", "完工")
    assert lc.lifecycle_of("销号") is lc.RECTIFICATION
    assert lc.normalize_state(float("nan")) == ""


def test_overdue():
    ref = "2025-11-30"
    assert lc.is_overdue("整改中", "2025-06-30", ref)
    assert lc.is_overdue("滞后", "2024-12-31", ref)
    assert not lc.is_overdue("整改中", "2025-12-31", ref)
    assert not lc.is_overdue("已销号", "2020-01-01", ref)
    assert not lc.is_overdue("长期坚持", None, ref)
    assert not lc.is_overdue("整改中", None, ref)
