"""What every exporter shares: attribute types, value text, XML escaping,
labels for line-based formats, and where multi-file formats write.

Attribute types are found by looking at every value of an attribute once:
all ``bool`` -> ``"boolean"``, all integers -> ``"int"``, numbers with at
least one float -> ``"double"``, anything else -> ``"string"``. ``None``
values count as missing. Lists and tuples become ``"; "``-joined strings
(``LIST_SEPARATOR``).
"""

from __future__ import annotations

import math
import numbers
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

LIST_SEPARATOR = "; "
#: Attribute kinds, ordered from the narrowest to ``string``.
KINDS = ("boolean", "int", "double", "string")


def value_kind(value: Any) -> str | None:
    """The kind of one value: boolean, int, double or string (None: missing).

    >>> [value_kind(v) for v in (True, 3, 2.5, "x", [1, 2], None)]
    ['boolean', 'int', 'double', 'string', 'string', None]
    """
    if value is None:
        return None
    if isinstance(value, bool | np.bool_):
        return "boolean"
    if isinstance(value, numbers.Integral):
        return "int"
    if isinstance(value, numbers.Real):
        return "double"
    return "string"


def _merge(a: str | None, b: str | None) -> str | None:
    if a is None or a == b:
        return b
    if b is None:
        return a
    if {a, b} == {"int", "double"}:
        return "double"
    return "string"


def attribute_kinds(items: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Every attribute name of ``items`` with the kind that holds all its
    values, in the order first seen; attributes that are always None are
    left out.

    >>> attribute_kinds([{"a": 1, "b": "x"}, {"a": 2.5, "c": None}])
    {'a': 'double', 'b': 'string'}
    """
    kinds: dict[str, str | None] = {}
    seen: set[tuple[str, type]] = set()  # the kind depends on the type alone: one value_kind per name and type
    for item in items:
        for name, value in item.items():
            if (name, type(value)) in seen:
                continue
            seen.add((name, type(value)))
            kind = value_kind(value)
            if name not in kinds:
                kinds[name] = kind
            elif kinds[name] != kind and kind is not None:
                kinds[name] = _merge(kinds[name], kind)
    return {name: kind for name, kind in kinds.items() if kind is not None}


def value_text(value: Any, kind: str) -> str:
    """``value`` written as text for an attribute of ``kind``: booleans as
    ``true``/``false``, floats with all their digits (``repr``), lists
    ``"; "``-joined.

    >>> value_text(True, "boolean"), value_text(3, "double"), value_text(["a", "b"], "string")
    ('true', '3.0', 'a; b')
    """
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "int":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def json_value(value: Any) -> Any:
    """``value`` as a JSON-ready Python value: numpy scalars to Python,
    non-finite floats to None, tuples to lists, anything else to ``str``."""
    if value is None or isinstance(value, str):
        return value
    kind = value_kind(value)
    if kind == "boolean":
        return bool(value)
    if kind == "int":
        return int(value)
    if kind == "double":
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    return str(value)


# XML 1.0 cannot hold C0 controls other than tab, newline and carriage
# return, lone surrogates, U+FFFE or U+FFFF: they become U+FFFD.
_INVALID_XML = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]
_XML_TEXT = {c: "\ufffd" for c in _INVALID_XML} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord("\r"): "&#13;",
}
_XML_ATTRIBUTE = _XML_TEXT | {ord('"'): "&quot;", ord("\t"): "&#9;", ord("\n"): "&#10;"}


def xml_text(text: str) -> str:
    """``text`` escaped for element content (tabs and newlines kept as is;
    a carriage return as ``&#13;``, which parsers would otherwise drop).

    >>> xml_text("a & <b>")
    'a &amp; &lt;b&gt;'
    """
    return text.translate(_XML_TEXT)


def xml_attribute(text: str) -> str:
    """``text`` escaped for a double-quoted attribute value; tabs and
    newlines as character references so that parsers keep them.

    >>> xml_attribute('say "hi"\\tnow')
    'say &quot;hi&quot;&#9;now'
    """
    return text.translate(_XML_ATTRIBUTE)


def one_line(text: str) -> str:
    """``text`` for formats whose labels cannot hold tabs or line breaks
    (Pajek, VOSviewer): each tab, carriage return and newline becomes a space.

    >>> one_line("a\\tb\\r\\nc")
    'a b  c'
    """
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def label(node: Any, data: Mapping[str, Any]) -> str:
    """The display label of a node: its ``name``, else its id."""
    name = data.get("name")
    return str(node) if name is None else str(name)


def file_set(path: str | os.PathLike[str], names: Iterable[str]) -> list[Path]:
    """The files of a multi-file format: ``path`` is a folder (an existing
    directory, or a path without an extension), giving ``path/NAME``, or a
    stem (its extension dropped), giving ``STEM_NAME`` beside it.

    >>> [str(p) for p in file_set("out/tables", ["nodes.csv", "edges.csv"])]
    ['out/tables/nodes.csv', 'out/tables/edges.csv']
    >>> [str(p) for p in file_set("out/graph.csv", ["nodes.csv", "edges.csv"])]
    ['out/graph_nodes.csv', 'out/graph_edges.csv']
    """
    target = Path(path)
    if target.is_dir() or not target.suffix:
        return [target / name for name in names]
    stem = target.with_suffix("")
    return [stem.with_name(f"{stem.name}_{name}") for name in names]
