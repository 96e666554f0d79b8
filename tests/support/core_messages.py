"""The messages a Qt-free core module writes, as message shapes (no Qt; Python's ``ast``).

A shape is the text of a string literal, an f-string or a ``+`` chain of them that contains a Chinese
character, each value (an f-string's ``{…}``, a ``{name}`` of a ``str.format`` text, a non-literal
operand of ``+``) written ``{0}``, ``{1}`` … in order — the way ``creditdesk/ui/core_text.py`` writes its
templates. The values' own expressions are scanned too (``"平台网关超时" if … else "平台繁忙"``).
Docstrings and the arguments of logging calls (``log.warning(…)``: the log, not the window) are left out.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}
_HOLE = "\0"


def _parts(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _parts(node.left) + _parts(node.right)
    return [node]


def _text(node: ast.AST) -> str | None:
    """The shape of a literal, an f-string or a ``+`` chain holding one of them (holes as NUL)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.sub(r"\{[A-Za-z_]\w*\}", _HOLE, node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else _HOLE for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = _parts(node)
        texts = [_text(p) if isinstance(p, (ast.Constant, ast.JoinedStr)) else None for p in parts]
        if all(t is None for t in texts):
            return None
        return "".join(_HOLE if t is None else t for t in texts)
    return None


def _values(node: ast.AST) -> list[ast.AST]:
    """The expressions that fill a shape's holes."""
    out = []
    for part in _parts(node):
        if isinstance(part, ast.JoinedStr):
            out += [v.value for v in part.values if isinstance(v, ast.FormattedValue)]
        elif not isinstance(part, ast.Constant):
            out.append(part)
    return out


def numbered(shape: str) -> str:
    count = iter(range(1000))
    return re.sub(_HOLE, lambda _m: "{%d}" % next(count), shape)


def message_shapes(path: Path) -> dict[str, int]:
    """Every Chinese message shape of the module at ``path`` → the line it is first written on."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # a docstring
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _LOG_METHODS
                and isinstance(node.func.value, ast.Name) and "log" in node.func.value.id):  # fmt: skip
            skipped.update(id(n) for n in ast.walk(node))
    found: dict[str, int] = {}

    def visit(node: ast.AST) -> None:
        if id(node) in skipped:
            return
        text = _text(node) if isinstance(node, (ast.Constant, ast.JoinedStr, ast.BinOp)) else None
        if text is not None and HAN.search(text):
            found.setdefault(numbered(text), node.lineno)
            for value in _values(node):
                visit(value)
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def translated_literals(path: Path) -> set[str]:
    """The texts a UI module marks for translation with ``QT_TRANSLATE_NOOP(context, text)``."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "QT_TRANSLATE_NOOP"
                and len(node.args) == 2 and isinstance(node.args[1], ast.Constant)):  # fmt: skip
            out.add(node.args[1].value)
    return out
