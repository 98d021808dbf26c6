"""Attribute expressions for "select by expression" and the attribute-table filter.

A small SQL-like language (what QGIS users type), parsed here and evaluated column-wise
on a pandas DataFrame — never ``eval`` of Python, so a typed expression can do nothing
but compare columns::

    "治理状态" = '未治理' AND 面积 > 1000
    LXBM IN (11, 12) OR name LIKE '%水库%'
    depth BETWEEN 1 AND 3 AND NOT (remark IS NULL)

Operators: ``= == != <> < <= > >=``, ``+ - * /``, ``AND OR NOT`` (also ``&& || !``,
and 且/或/非), ``IN (...)``, ``LIKE``/``ILIKE`` with ``%`` and ``_``, ``IS [NOT] NULL``,
``BETWEEN a AND b``. Field names are bare words (Chinese allowed) or "double quoted";
strings are 'single quoted'. Field aliases may be used in place of field names.
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ecomap.errors import DataError
from ecomap.i18n import tr

_TOKEN = re.compile(r"""
    \s*(?:
      (?P<num>\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|\d+(?:[eE][-+]?\d+)?)
    | '(?P<str>(?:[^']|'')*)'
    | "(?P<qid>(?:[^"]|"")*)"
    | (?P<op><=|>=|<>|!=|==|&&|\|\||[=<>+\-*/(),!])
    | (?P<word>[^\W\d][\w.]*)
    )""", re.VERBOSE | re.UNICODE)

_KEYWORDS = {"AND": "AND", "OR": "OR", "NOT": "NOT", "IN": "IN", "LIKE": "LIKE", "ILIKE": "ILIKE",
             "IS": "IS", "NULL": "NULL", "BETWEEN": "BETWEEN", "TRUE": "TRUE", "FALSE": "FALSE",
             "且": "AND", "并且": "AND", "或": "OR", "或者": "OR", "非": "NOT"}
_SYMBOL_OPS = {"&&": "AND", "||": "OR", "!": "NOT", "==": "=", "<>": "!="}
#: brackets nested deeper than this are refused (parsing and evaluating recurse once per level)
MAX_NESTING = 50
#: longest number literal: far beyond any ID or coordinate, far below Python's digit limit
MAX_NUMBER_LENGTH = 300
#: LIKE runs on Arrow strings: RE2 matches in linear time, where Python's re backtracks exponentially
_ARROW_TEXT = pd.StringDtype("pyarrow")


@dataclass(frozen=True)
class Token:
    kind: str  # num | str | field | op | kw | end
    value: object
    pos: int


def tokenize(text: str) -> list[Token]:
    tokens, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise DataError(None, tr("cannot understand the expression at character {pos}: '{text}'")
                            .format(pos=pos + 1, text=text[pos:pos + 12]))
        start = m.start(m.lastgroup)
        kind, raw = m.lastgroup, m.group(m.lastgroup)
        if kind == "num":
            if len(raw) > MAX_NUMBER_LENGTH:
                raise DataError(None, tr("the number at character {pos} is longer than {n} characters")
                                .format(pos=start + 1, n=MAX_NUMBER_LENGTH))
            tokens.append(Token("num", float(raw) if any(c in raw for c in ".eE") else int(raw), start))
        elif kind == "str":
            tokens.append(Token("str", raw.replace("''", "'"), start))
        elif kind == "qid":
            tokens.append(Token("field", raw.replace('""', '"'), start))
        elif kind == "op":
            if raw in _SYMBOL_OPS and _SYMBOL_OPS[raw] in ("AND", "OR", "NOT"):
                tokens.append(Token("kw", _SYMBOL_OPS[raw], start))
            else:
                tokens.append(Token("op", _SYMBOL_OPS.get(raw, raw), start))
        else:
            kw = _KEYWORDS.get(raw.upper()) or _KEYWORDS.get(raw)
            tokens.append(Token("kw", kw, start) if kw else Token("field", raw, start))
        pos = m.end()
    tokens.append(Token("end", None, len(text)))
    return tokens


# AST nodes are tuples: ("lit", v) ("field", name) ("not", a) ("truth", a) ("and"|"or", [a, b, …])
# ("cmp", op, a, b) ("arith", op, a, b) ("neg", a) ("in", a, [values], negated)
# ("like", a, pattern, case_insensitive, negated) ("null", a, negated) ("between", a, lo, hi, negated)

class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def accept(self, kind: str, value=None) -> bool:
        t = self.tok
        if t.kind == kind and (value is None or t.value == value):
            self.i += 1
            return True
        return False

    def expect(self, kind: str, value=None) -> Token:
        t = self.tok
        if t.kind != kind or (value is not None and t.value != value):
            raise self.error(tr("expected '{what}'").format(what=value or kind))
        self.i += 1
        return t

    def error(self, message: str) -> DataError:
        t = self.tok
        near = self.text[t.pos:t.pos + 12] or tr("end of expression")
        return DataError(None, tr("{message} at character {pos} (near '{near}')")
                         .format(message=message, pos=t.pos + 1, near=near))

    def parse(self):
        if self.tok.kind == "end":
            raise DataError(None, tr("the expression is empty"))
        node = self.or_expr()
        if self.tok.kind != "end":
            raise self.error(tr("unexpected text"))
        return node

    def or_expr(self):
        operands = [self.and_expr()]
        while self.accept("kw", "OR"):
            operands.append(self.and_expr())
        return operands[0] if len(operands) == 1 else ("or", operands)

    def and_expr(self):
        operands = [self.not_expr()]
        while self.accept("kw", "AND"):
            operands.append(self.not_expr())
        return operands[0] if len(operands) == 1 else ("and", operands)

    def not_expr(self):
        negations = 0
        while self.accept("kw", "NOT"):
            negations += 1
        node = self.comparison()
        if not negations:
            return node
        return ("not", node) if negations % 2 else ("truth", node)

    def comparison(self):
        left = self.additive()
        t = self.tok
        if t.kind == "op" and t.value in ("=", "!=", "<", "<=", ">", ">="):
            self.take()
            return ("cmp", t.value, left, self.additive())
        negated = False
        if t.kind == "kw" and t.value == "IS":
            self.take()
            negated = self.accept("kw", "NOT")
            self.expect("kw", "NULL")
            return ("null", left, negated)
        if t.kind == "kw" and t.value == "NOT":
            self.take()
            negated = True
            t = self.tok
        if self.accept("kw", "IN"):
            self.expect("op", "(")
            values = [self.literal()]
            while self.accept("op", ","):
                values.append(self.literal())
            self.expect("op", ")")
            return ("in", left, values, negated)
        if t.kind == "kw" and t.value in ("LIKE", "ILIKE"):
            self.take()
            pattern = self.expect("str").value
            return ("like", left, pattern, t.value == "ILIKE", negated)
        if self.accept("kw", "BETWEEN"):
            lo = self.additive()
            self.expect("kw", "AND")
            return ("between", left, lo, self.additive(), negated)
        if negated:
            raise self.error(tr("expected IN, LIKE or BETWEEN after NOT"))
        return left

    def additive(self):
        node = self.term()
        while self.tok.kind == "op" and self.tok.value in ("+", "-"):
            node = ("arith", self.take().value, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.tok.kind == "op" and self.tok.value in ("*", "/"):
            node = ("arith", self.take().value, node, self.unary())
        return node

    def unary(self):
        signs = 0
        while self.accept("op", "-"):
            signs += 1
        node = self.primary()
        if signs:
            node = ("neg", node) if signs % 2 else ("neg", ("neg", node))
        return node

    def primary(self):
        t = self.tok
        if self.accept("op", "("):
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise self.error(tr("brackets are nested more than {n} deep").format(n=MAX_NESTING))
            node = self.or_expr()
            self.expect("op", ")")
            self.depth -= 1
            return node
        if t.kind in ("num", "str"):
            self.take()
            return ("lit", t.value)
        if t.kind == "kw" and t.value in ("TRUE", "FALSE", "NULL"):
            self.take()
            return ("lit", {"TRUE": True, "FALSE": False, "NULL": None}[t.value])
        if t.kind == "field":
            self.take()
            return ("field", t.value)
        raise self.error(tr("expected a field name, a number or a 'text'"))

    def literal(self):
        negative = self.accept("op", "-")
        t = self.take()
        if t.kind == "num":
            return -t.value if negative else t.value
        if t.kind == "str" and not negative:
            return t.value
        self.i -= 1
        raise self.error(tr("expected a number or a 'text' in the list"))


def parse(text: str):
    """The expression's syntax tree (tuples); raises DataError on a syntax error."""
    return _Parser(text).parse()


def fields_used(text: str) -> set[str]:
    out: set[str] = set()

    def walk(node):
        if isinstance(node, tuple):
            if node[0] == "field":
                out.add(node[1])
            for child in node[1:]:
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)
    walk(parse(text))
    return out


def _like_regex(pattern: str) -> str:
    """The regex of a LIKE pattern (run by Arrow's RE2 engine, in linear time whatever the pattern)."""
    out = []
    for ch in pattern:
        out.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
    return "(?s)^" + "".join(out) + "$"


class _Evaluator:
    def __init__(self, frame: pd.DataFrame, aliases: dict[str, str] | None):
        self.frame = frame
        self.lookup = {c: c for c in frame.columns}
        for name, alias in (aliases or {}).items():
            if name in frame.columns and alias not in self.lookup:
                self.lookup[alias] = name
        self.lower = {str(k).lower(): v for k, v in self.lookup.items()}

    def column(self, name: str) -> pd.Series:
        key = self.lookup.get(name) or self.lower.get(name.lower())
        if key is None:
            raise DataError(None, tr("no field named '{name}'").format(name=name))
        return self.frame[key]

    def value(self, node):
        kind = node[0]
        if kind == "lit":
            return node[1]
        if kind == "field":
            return self.column(node[1])
        if kind == "neg":
            v = self.numeric(self.value(node[1]))
            return None if v is None else -v
        if kind == "arith":
            # a chain "a + b - c …" is a left-deep tree as long as the chain: folded in a loop, not recursively
            spine = []
            while node[0] == "arith":
                spine.append((node[1], node[3]))
                node = node[2]
            result = self.numeric(self.value(node))
            for op, right in reversed(spine):
                result = _arith(op, result, self.numeric(self.value(right)))
            return result
        return self.mask(node)

    @staticmethod
    def numeric(v):
        if isinstance(v, pd.Series):
            if pd.api.types.is_bool_dtype(v):  # TRUE counts 1, as in SQL
                return v.astype("Int64")
            return v if pd.api.types.is_numeric_dtype(v) else pd.to_numeric(v, errors="coerce")
        if isinstance(v, str):
            try:
                return float(v)
            except ValueError:
                raise DataError(None, tr("'{text}' is not a number").format(text=v)) from None
        return v

    def as_mask(self, v) -> pd.Series:
        if isinstance(v, pd.Series):
            if pd.api.types.is_bool_dtype(v):
                return v.fillna(False).astype(bool)
            return v.notna() & (v != 0) & (v != "")
        return pd.Series(bool(v), index=self.frame.index)

    def compare(self, op, a, b):
        if isinstance(a, pd.Series) != isinstance(b, pd.Series) or isinstance(a, pd.Series):
            a, b = self._align_types(a, b)
        if a is None or b is None:
            return pd.Series(False, index=self.frame.index)
        try:
            result = {"=": lambda: a == b, "!=": lambda: a != b, "<": lambda: a < b,
                      "<=": lambda: a <= b, ">": lambda: a > b, ">=": lambda: a >= b}[op]()
        except TypeError:
            raise DataError(None, tr("cannot compare text with a number; put numbers without quotes "
                                     "and text in 'single quotes'")) from None
        if isinstance(result, pd.Series):
            # NULL compares false, as in SQL (also for !=)
            for side in (a, b):
                if isinstance(side, pd.Series):
                    result = result & side.notna()
            return result.fillna(False).astype(bool)
        return pd.Series(bool(result), index=self.frame.index)

    def _align_types(self, a, b):
        """Compare a numeric column with '12' as a number and a text column with 12 as text."""
        def fix(series, other):
            if not isinstance(series, pd.Series):
                return other
            if pd.api.types.is_numeric_dtype(series) and isinstance(other, str):
                return self.numeric(other)
            if not pd.api.types.is_numeric_dtype(series) and isinstance(other, (int, float)) \
                    and not isinstance(other, bool):
                return _num_text(other)
            return other
        return fix(b, a), fix(a, b)

    def mask(self, node) -> pd.Series:
        kind = node[0]
        if kind == "and":
            return functools.reduce(operator.and_, (self.mask(n) for n in node[1]))
        if kind == "or":
            return functools.reduce(operator.or_, (self.mask(n) for n in node[1]))
        if kind == "not":
            return ~self.mask(node[1])
        if kind == "truth":
            return self.mask(node[1])
        if kind == "cmp":
            return self.compare(node[1], self.value(node[2]), self.value(node[3]))
        if kind == "null":
            v = self.value(node[1])
            isnull = v.isna() if isinstance(v, pd.Series) else pd.Series(v is None, index=self.frame.index)
            return ~isnull if node[2] else isnull
        if kind == "in":
            v = self.value(node[1])
            values = node[2]
            if isinstance(v, pd.Series) and not pd.api.types.is_numeric_dtype(v):
                values = [_num_text(x) if isinstance(x, (int, float)) else x for x in values]
            elif isinstance(v, pd.Series):
                values = [self.numeric(x) for x in values]
            m = v.isin(values) if isinstance(v, pd.Series) else pd.Series(v in values, index=self.frame.index)
            return ~m & (v.notna() if isinstance(v, pd.Series) else True) if node[3] else m
        if kind == "like":
            v = self.value(node[1])
            s = (v if isinstance(v, pd.Series) else pd.Series(str(v), index=self.frame.index)).astype(_ARROW_TEXT)
            m = s.str.match(_like_regex(node[2]), case=not node[3]).fillna(False).astype(bool)
            return ~m & s.notna() if node[4] else m
        if kind == "between":
            v = self.numeric(self.value(node[1]))
            lo, hi = self.numeric(self.value(node[2])), self.numeric(self.value(node[3]))
            m = self.compare(">=", v, lo) & self.compare("<=", v, hi)
            return ~m & (v.notna() if isinstance(v, pd.Series) else True) if node[4] else m
        return self.as_mask(self.value(node))


def _arith(op: str, a, b):
    """``a op b`` for columns and numbers; NULL gives NULL, as in SQL.

    Columns divide by zero into inf/NaN per row; two numbers cannot, so ``1/0`` and a
    result too large for a number are the expression's error.
    """
    if a is None or b is None:
        return None
    try:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            return {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}[op](a, b)
    except ZeroDivisionError:
        raise DataError(None, tr("division by zero in the expression")) from None
    except OverflowError:
        raise DataError(None, tr("a number in the expression is too large")) from None
    except TypeError:
        raise DataError(None, tr("cannot calculate '{op}' with these values").format(op=op)) from None


def _num_text(x) -> str:
    return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)


def evaluate(text: str, frame: pd.DataFrame, aliases: dict[str, str] | None = None) -> np.ndarray:
    """Boolean mask (numpy, one entry per row of ``frame``) of the rows matching ``text``."""
    node = parse(text)
    ev = _Evaluator(frame, aliases)
    result = ev.mask(node) if node[0] != "field" else ev.as_mask(ev.value(node))
    return np.asarray(result, dtype=bool)
