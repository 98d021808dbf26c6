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


# AST nodes are tuples: ("lit", v) ("field", name) ("not", a) ("and"|"or", a, b)
# ("cmp", op, a, b) ("arith", op, a, b) ("neg", a) ("in", a, [values], negated)
# ("like", a, pattern, case_insensitive, negated) ("null", a, negated) ("between", a, lo, hi, negated)

class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0

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
        node = self.and_expr()
        while self.accept("kw", "OR"):
            node = ("or", node, self.and_expr())
        return node

    def and_expr(self):
        node = self.not_expr()
        while self.accept("kw", "AND"):
            node = ("and", node, self.not_expr())
        return node

    def not_expr(self):
        if self.accept("kw", "NOT"):
            return ("not", self.not_expr())
        return self.comparison()

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
        if self.accept("op", "-"):
            return ("neg", self.unary())
        return self.primary()

    def primary(self):
        t = self.tok
        if self.accept("op", "("):
            node = self.or_expr()
            self.expect("op", ")")
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
    out = []
    for ch in pattern:
        out.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
    return "^" + "".join(out) + "$"


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
            return -self.numeric(self.value(node[1]))
        if kind == "arith":
            a, b = self.numeric(self.value(node[2])), self.numeric(self.value(node[3]))
            with np.errstate(divide="ignore", invalid="ignore"):
                return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b}[node[1]]()
        return self.mask(node)

    @staticmethod
    def numeric(v):
        if isinstance(v, pd.Series):
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
            return self.mask(node[1]) & self.mask(node[2])
        if kind == "or":
            return self.mask(node[1]) | self.mask(node[2])
        if kind == "not":
            return ~self.mask(node[1])
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
            s = v.astype("string") if isinstance(v, pd.Series) else pd.Series(str(v), index=self.frame.index)
            m = s.str.match(_like_regex(node[2]), case=not node[3]).fillna(False).astype(bool)
            return ~m & s.notna() if node[4] else m
        if kind == "between":
            v = self.numeric(self.value(node[1]))
            lo, hi = self.numeric(self.value(node[2])), self.numeric(self.value(node[3]))
            m = self.compare(">=", v, lo) & self.compare("<=", v, hi)
            return ~m & (v.notna() if isinstance(v, pd.Series) else True) if node[4] else m
        return self.as_mask(self.value(node))


def _num_text(x) -> str:
    return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)


def evaluate(text: str, frame: pd.DataFrame, aliases: dict[str, str] | None = None) -> np.ndarray:
    """Boolean mask (numpy, one entry per row of ``frame``) of the rows matching ``text``."""
    node = parse(text)
    ev = _Evaluator(frame, aliases)
    result = ev.mask(node) if node[0] != "field" else ev.as_mask(ev.value(node))
    return np.asarray(result, dtype=bool)
