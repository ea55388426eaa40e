#!/usr/bin/env python3
"""Accuracy and speed of the language backends on the labelled dev and held-out sets.

For whole documents, their first sentence (80 characters) and their first 250 characters
of body: langdetect as shipped (seeded, one document at a time), normalizer's default
backend (the same answers, computed in batches), the fast backend (CLD2 + py3langid), the
fasttext backend (lid.176 through fasttext-predict), and CLD2 and py3langid alone. Prints accuracy,
ms per document, and how many documents the default backend labels differently from langdetect as
shipped (it must be 0). Then the normalizer backends on the ten news items in languages beyond
langdetect's 55 or hard for it, written for tests/test_fasttext_language.py (read from there).

    python benchmarks/language_backends.py
"""

from __future__ import annotations

import ast
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
Detector = Callable[[Sequence[str]], list]


def documents() -> list[dict]:
    return [json.loads(line) for name in ("tests/devset/devset.jsonl", "tests/holdout/holdout.jsonl")
            for line in (ROOT / name).read_text("utf-8").splitlines()]


def beyond_langdetect() -> dict[str, str]:
    """``TEXTS`` from tests/test_fasttext_language.py, read without importing the test module."""
    tree = ast.parse((ROOT / "tests/test_fasttext_language.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", "") == "TEXTS" for target in node.targets):
            texts: dict[str, str] = ast.literal_eval(node.value)
            return texts
    raise LookupError("no TEXTS in tests/test_fasttext_language.py")


def first_sentence(text: str) -> str:
    lines = [line for line in text.split("\n") if len(line) > 40]
    return (lines[0] if lines else text)[:80]


def first_250(text: str) -> str:
    body = text.split("\n", 1)[-1]
    return " ".join(line for line in body.split("\n") if line.strip())[:250]


def langdetect_as_shipped(texts: Sequence[str]) -> list:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException
    DetectorFactory.seed = 0
    found = []
    for text in texts:
        try:
            found.append(detect(text).split("-")[0])
        except LangDetectException:
            found.append(None)
    return found


def normalizer_backend(backend: str) -> Detector:
    def run(texts: Sequence[str]) -> list:
        from normalizer.detect.language import detect_batch
        return [lang for batch in range(0, len(texts), 256)
                for lang, _ in detect_batch(texts[batch:batch + 256], backend)]
    return run


def cld2_alone(texts: Sequence[str]) -> list:
    import pycld2

    from normalizer.detect.fast_language import RE_CONTROL, iso_code
    found = []
    for text in texts:
        code = pycld2.detect(RE_CONTROL.sub(" ", text))[2][0][1]
        found.append(None if code == "un" else iso_code(code))
    return found


def py3langid_alone(texts: Sequence[str]) -> list:
    from normalizer.detect.fast_language import by_langid
    return [by_langid(text)[0] for text in texts]


def main() -> int:
    docs = documents()
    backends: dict[str, Detector] = {
        "langdetect as shipped": langdetect_as_shipped,
        "normalizer default (langdetect)": normalizer_backend("langdetect"),
        "normalizer fast (CLD2 + py3langid)": normalizer_backend("fast"),
        "normalizer fasttext (lid.176)": normalizer_backend("fasttext"),
        "CLD2 alone": cld2_alone,
        "py3langid alone (55 languages)": py3langid_alone,
    }
    print(f"{len(docs)} labelled documents, {len({d['lang'] for d in docs})} languages\n")
    print(f"{'backend':36} {'sample':15} {'accuracy':>9} {'ms/doc':>8}")
    for sample_name, shorten in (("whole document", None), ("first sentence", first_sentence),
                                 ("first 250 chars", first_250)):
        texts = [shorten(d["text"]) if shorten else d["text"] for d in docs]
        labels: dict[str, list] = {}
        for name, detector in backends.items():
            detector(texts[:8] + ["Une phrase courte, assez longue pour être jugée."])   # models loaded untimed
            started = time.perf_counter()
            labels[name] = detector(texts)
            seconds = time.perf_counter() - started
            right = sum(got == d["lang"] for got, d in zip(labels[name], docs))
            print(f"{name:36} {sample_name:15} {right / len(docs):9.3f} {seconds / len(docs) * 1000:8.3f}")
        differ = sum(a != b for a, b in zip(labels["langdetect as shipped"], labels["normalizer default (langdetect)"]))
        print(f"{'':36} default vs langdetect as shipped: {differ} label(s) differ\n")
    texts_by_lang = beyond_langdetect()
    print(f"{len(texts_by_lang)} news items in {' '.join(texts_by_lang)}")
    for name in ("langdetect", "fast", "fasttext"):
        found = normalizer_backend(name)(list(texts_by_lang.values()))
        right = [lang for lang, got in zip(texts_by_lang, found) if got == lang]
        print(f"normalizer {name:25} {len(right)} of {len(texts_by_lang)} right; wrong: "
              f"{', '.join(f'{lang} as {got}' for lang, got in zip(texts_by_lang, found) if got != lang) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
