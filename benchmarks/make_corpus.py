#!/usr/bin/env python3
"""Generate a realistic multilingual news-like JSONL corpus of a chosen size, for benchmarks.

Documents are assembled from the labelled dev and held-out sets (real prose in 18
languages with boilerplate): one article, with its boilerplate, whose body is lengthened
with the clean body paragraphs of other articles of the same language until a length drawn
around 2.7 KB (the size of a news article, and of the documents issue 6 measured); with
some mojibake and the occasional malformed line, so every stage of the chain has real work
to do. Deterministic: the same size and seed give the same bytes.

    python benchmarks/make_corpus.py 20MB -o /tmp/bench-20mb.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "tests" / "devset" / "devset.jsonl", ROOT / "tests" / "holdout" / "holdout.jsonl"]
UNITS = {"kb": 10**3, "mb": 10**6, "gb": 10**9}
MEDIAN_BYTES = 2150           # lognormal, sigma 0.5: a mean of about 2.7 KB


def parse_size(text: str) -> int:
    text = text.strip().lower()
    for unit, factor in UNITS.items():
        if text.endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def mojibake(text: str) -> str:
    try:
        return text.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return text


def generate(size: int, seed: int, out, median_bytes: int = MEDIAN_BYTES, mojibake_share: float = 0.05
             ) -> tuple[int, int]:
    """Documents of about ``median_bytes`` (lognormal), a ``mojibake_share`` of them with some
    lines double-encoded, until ``size`` bytes are written; returns (documents, bytes)."""
    rng = random.Random(seed)
    docs = [json.loads(line) for path in SOURCES for line in path.read_text(encoding="utf-8").splitlines()]
    by_language: dict[str, list[dict]] = {}
    for doc in docs:
        by_language.setdefault(doc["lang"], []).append(doc)
    written = count = 0
    while written < size:
        doc = rng.choice(docs)
        title, _, rest = doc["text"].partition("\n")
        wanted = min(rng.lognormvariate(math.log(median_bytes), 0.5), 8 * median_bytes)
        same_language = by_language[doc["lang"]]
        body: list[str] = []
        while len(doc["text"].encode("utf-8")) + sum(len(p.encode("utf-8")) + 2 for p in body) < wanted:
            other = rng.choice(same_language)["expected"].split("\n")[1:]    # a body without its title
            body += [paragraph for paragraph in other if paragraph.strip()]
        text = "\n\n".join([title, *body]) + "\n" + rest if body else doc["text"]
        if rng.random() < mojibake_share:
            text = "\n".join(mojibake(p) if rng.random() < 0.3 else p for p in text.split("\n"))
        if rng.random() < 0.002:
            line = '{"id": "broken-%d", "text": "unterminated\n' % count
        else:
            line = json.dumps({"id": f"bench-{count}", "text": text, "source": f"{doc['lang']}.example"},
                              ensure_ascii=False) + "\n"
        data = line.encode("utf-8")
        out.write(data)
        written += len(data)
        count += 1
    return count, written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", help="e.g. 20MB, 500MB")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with open(args.output, "wb") as out:
        count, written = generate(parse_size(args.size), args.seed, out)
    print(f"{args.output}: {count} documents, {written / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
