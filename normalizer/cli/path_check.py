"""Is the ``normalizer`` on PATH this tool? charset-normalizer (pulled in by requests, Ray,
trafilatura …) installs a command of the same name, and whichever package pip installed last
owns it. This tool also installs ``corpus-normalizer``, which cannot clash; when it runs and the
``normalizer`` on PATH is another program's, it says so once, on stderr."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

RE_OURS = re.compile(rb"(?<![\w.])normalizer(?:\.cli|\.__main__|\s+import)")   # not charset_normalizer.cli
SCRIPT_HEAD = 4096          # a console script names its module in its first lines


def foreign_normalizer() -> str | None:
    """The path of a ``normalizer`` command on PATH that is charset-normalizer's; None when it is
    ours, there is none, or it is something we cannot name (a pyenv shim, a binary)."""
    found = shutil.which("normalizer")
    if found is None:
        return None
    try:
        head = Path(found).read_bytes()[:SCRIPT_HEAD]
    except OSError:
        return None
    if RE_OURS.search(head) or b"charset_normalizer" not in head:
        return None                 # ours, or a shim or binary we cannot name: no guess is printed
    return f"{found} (charset-normalizer)"


def clash_note() -> str | None:
    other = foreign_normalizer()
    if other is None:
        return None
    return (f"note: the 'normalizer' command on your PATH is not this tool: {other}. Run "
            f"'corpus-normalizer' (or 'python -m normalizer'), or reinstall this package last.")
