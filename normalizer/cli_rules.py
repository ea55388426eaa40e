"""``normalizer rules test|show|list|lint|suggest``: look at rule files before trusting them.

Part of the CLI layer: it loads through the library and prints; exit 1 when a rule test
or a lint error fails (for lint, a file that does not load is one such error), 2 when a rule file
cannot be loaded for the other commands.
"""

from __future__ import annotations

import json
from typing import Any

import click

from .cli_clean import EXIT_USAGE, say

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


def load_or_exit(path: str | None) -> Any:
    from .core.errors import RuleError
    from .rules.loader import load_rules
    try:
        return load_rules(path)
    except RuleError as error:
        say(f"error: {error}")
        raise SystemExit(EXIT_USAGE) from None


def run_tests(paths: tuple[str, ...], verbose: bool, vocabulary: bool) -> int:
    from .review.ruletests import collect, run
    failed = passed = 0
    for path in paths or (None,):
        rules = load_or_exit(path)
        cases = collect(rules, vocabulary)
        click.echo(f"{rules.path}: {len(cases)} examples")
        for warning in rules.warnings:
            click.echo(click.style(f"  warning: {warning}", fg="yellow"))
        for case in cases:
            result = run(case)
            if result.passed:
                passed += 1
                if verbose:
                    click.echo(f"  {click.style('PASS', fg='green')} {case.title}  {case.example.origin}")
                continue
            failed += 1
            report_failure(result)
        if not cases:
            click.echo("  no examples: add 'examples:' and 'keep:' to the steps (see README, Rule files)")
    summary = f"{passed} passed, {failed} failed"
    click.echo(click.style(summary, fg="red" if failed else "green", bold=True))
    return 1 if failed else 0


def report_failure(result: Any) -> None:
    example = result.case.example
    click.echo(f"  {click.style('FAIL', fg='red', bold=True)} {result.case.title}  {example.origin}")
    click.echo(f"    input:    {shown(example.input)}")
    if example.reject is not None:
        click.echo(f"    expected: rejected as {example.reject}")
    else:
        kind = "unchanged" if example.keep else "output"
        click.echo(f"    expected: {shown(example.output if example.output is not None else example.input)}"
                   f" ({kind})")
    if result.error:
        click.echo(f"    actual:   the cleaner crashed: {result.error}")
    elif result.actual_reject is not None:
        click.echo(f"    actual:   rejected as {result.actual_reject}")
    else:
        click.echo(f"    actual:   {shown(result.actual_text)}")


def option_value(value: Any) -> str:
    """An option as it would be written in a rule file: ``['^© Example \\d+$']``, ``trailing``, ``null``."""
    import yaml
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 20)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def show_chain(path: str | None, as_json: bool) -> int:
    from .rules.catalog import REQUIRED, cleaner_class, options_of
    rules = load_or_exit(path)
    steps = []
    for step in rules.steps:
        found = cleaner_class(step.use)
        defaults = {o.name: o.default for o in options_of(found[0])} if found else {}
        effective = {name: step.options.get(name, default) for name, default in defaults.items()
                     if name in step.options or default is not REQUIRED}
        steps.append({"id": step.id, "use": step.use, "origin": step.origin, "options": step.options,
                      "defaults": {k: v for k, v in effective.items() if k not in step.options},
                      "examples": len(step.examples), "warnings": list(step.warnings)})
    if as_json:
        click.echo(json.dumps({"path": rules.path, "files": list(rules.files), "digest": rules.digest,
                               "steps": steps, "examples": len(rules.examples)}, ensure_ascii=False, indent=2))
        return 0
    click.echo(f"{rules.path}  (rules digest {rules.digest[:12]})")
    if len(rules.files) > 1:
        click.echo("extends: " + " <- ".join(rules.files))
    for number, step in enumerate(steps, 1):
        use = "" if step["use"] == step["id"] else f"  (use {step['use']})"
        examples = f"  [{step['examples']} examples]" if step["examples"] else ""
        click.echo(f"{number:2}. {click.style(step['id'], bold=True)}{use}  from {step['origin']}{examples}")
        for name, value in step["options"].items():
            click.echo(f"      {name}: {option_value(value)}")
        for name, value in step["defaults"].items():
            click.echo(click.style(f"      {name}: {option_value(value)}  (default)", dim=True))
        for warning in step["warnings"]:
            click.echo(click.style(f"      warning: {warning}", fg="yellow"))
    if rules.examples:
        click.echo(f"and {len(rules.examples)} examples for the whole chain")
    return 0


def list_cleaners() -> int:
    from .cleaners import CLEANERS
    from .rules.catalog import REQUIRED, describe, type_label
    from .rules.plugins import installed_plugins
    for name, cls in CLEANERS.items():
        info = describe(name, cls)
        click.echo(f"{click.style(name, bold=True)}: {info.summary}")
        for option in info.options:
            default = " (required)" if option.default is REQUIRED else f" = {option_value(option.default)}"
            click.echo(f"    {option.name}: {type_label(option.annotation)}{default}")
    plugins = installed_plugins()
    if plugins:
        click.echo("\nPlugin cleaners (installed; imported only when a rule file names them):")
        for name, target in plugins.items():
            note = "; ignored: a built-in cleaner has that name" if name in CLEANERS else ""
            click.echo(f"  {click.style(name, bold=True)}  ({target}{note})")
    return 0


def run_lint(paths: tuple[str, ...], prose_paths: tuple[str, ...], no_shipped_prose: bool, as_json: bool,
             strict: bool) -> int:
    from .core.errors import NormalizerError
    from .review.lint import lint, read_prose, shipped_prose
    try:
        prose = ([] if no_shipped_prose else shipped_prose()) + read_prose(prose_paths)
    except (NormalizerError, ValueError) as error:
        say(f"error: {error}")
        return EXIT_USAGE
    findings = [finding for path in paths or (None,) for finding in lint(path, prose)]
    if as_json:
        click.echo(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=1))
    else:
        colours = {"error": "red", "warning": "yellow", "note": "cyan"}
        for f in findings:
            step = f" {f.step}:" if f.step else ""
            click.echo(f"{f.where}: {click.style(f.level, fg=colours[f.level], bold=True)} [{f.code}]{step} "
                       f"{f.message}")
        counts = {level: sum(1 for f in findings if f.level == level) for level in colours}
        click.echo(f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['note']} note(s); "
                   f"checked against {len(prose)} prose texts")
    failing = ("error", "warning") if strict else ("error",)
    return 1 if any(f.level in failing for f in findings) else 0


def run_suggest(inputs: tuple[str, ...], rules_path: str | None, by: str | None, min_docs: int,
                min_share: float, max_docs: int, raw: bool, top: int, fmt: str, text_field: str,
                id_field: str) -> int:
    import itertools

    from .core.document import Doc
    from .core.errors import NormalizerError
    from .io.records import RecordOptions, read_inputs
    from .review.suggest import mine, rule_snippet, snippet_yaml
    rules = load_or_exit(rules_path)
    steps = () if raw else rules.steps
    counted = [0]

    def docs() -> Any:
        for item in read_inputs(inputs, RecordOptions(text_field, id_field), skipped):
            if isinstance(item, Doc):
                counted[0] += 1
                yield item

    skipped: list[str] = []
    try:
        suggestions, groups = mine(itertools.islice(docs(), max_docs), steps, by, min_docs, min_share)
    except NormalizerError as error:     # unreadable input, a missing optional extra
        say(f"error: {error}")
        return 3
    for warning in skipped:
        say(f"warning: {warning}")
    if by is not None and set(groups) == {"(none)"} and counted[0]:
        say(f"warning: no record has a {by!r} field" + (" or a 'url'" if by == "source" else "")
            + ": counted over the whole corpus")
    suggestions = suggestions[:top]
    snippet = rule_snippet(suggestions, extends_default=rules_path in (None, "default"))
    if fmt == "json":
        click.echo(json.dumps({"documents": counted[0], "groups": dict(groups),
                               "suggestions": [{**s._asdict(), "share": round(s.share, 4)} for s in suggestions],
                               "snippet": snippet}, ensure_ascii=False, indent=1))
        return 0
    sample = f" (the first {max_docs}: --max-docs)" if counted[0] >= max_docs else ""
    after = "in the raw text" if raw else f"left after the rules of {rules.path}"
    click.echo(f"{counted[0]} documents read{sample}, {len(groups)} source(s); lines {after} that repeat in "
               f"at least {min_docs} documents and {min_share:.0%} of their source:")
    if not suggestions:
        click.echo("  none: nothing repeats that often")
        return 0
    for s in suggestions:
        place = f", last line in {s.trailing:.0%}" if s.trailing else ""
        click.echo(f"\n  {click.style(s.line, bold=True)}")
        click.echo(f"    {s.group}: {s.docs} of {s.group_docs} documents ({s.share:.0%}){place}; "
                   f"e.g. {', '.join(example[0] for example in s.examples) or '-'}")
    click.echo("\nA rule to review and paste under 'steps:' (nothing has been removed):\n")
    click.echo(snippet_yaml(snippet))
    return 0
