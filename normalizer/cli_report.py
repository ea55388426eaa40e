"""``normalizer report``: ``check``'s measures and verdict as one HTML page. Part of the CLI layer: it prints.

Exit codes as for ``check``: 0 every threshold holds, 1 one fails (the page is written either way),
2 a usage, rule, input or output error (no page is written).
"""

from __future__ import annotations

from pathlib import Path

from .cli_check import CheckRequest
from .cli_clean import EXIT_USAGE, say


def execute(request: CheckRequest, output: str) -> int:
    from .cli_check import evaluate
    from .cli_clean import UsageProblem
    from .core.errors import NormalizerError
    from .quality.report import gather, render
    target = Path(output)
    if not target.parent.is_dir():                 # before the corpus is read, which may take long
        say(f"error: cannot write {output}: no directory {target.parent}")
        return EXIT_USAGE
    try:
        verdict, _ = evaluate(request)
    except (NormalizerError, UsageProblem) as error:     # rules, inputs, a missing optional extra
        say(f"error: {error}")
        return EXIT_USAGE
    data = gather(verdict.checks, verdict.stats, verdict.quality.settings, verdict.quality.limits, verdict.notes,
                  verdict.sampled, verdict.rules.steps, title=f"normalizer report: {', '.join(request.inputs)}")
    try:
        target.write_text(render(data), encoding="utf-8")
    except OSError as error:
        say(f"error: cannot write {output}: {error.strerror or error}")
        return EXIT_USAGE
    failed = sum(not check.passed for check in verdict.checks)
    say(f"report written to {output}: {len(verdict.checks) - failed} checks passed, {failed} failed")
    return 0 if verdict.passed else 1
