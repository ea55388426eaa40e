"""The command line (``normalizer``): the only part of normalizer that prints or exits."""

from .app import main

__all__ = ["main"]
