"""The fast language backend (``backend: fast``): CLD2 where it is sure, py3langid where it is not.

Measured on the dev and held-out sets (324 documents, 18 languages; ``benchmarks/language_backends.py``):
CLD2 is about 80 times faster than langdetect and right on every whole document, but on a
single 80-character sentence it is right only 89 % of the time (it declines, or takes German
for Luxembourgish); py3langid restricted to langdetect's languages is right 99.4 % of the time
there, at a tenth of CLD2's speed. So CLD2 answers for a text of 200 characters or more that
it calls reliable, and py3langid for everything else. CLD2 reads three windows of a long text
(start, middle, end), not all of it.

Needs the ``fast`` extra (:func:`normalizer.core.install.install_command` says how).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import tempfile
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..core.install import install_command
from ..core.speed import shortcuts

MIN_CLD2_CHARS = 200
CLD2_WINDOW = 600             # characters CLD2 reads at each of the start, middle and end
WORD_SLACK = 50               # how far a window's edge may move to reach a space
RE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")   # CLD2 refuses these
LEGACY_CODES = {"iw": "he", "jw": "jv", "in": "id", "ji": "yi"}



def require() -> None:
    """Raise ``ValueError`` with the install command when the backend's libraries are missing."""
    try:
        import py3langid  # noqa: F401
        import pycld2  # noqa: F401
    except ImportError:
        raise ValueError(f"the fast language backend needs pycld2 and py3langid: {install_command('fast')}"
                         ) from None


def iso_code(code: str) -> str:
    """``zh-Hant`` -> ``zh``, ``iw`` -> ``he``: ISO 639-1 as the ``lang`` field records it."""
    base = code.split("-")[0]
    return LEGACY_CODES.get(base, base)


@functools.lru_cache(maxsize=1)
def identifier() -> Any:
    """py3langid's model, restricted to the languages langdetect knows (loaded once per process).

    Unpacking the shipped LZMA model and restricting it takes about a second, paid by every
    worker process; so the restricted model is kept, uncompressed, in the cache directory, and
    later processes load it in a few hundredths of a second."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from .langdetect_batch import supported_languages
    shipped = MODEL_DIR / MODEL_FILE
    cached = cached_model_path(shipped, supported_languages())
    if cached is not None:
        model = load_cached_model(cached, LanguageIdentifier)
        if model is not None:
            return model
    model = LanguageIdentifier.from_modelpath(shipped, norm_probs=True)
    model.set_languages(sorted(set(model.nb_classes) & supported_languages()))
    if cached is not None:
        save_cached_model(cached, model)
    return model


def cache_directory() -> Path | None:
    """``$NORMALIZER_CACHE_DIR``, else ``$XDG_CACHE_HOME/normalizer``, else ``~/.cache/normalizer``;
    ``NORMALIZER_CACHE_DIR=""`` turns the cache off."""
    if not shortcuts():                 # the reference unpacks the shipped model every time
        return None
    chosen = os.environ.get("NORMALIZER_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "normalizer"


def cached_model_path(shipped: Path, languages: frozenset[str]) -> Path | None:
    """Where the restricted model lives; the name changes with py3langid, its model file and the
    language list, so a stale copy is never read."""
    import py3langid

    directory = cache_directory()
    if directory is None:
        return None
    try:
        stat = shipped.stat()
    except OSError:
        return None
    key = f"{getattr(py3langid, '__version__', '?')}|{stat.st_size}|{stat.st_mtime_ns}|{','.join(sorted(languages))}"
    return directory / f"py3langid-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"


def load_cached_model(path: Path, factory: Any) -> Any:
    """The model saved by `save_cached_model`, or ``None`` when there is none or it cannot be read."""
    import numpy as np
    try:
        with open(path, "rb") as handle, np.load(handle, allow_pickle=False) as data:
            nextmove = array(str(data["nextmove_type"]))
            nextmove.frombytes(data["nextmove"].tobytes())
            row = array(str(data["row_type"]))
            row.frombytes(data["row"].tobytes())
            return factory(data["ptc"], data["pc"], data["classes"].tolist(), nextmove,
                           data["output"].tolist(), norm_probs=True, tk_row=row)
    except Exception:   # missing, truncated or foreign: rebuild it from the shipped model
        return None


def save_cached_model(path: Path, model: Any) -> None:
    """Write the restricted model atomically (a partial file is never read); a cache that cannot be
    written only costs speed."""
    import numpy as np
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            np.savez(out, ptc=np.ascontiguousarray(model.nb_ptc), pc=model.nb_pc,
                     classes=np.array(model.nb_classes), output=np.asarray(model.tk_output, dtype=np.int64),
                     nextmove=np.frombuffer(model.tk_nextmove, dtype=np.uint8),
                     nextmove_type=np.array(model.tk_nextmove.typecode),
                     row=np.frombuffer(model.tk_row, dtype=np.uint8), row_type=np.array(model.tk_row.typecode))
        os.replace(temporary, path)
    except Exception:   # a read-only or full disk, or a py3langid whose model has another layout
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def supported() -> frozenset[str]:
    """Codes the fast backend can record."""
    import pycld2

    from .langdetect_batch import supported_languages
    return frozenset(iso_code(code) for _, code in pycld2.LANGUAGES if code != "un") | supported_languages()


def window(text: str, start: int, end: int) -> str:
    """``text[start:end]`` moved inward to the nearest spaces, so that no word is cut in two."""
    if start > 0 and (space := text.find(" ", start, start + WORD_SLACK)) != -1:
        start = space + 1
    if end < len(text) and (space := text.rfind(" ", end - WORD_SLACK, end)) != -1:
        end = space
    return text[start:end]


def cld2_sample(text: str) -> str:
    """The beginning, middle and end of a long text, ``CLD2_WINDOW`` characters each: CLD2's
    cost grows with the text, its answer does not change (on the 7 173 benchmark documents,
    median 1 900 characters, the language was the same for every one)."""
    if len(text) <= 3 * CLD2_WINDOW:
        return text
    middle = len(text) // 2
    return "\n".join((window(text, 0, CLD2_WINDOW), window(text, middle - CLD2_WINDOW // 2, middle + CLD2_WINDOW // 2),
                      window(text, len(text) - CLD2_WINDOW, len(text))))


def by_cld2(text: str) -> tuple[str, float] | None:
    """CLD2's answer, on a sample of the text, when the text is long enough and CLD2 calls it reliable."""
    import pycld2
    if len(text) < MIN_CLD2_CHARS:
        return None
    try:
        reliable, _, details = pycld2.detect(RE_CONTROL.sub(" ", cld2_sample(text)))
    except pycld2.error:
        return None
    name, code, percent, _ = details[0]
    if not reliable or code == "un":
        return None
    return iso_code(code), round(percent / 100, 4)


def by_langid(text: str) -> tuple[str, float]:
    lang, probability = identifier().classify(text)
    return iso_code(lang), round(float(probability), 4)


def detect_many(texts: Sequence[str]) -> list[tuple[str | None, float | None]]:
    """``(lang, score)`` per text: the score is CLD2's share of the text in that language, or
    py3langid's probability."""
    return [by_cld2(text) or by_langid(text) for text in texts]
