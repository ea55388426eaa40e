"""What each cleaner is and which options it takes, read from its class.

The class is the single source: its docstring's first line is the description and
its keyword arguments, with their annotations and defaults, are the options. Rule
loading checks options against this, and ``normalizer rules list`` prints it.
"""

from __future__ import annotations

import doctest
import inspect
import types
import typing
from typing import Any, NamedTuple

from ..cleaners import CLEANERS
from ..core.cleaner import Traits, traits_of
from .plugins import load_plugin

REQUIRED = inspect.Parameter.empty


class Option(NamedTuple):
    name: str
    annotation: Any        # ``Any`` when the cleaner did not annotate it
    default: Any           # REQUIRED when it has none


class CleanerInfo(NamedTuple):
    """A cleaner as it describes itself: for ``rules list``, the docs test and the rule loader."""

    name: str
    summary: str
    options: tuple[Option, ...]
    plugin: str | None     # "module:attribute" for a plugin cleaner
    traits: Traits = Traits()
    examples: tuple[tuple[str, str], ...] = ()   # (code, what it prints): the doctests of its docstring

    def as_json(self) -> dict[str, Any]:
        traits = self.traits
        return {"name": self.name, "summary": self.summary, "role": traits.role.value, "reads": list(traits.reads),
                "writes": list(traits.writes), "finds": traits.finds,
                "vocabulary_lists": list(traits.vocabulary_lists),
                "options": [{"name": o.name, "type": type_label(o.annotation),
                             "required": o.default is REQUIRED,
                             "default": None if o.default is REQUIRED else o.default} for o in self.options],
                "examples": [{"code": code, "result": result} for code, result in self.examples],
                "plugin": self.plugin}


def cleaner_class(name: str) -> tuple[Any, bool] | None:
    """The class a rule's ``use:`` names and whether it is a plugin; None when nothing has that name."""
    if name in CLEANERS:
        return CLEANERS[name], False
    cls = load_plugin(name)
    return (cls, True) if cls is not None else None


def options_of(cls: Any) -> tuple[Option, ...]:
    """Keyword options of a cleaner class, in signature order."""
    try:
        hints = typing.get_type_hints(cls.__init__)
    except Exception:  # noqa: BLE001 - an annotation that does not resolve: accept any value for it
        hints = {}
    kinds = (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return tuple(Option(name, hints.get(name, Any), p.default)
                 for name, p in inspect.signature(cls.__init__).parameters.items()
                 if name != "self" and p.kind in kinds)


def describe(name: str, cls: Any, plugin: str | None = None) -> CleanerInfo:
    """What a cleaner class says about itself: its docstring's first paragraph, its options, its
    traits and the examples (doctests) its docstring gives."""
    doc = inspect.getdoc(cls) or ""
    examples = tuple((example.source.strip(), example.want.strip())
                     for example in doctest.DocTestParser().get_examples(doc))
    return CleanerInfo(name, doc.split("\n\n")[0].replace("\n", " "), options_of(cls), plugin, traits_of(cls),
                       examples)


def fits(value: Any, annotation: Any) -> bool:
    """Does a YAML value fit an option annotation (str, int, float, bool, list[str], dict, X | None)?"""
    if annotation is Any:
        return True
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(fits(value, arg) for arg in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if origin is list:
        (item,) = typing.get_args(annotation)
        return isinstance(value, list) and all(fits(v, item) for v in value)
    if origin is dict:
        return isinstance(value, dict)
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, annotation)


def describe_type(annotation: Any) -> str:
    """``list[str] | None`` -> "a list of strings"."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kinds = [describe_type(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        return " or ".join(kinds)
    if typing.get_origin(annotation) is list:
        return "a list of strings"
    if typing.get_origin(annotation) is dict:
        return "a mapping"
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false",
            Any: "any value"}.get(annotation, str(annotation))


def type_label(annotation: Any) -> str:
    """Short type names for listings: ``list[str] | None`` -> ``list[str]?``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return " | ".join(type_label(a) for a in args) + ("?" if len(args) < len(typing.get_args(annotation))
                                                          else "")
    if annotation is Any:
        return "any"
    return annotation.__name__ if isinstance(annotation, type) and not typing.get_args(annotation) \
        else str(annotation)
