"""Lifecycles of restoration projects (阶段) and rectification items (整改状态).

What: the ordered states as tuples, the side states, and ``can_advance(old, new)``
which says whether a record may move from one state to another.

Why here: the attribute editor, the project ledger and the sample generator must
agree on what a legal change is. The rules (domain.md §6.1, §7; marked [U] there,
so they are kept in one table that is easy to change):

* Main states move forward one step at a time (``skip=True`` allows jumps, e.g.
  when a ledger catches up on several steps at once).
* Going back is a deliberate act: only with ``revert=True`` (e.g. 竣工 → 在建 after a
  failed acceptance).
* Side states have explicit entries and exits (see ``_SIDE``):
  restoration 暂缓 (suspended) and 终止 (terminated); rectification 滞后 (behind
  schedule, a flavour of 整改中), 反弹 (the problem came back) and 长期坚持
  (ongoing commitment).
* A new record (``old`` None or "") may start in any state of the lifecycle.

No Qt here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# ----------------------------------------------------------------------------- states

RESTORATION_STAGES: tuple[str, ...] = ("储备", "前期", "开工", "在建", "竣工", "验收")
RESTORATION_SIDE_STAGES: tuple[str, ...] = ("暂缓", "终止")
#: Stages in which the works are physically finished (the NDVI story of the sample).
RESTORATION_COMPLETED: tuple[str, ...] = ("竣工", "验收")
#: Stages in which works are under way on site.
RESTORATION_ACTIVE: tuple[str, ...] = ("开工", "在建")

RECTIFICATION_STATUSES: tuple[str, ...] = ("未启动", "整改中", "已完成整改", "验收通过", "公示中", "已销号")
RECTIFICATION_SIDE_STATUSES: tuple[str, ...] = ("滞后", "反弹", "长期坚持")
#: Statuses in which the rectification work itself is done: never overdue.
RECTIFICATION_DONE: tuple[str, ...] = ("已完成整改", "验收通过", "公示中", "已销号")
#: Statuses that count as open work against a deadline.
RECTIFICATION_OPEN: tuple[str, ...] = ("未启动", "整改中", "滞后", "反弹")

SYNONYMS: dict[str, str] = {
    # restoration
    "完工": "竣工", "已完工": "竣工", "已竣工": "竣工", "初验": "验收", "终验": "验收", "已验收": "验收",
    "新建": "开工", "续建": "在建", "施工中": "在建", "前期工作": "前期", "项目储备": "储备",
    "入库": "储备", "暂停": "暂缓", "中止": "暂缓", "取消": "终止",
    # rectification
    "未开始": "未启动", "推进中": "整改中", "序时推进": "整改中", "正在整改": "整改中",
    "已整改": "已完成整改", "完成整改": "已完成整改", "待验收": "已完成整改", "已完成整改(待验收)": "已完成整改",
    "已完成整改（待验收）": "已完成整改", "已验收通过": "验收通过", "公示": "公示中", "销号": "已销号",
    "已完成销号": "已销号", "进度滞后": "滞后", "重新交办": "反弹", "反弹/重新交办": "反弹",
    "持续推进": "长期坚持", "长期": "长期坚持",
}


@dataclass(frozen=True)
class Lifecycle:
    """An ordered main path plus side states with explicit transitions."""

    name: str
    order: tuple[str, ...]
    side: tuple[str, ...] = ()
    #: extra forward transitions beyond "next main state": state → allowed targets
    extra: dict[str, frozenset[str]] = field(default_factory=dict)
    #: states with no way forward (only ``revert`` leaves them)
    terminal: frozenset[str] = frozenset()

    @property
    def states(self) -> tuple[str, ...]:
        return self.order + self.side

    def __contains__(self, state) -> bool:
        return normalize_state(state) in self.states

    def index(self, state) -> int:
        """Position on the main path; side states get -1."""
        s = normalize_state(state)
        return self.order.index(s) if s in self.order else -1

    def next_states(self, state) -> tuple[str, ...]:
        """States reachable in one ordinary (non-revert) move, in lifecycle order."""
        s = normalize_state(state)
        if not s:
            return self.states
        if s in self.terminal:
            return ()
        targets = set(self.extra.get(s, ()))
        i = self.index(s)
        if 0 <= i < len(self.order) - 1:
            targets.add(self.order[i + 1])
        return tuple(t for t in self.states if t in targets)

    def can_advance(self, old, new, *, revert: bool = False, skip: bool = False) -> bool:
        """May a record move from ``old`` to ``new``?

        ``skip`` allows jumping several main states forward; ``revert`` allows any
        move back (and leaving a terminal or side state to any earlier main state).
        """
        o, n = normalize_state(old), normalize_state(new)
        if n not in self.states:
            return False
        if not o:
            return True
        if o not in self.states or o == n:
            return False
        if n in self.next_states(o):
            return True
        oi, ni = self.index(o), self.index(n)
        if skip and o not in self.terminal and oi >= 0 and ni > oi:
            return True
        if revert:
            if oi >= 0 and 0 <= ni < oi:
                return True
            if oi < 0 and ni >= 0:  # leaving a side state to any main state
                return True
        return False


RESTORATION = Lifecycle(
    name="restoration",
    order=RESTORATION_STAGES,
    side=RESTORATION_SIDE_STAGES,
    extra={
        # any stage before acceptance may be suspended or terminated
        **{s: frozenset({"暂缓", "终止"}) for s in RESTORATION_STAGES[:-1]},
        # a suspended project resumes where it can (前期/开工/在建) or is terminated
        "暂缓": frozenset({"前期", "开工", "在建", "终止"}),
    },
    terminal=frozenset({"验收", "终止"}),
)

RECTIFICATION = Lifecycle(
    name="rectification",
    order=RECTIFICATION_STATUSES,
    side=RECTIFICATION_SIDE_STATUSES,
    extra={
        "未启动": frozenset({"滞后"}),
        "整改中": frozenset({"滞后", "长期坚持"}),
        # behind schedule: catches up, or finishes late
        "滞后": frozenset({"整改中", "已完成整改"}),
        "已完成整改": frozenset({"反弹", "长期坚持"}),
        "验收通过": frozenset({"反弹", "长期坚持"}),
        "公示中": frozenset({"反弹"}),
        "已销号": frozenset({"反弹"}),
        # a recurred problem is assigned again
        "反弹": frozenset({"整改中", "滞后"}),
        "长期坚持": frozenset({"反弹", "已销号"}),
    },
    terminal=frozenset(),
)

LIFECYCLES: dict[str, Lifecycle] = {RESTORATION.name: RESTORATION, RECTIFICATION.name: RECTIFICATION}


def _missing(value) -> bool:
    """None, NaN, pandas NA/NaT or blank text."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and not value.strip()


def normalize_state(state) -> str:
    """Canonical state name: trims, folds full-width brackets, applies :data:`SYNONYMS`."""
    if _missing(state):
        return ""
    s = str(state).strip().replace(" ", "")
    return SYNONYMS.get(s, s)


def lifecycle_of(state) -> Lifecycle | None:
    """The lifecycle a state belongs to (stage and status names do not overlap)."""
    s = normalize_state(state)
    for lc in LIFECYCLES.values():
        if s in lc.states:
            return lc
    return None


def can_advance(old, new, *, revert: bool = False, skip: bool = False,
                lifecycle: str | Lifecycle | None = None) -> bool:
    """May a record move from ``old`` to ``new``? The lifecycle is found from ``new``.

    >>> can_advance("在建", "竣工"), can_advance("竣工", "在建"), can_advance("竣工", "在建", revert=True)
    (True, False, True)
    """
    if isinstance(lifecycle, str):
        lc = LIFECYCLES[lifecycle]
    else:
        lc = lifecycle or lifecycle_of(new) or lifecycle_of(old)
    return False if lc is None else lc.can_advance(old, new, revert=revert, skip=skip)


def can_advance_stage(old, new, *, revert: bool = False, skip: bool = False) -> bool:
    """Restoration-project stage change (储备 → 前期 → 开工 → 在建 → 竣工 → 验收, 暂缓/终止)."""
    return RESTORATION.can_advance(old, new, revert=revert, skip=skip)


def can_advance_status(old, new, *, revert: bool = False, skip: bool = False) -> bool:
    """Rectification status change (未启动 → … → 已销号, 滞后/反弹/长期坚持)."""
    return RECTIFICATION.can_advance(old, new, revert=revert, skip=skip)


def is_completed_stage(stage) -> bool:
    return normalize_state(stage) in RESTORATION_COMPLETED


def is_overdue(status, deadline, reference_date) -> bool:
    """An open rectification item whose deadline (ISO date text or date) lies before the reference date."""
    if normalize_state(status) not in RECTIFICATION_OPEN:
        return False
    if _missing(deadline):
        return False
    return str(deadline)[:10] < str(reference_date)[:10]
