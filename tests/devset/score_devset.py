#!/usr/bin/env python3
"""Score normalizer's cleaning against the labelled dev set (devset.jsonl).

Why this exists: the dev set was written independently of the rules, so running
the rules over it tells us honestly how much real body text they throw away
(body kept) and how much boilerplate they leave in (boilerplate removed). Losing
body text is the worse error, so the script exits 1 when body kept falls below
--min-body-kept; use it as a gate when editing rules.

Lines are compared as a multiset of non-blank lines, stripped at both ends.
Text lines that differ from `expected` only because tracking parameters were
removed from a URL or mojibake was repaired are body lines, not boilerplate.

    python tests/devset/score_devset.py [--rules RULES] [--devset PATH]
                                        [--min-body-kept 0.998] [--verbose]
"""
import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # repo root, so "normalizer" imports from a checkout

URL = re.compile(r"https?://[^\s<>\"]+")
TRACKING_PARAM = re.compile(r"^(?:utm_\w*|fbclid|gclid|mc_cid|mc_eid|msclkid)$", re.I)


def line_counts(text):
    return Counter(l.strip() for l in text.split("\n") if l.strip())


def strip_tracking(line):
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


def repaired(line):
    """The body line a modified text line stands for (tracking removed, mojibake undone)."""
    fixed = strip_tracking(line)
    try:
        fixed = fixed.encode("cp1252").decode("utf-8")
    except UnicodeError:
        pass
    return fixed


def score_doc(item, doc):
    exp = line_counts(item["expected"])
    out = Counter() if doc.rejected else line_counts(doc.text)
    boiler = Counter({l: n for l, n in (line_counts(item["text"]) - exp).items() if repaired(l) not in exp})
    lost = [l for l, n in exp.items() for _ in range(n - min(n, out[l]))]
    kept_bp = [l for l, n in boiler.items() for _ in range(min(n, max(0, out[l] - exp[l])))]
    return dict(
        body=sum(exp.values()), body_lost=len(lost), lost=lost,
        bp=sum(boiler.values()), bp_kept=len(kept_bp), kept_bp=kept_bp,
        exact=not doc.rejected and doc.text == item["expected"],
        lang_ok=(doc.meta or {}).get("lang") == item["lang"],
        rejected=doc.rejected,
    )


def summarize(results):
    body = sum(r["body"] for r in results)
    bp = sum(r["bp"] for r in results)
    return dict(
        docs=len(results),
        body_kept=(body - sum(r["body_lost"] for r in results)) / body if body else None,
        bp_removed=(bp - sum(r["bp_kept"] for r in results)) / bp if bp else None,
        exact=sum(r["exact"] for r in results) / len(results),
        lang=sum(r["lang_ok"] for r in results) / len(results),
    )


def pct(x):
    return "     -" if x is None else f"{100 * x:6.1f}"


def print_table(title, groups):
    print(f"\n{title:<18} {'docs':>5} {'body kept':>10} {'bp removed':>11} {'exact':>7} {'lang':>7}")
    for name, results in groups.items():
        s = summarize(results)
        print(f"{name:<18} {s['docs']:>5} {pct(s['body_kept']):>10} {pct(s['bp_removed']):>11}"
              f" {pct(s['exact']):>7} {pct(s['lang']):>7}")


def score(items, rules):
    """Clean every item; return the per-document results, grouped by language and by kind."""
    from normalizer import clean_text

    results, by_lang, by_kind = [], defaultdict(list), defaultdict(list)
    for item in items:
        r = score_doc(item, clean_text(item["text"], rules))
        r["id"] = item["id"]
        results.append(r)
        by_lang[item["lang"]].append(r)
        planted = [k for k in item["kinds"] if not k.startswith("decoy_")]
        for kind in item["kinds"]:
            by_kind[kind].append(r)
        if not planted:
            by_kind["(no boilerplate)"].append(r)
    return results, by_lang, by_kind


def main():
    ap = argparse.ArgumentParser(description="Score normalizer against the labelled dev set.")
    ap.add_argument("--rules", default=None, help="rules path (default: shipped rules)")
    ap.add_argument("--devset", default=str(HERE / "devset.jsonl"))
    ap.add_argument("--min-body-kept", type=float, default=0.998)
    ap.add_argument("--verbose", action="store_true", help="list every body line lost and boilerplate line kept")
    args = ap.parse_args()

    from normalizer import load_rules

    with open(args.devset, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    results, by_lang, by_kind = score(items, load_rules(args.rules))

    s = summarize(results)
    print(f"documents:            {s['docs']}")
    print(f"body kept:            {pct(s['body_kept'])} %  ({sum(r['body_lost'] for r in results)} of "
          f"{sum(r['body'] for r in results)} body lines lost)")
    print(f"boilerplate removed:  {pct(s['bp_removed'])} %  ({sum(r['bp_kept'] for r in results)} of "
          f"{sum(r['bp'] for r in results)} boilerplate lines kept)")
    print(f"exact match:          {pct(s['exact'])} %")
    print(f"language accuracy:    {pct(s['lang'])} %")
    rejected = [r for r in results if r["rejected"]]
    if rejected:
        print(f"rejected documents:   {len(rejected)} (their body lines count as lost)")
    print_table("language", dict(sorted(by_lang.items())))
    print_table("kind", dict(sorted(by_kind.items())))

    if args.verbose:
        print("\nbody lines lost:")
        for r in results:
            if r["rejected"]:
                print(f"  {r['id']}: REJECTED {r['rejected']}")
            for line in r["lost"]:
                print(f"  {r['id']}: {line}")
        print("\nboilerplate lines kept:")
        for r in results:
            for line in r["kept_bp"]:
                print(f"  {r['id']}: {line}")

    if s["body_kept"] < args.min_body_kept:
        print(f"\nFAIL: body kept {s['body_kept']:.4f} < {args.min_body_kept}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
