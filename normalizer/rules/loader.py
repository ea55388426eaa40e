"""Rule files -> a checked chain of configured cleaners.

Everything is validated here, before any text is read: unknown cleaners and options
(with a did-you-mean), option types (YAML 1.1 turns an unquoted pattern into a list,
int or bool), bad regexes, unknown language codes. Each error names file, line and step.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..cleaners import CLEANERS
from ..core.cleaner import Traits, traits_of
from ..core.errors import NormalizerError, RuleError
from ..core.examples import Example, parse_examples, split_patterns
from ..core.resources import rules_dir
from ..core.yamlfile import Located, load_yaml
from .catalog import REQUIRED, cleaner_class, describe_type, fits, options_of
from .plugins import CheckedCleaner, installed_plugins

TOP_LEVEL_KEYS = ("version", "description", "extends", "steps", "examples", "keep", "quality")
STEP_KEYS = ("use", "id", "enabled", "before", "after", "source", "description", "examples", "keep")
MAX_STEPS = 10_000


class Step(NamedTuple):
    """One configured cleaner in the chain, with what it says about itself (:class:`Traits`)."""

    id: str
    use: str
    cleaner: Any
    options: dict[str, Any]
    origin: str          # "file:line" of the step entry that last set it
    examples: tuple[Example, ...] = ()
    traits: Traits = Traits()
    learned: Any = None  # what a step that learns from the corpus learned (set by the runner)

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.traits.warnings


class Rules(NamedTuple):
    """A loaded chain: its steps in order, the file it came from, and a hash of what it resolved to.

    ``examples`` run through the whole chain; ``files`` are the rule files read, parent first.
    """

    steps: tuple[Step, ...]
    path: str
    digest: str
    examples: tuple[Example, ...] = ()
    files: tuple[str, ...] = ()
    quality: tuple[Setting, ...] = ()      # the ``quality:`` thresholds, checked by normalizer check

    @property
    def warnings(self) -> list[str]:
        return [f"{step.origin}: step {step.id}: {warning}" for step in self.steps for warning in step.warnings]


class StepSpec(NamedTuple):
    id: str
    use: str
    options: dict[str, Any]
    origin: str
    path: str
    line: int
    number: int          # the step's position in the file that last set it, for messages
    examples: tuple[Example, ...] = ()


class Setting(NamedTuple):
    """One ``quality:`` entry, kept with where it was written so a bad value can be pointed at."""

    key: str
    value: Any
    origin: str


class FileSpec(NamedTuple):
    """What a rule file resolves to before the cleaners are built."""

    steps: list[StepSpec]
    examples: tuple[Example, ...]
    files: tuple[str, ...]
    quality: tuple[Setting, ...] = ()


def not_finite(value: Any) -> bool:
    """A NaN or an infinity anywhere in an option's value (YAML writes them .nan and .inf)."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(not_finite(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(not_finite(item) for item in value)
    return False


def quality_settings(data: Located, where: str, inherited: tuple[Setting, ...]) -> tuple[Setting, ...]:
    """A file's ``quality:`` mapping on top of its parent's (key by key)."""
    section = data.get("quality", {})
    if not isinstance(section, Located):
        raise RuleError("'quality' must be a mapping of thresholds", path=where, line=data.key_lines.get("quality"))
    own = {key: Setting(str(key), value, f"{where}:{section.key_lines[key]}") for key, value in section.items()}
    return tuple(s for s in inherited if s.key not in own) + tuple(own.values())


def resolve_path(name: str | Path) -> Path:
    """A shipped rule set by name (``default``) or a path to a YAML file."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists() or len(path.parts) > 1:
        return path
    shipped = rules_dir() / f"{name}.yaml"
    if shipped.is_file():
        return shipped
    available = sorted(p.stem for p in rules_dir().glob("*.yaml"))
    raise RuleError(f"no rule file {str(name)!r} and no shipped rule set of that name "
                    f"(shipped: {', '.join(available)})", path=str(name))


def resolve_parent(name: str, child: Path) -> Path:
    """``extends`` names a file beside the child (``base.yaml``, ``base``) or a shipped set."""
    if name.endswith((".yaml", ".yml")) or "/" in name:
        path = Path(name) if Path(name).is_absolute() else child.parent / name
        if not path.is_file():
            raise RuleError(f"extends {name!r}, but there is no such file ({path})", path=str(child))
        return path
    beside = child.parent / f"{name}.yaml"
    return beside if beside.is_file() and beside.resolve() != child.resolve() else resolve_path(name)


def suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def read_specs(path: Path, seen: tuple[Path, ...] = ()) -> FileSpec:
    """The step specs of one file, after applying it on top of the file it extends."""
    if path.resolve() in seen:
        raise RuleError("extends itself (a cycle: " + " -> ".join(str(p) for p in (*seen, path)) + ")",
                        path=str(path))
    data = load_yaml(path)
    where = str(path)
    if not isinstance(data, Located):
        raise RuleError("a rule file is a mapping with a 'steps' list", path=where, line=1)
    if not any(key in TOP_LEVEL_KEYS for key in data) and not any(
            suggest(str(key), TOP_LEVEL_KEYS) for key in data):
        # not a rule file at all (a path mistyped, or someone's secrets): quote none of it
        raise RuleError(f"not a rule file: none of its top-level keys is one of {', '.join(TOP_LEVEL_KEYS)}",
                        path=where, line=1)
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise RuleError(f"unknown top-level key {key!r}{suggest(str(key), TOP_LEVEL_KEYS)}",
                            path=where, line=data.key_lines[key])
    if data.get("version", 1) != 1:
        raise RuleError("unsupported version (this normalizer reads version 1)", path=where,
                        line=data.key_lines.get("version"))
    specs: list[StepSpec] = []
    examples: tuple[Example, ...] = ()
    files: tuple[str, ...] = ()
    quality: tuple[Setting, ...] = ()
    if "extends" in data:
        if not isinstance(data["extends"], str):
            raise RuleError("'extends' must be a rule set name or a path", path=where,
                            line=data.key_lines["extends"])
        try:
            parent_path = resolve_parent(data["extends"], path)
        except RuleError as error:
            raise RuleError(error.message, path=where, line=data.key_lines["extends"]) from None
        specs, examples, files, quality = read_specs(parent_path, (*seen, path.resolve()))
    if "examples" in data or "keep" in data:   # the chain's own examples replace the parent's
        examples = parse_examples(data, where, "the whole chain")
    steps = data.get("steps", [])
    if not isinstance(steps, list):
        raise RuleError("'steps' must be a list of steps", path=where, line=data.key_lines.get("steps"))
    if len(steps) > MAX_STEPS:
        raise RuleError(f"more than {MAX_STEPS} steps", path=where)
    own_ids: set[str] = set()
    for number, entry in enumerate(steps, 1):
        specs = apply_entry(specs, entry, number, where, own_ids)
    return FileSpec(specs, examples, (*files, where), quality_settings(data, where, quality) if "quality" in data
                    else quality)


def apply_entry(specs: list[StepSpec], entry: Any, number: int, where: str, own_ids: set[str]
                ) -> list[StepSpec]:
    """Add, override, move or switch off one step; ``own_ids`` are the ids this file already used."""
    if not isinstance(entry, Located):
        raise RuleError(f"step {number} must be a mapping with 'use' or 'id'", path=where)
    line = entry.line
    label = f"step {number}"
    ids = [spec.id for spec in specs]
    step_id = entry.get("id", entry.get("use"))
    if not isinstance(step_id, str) or not step_id:
        raise RuleError("each step needs 'use: <cleaner>' (or 'id' of a step to override)",
                        path=where, line=line, step=label)
    if not isinstance(entry.get("enabled", True), bool):
        raise RuleError("'enabled' must be true or false", path=where, line=entry.key_lines["enabled"], step=label)
    if "before" in entry and "after" in entry:
        raise RuleError("give 'before' or 'after', not both", path=where, line=line, step=label)
    if step_id in own_ids:
        raise RuleError(f"step id {step_id!r} is used twice in this file; give the second step its own 'id'",
                        path=where, line=line, step=label)
    own_ids.add(step_id)
    existing = ids.index(step_id) if step_id in ids else None
    options = {k: v for k, v in entry.items() if k not in STEP_KEYS}
    for key, value in options.items():
        if not_finite(value):
            raise RuleError(f"{key!r} must be a finite number, not {value!r} (NaN and infinity switch checks off)",
                            path=where, line=entry.key_lines.get(key, line), step=label)
    pattern_examples: tuple[Example, ...] = ()
    if "patterns" in options:
        options["patterns"], pattern_examples = split_patterns(options["patterns"], where, label)
    step_examples = parse_examples(entry, where, label)
    if existing is not None:
        base = specs[existing]
        if "use" in entry and entry["use"] != base.use:
            raise RuleError(f"id {step_id!r} is taken by a {base.use!r} step from {Path(base.path).name}; "
                            f"to add a {entry['use']!r} step, give it an id of its own",
                            path=where, line=line, step=label)
        specs = specs[:existing] + specs[existing + 1:]
        if entry.get("enabled", True) is False:
            return specs
        inherited = tuple(e for e in base.examples
                          if not (e.pattern is None and ("examples" in entry or "keep" in entry))
                          and not (e.pattern is not None and "patterns" in options))
        spec = base._replace(options={**base.options, **options}, origin=f"{where}:{line}", path=where, line=line,
                             number=number, examples=inherited + pattern_examples + step_examples)
        position = existing
    else:
        if "use" not in entry:
            raise RuleError(f"no step with id {step_id!r} to override{suggest(step_id, ids)}",
                            path=where, line=line, step=label)
        if entry.get("enabled", True) is False:
            return specs
        spec = StepSpec(id=step_id, use=str(entry["use"]), options=options, origin=f"{where}:{line}", path=where,
                        line=line, number=number, examples=pattern_examples + step_examples)
        position = len(specs)
    for key in ("before", "after"):
        if key in entry:
            anchor = entry[key]
            anchors = [s.id for s in specs]
            if anchor not in anchors:
                raise RuleError(f"'{key}: {anchor}' names no step{suggest(str(anchor), anchors)}",
                                path=where, line=entry.key_lines[key], step=label)
            position = anchors.index(anchor) + (key == "after")
    return specs[:position] + [spec] + specs[position:]


def type_name(value: Any) -> str:
    return {bool: "bool", int: "int", float: "float", str: "string", list: "list",
            type(None): "null"}.get(type(value), "map" if isinstance(value, dict) else type(value).__name__)


def build_step(spec: StepSpec, label: str) -> Step:
    try:
        found = cleaner_class(spec.use)
    except ValueError as error:
        raise RuleError(str(error), path=spec.path, line=spec.line, step=label) from None
    if found is None:
        names = list(CLEANERS) + list(installed_plugins())
        raise RuleError(f"unknown cleaner {spec.use!r}{suggest(spec.use, names)} (built-in cleaners: "
                        f"normalizer rules list; a plugin must be installed to be found)",
                        path=spec.path, line=spec.line, step=label)
    cls, is_plugin = found
    params = {option.name: option for option in options_of(cls)}
    reserved = sorted(set(params) & set(STEP_KEYS))
    if reserved:
        raise RuleError(f"cleaner {spec.use!r} declares the option {reserved[0]!r}, but that name is a step key "
                        f"in rule files ({', '.join(STEP_KEYS)}); the cleaner must rename it",
                        path=spec.path, line=spec.line, step=label)
    for key, value in spec.options.items():
        if key not in params:
            raise RuleError(f"unknown option {key!r}{suggest(str(key), list(params) + list(STEP_KEYS))}",
                            path=spec.path, line=spec.line, step=label)
        if not fits(value, params[key].annotation):
            number_for_number = isinstance(value, (int, float)) and not isinstance(value, bool) and (
                fits(0, params[key].annotation) or fits(0.5, params[key].annotation))   # 1.5 for an int
            hint = " (quote it: YAML reads unquoted yes/no/on/off, numbers and [..] as other types)" \
                if isinstance(value, (bool, int, float, list, type(None))) and not number_for_number else ""
            raise RuleError(f"option {key!r} must be {describe_type(params[key].annotation)}, "
                            f"got {type_name(value)}{hint}", path=spec.path, line=spec.line, step=label)
    missing = [name for name, option in params.items() if option.default is REQUIRED and name not in spec.options]
    if missing:
        raise RuleError(f"missing option(s) {', '.join(missing)}", path=spec.path, line=spec.line, step=label)
    try:
        cleaner = cls(**spec.options)
    except (ValueError, NormalizerError) as error:
        raise RuleError(str(error), path=spec.path, line=spec.line, step=label) from None
    except Exception as error:  # noqa: BLE001 - a plugin may fail any way it likes; name it
        if not is_plugin:
            raise
        raise RuleError(f"plugin cleaner {spec.use!r} failed to start: {type(error).__name__}: {error}",
                        path=spec.path, line=spec.line, step=label) from None
    traits = traits_of(cleaner)
    if is_plugin:
        cleaner = CheckedCleaner(cleaner, spec.use)
    return Step(id=spec.id, use=spec.use, cleaner=cleaner, options=dict(spec.options), origin=spec.origin,
                examples=spec.examples, traits=traits)


def rebuild(step: Step, **options: Any) -> Step:
    """The same step with some options changed (a pattern's examples run with that pattern alone)."""
    path, _, line = step.origin.rpartition(":")
    spec = StepSpec(id=step.id, use=step.use, options={**step.options, **options}, origin=step.origin, path=path,
                    line=int(line or 0), number=0)
    return build_step(spec, f"step {step.id}")


def load_rules(path: str | Path | None = None) -> Rules:
    """Load and check a rule file (a path, or a shipped name; None is ``default``)."""
    resolved = resolve_path(path or "default")
    if not resolved.is_file():
        raise RuleError("no such rule file", path=str(resolved))
    specs, examples, files, quality = read_specs(resolved)
    steps = tuple(build_step(spec, f"step {spec.number} ({spec.id})") for spec in specs)
    canonical = json.dumps([[s.id, s.use, s.options] for s in steps], sort_keys=True, ensure_ascii=False)
    return Rules(steps=steps, path=str(resolved), digest=hashlib.sha256(canonical.encode()).hexdigest(),
                 examples=examples, files=files, quality=quality)
