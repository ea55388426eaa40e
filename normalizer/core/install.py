"""The install commands normalizer prints: ones that work for a user with a clone or a built wheel.

The distribution (``corpus-normalizer``) is not on the package index, so ``pip install
"corpus-normalizer[fast]"`` cannot work; what always works is installing an extra's own
requirements, which are on the index, and from a checkout ``pip install ".[fast]"``. The
requirements are read from ``setup.cfg`` when normalizer runs from a checkout (the source of
truth; an editable install's metadata can be stale), else from the installed distribution.
"""

from __future__ import annotations

import configparser
import functools
import importlib.metadata
import re

from .resources import PACKAGE_DIR

DISTRIBUTION = "corpus-normalizer"
RE_EXTRA_MARKER = re.compile(r"""^(?P<requirement>[^;]+?)\s*;\s*extra\s*==\s*["'](?P<extra>[\w-]+)["']\s*$""")


def checkout() -> str | None:
    """The source checkout normalizer runs from, if it does (a folder with ``setup.cfg``)."""
    root = PACKAGE_DIR.parent
    return str(root) if (root / "setup.cfg").is_file() and (root / "normalizer").is_dir() else None


@functools.lru_cache(maxsize=1)
def extras() -> dict[str, tuple[str, ...]]:
    """Each extra's requirements: ``{"fast": ("pycld2>=0.41", "py3langid>=0.2.2"), …}``."""
    root = checkout()
    if root is not None:
        parser = configparser.ConfigParser()
        parser.read(f"{root}/setup.cfg", encoding="utf-8")
        if parser.has_section("options.extras_require"):
            return {name: tuple(line.strip() for line in value.splitlines() if line.strip())
                    for name, value in parser.items("options.extras_require")}
    found: dict[str, list[str]] = {}
    try:
        requirements = importlib.metadata.requires(DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:
        requirements = []
    for requirement in requirements:
        match = RE_EXTRA_MARKER.match(requirement)
        if match:
            found.setdefault(match["extra"], []).append(match["requirement"].strip())
    return {name: tuple(values) for name, values in found.items()}


def install_command(extra: str) -> str:
    """``pip install "pycld2>=0.41" "py3langid>=0.2.2"``, and the checkout form when there is one.

    >>> install_command("fast").startswith('pip install "pycld2')
    True
    """
    requirements = extras().get(extra, ())
    command = "pip install " + " ".join(f'"{r}"' for r in requirements) if requirements else ""
    root = checkout()
    local = f'pip install -e "{root}[{extra}]"' if root is not None else ""
    if command and local:
        return f"{command} (the [{extra}] extra; or {local})"
    return command or local or f"install the [{extra}] extra of {DISTRIBUTION}"
