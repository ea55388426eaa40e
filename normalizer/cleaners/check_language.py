"""check_language: record ``lang``/``lang_score`` (and ``lang_mix``) and, when the rules say so, reject.

The detection itself (langdetect seeded and batched, CLD2 with py3langid, or fastText's lid.176,
with the script deciding between Chinese, Japanese and Korean first) lives in
:mod:`normalizer.detect.language`; the paragraphs' languages in :mod:`normalizer.detect.language_mix`.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from ..core.cleaner import Role
from ..core.document import Outcome
from ..detect.language import detect_batch, require, supported
from ..detect.language_mix import mix_batch

Mix = list[tuple[str, float]] | None


class CheckLanguage:
    """Record the language (``lang``, ``lang_score``, and ``lang_mix`` when paragraphs disagree); reject
    outside ``allow``, below ``min_score``, or when the main language is less than ``min_share`` of the text.

    >>> CheckLanguage()("Le gouvernement a présenté mardi son projet de budget pour l'année prochaine.").meta["lang"]
    'fr'
    """

    name = "check_language"
    role = Role.ANNOTATES
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("lang", "lang_score", "lang_mix")
    finds = ""

    def __init__(self, *, backend: str = "langdetect", allow: list[str] | None = None, min_score: float = 0.0,
                 keep_undetermined: bool = False, mix: bool = False, min_share: float = 0.0) -> None:
        """``backend``: ``langdetect`` (the default: langdetect's own answers, seeded), ``fast``
        (CLD2, with py3langid for short or uncertain text; the ``fast`` extra) or ``fasttext``
        (lid.176, 176 languages; the ``fasttext`` extra). ``mix``: judge each paragraph too and
        record ``lang_mix`` when they disagree; off by default because it costs a second detection
        per document. ``min_share`` > 0 judges paragraphs whatever ``mix`` says (and records
        ``lang_mix`` only with ``mix: true``)."""
        require(backend)
        if allow is not None:
            known = supported(backend)
            unknown = [code for code in allow if code not in known]
            if unknown:
                raise ValueError(f"unknown language code(s) {', '.join(unknown)} for the {backend} backend"
                                 f"{close_matches(unknown, known)}")
            if not allow:
                raise ValueError("allow: list at least one language, or leave it out to allow all")
        if not 0.0 <= min_score <= 1.0:
            raise ValueError("min_score must be between 0 and 1")
        if not 0.0 <= min_share <= 1.0:
            raise ValueError("min_share must be between 0 and 1")
        self.backend = backend
        self.allow = frozenset(allow) if allow is not None else None
        self.min_score = min_score
        self.keep_undetermined = keep_undetermined
        self.mix = mix or min_share > 0        # judge the paragraphs
        self.record_mix = mix                  # and record what they say
        self.min_share = min_share

    def __call__(self, text: str) -> Outcome:
        return self.batch([text])[0]

    def batch(self, texts: Sequence[str]) -> list[Outcome]:
        """The same outcomes as calling it on each text, computed together (several times faster)."""
        answers = detect_batch(texts, self.backend)
        mixes: Sequence[Mix] = mix_batch(texts, self.backend) if self.mix else [None] * len(texts)
        return [self.judge(text, lang, score, mix)
                for text, (lang, score), mix in zip(texts, answers, mixes, strict=True)]

    def judge(self, text: str, lang: str | None, score: float | None, mix: Mix = None) -> Outcome:
        meta: dict[str, object] = {"lang": lang, "lang_score": score}
        if self.record_mix and mix is not None and len(mix) > 1:          # one language throughout: the record is as without mix
            meta["lang_mix"] = [{"lang": code, "share": share} for code, share in mix]
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
        if mix is not None and self.min_share > 0:
            share = dict(mix).get(lang, 0.0)
            if share < self.min_share:
                return Outcome(text, meta=meta, reject=(
                    "language_mixed", f"main language {lang} is {share} of the text, below {self.min_share}"))
        return Outcome(text, meta=meta)


ALIASES = {"als": "gsw", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "zh-cn": "zh", "zh-tw": "zh"}


def suggestions(code: str, known: frozenset[str]) -> list[str]:
    """The known codes ``code`` probably means: itself in lower case, the code a legacy one became,
    or the closest spellings."""
    lowered = code.lower()
    for candidate in (lowered, ALIASES.get(lowered)):
        if candidate is not None and candidate in known:
            return [candidate]
    return difflib.get_close_matches(lowered, sorted(known), n=3, cutoff=0.5)


def close_matches(unknown: Sequence[str], known: frozenset[str]) -> str:
    """``; did you mean fr, rue or frr for fre?``: the known codes that resemble each unknown one, not all 55 or 176."""
    hints = [f"{' or '.join(', '.join(found).rsplit(', ', 1))} for {code}" for code in unknown
             if (found := suggestions(code, known))]
    return f"; did you mean {', '.join(hints)}?" if hints else f" (it knows {len(known)} codes, none close)"
