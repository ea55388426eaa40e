#!/usr/bin/env python3
"""Build tests/devset/devset.jsonl, the labelled development set for normalizer.

The body articles are hand-written in bodies/<lang>.txt (12 per language) and the
boilerplate phrasings live in vocab.py; both were written without looking at
normalizer's rules, so the set measures them honestly. This script plants
boilerplate around the bodies, adds tracking parameters to URLs and mojibake to
some lines, and writes the raw `text` with the ideal `expected` output.

Deterministic: every random choice comes from random.Random seeded with a string.
Needs ftfy (only to check that planted mojibake is repairable).

    python tests/devset/make_devset.py            # writes tests/devset/devset.jsonl
    python tests/devset/make_devset.py --stats    # also prints counts

bodies/<lang>.txt format: articles start with "=== <topic> [decoy flags...]"; the
next line is the title; every following line is a paragraph, except list items
("- ", "• ", "* ", "・", "1. ") which stay attached to the line before them.
"""
import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import ftfy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vocab import V  # noqa: E402

HERE = Path(__file__).resolve().parent
LANGS = "en fr de es it pt nl ca pl cs ru uk tr vi id ja zh ko".split()
MOJIBAKE_LANGS = "fr de es it pt ca pl cs tr vi".split()
PURE3 = {"en", "de", "it", "nl", "pl", "ru", "tr", "zh"}  # 3 boilerplate-free docs; others get 2
CJK = {"ja", "zh", "ko"}
KIND_ORDER = ["related_block", "inline_related", "share_line", "newsletter_line", "tag_list",
              "tracking_tag", "tracking_url", "mojibake", "decoy_prose", "decoy_list", "decoy_code"]
EXTRA_KINDS = {"related_block": 1.4, "tracking_tag": 1.0, "inline_related": 0.9,
               "share_line": 0.9, "newsletter_line": 0.8, "tag_list": 0.9}
SITES = ["ttn", "afp", "nws", "dpa", "efe", "ria", "xyz", "ansa", "lusa", "anp", "pap", "ctk",
         "tass", "ukr", "vna", "ant", "kyd", "xh", "yna", "bbx", "mwire", "feed"]
TAG_FORMATS = ["{s}-{l}-{n}", "{S}-{L}-{n}", "[{s}-{l}-{n}]", "({s}-{l}-{n})", "{s}_{l}_{n}",
               "{S}_{L}_{n}", "[{S}-{L}-{n}]", "{s}-{L}-{n}"]
LIST_ITEM = re.compile(r"^(?:[-•*] |・|\d+\. )")
URL = re.compile(r"https?://[^\s<>\"]+")
TRACKING_PARAM = re.compile(r"^(?:utm_\w*|fbclid|gclid|mc_cid|mc_eid|msclkid)$", re.I)


def parse_bodies(lang):
    arts = []
    for chunk in (HERE / "bodies" / f"{lang}.txt").read_text("utf-8").split("=== ")[1:]:
        header, *lines = [l for l in chunk.split("\n") if l.strip()]
        topic, *flags = header.split()
        blocks = []
        for line in lines[1:]:
            if blocks and LIST_ITEM.match(line):
                blocks[-1].append(line)
            else:
                blocks.append([line])
        arts.append(dict(topic=topic, flags=flags, title=lines[0], blocks=["\n".join(b) for b in blocks]))
    return arts


def strip_tracking(line):
    """Remove tracking parameters from every URL in line (drop "?" if nothing is left)."""
    def fix(m):
        url = m.group(0)
        tail = re.search(r"[.,;:!?)]*$", url).group(0)
        url = url[: len(url) - len(tail)]
        base, q, rest = url.partition("?")
        if not q:
            return url + tail
        query, h, frag = rest.partition("#")
        kept = [p for p in query.split("&") if p and not TRACKING_PARAM.match(p.split("=", 1)[0])]
        return base + ("?" + "&".join(kept) if kept else "") + h + frag + tail
    return URL.sub(fix, line)


def make_mojibake(line):
    """UTF-8 bytes read as cp1252; None unless it round-trips and ftfy repairs it exactly."""
    if "http" in line or line.isascii():
        return None
    try:
        bad = line.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return None
    if ftfy.fix_text(bad) != line:
        return None
    if ftfy.fix_text(bad, uncurl_quotes=False, fix_character_width=False) != line:
        return None
    return bad


def mojibake_lines(art):
    return sum(1 for b in art["blocks"] for l in b.split("\n") if make_mojibake(l))


def tracking_tag(rng, lang):
    l = lang if rng.random() < 0.9 else rng.choice([x for x in LANGS if x != lang])
    s = rng.choice(SITES)
    n = rng.choice([rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 3000)])
    return rng.choice(TAG_FORMATS).format(s=s, S=s.upper(), l=l, L=l.upper(), n=n)


def related_block(rng, lang, others, blank_style):
    v = V[lang]
    header = rng.choice(v["related"])
    heads = rng.sample(others, rng.randint(2, min(6, len(others))))
    bullets = ["- ", "• ", "* ", "num", "plain"] + {"ja": ["・"], "ko": ["▶ "], "zh": ["· "]}.get(lang, [])
    b = rng.choice(bullets)
    items = [f"{i}. {h}" if b == "num" else h if b == "plain" else b + h for i, h in enumerate(heads, 1)]
    if blank_style and b not in ("num", "plain") and rng.random() < 0.15:
        body = "\n\n".join(items)
    else:
        body = "\n".join(items)
    gap = "\n\n" if blank_style and rng.random() < 0.3 else "\n"
    return header + gap + body


def share_block(rng, lang):
    v = V[lang]
    r = rng.random()
    if r < 0.45:
        return rng.choice(v["share"])
    if r < 0.75:
        return "\n".join(rng.sample(v["share"], rng.randint(2, 3)))
    if r < 0.9:
        return rng.choice(v["follow"])
    return rng.choice(v["share"]) + "\n" + rng.choice(v["follow"])


def tag_list(rng, lang, topic):
    v = V[lang]
    words = rng.sample(v["tagwords"][topic], rng.randint(2, 5))
    return rng.choice(v["tags"]).format(v["tag_sep"].join(words))


def plan_language(lang, arts):
    """Decide which planted kinds each of the 12 documents gets."""
    rng = random.Random(f"plan:{lang}")
    n = len(arts)
    url_docs = {i for i, a in enumerate(arts) if any(strip_tracking(b) != b for b in a["blocks"])}
    free = [i for i in range(n) if i not in url_docs]
    moji = None
    if lang in MOJIBAKE_LANGS:
        moji = max(free, key=lambda i: (mojibake_lines(arts[i]), -i))
        free.remove(moji)
    pure = set(rng.sample(free, 3 if lang in PURE3 else 2))
    plans = []
    for i in range(n):
        kinds = []
        if i in pure:
            plans.append(kinds)
            continue
        if i in url_docs:
            kinds.append("tracking_url")
        if i == moji:
            kinds.append("mojibake")
        if kinds:  # tracking_url / mojibake docs: 0-2 more kinds
            k = rng.choices([0, 1, 2], weights=[2, 3, 2])[0]
        else:
            k = rng.choices([1, 2, 3, 4], weights=[3, 4, 3, 1])[0]
        pool = dict(EXTRA_KINDS)
        for _ in range(k):
            pick = rng.choices(list(pool), weights=list(pool.values()))[0]
            kinds.append(pick)
            del pool[pick]
        plans.append(kinds)
    return plans


def build_doc(lang, idx, art, arts, kinds):
    rng = random.Random(f"doc:{lang}:{idx}")
    blank_style = rng.random() < 0.7
    others = [a["title"] for j, a in enumerate(arts) if j != idx]
    body = [art["title"]] + art["blocks"]
    expected_blocks = [strip_tracking(b) for b in body]
    text_blocks = list(body)
    if "mojibake" in kinds:
        count = 0
        for bi, block in enumerate(text_blocks):
            lines = block.split("\n")
            for li, line in enumerate(lines):
                bad = make_mojibake(line)
                if bad and rng.random() < 0.85:
                    lines[li] = bad
                    count += 1
            text_blocks[bi] = "\n".join(lines)
        assert count >= 2, (lang, idx, "too few mojibake lines")

    # boilerplate slots: before[i] is inserted before body block i; tail goes after the body
    before = [[] for _ in body]
    tail = []
    mid_positions = list(range(2, len(body)))  # never before the title or the first paragraph
    rng.shuffle(mid_positions)

    def mid_or_tail(block, p_mid):
        if mid_positions and rng.random() < p_mid:
            before[mid_positions.pop()].append(block)
        else:
            tail.append(block)

    for kind in kinds:
        if kind == "inline_related":
            mid_or_tail(rng.choice(V[lang]["inline"]).format(rng.choice(others)), 1.0)
        elif kind == "related_block":
            mid_or_tail(related_block(rng, lang, others, blank_style), 0.25)
        elif kind == "newsletter_line":
            mid_or_tail(rng.choice(V[lang]["newsletter"]), 0.35)
        elif kind == "share_line":
            block = share_block(rng, lang)
            if rng.random() < 0.25:
                before[1].append(block)  # right under the title
            else:
                tail.append(block)
        elif kind == "tag_list":
            tail.append(tag_list(rng, lang, art["topic"]))
    rng.shuffle(tail)
    if "tracking_tag" in kinds:
        tail.append(tracking_tag(rng, lang))

    parts = []
    for i, block in enumerate(text_blocks):
        parts.extend(before[i])
        parts.append(block)
    if blank_style:
        text = "\n\n".join(parts + tail)
    else:
        text = "\n".join(parts)
        if tail:
            text += ("\n\n" if rng.random() < 0.4 else "\n") + "\n".join(tail)
    expected = ("\n\n" if blank_style else "\n").join(expected_blocks)
    all_kinds = kinds + [f for f in art["flags"] if f.startswith("decoy_")]
    all_kinds = sorted(set(all_kinds), key=KIND_ORDER.index)
    return dict(id=f"{lang}-{idx + 1:03d}", lang=lang, text=text, expected=expected, kinds=all_kinds)


def check_doc(doc):
    """Sanity checks on one generated document; returns a list of problems."""
    problems = []
    text, exp = doc["text"], doc["expected"]
    exp_lines = [l for l in exp.split("\n") if l.strip()]
    text_lines = [l for l in text.split("\n") if l.strip()]
    if exp != exp.strip() or any(l != l.rstrip() for l in exp.split("\n")) or "\n\n\n" in exp:
        problems.append("expected has trailing whitespace or blank runs")
    if unicodedata.normalize("NFC", exp) != exp:
        problems.append("expected is not NFC")
    # every expected line comes from a text line, directly or through URL / mojibake repair
    repaired = Counter()
    for l in text_lines:
        fixed = strip_tracking(l)
        if fixed == l and not l.isascii():
            try:
                fixed = l.encode("cp1252").decode("utf-8")
                if ftfy.fix_text(l) != fixed:
                    problems.append(f"ftfy does not repair: {l}")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
        repaired[fixed.strip()] += 1
    exp_count = Counter(l.strip() for l in exp_lines)
    missing = exp_count - repaired
    if missing:
        problems.append(f"expected lines not derived from text: {list(missing)}")
    boiler = repaired - exp_count
    if set(boiler) & set(exp_count):
        problems.append(f"boilerplate line equals a body line: {set(boiler) & set(exp_count)}")
    planted = set(doc["kinds"]) - {"decoy_prose", "decoy_list", "decoy_code", "tracking_url", "mojibake"}
    if bool(boiler) != bool(planted):
        problems.append("boilerplate lines do not match planted kinds")
    min_len = 180 if doc["lang"] in CJK else 300
    if len(exp) < min_len:
        problems.append(f"body too short ({len(exp)} chars)")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(HERE / "devset.jsonl"))
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()
    docs = []
    for lang in LANGS:
        arts = parse_bodies(lang)
        assert len(arts) == 12, (lang, len(arts))
        for idx, kinds in enumerate(plan_language(lang, arts)):
            docs.append(build_doc(lang, idx, arts[idx], arts, kinds))
    bad = 0
    for doc in docs:
        for p in check_doc(doc):
            print(f"{doc['id']}: {p}", file=sys.stderr)
            bad += 1
    with open(args.out, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    if args.stats:
        print(f"{len(docs)} documents")
        print("per language:", dict(Counter(d["lang"] for d in docs)))
        kinds = Counter(k for d in docs for k in d["kinds"])
        for k in KIND_ORDER:
            print(f"  {k:16} {kinds[k]}")
        pure = sum(1 for d in docs if not set(d["kinds"]) - {"decoy_prose", "decoy_list", "decoy_code"})
        print(f"  {'(no boilerplate)':16} {pure}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
