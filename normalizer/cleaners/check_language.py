"""check_language: record ``lang``/``lang_score`` and, when the rules say so, reject.

The detection itself (langdetect seeded and batched, or CLD2 with py3langid, with the script
deciding between Chinese, Japanese and Korean first) lives in :mod:`normalizer.detect.language`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.cleaner import Role
from ..core.document import Outcome
from ..detect.langdetect_batch import supported_languages
from ..detect.language import BACKENDS, detect, detect_batch


class CheckLanguage:
    """Record the language (``lang``, ``lang_score``); reject outside ``allow`` or below ``min_score``.

    >>> CheckLanguage()("Le gouvernement a présenté mardi son projet de budget pour l'année prochaine.").meta["lang"]
    'fr'
    """

    name = "check_language"
    role = Role.ANNOTATES
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("lang", "lang_score")
    finds = ""

    def __init__(self, *, backend: str = "langdetect", allow: list[str] | None = None, min_score: float = 0.0,
                 keep_undetermined: bool = False) -> None:
        """``backend``: ``langdetect`` (the default: langdetect's own answers, seeded) or ``fast``
        (CLD2, with py3langid for short or uncertain text; the ``fast`` extra)."""
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
        if backend == "fast":
            from ..detect import fast_language as language_fast
            language_fast.require()
        if allow is not None:
            known = supported_languages() if backend == "langdetect" else language_fast.supported()
            unknown = [code for code in allow if code not in known]
            if unknown:
                raise ValueError(f"unknown language code(s) {', '.join(unknown)} for the {backend} backend; "
                                 f"known: {', '.join(sorted(known))}")
            if not allow:
                raise ValueError("allow: list at least one language, or leave it out to allow all")
        if not 0.0 <= min_score <= 1.0:
            raise ValueError("min_score must be between 0 and 1")
        self.backend = backend
        self.allow = frozenset(allow) if allow is not None else None
        self.min_score = min_score
        self.keep_undetermined = keep_undetermined

    def __call__(self, text: str) -> Outcome:
        return self.judge(text, *detect(text, self.backend))

    def batch(self, texts: Sequence[str]) -> list[Outcome]:
        """The same outcomes as calling it on each text, computed together (several times faster)."""
        answers = detect_batch(texts, self.backend)
        return [self.judge(text, lang, score) for text, (lang, score) in zip(texts, answers, strict=True)]

    def judge(self, text: str, lang: str | None, score: float | None) -> Outcome:
        meta = {"lang": lang, "lang_score": score}
        if lang is None or score is None:
            if (self.allow is not None or self.min_score > 0) and not self.keep_undetermined:
                return Outcome(text, reject=("language_undetermined", "too few letters to tell the language"),
                               meta=meta)
            return Outcome(text, meta=meta)
        if self.allow is not None and lang not in self.allow:
            return Outcome(text, meta=meta, reject=(
                "language_not_allowed", f"language {lang!r} (score {score}) not in {sorted(self.allow)}"))
        if score < self.min_score:
            return Outcome(text, meta=meta, reject=(
                "language_score_too_low", f"language {lang!r} score {score} below {self.min_score}"))
        return Outcome(text, meta=meta)
