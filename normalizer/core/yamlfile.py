"""Read a rule file safely and remember where every value came from.

PyYAML's safe loader still keeps the last of two duplicate keys silently, expands alias
bombs and lets ``RecursionError`` escape on deep nesting; each of those becomes a
:class:`RuleError` naming the file, line and column here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import RuleError

MAX_RULE_FILE_BYTES = 1 << 20


class Located(dict):  # type: ignore[type-arg]
    """A mapping from YAML that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class LocatingLoader(yaml.SafeLoader):
    """Safe loader with no anchors or aliases, no duplicate keys, and line numbers kept."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(problem="anchors/aliases are not allowed in rule files",
                                       problem_mark=event.start_mark)
        return super().compose_node(parent, index)


def construct_located_map(loader: LocatingLoader, node: yaml.MappingNode) -> Any:
    data = Located()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.MarkedYAMLError(problem="a key must be a plain value",
                                       problem_mark=key_node.start_mark) from None
        if key in data.key_lines:
            raise yaml.MarkedYAMLError(
                problem=f"duplicate key {key!r} (first defined on line {data.key_lines[key]})",
                problem_mark=key_node.start_mark)
        data.key_lines[key] = key_node.start_mark.line + 1
        data[key] = loader.construct_object(value_node, deep=True)


LocatingLoader.add_constructor("tag:yaml.org,2002:map", construct_located_map)


def load_yaml(path: Path) -> Any:
    """Parse one rule file; every failure is a RuleError with the file and position."""
    try:
        if path.stat().st_size > MAX_RULE_FILE_BYTES:      # before reading a byte of a huge file
            raise RuleError(f"rule file is larger than {MAX_RULE_FILE_BYTES} bytes", path=str(path))
        with path.open("rb") as handle:
            raw = handle.read(MAX_RULE_FILE_BYTES + 1)       # a device or a FIFO says no size
    except OSError as error:
        raise RuleError(f"cannot read rule file: {error.strerror}", path=str(path)) from None
    if len(raw) > MAX_RULE_FILE_BYTES:
        raise RuleError(f"rule file is larger than {MAX_RULE_FILE_BYTES} bytes", path=str(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RuleError(f"rule file is not UTF-8 ({error.reason} at byte {error.start})",
                        path=str(path)) from None
    try:
        return yaml.load(text, Loader=LocatingLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = str(error.problem or error.context)
        if "unknown escape character" in message:
            message += " (write regexes in single quotes: '\\d+' — double quotes treat \\ as an escape)"
        raise RuleError(message, path=str(path), line=mark.line + 1 if mark else None,
                        column=mark.column + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise RuleError(f"not valid YAML: {error}", path=str(path)) from None
    except RecursionError:
        raise RuleError("nested too deeply", path=str(path)) from None
