"""How documents' lines and strings are shown in listings: one line each, escapes visible."""

from __future__ import annotations

import json

SHOWN_CHARS = 400


def shown(text: str | None) -> str:
    """A string as one readable line: escapes visible, long ones cut."""
    if text is None:
        return "(none)"
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted if len(quoted) <= SHOWN_CHARS else quoted[:SHOWN_CHARS] + f"… ({len(text)} characters)"


def shown_bare(text: str) -> str:
    """A line of a document for a listing: control characters visible, long ones cut, no quotes."""
    bare = json.dumps(text, ensure_ascii=False)[1:-1]
    return bare if len(bare) <= SHOWN_CHARS else bare[:SHOWN_CHARS] + f"… ({len(text)} characters)"
