"""Where the shipped rule files are, installed or in a source checkout.

``setup.cfg`` installs the top-level ``rules/`` folder as ``normalizer/shipped_rules``;
running from a checkout (tests, ``python -m normalizer``) finds ``rules/`` beside the package.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent     # normalizer/


def rules_dir() -> Path:
    installed = PACKAGE_DIR / "shipped_rules"
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / "rules"


def vocab_dir() -> Path:
    return rules_dir() / "vocab"
