#!/usr/bin/env python3
"""The naive chain: what a hand-written cleaning script does, the baseline normalizer is measured against.

json -> ftfy.fix_text (defaults) -> boilerplate lines removed with 50 line-anchored patterns
(one ``re`` alternation) -> langdetect.detect as shipped -> json. Malformed lines are skipped.

    python benchmarks/naive_chain.py corpus.jsonl out.jsonl
"""

from __future__ import annotations

import json
import re
import sys

import ftfy
from langdetect import DetectorFactory, detect
from langdetect.lang_detect_exception import LangDetectException

DetectorFactory.seed = 0        # as a careful script would, for repeatable output

HEADERS = ["Articles similaires", "Lire aussi", "À lire aussi", "Voir aussi", "Sur le même sujet", "Related articles",
           "Read more", "Read also", "See also", "More on this story", "Lesen Sie auch", "Mehr zum Thema",
           "Das könnte Sie auch interessieren", "Artículos relacionados", "Lee también", "Leer más",
           "Articoli correlati", "Leggi anche", "Artigos relacionados", "Leia também", "Lees ook", "Gerelateerde artikelen",
           "Czytaj także", "Zobacz także", "Čtěte také", "Související články", "Читайте также", "Похожие статьи",
           "Читайте також", "İlgili haberler", "Bài liên quan", "Baca juga", "関連記事", "相关文章", "관련 기사",
           "Partager sur Facebook", "Share this article", "Share on Facebook", "Follow us on", "Suivez-nous",
           "Teilen auf Facebook", "Compartir en Facebook", "Condividi su Facebook", "Subscribe to our newsletter",
           "Abonnez-vous à notre newsletter", "Newsletter abonnieren", "Mots-clés", "Tags", "Schlagwörter", "Etiquetas"]
BOILERPLATE = re.compile("|".join(f"(?:^{re.escape(h)}\\b.*$)" for h in HEADERS) + r"|(?:^[a-z]{2,6}-[a-z]{2}-\d+$)",
                         re.MULTILINE | re.IGNORECASE)


def clean(text: str) -> tuple[str, str | None]:
    text = ftfy.fix_text(text)
    text = BOILERPLATE.sub("", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    try:
        lang = detect(text)
    except LangDetectException:
        lang = None
    return text, lang


def main() -> int:
    source, target = sys.argv[1], sys.argv[2]
    documents = 0
    with open(source, encoding="utf-8", errors="replace") as lines, open(target, "w", encoding="utf-8") as out:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                continue
            record["text"], record["lang"] = clean(record["text"])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            documents += 1
    print(documents)
    return 0


if __name__ == "__main__":
    sys.exit(main())
