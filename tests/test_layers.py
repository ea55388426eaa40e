"""The layering the README draws is the layering the code has.

The README's layout line (``core`` → ``io`` ``text`` → … → ``cli``) is read here; every import
of every module, function-level ones included, must point down that line or stay within the
module's own subpackage, and there must be no import circle at all. A new subpackage has to
be placed on the line before it can be used. Modules stay small.
"""

from __future__ import annotations

import ast
import configparser
import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "normalizer"
TOP = {"normalizer", "normalizer.__main__"}     # the package itself: above everything
MAX_LINES = 400


def layers() -> list[list[str]]:
    """The README's layout line, bottom to top: one list of subpackages (or top modules) per layer."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = re.findall(r"^ *`core` → .+$", text, re.MULTILINE)
    return [re.findall(r"`(\w+)`", layer) for layer in line.split("→")]


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every normalizer module ``name`` imports, wherever in it the import is."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in known:
                    found.add(f"{target}.{alias.name}")
                elif target in known:
                    found.add(target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
    return found - {name}


def unit(name: str) -> str:
    """What a module belongs to on the layout line: its subpackage, or itself (``api``)."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else name


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(name, path, known) for name, path in known.items()}


def test_every_subpackage_and_top_module_is_on_the_layout_line():
    placed = {name for layer in layers() for name in layer}
    present = {unit(name) for name in modules() if name not in TOP}
    assert present == placed


def test_every_import_points_down_the_layers_or_stays_in_its_subpackage():
    rank = {name: index for index, layer in enumerate(layers()) for name in layer}
    upward = []
    for name, targets in graph().items():
        if name in TOP:
            continue
        for target in targets:
            if target in TOP:
                upward.append((name, target))
            elif unit(target) != unit(name) and rank[unit(target)] >= rank[unit(name)]:
                upward.append((name, target))
    assert not upward, upward


def test_there_is_no_import_circle():
    edges = graph()
    circles = []
    state: dict[str, int] = {}          # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                circles.append(path[path.index(target):] + [target] if target in path else [name, target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert not circles, circles


def test_the_layering_check_would_see_an_upward_import(tmp_path, monkeypatch):
    """The check itself: a module of ``core`` importing one of ``run`` is reported."""
    known = modules()
    bad = tmp_path / "bad.py"
    bad.write_text("def late():\n    from ..run.runner import prepare\n", encoding="utf-8")
    assert imported("normalizer.core.bad", bad, known) == {"normalizer.run.runner"}
    rank = {name: index for index, layer in enumerate(layers()) for name in layer}
    assert rank["run"] > rank["core"]


def test_modules_stay_small():
    long = {name: lines for name, path in modules().items()
            if (lines := path.read_text(encoding="utf-8").count("\n")) > MAX_LINES}
    assert not long, long


def test_every_subpackage_is_in_the_distribution():
    """setup.cfg lists its packages by name: a subpackage missing there works in an editable
    install (the tests, CI) and is absent from ``pip install .``, which the README's first command runs."""
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    on_disk = {".".join(path.parent.relative_to(ROOT).parts) for path in PACKAGE.rglob("__init__.py")}
    assert on_disk - listed == set()
    assert listed - on_disk == {"normalizer.shipped_rules"}      # rules/, mapped by package_dir
