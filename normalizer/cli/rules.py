"""``normalizer rules test|show|list|lint|suggest``: look at rule files before trusting them.

Exit 1 when a rule test or a lint error fails, 2 when a rule file cannot be read, 5 when a
cleaner crashes on an example or on prose.
"""

from __future__ import annotations

import json
from typing import Any

import click

from ..core.errors import ExitCode
from ..io.records import ReadOptions
from .console import Group, emit, say, visible
from .options import FiniteFloat, format_option, jobs_option, read_options, rules_option
from .text import shown


@click.group(cls=Group)
def rules() -> None:
    """Look at rule files before trusting them: run their examples, show the resolved chain, lint them,
    mine a corpus for new ones."""


@rules.command("test", short_help="Run the examples that rule files carry.")
@click.argument("files", nargs=-1)
@click.option("-v", "--verbose", is_flag=True, help="List every example, not only the failures.")
@click.option("--no-vocabulary", is_flag=True, help="Skip the examples of the shipped vocabulary files.")
def rules_test(files: tuple[str, ...], verbose: bool, no_vocabulary: bool) -> int:
    """Run every example and must-not-change input in FILES (default: the shipped 'default' rules):
    a step's on that step, a pattern's on that pattern alone, the file's top-level ones on the
    whole chain, the vocabularies' on the steps that read them. Exit 1 when one fails."""
    from ..review.ruletests import collect, run
    from ..rules.loader import load_rules
    failed = passed = crashed = 0
    for path in files or (None,):
        chain = load_rules(path)
        cases = collect(chain, not no_vocabulary)
        emit(f"{chain.path}: {len(cases)} examples")
        for warning in chain.warnings:
            emit(f"  warning: {warning}", fg="yellow")
        for case in cases:
            result = run(case)
            if result.passed:
                passed += 1
                if verbose:
                    emit(f"  {click.style('PASS', fg='green')} {case.title}  {case.example.origin}")
                continue
            failed += 1
            crashed += bool(result.error)
            report_failure(result)
        if not cases:
            emit("  no examples: add 'examples:' and 'keep:' to the steps (see README, Rule files)")
    emit(f"{passed} passed, {failed} failed", fg="red" if failed else "green", bold=True)
    if crashed:
        say(f"error: a cleaner crashed on {crashed} example(s); please report it")
    return ExitCode.CRASHED if crashed else ExitCode.FAILED if failed else ExitCode.OK


def report_failure(result: Any) -> None:
    example = result.case.example
    emit(f"  {click.style('FAIL', fg='red', bold=True)} {result.case.title}  {example.origin}")
    emit(f"    input:    {shown(example.input)}")
    if example.reject is not None:
        emit(f"    expected: rejected as {example.reject}")
    else:
        kind = "unchanged" if example.keep else "output"
        emit(f"    expected: {shown(example.output if example.output is not None else example.input)}"
                   f" ({kind})")
    if result.error:
        emit(f"    actual:   the cleaner crashed: {result.error}")
    elif result.actual_reject is not None:
        emit(f"    actual:   rejected as {result.actual_reject}")
    else:
        emit(f"    actual:   {shown(result.actual_text)}")


def option_value(value: Any) -> str:
    """An option as it would be written in a rule file: ``['^© Example \\d+$']``, ``trailing``, ``null``."""
    import yaml
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 20)
    return text.removesuffix("\n").removesuffix("\n...").strip()


@rules.command("show", short_help="The resolved chain: steps, options, where each was set.")
@click.argument("file", required=False)
@format_option("text", "json")
def rules_show(file: str | None, fmt: str) -> int:
    """Show the chain FILE (default: 'default') resolves to after 'extends' and overrides: every step,
    its options (defaults marked), the file and line that last set it."""
    from ..rules.catalog import REQUIRED, cleaner_class, options_of
    from ..rules.loader import load_rules
    chain = load_rules(file)
    shown_steps: list[dict[str, Any]] = []
    for step in chain.steps:
        found = cleaner_class(step.use)
        defaults = {o.name: o.default for o in options_of(found[0])} if found else {}
        effective = {name: step.options.get(name, default) for name, default in defaults.items()
                     if name in step.options or default is not REQUIRED}
        shown_steps.append({"id": step.id, "use": step.use, "role": step.traits.role.value, "origin": step.origin,
                      "options": step.options,
                      "defaults": {k: v for k, v in effective.items() if k not in step.options},
                      "examples": len(step.examples), "warnings": list(step.warnings)})
    if fmt == "json":
        emit(json.dumps({"path": chain.path, "files": list(chain.files), "digest": chain.digest,
                         "steps": shown_steps, "examples": len(chain.examples)}, ensure_ascii=False, indent=2))
        return ExitCode.OK
    emit(f"{chain.path}  (rules digest {chain.digest[:12]})")
    if len(chain.files) > 1:
        emit("extends: " + " <- ".join(chain.files))
    for number, entry in enumerate(shown_steps, 1):
        use = "" if entry["use"] == entry["id"] else f"  (use {entry['use']})"
        examples = f"  [{entry['examples']} examples]" if entry["examples"] else ""
        emit(f"{number:2}. {click.style(entry['id'], bold=True)}{use}  from {entry['origin']}{examples}")
        for name, value in entry["options"].items():
            emit(f"      {name}: {option_value(value)}")
        for name, value in entry["defaults"].items():
            emit(f"      {name}: {option_value(value)}  (default)", dim=True)
        for warning in entry["warnings"]:
            emit(f"      warning: {warning}", fg="yellow")
    if chain.examples:
        emit(f"and {len(chain.examples)} examples for the whole chain")
    return ExitCode.OK


@rules.command("list", short_help="Every cleaner a rule file can use, with its options.")
@format_option("text", "json")
def rules_list(fmt: str) -> int:
    """List the built-in cleaners with what each is (its role, the fields it reads and writes), its
    one-line description and options, then installed plugins."""
    from ..cleaners import CLEANERS
    from ..rules.catalog import REQUIRED, describe, type_label
    from ..rules.plugins import installed_plugins
    infos = [describe(name, cls) for name, cls in CLEANERS.items()]
    plugins = installed_plugins()
    if fmt == "json":
        emit(json.dumps({"cleaners": [info.as_json() for info in infos], "plugins": plugins}, ensure_ascii=False,
                        indent=1))
        return ExitCode.OK
    for info in infos:
        emit(f"{click.style(info.name, bold=True)}: {info.summary}")
        traits = info.traits
        emit(f"    ({traits.role.value}; reads {', '.join(traits.reads)}; writes {', '.join(traits.writes) or 'nothing'})",
             dim=True)
        for option in info.options:
            default = " (required)" if option.default is REQUIRED else f" = {option_value(option.default)}"
            emit(f"    {option.name}: {type_label(option.annotation)}{default}")
    if plugins:
        emit("\nPlugin cleaners (installed; imported only when a rule file names them):")
        for name, target in plugins.items():
            note = "; ignored: a built-in cleaner has that name" if name in CLEANERS else ""
            emit(f"  {click.style(name, bold=True)}  ({target}{note})")
    return ExitCode.OK


@rules.command("lint", short_help="Find patterns and phrases that would cost text or time.")
@click.argument("files", nargs=-1)
@click.option("--prose", "prose", multiple=True, metavar="PATH",
              help="Your own body text (text or JSONL files, directories): no step may remove a line of it.")
@click.option("--no-shipped-prose", is_flag=True, help="Check only against --prose, not the shipped sample.")
@format_option("text", "json")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
def rules_lint(files: tuple[str, ...], prose: tuple[str, ...], no_shipped_prose: bool, fmt: str,
               strict: bool) -> int:
    """Lint FILES (default: 'default'): patterns that match the empty string or do not compile, nested
    quantifiers, duplicate and shadowed patterns, vocabulary lists no step reads, and any step that
    removes a line of real prose (every step runs on a prose sample in 18 languages, plus --prose).
    Exit 1 on errors (and warnings with --strict), 2 when a rule file cannot be read or holds a
    pattern too large to compile safely, 3 when a prose file cannot be read, 5 when a step crashes
    on prose."""
    from ..review.lint import lint, read_prose, shipped_prose
    samples = ([] if no_shipped_prose else shipped_prose()) + read_prose(prose)
    findings = [finding for path in files or (None,) for finding in lint(path, samples)]
    if fmt == "json":
        emit(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=1))
    else:
        colours = {"error": "red", "warning": "yellow", "note": "cyan"}
        for f in findings:
            step = f" {f.step}:" if f.step else ""
            emit(f"{visible(f.where)}: {click.style(f.level, fg=colours[f.level], bold=True)} [{f.code}]"
                 f"{visible(step)} {visible(f.message)}")
        counts = {level: sum(1 for f in findings if f.level == level) for level in colours}
        emit(f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['note']} note(s); "
             f"checked against {len(samples)} prose texts")
    if any(f.code == "unsafe-regex" for f in findings):
        return ExitCode.USAGE                # a pattern no command will load: the file cannot be used
    crashes = sum(f.code == "crash" for f in findings)
    if crashes:
        say(f"error: {crashes} step(s) crashed on prose; please report it")
        return ExitCode.CRASHED
    failing = ("error", "warning") if strict else ("error",)
    return ExitCode.FAILED if any(f.level in failing for f in findings) else ExitCode.OK


@rules.command("suggest", short_help="Mine a corpus for repeated lines and propose rules for them.")
@click.argument("inputs", nargs=-1, required=True)
@rules_option("Look at what is left after these rules (default: the shipped 'default').")
@click.option("--by", default="source", show_default=True, metavar="FIELD",
              help="Count per value of this field (a 'url' field's host stands in for a missing 'source').")
@click.option("--no-group", is_flag=True, help="Count over the whole corpus, not per source.")
@click.option("--min-docs", type=click.IntRange(min=2), default=3, show_default=True,
              help="A line must repeat in at least this many documents...")
@click.option("--min-share", type=FiniteFloat(0, 1), default=0.2, show_default=True,
              help="...and in at least this share of its source's documents.")
@click.option("--max-docs", type=click.IntRange(min=1), default=20000, show_default=True,
              help="Read at most this many documents (the first ones).")
@click.option("--raw", is_flag=True, help="Mine the raw text, not what the rules leave.")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True)
@format_option("text", "json")
@jobs_option()
@read_options(fallback=False)
def rules_suggest(inputs: tuple[str, ...], rules_path: str | None, by: str, no_group: bool, min_docs: int,
                  min_share: float, max_docs: int, raw: bool, top: int, fmt: str, jobs: int | None,
                  read: ReadOptions) -> int:
    """Find lines that repeat across many documents of INPUTS (per source), ranked by how many documents
    they occur in, with examples and a ready-to-paste strip_lines rule whose examples it computed.
    Nothing is removed: review the suggestions, then add them to your rule file and run 'rules test'."""
    import itertools

    from ..io.corpus import FileCorpus
    from ..review.suggest import mine, rule_snippet, snippet_yaml, texts_after_rules
    from ..rules.loader import load_rules
    from ..run.options import EngineOptions
    chain = load_rules(rules_path)
    group = None if no_group else by
    skipped: list[str] = []
    corpus = FileCorpus.from_paths(inputs, read, skipped)
    counted = [0]
    crashed: list[str] = []

    def counting(pairs: Any) -> Any:
        for doc, result in pairs:
            counted[0] += 1
            if result.rejected is not None and result.rejected.reason.startswith("internal_error"):
                crashed.append(f"{doc.id}: {result.rejected.detail}")
            yield doc, result

    pairs = texts_after_rules(corpus, None if raw else chain, EngineOptions(jobs=jobs).build())
    suggestions, groups = mine(counting(itertools.islice(pairs, max_docs)), group, min_docs, min_share)
    for warning in skipped:
        say(f"warning: {warning}")
    if group is not None and set(groups) == {"(none)"} and counted[0]:
        say(f"warning: no record has a {group!r} field" + (" or a 'url'" if group == "source" else "")
            + ": counted over the whole corpus")
    for crash in crashed:
        say(f"error: a cleaner crashed on {crash}; please report it")
    code = ExitCode.CRASHED if crashed else ExitCode.OK
    suggestions = suggestions[:top]
    snippet = rule_snippet(suggestions, extends_default=rules_path in (None, "default"))
    if fmt == "json":
        emit(json.dumps({"documents": counted[0], "groups": dict(groups),
                         "suggestions": [{**s._asdict(), "share": round(s.share, 4)} for s in suggestions],
                         "snippet": snippet}, ensure_ascii=False, indent=1))
        return code
    sample = f" (the first {max_docs}: --max-docs)" if counted[0] >= max_docs else ""
    after = "in the raw text" if raw else f"left after the rules of {chain.path}"
    emit(f"{counted[0]} documents read{sample}, {len(groups)} source(s); lines {after} that repeat in "
         f"at least {min_docs} documents and {min_share:.0%} of their source:")
    if not suggestions:
        emit("  none: nothing repeats that often")
        return code
    for s in suggestions:
        place = f", last line in {s.trailing:.0%}" if s.trailing else ""
        emit(f"\n  {click.style(visible(s.line), bold=True)}")
        emit(visible(f"    {s.group}: {s.docs} of {s.group_docs} documents ({s.share:.0%}){place}; "
                     f"e.g. {', '.join(example[0] for example in s.examples) or '-'}"))
    emit("\nA rule to review and paste under 'steps:' (nothing has been removed):\n")
    emit(visible(snippet_yaml(snippet)))
    return code
