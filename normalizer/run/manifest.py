"""The run manifest (``--manifest run.json``): what went in, with which rules, what came out.

Two runs with the same inputs and rules have the same input hashes, rules digest and
output hashes; only the timings differ.
"""

from __future__ import annotations

import hashlib
import platform
import sys
from importlib import metadata
from typing import Any

from ..core.summary import Summary
from ..core.version import __version__
from ..rules.loader import Rules

PACKAGES = ("ftfy", "langdetect", "click", "PyYAML", "chardet", "zstandard", "Unidecode", "pyarrow")


def package_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def file_digest(path: str) -> str:
    from ..io.sources import open_raw
    digest = hashlib.sha256()
    with open_raw(path) as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def build_manifest(rules: Rules, summary: Summary, inputs: list[dict[str, Any]], outputs: list[dict[str, Any]],
                   seconds: float, jobs: int, argv: list[str], profile: dict[str, float] | None = None,
                   learned: dict[str, str] | None = None) -> dict[str, Any]:
    """``outputs`` carry the SHA-256 of their content as written (before compression); ``learned``
    the SHA-256 of what each corpus step learned (two runs that learned the same agree)."""
    manifest = {
        "normalizer": __version__,
        "python": platform.python_version(),
        "packages": package_versions(),
        "command": argv,
        "jobs": jobs,
        "rules": {"path": rules.path, "digest": rules.digest,
                  "steps": [{"id": s.id, "use": s.use, "options": s.options, "origin": s.origin}
                            for s in rules.steps]},
        "inputs": inputs,
        "outputs": outputs,
        "counts": summary.as_json(),
        "seconds": round(seconds, 3),
        "profile_seconds": {stage: round(spent, 3) for stage, spent in (profile or {}).items()},
        "platform": sys.platform,
    }
    if learned:
        manifest["learned"] = learned
    return manifest
