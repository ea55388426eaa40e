"""normalizer: rule files drive a chain of cleaners from raw text to tidy JSONL.

The public API is small: :func:`load_rules`, :func:`clean_text`, :func:`clean_records`,
and the :class:`Doc`/:class:`Edit` types they return.
"""

from __future__ import annotations

from typing import Any

from .core.version import __version__

__all__ = ["Doc", "Edit", "Rejection", "Outcome", "Span", "replace_spans", "replay", "load_rules", "clean_text",
           "clean_records", "Role", "RuleError", "__version__"]


def __getattr__(name: str) -> Any:
    """Import lazily, so that ``normalizer --help`` does not pay for ftfy and langdetect."""
    if name in ("load_rules", "clean_text", "clean_records"):
        from . import api
        return getattr(api, name)
    if name in ("Doc", "Edit", "Rejection", "Outcome", "Span", "replace_spans", "replay"):
        from .core import document
        return getattr(document, name)
    if name == "Role":
        from .core.cleaner import Role
        return Role
    if name == "RuleError":
        from .core.errors import RuleError
        return RuleError
    raise AttributeError(f"module 'normalizer' has no attribute {name!r}")
