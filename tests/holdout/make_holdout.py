#!/usr/bin/env python3
"""Build tests/holdout/holdout.jsonl, the HELD-OUT evaluation set for normalizer.

Never tune rules against this set; tune on tests/devset only. The article bodies
and the boilerplate phrasings below were written independently of the dev set's
bodies and vocabulary and of normalizer's rules.

The record format is the dev set's: id, lang, text, expected, kinds.

Deterministic: every random choice comes from random.Random seeded with a string,
so the output is byte-for-byte reproducible. Needs only the standard library and
ftfy (to check that planted mojibake is repaired exactly). --check-lang also runs
langdetect (seed 0) over every `expected` body if it is installed.

    python tests/holdout/make_holdout.py                 # writes tests/holdout/holdout.jsonl
    python tests/holdout/make_holdout.py --stats --check-lang

Body format (BODIES[lang]): an article starts with "=== topic | decoy flags | tag words";
the next line is the title; every following non-blank line is a paragraph, except
list items ("- ", "• ", "* ", "・", "1. ", "1) ") which stay attached to the line
before them. URLs in bodies may carry tracking parameters: those documents get
the kind tracking_url and `expected` has the parameters removed.
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

HERE = Path(__file__).resolve().parent
LANGS = "en fr de es it pt nl ca pl cs ru uk tr vi id ja zh ko".split()
MOJIBAKE_LANGS = ["fr", "de", "es", "pt", "pl", "tr"]  # one document each
PURE2 = {"fr", "nl", "uk", "id"}  # two boilerplate-free documents; the others get one
CJK = {"ja", "zh", "ko"}
PLANTED = ["related_block", "inline_related", "share_line", "newsletter_line", "tag_list",
           "tracking_tag", "tracking_url", "mojibake"]
DECOYS = ["decoy_prose", "decoy_list", "decoy_code", "decoy_heading", "decoy_dateline",
          "decoy_quote", "decoy_foreign"]
KIND_ORDER = PLANTED + DECOYS
EXTRA_KINDS = {"related_block": 1.3, "tracking_tag": 1.0, "inline_related": 1.0,
               "share_line": 1.0, "newsletter_line": 0.8, "tag_list": 0.9}
SITES = ["abc", "xyz", "site", "rgn", "mtl", "hrz", "kvt", "pst", "nbl", "zdx", "orb", "tlm",
         "qpr", "vrb", "dnw", "rtx", "mxp", "lkw", "crn", "wdr"]
TAG_FORMATS = ["{s}-{l}-{n}", "[{S}-{L}-{n}]", "({s}_{l}_{n})", "{S}_{L}_{n}", "{s}/{l}/{n}",
               "[{s}_{l}_{n}]", "{S}-{L}-{n}", "({S}-{L}-{n})"]
LIST_ITEM = re.compile(r"^(?:[-•*] |・|\d+[.)] )")
URL = re.compile(r"https?://[^\s<>\"]+")
TRACKING_PARAM = re.compile(r"^(?:utm_\w*|fbclid|gclid|mc_cid|mc_eid|msclkid)$", re.I)
COMMON_BULLETS = ["- ", "• ", "* ", "→ ", "» ", "▸ ", "› ", "num.", "num)", "plain"]


def parse_bodies(lang):
    arts = []
    for chunk in re.split(r"^=== ", BODIES[lang], flags=re.M)[1:]:
        header, *lines = [l.strip() for l in chunk.split("\n") if l.strip()]
        topic, flags, tags = [p.strip() for p in header.split("|")]
        blocks = []
        for line in lines[1:]:
            if blocks and LIST_ITEM.match(line):
                blocks[-1].append(line)
            else:
                blocks.append([line])
        arts.append(dict(topic=topic, flags=flags.split(), tags=[t.strip() for t in tags.split(",")],
                         title=lines[0], blocks=["\n".join(b) for b in blocks]))
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
    """UTF-8 bytes read as cp1252; None unless ftfy.fix_text repairs it exactly."""
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
    return sum(1 for b in [art["title"]] + art["blocks"] for l in b.split("\n") if make_mojibake(l))


def decorate(rng, lang, h, p=0.4):
    """Optionally dress a header the way site templates do."""
    if rng.random() >= p or not h[0].isalnum():
        return h
    opts = ["**{}**", "### {}", "▶ {}", "— {} —", "{}:", "[{}]", ">> {}", "📌 {}", "{} ↓", "■ {}", "▼ {}"]
    if lang in ("ja", "zh"):
        opts += ["【{}】", "◆{}"]
    elif lang not in CJK and lang != "tr":  # str.upper() gets Turkish dotted i wrong
        opts += ["UPPER", "UPPER"]
    o = rng.choice(opts)
    if o == "UPPER":
        return h.upper()
    if o == "{}:" and h.endswith((":", "：")):
        return h
    return o.format(h)


def tracking_tag(rng, lang):
    l = lang if rng.random() < 0.9 else rng.choice([x for x in LANGS if x != lang])
    s = rng.choice(SITES)
    n = rng.choice([rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 4000)])
    return rng.choice(TAG_FORMATS).format(s=s, S=s.upper(), l=l, L=l.upper(), n=n)


def related_block(rng, lang, pool, loose):
    """Header + 2-6 headline items. loose: blank lines allowed inside the block."""
    v = V[lang]
    header = decorate(rng, lang, rng.choice(v["related"]))
    heads = rng.sample(pool, rng.randint(2, min(6, len(pool))))
    b = rng.choice(COMMON_BULLETS + v.get("bullets", []))
    if b == "num.":
        items = [f"{i}. {h}" for i, h in enumerate(heads, 1)]
    elif b == "num)":
        items = [f"{i}) {h}" for i, h in enumerate(heads, 1)]
    elif b == "plain":
        items = list(heads)
    else:
        items = [b + h for h in heads]
    spaced = loose and b != "plain" and rng.random() < 0.3  # plain items stay tight
    body = "\n\n".join(items) if spaced else "\n".join(items)
    gap = "\n\n" if loose and rng.random() < 0.3 else "\n"
    return header + gap + body


def share_block(rng, lang):
    v = V[lang]
    r = rng.random()
    if r < 0.35:
        return rng.choice(v["share"])
    if r < 0.55:
        return "\n".join(rng.sample(v["share"], rng.randint(2, 3)))
    if r < 0.7:  # widget scraped as a header and one network per line
        nets = rng.sample(v["networks"], rng.randint(2, min(4, len(v["networks"]))))
        return "\n".join([rng.choice(v["share_head"])] + nets)
    if r < 0.88:
        return rng.choice(v["follow"])
    return rng.choice(v["share"]) + "\n" + rng.choice(v["follow"])


def tag_list(rng, lang, tags):
    v = V[lang]
    words = rng.sample(tags, rng.randint(2, len(tags))) if len(tags) > 2 else list(tags)
    tpl = rng.choice(v["tags"])
    if tpl == "#":
        line = " ".join("#" + re.sub(r"[\s\-'’]", "", w) for w in words)
    else:
        line = tpl.format(rng.choice(v["seps"]).join(words))
    if rng.random() < 0.15:
        line = "🏷️ " + line
    return line


def plan_language(lang, arts):
    """Decide which planted kinds each of the documents gets."""
    rng = random.Random(f"holdout-plan:{lang}")
    n = len(arts)
    url_docs = {i for i, a in enumerate(arts) if any(strip_tracking(b) != b for b in a["blocks"])}
    free = [i for i in range(n) if i not in url_docs]
    moji = None
    if lang in MOJIBAKE_LANGS:
        moji = max(free, key=lambda i: (mojibake_lines(arts[i]), -i))
        free.remove(moji)
    pure = set(rng.sample(free, 2 if lang in PURE2 else 1))
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
        if kinds:
            k = rng.choices([0, 1, 2], weights=[2, 3, 2])[0]
        else:
            k = rng.choices([1, 2, 3, 4], weights=[3, 4, 3, 1])[0]
        pool = dict(EXTRA_KINDS)
        for _ in range(k):
            pick = rng.choices(list(pool), weights=list(pool.values()))[0]
            kinds.append(pick)
            del pool[pick]
        plans.append(kinds)
    # every language gets every boilerplate kind at least once, so per-language
    # numbers cover all kinds: add a missing kind to the least-loaded document
    for kind in EXTRA_KINDS:
        if not any(kind in p for p in plans):
            cands = [i for i in range(n) if i not in pure]
            low = min(len(plans[i]) for i in cands)
            plans[rng.choice([i for i in cands if len(plans[i]) == low])].append(kind)
    return plans


def build_doc(lang, idx, art, arts, kinds):
    rng = random.Random(f"holdout-doc:{lang}:{idx}")
    blank_style = rng.random() < 0.6
    pool = [a["title"] for j, a in enumerate(arts) if j != idx] + V[lang]["extra"]
    body = [art["title"]] + art["blocks"]
    expected_blocks = [strip_tracking(b) for b in body]
    text_blocks = list(body)
    if "mojibake" in kinds:
        count = 0
        for bi, block in enumerate(text_blocks):
            lines = block.split("\n")
            for li, line in enumerate(lines):
                bad = make_mojibake(line)
                if bad and rng.random() < 0.8:
                    lines[li] = bad
                    count += 1
            text_blocks[bi] = "\n".join(lines)
        assert count >= 2, (lang, idx, "too few mojibake lines")

    # before[i] is inserted before body block i; tail goes after the body
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
            mid_or_tail(rng.choice(V[lang]["inline"]).format(rng.choice(pool)), 0.85)
        elif kind == "related_block":
            mid = mid_positions and rng.random() < 0.3
            block = related_block(rng, lang, pool, loose=blank_style or not mid)
            if mid:
                before[mid_positions.pop()].append(block)
            else:
                tail.append(block)
        elif kind == "newsletter_line":
            mid_or_tail(rng.choice(V[lang]["newsletter"]), 0.4)
        elif kind == "share_line":
            block = share_block(rng, lang)
            if rng.random() < 0.3:
                before[1].append(block)  # right under the title
            else:
                tail.append(block)
        elif kind == "tag_list":
            tail.append(tag_list(rng, lang, art["tags"]))
    rng.shuffle(tail)
    if "tracking_tag" in kinds:
        tail.append(tracking_tag(rng, lang))

    parts = []
    for i, block in enumerate(text_blocks):
        parts.extend(before[i])
        parts.append(block)
    if blank_style:
        text = "\n\n".join(parts)
        if tail:
            text += "\n\n" + ("\n\n" if rng.random() < 0.7 else "\n").join(tail)
    else:
        text = "\n".join(parts)
        if tail:
            text += ("\n\n" if rng.random() < 0.4 else "\n") + "\n".join(tail)
    expected = ("\n\n" if blank_style else "\n").join(expected_blocks)
    all_kinds = kinds + [f for f in art["flags"] if f.startswith("decoy_")]
    all_kinds = sorted(set(all_kinds), key=KIND_ORDER.index)
    return dict(id=f"ho-{lang}-{idx + 1:03d}", lang=lang, text=text, expected=expected, kinds=all_kinds)


def check_doc(doc):
    """Sanity checks on one generated document; returns a list of problems."""
    problems = []
    text, exp = doc["text"], doc["expected"]
    exp_lines = [l for l in exp.split("\n") if l.strip()]
    text_lines = [l for l in text.split("\n") if l.strip()]
    if exp != exp.strip() or any(l != l.rstrip() for l in exp.split("\n")) or "\n\n\n" in exp:
        problems.append("expected has trailing whitespace or blank runs")
    if any(l != l.rstrip() for l in text.split("\n")):
        problems.append("text has trailing whitespace")
    if unicodedata.normalize("NFC", exp) != exp:
        problems.append("expected is not NFC")
    if set(doc["kinds"]) - set(KIND_ORDER):
        problems.append(f"unknown kinds {doc['kinds']}")
    repaired = Counter()
    n_url = n_moji = 0
    for l in text_lines:
        fixed = strip_tracking(l)
        if fixed != l:
            n_url += 1
        elif not l.isascii():
            try:
                fixed = l.encode("cp1252").decode("utf-8")
                n_moji += 1
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
    planted = set(doc["kinds"]) & set(PLANTED) - {"tracking_url", "mojibake"}
    if bool(boiler) != bool(planted):
        problems.append("boilerplate lines do not match planted kinds")
    if bool(n_url) != ("tracking_url" in doc["kinds"]):
        problems.append("tracking_url kind does not match URL lines")
    if bool(n_moji) != ("mojibake" in doc["kinds"]):
        problems.append("mojibake kind does not match repaired lines")
    if "tracking_tag" in doc["kinds"] and text.split("\n")[-1] not in boiler:
        problems.append("tracking tag is not the last line")
    min_len = 180 if doc["lang"] in CJK else 300
    if len(exp) < min_len:
        problems.append(f"body too short ({len(exp)} chars)")
    return problems


def check_lang(docs):
    """Seeded langdetect over each expected body; returns a list of problems."""
    from langdetect import DetectorFactory, detect
    DetectorFactory.seed = 0
    problems = []
    for doc in docs:
        got = detect(doc["expected"])
        got = "zh" if got.startswith("zh") else got
        if got != doc["lang"]:
            problems.append(f"{doc['id']}: langdetect says {got}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(HERE / "holdout.jsonl"))
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--check-lang", action="store_true", help="also run langdetect (seed 0)")
    args = ap.parse_args()
    docs = []
    for lang in LANGS:
        arts = parse_bodies(lang)
        assert len(arts) == 6, (lang, len(arts))
        titles = [a["title"] for a in arts] + V[lang]["extra"]
        assert len(set(titles)) == len(titles), (lang, "duplicate headline")
        for idx, kinds in enumerate(plan_language(lang, arts)):
            docs.append(build_doc(lang, idx, arts[idx], arts, kinds))
    problems = [f"{doc['id']}: {p}" for doc in docs for p in check_doc(doc)]
    if len({d["id"] for d in docs}) != len(docs):
        problems.append("duplicate ids")
    if args.check_lang:
        problems += check_lang(docs)
    for p in problems:
        print(p, file=sys.stderr)
    with open(args.out, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    if args.stats:
        print(f"{len(docs)} documents")
        print("per language:", dict(Counter(d["lang"] for d in docs)))
        kinds = Counter(k for d in docs for k in d["kinds"])
        for k in KIND_ORDER:
            print(f"  {k:16} {kinds[k]}")
        pure = sum(1 for d in docs if not set(d["kinds"]) & set(PLANTED))
        print(f"  {'(no boilerplate)':16} {pure}")
    return 1 if problems else 0


# ---------------------------------------------------------------------------
# Boilerplate phrasings, per language. "inline" templates take one headline;
# "tags" templates take the joined tag words ("#" means hashtag style);
# "extra" are headlines of articles that are not in the set (related-box filler).
# ---------------------------------------------------------------------------
V = {}
V["en"] = dict(
    related=["More from the region", "Further reading", "You might have missed", "Elsewhere on the site",
             "Most read this week", "Don't miss", "RECOMMENDED FOR YOU", "In other news", "Keep reading"],
    inline=["Read also: {}", "ALSO READ | {}", "► See also: {}", "Related: {}", "[Read more] {}",
            "Don't miss: {}", "MORE: {}", "👉 Read next: {}"],
    share=["Share this article", "Share on Facebook", "Share via WhatsApp", "Copy link", "🔗 Copy link",
           "Email this story", "Share: Facebook | X | LinkedIn | Email", "Print this page"],
    share_head=["Share this story:", "SHARE", "Share"],
    networks=["Facebook", "X", "WhatsApp", "LinkedIn", "Email", "Reddit"],
    follow=["Follow us on Instagram and Threads", "Follow @valleyherald on X",
            "Like our page on Facebook for daily updates", "👉 Follow us on WhatsApp Channels"],
    newsletter=["Sign up for our free Morning Briefing newsletter.",
                "📬 Get the best local stories in your inbox every Friday — subscribe here",
                "Subscribe to The Dispatch, our weekly email on courts and crime",
                "Enjoyed this? Join 40,000 readers of our weekday newsletter."],
    tags=["Tags: {}", "Topics: {}", "Filed under: {}", "Keywords: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Council approves 20 mph limit for Kendal town centre", "Hospital parking charges to rise in April",
           "Village shop saved by community share offer", "New cycle path links Hexham and Corbridge"],
)
V["fr"] = dict(
    related=["À lire également", "Sur le même sujet", "Nos articles sur la région", "LES PLUS LUS",
             "Vous aimerez aussi", "Dans l'actualité", "À découvrir aussi", "Ces articles peuvent vous intéresser"],
    inline=["Lire aussi : {}", "À LIRE | {}", "► Voir aussi : {}", "Notre article : {}", "[Lire aussi] {}",
            "Relire : {}", "Et aussi → {}"],
    share=["Partager cet article", "Partager sur Facebook", "Partager par e-mail", "Copier le lien",
           "📋 Lien copié dans le presse-papiers", "Partager : Facebook · X · WhatsApp · LinkedIn",
           "Imprimer l'article"],
    share_head=["Partager :", "PARTAGER", "Partagez cet article"],
    networks=["Facebook", "X", "WhatsApp", "LinkedIn", "E-mail"],
    follow=["Suivez-nous sur Instagram et Facebook", "Retrouvez-nous sur WhatsApp 👉 rejoindre la chaîne",
            "Abonnez-vous à notre compte X @lecho_du_val", "Suivez toute l'actu de votre région sur notre appli"],
    newsletter=["Recevez chaque matin l'essentiel de l'actualité régionale : inscrivez-vous à notre newsletter.",
                "📩 Inscrivez-vous gratuitement à la lettre Santé du jeudi",
                "Newsletter : l'info de votre département chaque soir dans votre boîte mail",
                "Vous aimez nos articles ? Abonnez-vous à La Matinale, c'est gratuit."],
    tags=["Mots-clés : {}", "Thèmes : {}", "Tags : {}", "Étiquettes : {}", "#"],
    seps=[", ", " · ", " / "],
    extra=["Inondations : la Vilaine sous surveillance à Redon", "Le marché de Noël de Colmar prolongé d'une semaine",
           "Un nouveau pont sur la Loire à Nantes en 2027", "Pénurie de pédiatres dans la Creuse"],
)
V["de"] = dict(
    related=["Mehr zum Thema", "Das könnte Sie auch interessieren", "Weitere Artikel aus der Region",
             "MEISTGELESEN", "Auch interessant", "Weitere Nachrichten", "Passend dazu", "Empfehlungen der Redaktion"],
    inline=["Lesen Sie auch: {}", "AUCH INTERESSANT | {}", "► Mehr dazu: {}", "Zum Thema: {}",
            "[Lesetipp] {}", "Siehe auch → {}", "Lesetipp: {}"],
    share=["Artikel teilen", "Auf Facebook teilen", "Per WhatsApp teilen", "Link kopieren", "Per E-Mail versenden",
           "Teilen: Facebook | X | WhatsApp | E-Mail", "Artikel drucken", "🔗 Link kopiert"],
    share_head=["Teilen:", "TEILEN", "Diesen Artikel teilen"],
    networks=["Facebook", "X", "WhatsApp", "E-Mail", "LinkedIn", "Xing"],
    follow=["Folgen Sie uns auf Instagram und Facebook", "Folge uns auf WhatsApp für News aus der Region",
            "Jetzt unserem Kanal auf Telegram folgen", "Folgen Sie der Redaktion auf X: @tageblatt_sued"],
    newsletter=["Newsletter abonnieren: Die wichtigsten Nachrichten aus der Region jeden Morgen per E-Mail.",
                "📧 Jetzt kostenlos für den Gesundheits-Newsletter anmelden",
                "Sie wollen nichts verpassen? Melden Sie sich für unseren Abend-Newsletter an.",
                "Hier geht's zum kostenlosen Newsletter der Lokalredaktion"],
    tags=["Schlagworte: {}", "Themen: {}", "Stichwörter: {}", "Tags: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Radweg zwischen Lindau und Bregenz wird verbreitert", "Kreisklinik Ebersberg baut neue Notaufnahme",
           "Brückensperrung in Leverkusen: Umleitung bis Ostern", "Weinlese an der Mosel beginnt früher als üblich"],
)
V["es"] = dict(
    related=["Noticias relacionadas", "Te puede interesar", "Más noticias de la provincia", "LO MÁS LEÍDO",
             "También te interesa", "Otras noticias", "Sigue leyendo", "Recomendados"],
    inline=["Lee también: {}", "LEER MÁS | {}", "► Relacionado: {}", "Ver también → {}",
            "[Te puede interesar] {}", "Contenido relacionado: {}"],
    share=["Compartir en Facebook", "Compartir en WhatsApp", "Copiar enlace", "Compartir esta noticia",
           "Enviar por correo", "Compartir: Facebook · X · Telegram · Email", "Imprimir"],
    share_head=["Compartir:", "COMPARTIR", "Comparte esta noticia"],
    networks=["Facebook", "X", "WhatsApp", "Telegram", "Email"],
    follow=["Síguenos en Instagram y TikTok", "Únete a nuestro canal de WhatsApp 👉", "Sigue a @diariodelvalle en X",
            "Síguenos en Google Noticias"],
    newsletter=["Suscríbete a nuestro boletín y recibe cada mañana las noticias de tu provincia.",
                "📨 Apúntate gratis a la newsletter de Salud",
                "Boletín semanal: lo mejor de la semana en tu correo. Suscríbete aquí",
                "¿Te ha gustado? Recibe nuestras noticias por email, es gratis."],
    tags=["Etiquetas: {}", "Temas: {}", "Archivado en: {}", "Tags: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Murcia amplía el carril bici hasta El Palmar", "Cierra la última librería de Béjar",
           "Detectado un brote de legionela en un hotel de Benidorm", "El puerto de Vigo bate su récord de cruceros"],
)
V["it"] = dict(
    related=["Leggi anche", "Articoli correlati", "Potrebbe interessarti", "I PIÙ LETTI",
             "Altre notizie dalla provincia", "Ti potrebbe interessare anche", "Dalla stessa sezione", "In evidenza"],
    inline=["Leggi anche: {}", "LEGGI ANCHE | {}", "► Approfondisci: {}", "Vedi anche → {}", "[Correlato] {}",
            "Potrebbe interessarti: {}"],
    share=["Condividi su Facebook", "Condividi su WhatsApp", "Copia link", "Condividi l'articolo", "Invia per email",
           "Condividi: Facebook | X | Telegram | Email", "Stampa"],
    share_head=["Condividi:", "CONDIVIDI", "Condividi questo articolo"],
    networks=["Facebook", "X", "WhatsApp", "Telegram", "Email"],
    follow=["Seguici su Instagram e Facebook", "Iscriviti al nostro canale WhatsApp", "Segui @gazzettavalle su X",
            "Resta aggiornato: seguici su Telegram"],
    newsletter=["Iscriviti alla newsletter per ricevere ogni mattina le notizie del tuo territorio.",
                "📬 Ricevi gratis la newsletter Salute ogni giovedì",
                "Newsletter: le notizie della settimana direttamente nella tua casella. Iscriviti",
                "Ti è piaciuto l'articolo? Iscriviti alla nostra newsletter gratuita."],
    tags=["Tag: {}", "Argomenti: {}", "Parole chiave: {}", "Temi: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Nuova pista ciclabile tra Pesaro e Fano", "Chiude lo storico mercato coperto di Livorno per lavori",
           "A Matera il primo ambulatorio pediatrico notturno", "Trasporti, sciopero dei bus a Genova venerdì"],
)
V["pt"] = dict(
    related=["Leia também", "Notícias relacionadas", "Veja também", "MAIS LIDAS", "Você pode gostar",
             "Mais notícias da região", "Relacionadas", "Continue lendo"],
    inline=["Leia também: {}", "LEIA MAIS | {}", "► Veja também: {}", "Saiba mais → {}", "[Relacionado] {}",
            "Leia ainda: {}"],
    share=["Compartilhar no Facebook", "Compartilhar no WhatsApp", "Copiar link", "Partilhar este artigo",
           "Enviar por e-mail", "Compartilhe: Facebook · X · WhatsApp · Telegram", "Imprimir"],
    share_head=["Compartilhe:", "COMPARTILHAR", "Partilhe esta notícia"],
    networks=["Facebook", "X", "WhatsApp", "Telegram", "E-mail"],
    follow=["Siga-nos no Instagram e no Facebook", "Entre no nosso canal do WhatsApp 📲", "Siga o @jornaldovale no X",
            "Acompanhe o nosso canal no Telegram"],
    newsletter=["Assine a nossa newsletter e receba as principais notícias da região todas as manhãs.",
                "📩 Cadastre-se grátis na newsletter Saúde",
                "Receba o resumo da semana no seu e-mail — inscreva-se",
                "Gostou? Subscreva a newsletter diária, é gratuita."],
    tags=["Tags: {}", "Temas: {}", "Palavras-chave: {}", "Assuntos: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Metro do Porto testa novos comboios na linha amarela", "Seca: Alentejo com barragens a 30%",
           "Curitiba inaugura terminal de ônibus elétricos", "Feira do livro de Belém tem recorde de público"],
)
V["nl"] = dict(
    related=["Lees ook", "Meer over dit onderwerp", "Gerelateerde artikelen", "MEEST GELEZEN", "Ook interessant",
             "Meer nieuws uit de regio", "Aanbevolen", "Eerder verschenen"],
    inline=["Lees ook: {}", "LEES OOK | {}", "► Meer hierover: {}", "Zie ook → {}", "[Ook interessant] {}",
            "Gerelateerd: {}"],
    share=["Deel dit artikel", "Delen op Facebook", "Delen via WhatsApp", "Kopieer link", "Mail dit artikel",
           "Delen: Facebook | X | LinkedIn | WhatsApp", "Artikel printen"],
    share_head=["Delen:", "DEEL", "Deel dit artikel via"],
    networks=["Facebook", "X", "LinkedIn", "WhatsApp", "E-mail"],
    follow=["Volg ons op Instagram en Facebook", "Volg @dagbladnoord op X",
            "Volg ons WhatsApp-kanaal voor het laatste nieuws", "Volg ons ook op TikTok 👀"],
    newsletter=["Schrijf je in voor onze nieuwsbrief en ontvang elke ochtend het regionieuws.",
                "📧 Meld je gratis aan voor de wekelijkse gezondheidsnieuwsbrief",
                "Nieuwsbrief: elke vrijdag het beste van de week in je mailbox. Aanmelden",
                "Wil je niets missen? Abonneer je op onze dagelijkse nieuwsbrief."],
    tags=["Tags: {}", "Onderwerpen: {}", "Trefwoorden: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Nieuwe fietsbrug over het Amsterdam-Rijnkanaal geopend", "Ziekenhuis Zwolle opent poli voor long covid",
           "Eindhoven Airport beperkt nachtvluchten", "Waddeneilanden krijgen extra veerboot in de zomer"],
)
V["ca"] = dict(
    related=["Notícies relacionades", "Llegeix també", "També et pot interessar", "LES MÉS LLEGIDES",
             "Més notícies de la comarca", "Et pot interessar", "Continua llegint", "Recomanats"],
    inline=["Llegeix també: {}", "LLEGEIX MÉS | {}", "► Relacionat: {}", "Vegeu també → {}",
            "[També et pot interessar] {}"],
    share=["Comparteix a Facebook", "Comparteix a WhatsApp", "Copia l'enllaç", "Comparteix aquesta notícia",
           "Envia per correu", "Comparteix: Facebook · X · Telegram · Correu", "Imprimeix"],
    share_head=["Comparteix:", "COMPARTEIX", "Comparteix la notícia"],
    networks=["Facebook", "X", "WhatsApp", "Telegram", "Correu"],
    follow=["Segueix-nos a Instagram i TikTok", "Uneix-te al nostre canal de WhatsApp", "Segueix @diaridelpla a X",
            "Segueix-nos a Telegram per no perdre't res"],
    newsletter=["Subscriu-te al nostre butlletí i rep cada matí les notícies de la comarca.",
                "📩 Apunta't gratis al butlletí de Salut",
                "Butlletí setmanal: el millor de la setmana al teu correu. Subscriu-t'hi",
                "T'ha agradat? Rep les nostres notícies per correu, és gratuït."],
    tags=["Etiquetes: {}", "Temes: {}", "Arxivat a: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Reobre el pont de ferro de Girona després de les obres", "Tallat el pas de barques de Miravet per la crescuda",
           "La Seu d'Urgell tindrà un nou institut el 2026", "Sabadell estrena bus elèctric a la línia 7"],
)
V["pl"] = dict(
    related=["Czytaj także", "Zobacz też", "Polecamy", "NAJCZĘŚCIEJ CZYTANE", "Więcej z regionu",
             "Podobne artykuły", "To może cię zainteresować", "Warto przeczytać"],
    inline=["Czytaj także: {}", "CZYTAJ TEŻ | {}", "► Zobacz również: {}", "Przeczytaj → {}", "[Polecamy] {}",
            "Czytaj więcej: {}"],
    share=["Udostępnij na Facebooku", "Udostępnij przez WhatsApp", "Kopiuj link", "Udostępnij artykuł",
           "Wyślij e-mailem", "Udostępnij: Facebook | X | WhatsApp | E-mail", "Drukuj"],
    share_head=["Udostępnij:", "UDOSTĘPNIJ", "Podziel się artykułem"],
    networks=["Facebook", "X", "WhatsApp", "Messenger", "E-mail"],
    follow=["Obserwuj nas na Instagramie i Facebooku", "Dołącz do naszego kanału na WhatsAppie",
            "Obserwuj @gazetapomorska_ na X", "Śledź nas w Google News"],
    newsletter=["Zapisz się do naszego newslettera i otrzymuj codziennie najważniejsze wiadomości z regionu.",
                "📩 Zapisz się za darmo na newsletter Zdrowie",
                "Newsletter: najlepsze teksty tygodnia w Twojej skrzynce. Zapisz się",
                "Podobał się artykuł? Zamów bezpłatny newsletter."],
    tags=["Tagi: {}", "Tematy: {}", "Słowa kluczowe: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Nowy most na Wiśle w Kwidzynie otwarty", "Szpital w Zamościu wstrzymuje przyjęcia na porodówkę",
           "Rybnik: ruszył budżet obywatelski", "Susza w Wielkopolsce. Rolnicy liczą straty"],
)
V["cs"] = dict(
    related=["Související články", "Čtěte také", "Mohlo by vás zajímat", "NEJČTENĚJŠÍ", "Další zprávy z kraje",
             "Doporučujeme", "Přečtěte si také", "Z rubriky"],
    inline=["Čtěte také: {}", "ČTĚTE TAKÉ | {}", "► Související: {}", "Přečtěte si → {}", "[Doporučujeme] {}"],
    share=["Sdílet na Facebooku", "Sdílet přes WhatsApp", "Kopírovat odkaz", "Sdílet článek", "Poslat e-mailem",
           "Sdílet: Facebook · X · WhatsApp · E-mail", "Tisk"],
    share_head=["Sdílet:", "SDÍLET", "Sdílejte článek"],
    networks=["Facebook", "X", "WhatsApp", "Messenger", "E-mail"],
    follow=["Sledujte nás na Instagramu a Facebooku", "Přidejte se k našemu kanálu na WhatsAppu",
            "Sledujte @denikvychod na X", "Sledujte nás také na TikToku"],
    newsletter=["Přihlaste se k odběru newsletteru a dostávejte každé ráno zprávy z regionu.",
                "📧 Odebírejte zdarma náš zdravotnický newsletter",
                "Newsletter: to nejlepší z týdne do vaší schránky. Přihlásit se",
                "Líbil se vám článek? Přihlaste se k odběru novinek."],
    tags=["Štítky: {}", "Témata: {}", "Klíčová slova: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["V Kolíně otevřeli novou lávku přes Labe", "Nemocnice v Táboře rozšíří porodnici",
           "Jihlava chystá nízkoemisní zónu", "Na Šumavě začala sezóna běžkařů"],
)
V["ru"] = dict(
    related=["Читайте также", "По теме", "Другие новости региона", "САМОЕ ЧИТАЕМОЕ", "Вам может быть интересно",
             "Похожие материалы", "Рекомендуем", "Ещё по теме"],
    inline=["Читайте также: {}", "ЧИТАЙТЕ ТАКЖЕ | {}", "► По теме: {}", "Смотрите также → {}", "[Рекомендуем] {}"],
    share=["Поделиться во ВКонтакте", "Поделиться в Telegram", "Скопировать ссылку", "Поделиться",
           "Отправить по почте", "Поделиться: ВКонтакте · Telegram · WhatsApp · ОК", "Версия для печати"],
    share_head=["Поделиться:", "ПОДЕЛИТЬСЯ", "Поделитесь новостью"],
    networks=["ВКонтакте", "Одноклассники", "Telegram", "WhatsApp", "Viber"],
    follow=["Подписывайтесь на наш канал в Telegram", "Читайте нас в Дзене", "Мы во ВКонтакте — присоединяйтесь",
            "Следите за новостями в нашем Telegram-канале 👉 @vesti_region"],
    newsletter=["Подпишитесь на нашу рассылку и получайте главные новости региона каждое утро.",
                "📩 Бесплатная рассылка «Здоровье» — подпишитесь",
                "Рассылка: лучшее за неделю в вашем почтовом ящике. Подписаться",
                "Понравилась статья? Подпишитесь на ежедневную рассылку."],
    tags=["Теги: {}", "Темы: {}", "Ключевые слова: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["В Твери открыли новый мост через Волгу", "В Сочи продлили сезон канатных дорог",
           "Омская больница получила новый томограф", "В Вологде отремонтируют деревянные тротуары"],
    bullets=["— "],
)
V["uk"] = dict(
    related=["Читайте також", "Більше на тему", "Інші новини області", "НАЙПОПУЛЯРНІШЕ", "Вас може зацікавити",
             "Схожі матеріали", "Рекомендуємо", "Ще за темою"],
    inline=["Читайте також: {}", "ЧИТАЙТЕ ТАКОЖ | {}", "► За темою: {}", "Дивіться також → {}", "[Рекомендуємо] {}"],
    share=["Поділитися у Facebook", "Поділитися в Telegram", "Скопіювати посилання", "Поділитися",
           "Надіслати поштою", "Поділитися: Facebook · Telegram · Viber · X", "Друкувати"],
    share_head=["Поділитися:", "ПОДІЛИТИСЯ", "Поділіться новиною"],
    networks=["Facebook", "Telegram", "Viber", "X", "WhatsApp"],
    follow=["Підписуйтесь на наш Telegram-канал", "Стежте за нами в Instagram та Facebook",
            "Приєднуйтесь до нашого каналу у Viber", "Читайте нас у Google News"],
    newsletter=["Підпишіться на нашу розсилку та отримуйте головні новини області щоранку.",
                "📩 Безкоштовна розсилка «Здоров'я» — підпишіться",
                "Розсилка: найкраще за тиждень у вашій поштовій скриньці. Підписатися",
                "Сподобалася стаття? Підпишіться на щоденну розсилку."],
    tags=["Теги: {}", "Теми: {}", "Ключові слова: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["У Полтаві відкрили новий сквер біля ринку", "Чернівецька лікарня отримала апарат МРТ",
           "В Ужгороді продовжили сезон сакур", "Житомир оновлює тролейбусний парк"],
    bullets=["— "],
)
V["tr"] = dict(
    related=["İlgili Haberler", "Bunlar da ilginizi çekebilir", "Bölgeden diğer haberler", "EN ÇOK OKUNANLAR",
             "Benzer haberler", "Okumaya devam et", "Gündemden", "Önerilenler"],
    inline=["İlgili haber: {}", "ŞUNU DA OKUYUN | {}", "► Ayrıca: {}", "Bakmadan geçme → {}",
            "[İlginizi çekebilir] {}", "Bu haberi de okuyun: {}"],
    share=["Facebook'ta paylaş", "WhatsApp ile paylaş", "Bağlantıyı kopyala", "Haberi paylaş", "E-posta ile gönder",
           "Paylaş: Facebook · X · WhatsApp · Telegram", "Yazdır"],
    share_head=["Paylaş:", "PAYLAŞ", "Bu haberi paylaşın"],
    networks=["Facebook", "X", "WhatsApp", "Telegram", "E-posta"],
    follow=["Bizi Instagram ve Facebook'ta takip edin", "WhatsApp kanalımıza katılın",
            "X'te @ege_gundem hesabını takip edin", "Google Haberler'de bizi takip edin"],
    newsletter=["Bültenimize abone olun, bölgenin en önemli haberleri her sabah e-postanıza gelsin.",
                "📩 Sağlık bültenine ücretsiz kaydolun",
                "Haftalık bülten: haftanın en iyileri e-posta kutunuzda. Hemen abone olun",
                "Haberi beğendiniz mi? Günlük bültenimize ücretsiz abone olun."],
    tags=["Etiketler: {}", "Konular: {}", "Anahtar kelimeler: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Bursa'da yeni tramvay hattı test sürüşlerine başladı", "Van Gölü'nde su seviyesi düştü",
           "Eskişehir'de kütüphaneler gece de açık olacak", "Mersin limanında rekor konteyner trafiği"],
)
V["vi"] = dict(
    related=["Tin liên quan", "Bài viết liên quan", "Có thể bạn quan tâm", "ĐỌC NHIỀU NHẤT",
             "Tin khác cùng chuyên mục", "Xem thêm", "Tin cùng địa phương", "Đề xuất cho bạn"],
    inline=["Xem thêm: {}", "ĐỌC THÊM | {}", "► Tin liên quan: {}", "Xem tiếp → {}", "[Có thể bạn quan tâm] {}"],
    share=["Chia sẻ lên Facebook", "Chia sẻ qua Zalo", "Sao chép liên kết", "Chia sẻ bài viết", "Gửi qua email",
           "Chia sẻ: Facebook · Zalo · X · Email", "In bài viết"],
    share_head=["Chia sẻ:", "CHIA SẺ", "Chia sẻ bài viết này"],
    networks=["Facebook", "Zalo", "X", "Email", "Messenger"],
    follow=["Theo dõi chúng tôi trên Facebook và TikTok", "Quan tâm Zalo OA của báo để nhận tin nhanh",
            "Theo dõi kênh YouTube của chúng tôi", "Theo dõi báo trên Google News"],
    newsletter=["Đăng ký nhận bản tin để cập nhật tin tức địa phương mỗi sáng.",
                "📩 Đăng ký miễn phí bản tin Sức khỏe hằng tuần",
                "Bản tin tuần: những bài hay nhất gửi đến hộp thư của bạn. Đăng ký ngay",
                "Bạn thích bài viết này? Hãy đăng ký nhận bản tin hằng ngày."],
    tags=["Từ khóa: {}", "Chủ đề: {}", "Tags: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Đà Lạt mở thêm tuyến xe buýt điện", "Cần Thơ khánh thành cầu mới qua sông Hậu",
           "Hải Phòng tăng học phí mầm non từ tháng 9", "Nghệ An thu hoạch cam sớm hơn mọi năm"],
)
V["id"] = dict(
    related=["Berita Terkait", "Baca Juga", "Artikel Terkait", "TERPOPULER", "Berita lainnya dari daerah",
             "Rekomendasi untuk Anda", "Simak juga", "Pilihan Redaksi"],
    inline=["Baca juga: {}", "BACA JUGA | {}", "► Simak: {}", "Lihat juga → {}", "[Berita terkait] {}",
            "Baca Juga: {}"],
    share=["Bagikan ke Facebook", "Bagikan lewat WhatsApp", "Salin tautan", "Bagikan artikel ini", "Kirim lewat email",
           "Bagikan: Facebook · X · WhatsApp · Telegram", "Cetak"],
    share_head=["Bagikan:", "BAGIKAN", "Bagikan berita ini"],
    networks=["Facebook", "X", "WhatsApp", "Telegram", "Line"],
    follow=["Ikuti kami di Instagram dan TikTok", "Gabung saluran WhatsApp kami untuk update berita terkini",
            "Ikuti @kabarnusantara di X", "Ikuti berita terkini di Google News"],
    newsletter=["Berlangganan buletin kami dan dapatkan berita daerah setiap pagi.",
                "📩 Daftar gratis buletin Kesehatan mingguan",
                "Buletin mingguan: berita terbaik sepekan langsung ke kotak masuk Anda. Daftar sekarang",
                "Suka artikel ini? Berlangganan newsletter harian kami, gratis."],
    tags=["Tag: {}", "Topik: {}", "Kata kunci: {}", "#"],
    seps=[", ", " · ", " | "],
    extra=["Pemkot Malang tambah armada bus sekolah gratis", "Harga cabai di Medan kembali naik",
           "Bandara Kertajati buka rute baru ke Bali", "Pelabuhan Tanjung Perak perpanjang jam layanan"],
)
V["ja"] = dict(
    related=["関連記事", "あわせて読みたい", "こちらもおすすめ", "【関連ニュース】", "よく読まれている記事",
             "地域のニュース", "この記事を読んだ人はこちらも", "注目の記事"],
    inline=["関連記事：{}", "【あわせて読みたい】{}", "▶ 関連：{}", "こちらも → {}", "[関連] {}"],
    share=["この記事をシェアする", "Xでポスト", "Facebookでシェア", "LINEで送る", "リンクをコピー",
           "シェア：X / Facebook / LINE / はてブ", "印刷する"],
    share_head=["シェアする", "SHARE", "この記事を共有"],
    networks=["X", "Facebook", "LINE", "はてなブックマーク", "Pocket"],
    follow=["公式Xアカウントをフォローしてください", "LINE公式アカウントを友だち追加", "Instagramでも最新情報を発信中",
            "YouTubeチャンネル登録はこちら"],
    newsletter=["ニュースレターに登録すると、毎朝地域のニュースをお届けします。", "📩 無料メルマガ「健康通信」に登録する",
                "週刊ニュースレター：一週間の注目記事をメールでお届け。登録はこちら",
                "この記事が気に入ったら、メールマガジンを購読してください。"],
    tags=["タグ：{}", "キーワード：{}", "#"],
    seps=["、", " / ", " "],
    extra=["松本市で新しい図書館が開館", "函館の朝市、観光客が過去最多に", "高松空港に国際線の新路線", "奈良公園で鹿の保護活動"],
    bullets=["・", "■"],
)
V["zh"] = dict(
    related=["相关阅读", "相关新闻", "延伸阅读", "【推荐阅读】", "热门文章", "本地新闻", "猜你喜欢", "更多报道"],
    inline=["相关阅读：{}", "【延伸阅读】{}", "▶ 推荐：{}", "另见 → {}", "[相关] {}"],
    share=["分享到微信", "分享到微博", "复制链接", "分享本文", "通过邮件发送", "分享：微信 · 微博 · QQ空间", "打印本页"],
    share_head=["分享到：", "分享", "一键分享"],
    networks=["微信", "微博", "QQ", "QQ空间", "抖音"],
    follow=["关注我们的微信公众号，获取更多本地资讯", "欢迎关注官方微博", "扫码关注抖音号", "关注我们，第一时间获取最新消息"],
    newsletter=["订阅我们的新闻简报，每天早上获取本地要闻。", "📩 免费订阅《健康周刊》电子报",
                "每周简报：一周精选文章发送到您的邮箱。立即订阅", "喜欢这篇文章吗？欢迎订阅每日电子报。"],
    tags=["标签：{}", "关键词：{}", "#"],
    seps=["，", "、", " "],
    extra=["西安地铁新线开通试运营", "昆明滇池周边新建湿地公园", "哈尔滨冰雪大世界提前开园", "厦门推出夜间公交专线"],
    bullets=["· ", "▪ "],
)
V["ko"] = dict(
    related=["관련 기사", "함께 읽으면 좋은 기사", "이 기사와 함께 본 뉴스", "【많이 본 뉴스】", "지역 뉴스 더보기",
             "추천 기사", "주요 뉴스", "관련뉴스"],
    inline=["관련 기사: {}", "[관련기사] {}", "▶ 함께 보기: {}", "더 보기 → {}", "☞ 관련: {}"],
    share=["기사 공유하기", "페이스북 공유", "카카오톡 공유", "링크 복사", "URL 복사", "공유: 카카오톡 · 페이스북 · X · 밴드",
           "기사 인쇄"],
    share_head=["공유하기", "SNS 공유", "기사 공유"],
    networks=["카카오톡", "페이스북", "X", "밴드", "네이버 블로그"],
    follow=["네이버에서 구독하기", "카카오톡 채널을 추가하고 최신 뉴스를 받아보세요", "인스타그램에서 팔로우하세요",
            "유튜브 채널 구독하기"],
    newsletter=["뉴스레터를 구독하고 매일 아침 지역 소식을 받아보세요.", "📩 건강 뉴스레터 무료 구독 신청",
                "주간 뉴스레터: 한 주의 인기 기사를 메일로 보내드립니다. 구독하기",
                "이 기사가 마음에 드셨나요? 데일리 뉴스레터를 구독해 주세요."],
    tags=["태그: {}", "키워드: {}", "#"],
    seps=[", ", " · ", " "],
    extra=["전주 한옥마을 야간 개방 확대", "강릉 해변에 무장애 산책로 조성", "청주공항 국제선 노선 늘어", "제주 버스 노선 전면 개편"],
    bullets=["▶ ", "☞ "],
)

BODIES = {}
BODIES["en"] = """
=== weather | decoy_prose decoy_heading decoy_quote | storm, flooding, Cumbria, Met Office, power cuts
Storm Edda leaves 3,000 homes without power across the Eden Valley
Engineers worked through the night on Sunday to restore electricity to villages east of Penrith after gusts of up to 78 mph brought down lines and trees.
The Met Office had issued an amber warning on Friday, but several parish councils said the speed at which the River Eamont rose still caught residents off guard.
What happens next
Follow-up inspections of the Pooley Bridge crossing are scheduled for Wednesday, and the road will stay closed until engineers confirm that the foundations were not undermined.
“We watched the water come up the lane in twenty minutes.”
Sharing the cost of new flood defences between the county and the villages is likely to dominate next month's budget meeting, councillors said.
=== courts | decoy_dateline decoy_code decoy_prose | courts, fraud, Leeds, care homes
Former care-home director jailed for £410,000 fraud
LEEDS, 14 March — A former director of a chain of care homes in West Yorkshire was jailed for four years on Thursday after admitting that he diverted residents' fees into a private account.
Leeds Crown Court heard that Gareth Milner, 52, used invoices from a shell company registered under the reference LTD-0871 to hide the transfers over five years.
Related charges against his former business partner were dropped last autumn because of insufficient evidence, the prosecution confirmed.
Judge Alison Reeve said the offences had caused real distress to families who had trusted the company with their relatives' savings.
Read together, the victim statements described families forced to sell their homes to cover the missing payments.
=== agriculture | decoy_list decoy_prose | farming, drought, wheat, Lincolnshire
Lincolnshire wheat growers count the cost of a dry spring
Yields on the light soils around Sleaford are expected to fall by a fifth this year, according to a survey of 120 farms published by the county's growers' association.
The association listed the measures its members are asking for:
- a temporary relaxation of abstraction limits on the River Slea
- faster payments under the Sustainable Farming Incentive
- advice on drought-tolerant varieties for the autumn sowing
More than half of the farms surveyed said they had already cut their spending on fertiliser.
Tags fitted to the irrigation pumps now report water use to the Environment Agency every hour, which growers say makes the abstraction rules easier to follow.
=== education | decoy_heading decoy_list decoy_prose | schools, sixth form, Powys, Ceredigion, education
Welsh secondary schools to trial four-day timetable for sixth-formers
Twelve schools in Powys and Ceredigion will move sixth-form teaching onto four days a week from September, with the fifth day reserved for work placements and independent study.
How the pilot works
- Teaching hours stay at 27 per week.
- Students can choose placements with local employers or the county library service.
- Attendance on the fifth day is recorded through the existing registration app.
Teaching unions have welcomed the consultation but warned that rural students may struggle to reach placements without extra bus routes.
Subscribers to the county's school transport scheme will be contacted in June about any changes to routes.
Full details of the pilot are published at https://www.powys.gov.uk/schools/sixth-form-pilot?section=faq&utm_source=newsletter&utm_medium=email&utm_campaign=may24
=== transport | decoy_code decoy_prose decoy_quote | rail, sleeper trains, Scotland, Fort William
Night sleeper to Fort William returns after six-week track repair
The Caledonian Sleeper resumed its Fort William service on Monday after Network Rail finished replacing 2.4 km of track near Rannoch, where a landslip closed the line in January.
Class 73 locomotives will haul the train as before, and the operator said all 40 cabins on the first southbound run were booked within a day.
Follow the timetable closely, the operator warned: until the end of June the Monday departure leaves London Euston 15 minutes earlier than usual.
Passengers whose journeys were cancelled can claim refunds at https://www.sleeper.scot/help/refunds?ref=service-update#claims
“It is good to hear the train again,” said the volunteer who looks after the station at Corrour.
=== music | decoy_prose decoy_foreign | music, festival, Belfast, traditional music
Belfast trad festival doubles its free street sessions
The Cathedral Quarter trad festival will host 64 free sessions in pubs and squares this August, twice as many as last year, after the city council agreed a three-year grant.
Organisers said the change was a response to ticket prices, which had put off younger audiences and families.
Also on the programme is a workshop on sean-nós singing led by a Connemara singer who has taught the style for thirty years.
Most of the sessions will start in the early evening so that children can attend, the festival director said.
Tickets for the six evening concerts in the Ulster Hall go on sale on 3 June.
"""
BODIES["fr"] = """
=== transport | decoy_prose decoy_code decoy_dateline | TER, Occitanie, train, Rodez, transports
Occitanie : la ligne TER Toulouse–Rodez rouvre après huit mois de travaux
TOULOUSE, 3 avril – Les premiers trains ont de nouveau circulé mardi entre Toulouse et Rodez, après huit mois de fermeture pour le remplacement des rails et la rénovation de quatre tunnels.
La région a investi 62 millions d'euros dans le chantier, cofinancé par l'État et SNCF Réseau. Les rames Régiolis B 84500 assureront onze allers-retours par jour.
Partager les coûts de maintenance avec les départements traversés reste toutefois un sujet de discorde, a reconnu le vice-président chargé des transports.
Les usagers de Carmaux et de Tanus ont salué la réouverture, mais regrettent que le premier train du matin parte désormais à 5 h 12.
=== health | decoy_list decoy_heading | santé, hôpital, urgences, Finistère
Urgences de Carhaix : un accès régulé par le 15 tout l'été
L'hôpital de Carhaix-Plouguer, dans le Finistère, ne recevra plus de patients sans appel préalable au 15 entre 20 heures et 8 heures, du 1er juillet au 31 août.
Ce qui change pour les patients
- appeler le 15 avant de se déplacer la nuit ;
- se présenter directement en cas d'urgence vitale ;
- consulter la liste des maisons médicales de garde publiée par l'ARS.
L'agence régionale de santé explique cette mesure par le manque de médecins urgentistes : six postes sur quatorze restent vacants.
La liste des maisons médicales de garde est consultable sur https://www.bretagne.ars.sante.fr/gardes-ete?dept=29&fbclid=IwAR0xk2Lm9Qz7pTs
Un collectif d'habitants a annoncé un rassemblement devant l'hôpital samedi matin.
=== agriculture | decoy_prose decoy_quote | agriculture, vigne, grêle, Mâconnais, viticulture
Après la grêle, les vignerons du Mâconnais comptent leurs pertes
Un violent orage de grêle a frappé lundi soir une vingtaine de communes du Mâconnais, détruisant jusqu'à 80 % des bourgeons dans certaines parcelles de chardonnay.
« En dix minutes, la récolte de l'année est partie. »
La chambre d'agriculture de Saône-et-Loire a ouvert une cellule de crise et recense les dégâts commune par commune.
Suivre l'évolution des vignes touchées prendra plusieurs semaines, car certaines repousses secondaires pourraient encore donner une petite récolte.
Les exploitants assurés devraient être indemnisés d'ici l'automne ; les autres pourront solliciter le fonds des calamités agricoles.
=== courts | decoy_prose decoy_dateline | justice, tribunal, Lyon, pollution, Saône
Pollution de la Saône : une entreprise de traitement de surface condamnée à 150 000 euros
LYON, 18 janvier – Le tribunal correctionnel de Lyon a condamné jeudi une entreprise de traitement de surface de Villefranche-sur-Saône pour des rejets de chrome dans la rivière en 2021.
Lire le jugement de 42 pages permet de mesurer l'ampleur des manquements : bassins de rétention fissurés, alarmes débranchées et registres incomplets.
Le gérant, poursuivi à titre personnel, écope de six mois d'emprisonnement avec sursis.
Les associations de pêche, parties civiles, obtiennent 20 000 euros de dommages et intérêts. L'entreprise a dix jours pour faire appel.
=== education | decoy_code decoy_list | éducation, lycée, informatique, Vosges
Dans les Vosges, des lycées testent des cours d'informatique dès la seconde
Cinq lycées des Vosges proposent depuis la rentrée un enseignement d'informatique de deux heures par semaine à tous les élèves de seconde.
Le programme, validé par le rectorat de Nancy-Metz, s'appuie sur des cartes Raspberry Pi 4 et sur le langage Python 3.
Les enseignants ont fixé trois objectifs pour l'année :
1. écrire un petit programme de tri ;
2. comprendre le fonctionnement d'un réseau Wi-Fi ;
3. publier une page web conforme à la norme ISO/IEC 40500.
Un bilan sera présenté au conseil régional en juin, avant une éventuelle extension à toute l'académie.
=== music | decoy_prose decoy_foreign | musique, festival, Quimper, fest-noz, Bretagne
Le festival de Cornouaille mise sur les jeunes groupes de fest-noz
Le festival de Cornouaille, à Quimper, consacrera cette année une scène entière aux groupes de moins de 25 ans, avec quatorze concerts gratuits sur la place Saint-Corentin.
Abonnés au festival depuis des années, beaucoup de spectateurs découvrent pourtant les nouveaux groupes sur les réseaux sociaux, note la programmatrice.
Les organisateurs parlent d'un « revival » comparable à celui des années 1970, porté par les écoles de musique de la région.
La billetterie des grands concerts ouvrira le 2 mai, et les tarifs resteront inchangés.
"""
BODIES["de"] = """
=== weather | decoy_prose decoy_heading decoy_dateline | Hochwasser, Donau, Passau, Unwetter
Hochwasser an der Donau: Passau rechnet mit Pegel über neun Metern
PASSAU, 2. Juni – Nach tagelangem Regen rechnet der Hochwassernachrichtendienst Bayern für Sonntagabend mit einem Donau-Pegel von 9,20 Metern in Passau.
Die Stadt hat die Tiefgaragen in der Altstadt räumen lassen und an rund 40 Stellen Sandsäcke ausgegeben.
Wo die Lage besonders kritisch ist
Besonders gefährdet sind die Ortsteile Ilzstadt und Innstadt, wo das Wasser bereits am Samstag in die ersten Keller drang.
Mehr zum Thema Hochwasserschutz will die Stadt nach dem Ende der Krise auf einer Bürgerversammlung erklären, kündigte der Oberbürgermeister an.
Teilen müssen sich die Einsatzkräfte inzwischen auf drei Landkreise, weil auch an Inn und Ilz die Pegel steigen.
=== health | decoy_list decoy_code | Gesundheit, Impfung, Grippe, Apotheken, Sachsen
Sachsen startet Grippe-Impfaktion in Apotheken
Ab Oktober können sich Erwachsene in mehr als 300 sächsischen Apotheken gegen Grippe impfen lassen, teilte das Sozialministerium in Dresden mit.
Gleichzeitig wird auch die angepasste Impfung gegen COVID-19 angeboten, die auf die Variante JN.1 zugeschnitten ist.
Für den Termin sollten Patientinnen und Patienten Folgendes mitbringen:
- Versichertenkarte
- Impfpass, falls vorhanden
- eine Liste der aktuell eingenommenen Medikamente
Die Kosten übernehmen die gesetzlichen Krankenkassen. Eine Übersicht der teilnehmenden Apotheken steht unter https://www.gesunde.sachsen.de/impfen/apotheken?kreis=alle&utm_source=facebook&utm_medium=social bereit.
=== courts | decoy_prose decoy_quote decoy_code | Justiz, Urteil, Mietrecht, Bremen
Landgericht Bremen: Mieter müssen Kosten für Aufzug-Notruf nicht zahlen
Das Landgericht Bremen hat am Mittwoch entschieden, dass ein Vermieter die Gebühren für den Notrufdienst eines Aufzugs nicht auf die Mieter eines Hauses im Stadtteil Findorff umlegen darf.
„Das ist ein wichtiges Signal für viele Mieter.“
Geklagt hatte eine Rentnerin, die im Erdgeschoss wohnt und den Aufzug nach eigenen Angaben nie benutzt.
Lesen Sie das Urteil genau, rät der Mieterverein: Es betrifft nur Verträge, in denen die Notrufkosten nicht ausdrücklich genannt sind.
Die Revision wurde nicht zugelassen (Az. 1 S 218/23).
=== agriculture | decoy_list decoy_prose | Landwirtschaft, Spargel, Erntehelfer, Beelitz, Brandenburg
Spargelbauern in Beelitz starten mit weniger Erntehelfern in die Saison
In Beelitz hat am Montag offiziell die Spargelsaison begonnen, doch viele Höfe arbeiten mit deutlich weniger Personal als im Vorjahr.
Nach Angaben des örtlichen Spargelvereins fehlen rund 15 Prozent der Saisonkräfte, vor allem aus Rumänien und Polen.
Die Betriebe reagieren unterschiedlich:
• kleinere Anbauflächen
• Ernte mit halbautomatischen Erntehilfen
• längere Öffnungszeiten der Hofläden
Folgen hat das auch für die Preise: Das Kilo weißer Spargel der Klasse I kostet zum Saisonstart bis zu 18 Euro.
Viele Kunden kaufen deshalb lieber Bruchspargel, der für Suppen völlig ausreicht, sagt eine Verkäuferin aus Schäpe.
=== transport | decoy_code decoy_dateline decoy_prose | Verkehr, S-Bahn, Hamburg, Buxtehude, Nahverkehr
Neue S-Bahn-Linie S5 verbindet Hamburg und Buxtehude im Zehn-Minuten-Takt
HAMBURG – Ab dem Fahrplanwechsel im Dezember fährt die S5 in den Hauptverkehrszeiten alle zehn Minuten zwischen Hamburg-Neugraben und Buxtehude.
Eingesetzt werden die neuen Züge der Baureihe 490, die bis zu 100 km/h schnell sind und mehr Platz für Fahrräder bieten.
Die Fahrgastverbände begrüßen den dichteren Takt, kritisieren aber, dass der Bahnhof Neu Wulmstorf erst 2026 barrierefrei ausgebaut wird.
Weitere Informationen zum neuen Fahrplan will der Verkehrsverbund im November veröffentlichen.
=== music | decoy_prose decoy_foreign | Musik, Musikschulen, Thüringen, Bildung
Thüringer Musikschulen melden Rekord bei den Anmeldungen
Die Musikschulen in Thüringen haben im laufenden Schuljahr so viele Schülerinnen und Schüler wie nie zuvor, teilte der Landesverband in Erfurt mit.
Besonders gefragt sind Gitarre, Schlagzeug und Gesang; bei den Blasinstrumenten gibt es dagegen noch freie Plätze.
Auch interessant für Eltern: Viele Schulen bieten inzwischen kostenlose Probestunden an, bevor ein Vertrag unterschrieben wird.
Ein Musiklehrer aus Jena sagt, viele Jugendliche seien über Videos im Netz zum „Songwriting“ gekommen und wollten nun eigene Lieder schreiben.
Der Verband fordert mehr Geld für die Lehrkräfte, von denen viele nur Honorarverträge haben.
"""
BODIES["es"] = """
=== agriculture | decoy_prose decoy_list | agricultura, sequía, olivar, Jaén, aceite
La sequía recorta a la mitad la cosecha de aceituna en la Sierra de Segura
Los olivareros de la Sierra de Segura, en Jaén, calculan que recogerán este invierno la mitad de aceituna que en una campaña normal, tras un año con apenas 280 litros de lluvia por metro cuadrado.
La cooperativa de Orcera ha adelantado la molienda y ha pedido a sus socios que entreguen la fruta en cuanto alcance el punto de madurez.
Entre las ayudas que reclaman las organizaciones agrarias figuran:
- la reducción de módulos en el IRPF
- créditos sin intereses para el riego de apoyo
- un plan de renovación de olivos centenarios
Compartir el agua de los embalses con el regadío de la vega sigue siendo el asunto más delicado, reconocen en la Junta.
=== courts | decoy_dateline decoy_prose decoy_code | tribunales, juicio, Valencia, urbanismo
Juzgan en Valencia a un exalcalde por la recalificación de unos terrenos
VALENCIA, 9 de octubre – La Audiencia Provincial de Valencia juzga desde este lunes al exalcalde de una localidad de l'Horta Sud acusado de prevaricación urbanística.
La Fiscalía pide ocho años de inhabilitación por la recalificación de 14 hectáreas de suelo rústico en 2016, incluidas en el plan parcial PP-7.
Sigue abierta, además, una pieza separada por presunto cohecho que instruye un juzgado de Catarroja.
El acusado ha negado cualquier irregularidad y sostiene que se limitó a firmar los informes de los técnicos municipales.
El juicio continuará el jueves con la declaración de tres arquitectos.
=== health | decoy_heading decoy_list decoy_code | salud, vacunación, gripe, Asturias
Asturias adelanta la vacunación de la gripe a finales de septiembre
La Consejería de Salud del Principado ha decidido adelantar dos semanas la campaña de vacunación contra la gripe y la COVID-19, que empezará el 30 de septiembre en las residencias.
Calendario de la campaña
1. Residencias y personal sanitario: desde el 30 de septiembre.
2. Mayores de 80 años: desde el 7 de octubre.
3. Mayores de 60 años y grupos de riesgo: desde el 14 de octubre.
La cita se podrá pedir por teléfono, en la aplicación del servicio de salud o en https://www.astursalud.es/citas/vacunacion?campana=2024&utm_source=twitter&utm_medium=social&utm_campaign=gripe24#pedir.
Los centros de salud abrirán también dos tardes por semana para vacunar sin cita previa.
=== transport | decoy_prose decoy_code | transporte, Cercanías, Madrid, obras, tren
Las obras del túnel de Sol obligan a cortar la línea C-3 de Cercanías durante el verano
Adif cerrará entre el 1 de julio y el 31 de agosto el tramo entre Atocha y Chamartín de la línea C-3 de Cercanías Madrid para renovar la vía y la catenaria del túnel de Sol.
Durante el corte, los viajeros podrán utilizar sin coste adicional la línea 1 de Metro y un servicio de autobuses lanzadera.
Más de 60.000 viajeros usan cada día laborable ese tramo, según los datos del Consorcio Regional de Transportes.
Comparte el diagnóstico la asociación de usuarios, que lleva años denunciando averías en la catenaria, aunque critica que las obras no se hicieran antes.
=== weather | decoy_quote decoy_prose | tiempo, calor, Sevilla, Aemet, ola de calor
Aviso rojo por calor en la campiña sevillana con máximas de 44 grados
La Agencia Estatal de Meteorología ha activado el aviso rojo en la campiña sevillana para el miércoles, cuando se esperan temperaturas máximas de hasta 44 grados en Écija y Osuna.
El Ayuntamiento de Sevilla abrirá once centros cívicos como refugios climáticos de 11 a 20 horas.
“Hay que beber agua aunque no se tenga sed.”
Lo más preocupante, según los médicos de atención primaria, son las noches tropicales, que impiden que el cuerpo se recupere.
Las piscinas municipales ampliarán su horario hasta las diez de la noche durante toda la semana.
=== music | decoy_foreign decoy_prose | música, conservatorio, Lugo, gaita, educación
El conservatorio de Lugo abre un grado de gaita con veinte plazas
El Conservatorio Profesional de Música de Lugo ofrecerá desde septiembre un grado medio de gaita gallega, el primero de la provincia, con veinte plazas.
La Xunta financiará la contratación de dos profesores y la compra de instrumentos para los alumnos que no puedan permitírselos.
Suscribirse a la lista de espera ya es posible en la secretaría del centro, aunque la preinscripción oficial no abre hasta mayo.
El director ve en la iniciativa una forma de acercar la música tradicional a unos jóvenes que hoy escuchan sobre todo «trap» y reguetón.
"""
BODIES["it"] = """
=== weather | decoy_prose decoy_dateline | meteo, maltempo, alluvione, Faenza, Romagna
Maltempo in Romagna, esonda il Lamone a Faenza
FAENZA, 19 settembre – Il fiume Lamone è esondato nella notte in due punti a nord di Faenza, costringendo all'evacuazione circa 400 persone.
La Protezione civile regionale ha diramato l'allerta rossa anche per i comuni di Bagnacavallo e Russi.
Seguire l'andamento dei livelli del fiume sarà decisivo nelle prossime ore, ha spiegato l'assessore regionale.
Leggendo i dati dei pluviometri, i tecnici parlano di 180 millimetri di pioggia in 36 ore sull'Appennino.
Le scuole resteranno chiuse giovedì e venerdì in tutti i comuni dell'Unione della Romagna Faentina.
=== health | decoy_list decoy_heading | sanità, liste d'attesa, ospedali, Puglia
Liste d'attesa, la Puglia apre gli ambulatori anche la domenica
Da marzo dieci ospedali pugliesi terranno aperti gli ambulatori di diagnostica anche la domenica mattina per ridurre le liste d'attesa.
Gli esami interessati
- ecografie addominali
- risonanze magnetiche
- TAC senza mezzo di contrasto
- visite cardiologiche con elettrocardiogramma
Secondo la Regione, oggi per una risonanza programmabile si attendono in media 94 giorni.
Per prenotare basta chiamare il numero verde regionale. Il calendario degli ospedali aperti è pubblicato su https://www.sanita.puglia.it/cup/domeniche?asl=ba&gclid=Cj0KCQjw8J2xBhDkARIsAA
=== courts | decoy_prose decoy_code decoy_quote | giustizia, processo, rifiuti, Caserta
Rifiuti interrati nel Casertano, condannati tre imprenditori
Il tribunale di Santa Maria Capua Vetere ha condannato tre imprenditori a pene tra i due e i quattro anni per aver interrato rifiuti industriali in un terreno agricolo di Marcianise.
Le analisi dell'ARPAC avevano rilevato concentrazioni di piombo e di idrocarburi C>12 ben oltre i limiti del decreto legislativo 152/2006.
«Quel terreno era coltivato a ortaggi fino a dieci anni fa.»
Condividendo le conclusioni della procura, il giudice ha disposto anche la bonifica dell'area a spese degli imputati.
La difesa ha già annunciato ricorso in appello.
=== agriculture | decoy_foreign decoy_prose | agricoltura, riso, siccità, Vercelli
Risaie del Vercellese, la semina slitta per l'acqua scarsa
Nel Vercellese la semina del riso è in ritardo di almeno due settimane rispetto al calendario abituale, a causa della scarsità d'acqua nei canali.
Il consorzio irriguo ha deciso turni di irrigazione di quattro giorni, una misura che non si vedeva dal 2022.
Alcuni risicoltori hanno adottato la tecnica del «dry seeding», la semina su terreno asciutto, che richiede meno acqua nelle prime settimane.
In evidenza, nel rapporto del consorzio, c'è anche il calo delle falde nella zona di Trino.
=== education | decoy_code decoy_list | scuola, istruzione, inglese, Trentino
In Trentino l'inglese si studia dalla prima elementare
La Provincia autonoma di Trento estenderà dal prossimo anno l'insegnamento in lingua inglese a tutte le prime classi della scuola primaria.
I docenti coinvolti dovranno avere una certificazione di livello C1 secondo il Quadro comune europeo di riferimento.
Il progetto prevede:
1) due ore settimanali di attività in inglese;
2) un assistente madrelingua per ogni istituto comprensivo;
3) una verifica a fine anno con i test Cambridge YLE.
I sindacati chiedono che il personale già in servizio possa formarsi gratuitamente durante l'orario di lavoro.
=== music | decoy_prose decoy_foreign | musica, opera, Arena di Verona, concerti
All'Arena di Verona una stagione con sei opere e un concerto jazz
La Fondazione Arena di Verona ha presentato il cartellone estivo: sei opere, due serate di balletto e, per la prima volta, un concerto jazz.
Torna l'Aida nell'allestimento storico del 1913, ricostruito a partire da fotografie e bozzetti conservati nell'archivio.
I più giovani potranno assistere alle prove generali con un biglietto da cinque euro.
Il sovrintendente ha parlato di un «crossover» necessario per conquistare un pubblico nuovo.
"""
BODIES["pt"] = """
=== weather | decoy_prose | tempo, chuvas, Rio Grande do Sul, Vale do Taquari, Defesa Civil
Chuva forte volta a atingir o Vale do Taquari e deixa 900 desalojados
A Defesa Civil do Rio Grande do Sul informou nesta terça-feira que 900 pessoas deixaram suas casas no Vale do Taquari depois de chuvas de mais de 150 milímetros em 48 horas.
Em Lajeado, o rio chegou a 24 metros acima do nível normal durante a madrugada, e bairros próximos à margem foram evacuados de forma preventiva.
Siga as orientações das autoridades e não atravesse áreas alagadas, repetiu o governador em entrevista coletiva.
As aulas foram suspensas em 14 municípios da região até sexta-feira.
=== health | decoy_list decoy_code decoy_prose | saúde, dengue, vacinação, Minas Gerais
Minas amplia vacinação contra a dengue para adolescentes de 10 a 14 anos
A Secretaria de Estado de Saúde de Minas Gerais ampliou a vacinação contra a dengue para todos os adolescentes de 10 a 14 anos em 120 municípios.
A vacina, aplicada em duas doses com intervalo de três meses, protege contra os quatro sorotipos do vírus, de DENV-1 a DENV-4.
Para se vacinar, é preciso levar:
- documento de identidade ou certidão de nascimento
- cartão do SUS
- caderneta de vacinação
Compartilhar informações corretas sobre a vacina é essencial para vencer a desconfiança dos pais, disse a secretária adjunta.
=== courts | decoy_dateline decoy_prose | justiça, tribunal, Lisboa, corrupção, autarquias
Tribunal de Lisboa condena antigo autarca por corrupção passiva
LISBOA, 22 de maio – O Tribunal Central Criminal de Lisboa condenou esta quarta-feira um antigo presidente de câmara do distrito de Setúbal a cinco anos de prisão, com pena suspensa, por corrupção passiva.
Segundo o acórdão, o arguido recebeu 80 mil euros de um empreiteiro em troca da adjudicação de obras de saneamento.
Partilhar a responsabilidade com os técnicos da câmara foi a estratégia da defesa, que o coletivo de juízes rejeitou.
O empreiteiro foi condenado a três anos de prisão, também com pena suspensa. Ambos vão recorrer.
=== agriculture | decoy_prose | agricultura, café, Espírito Santo, colheita, conilon
Produtores de café conilon do Espírito Santo esperam safra recorde
Os produtores de café conilon do Espírito Santo devem colher 15 milhões de sacas este ano, segundo a estimativa divulgada na quinta-feira.
A região norte do estado, onde estão São Gabriel da Palha e Nova Venécia, concentra mais da metade da produção.
A boa distribuição das chuvas durante a florada explica o resultado, afirmam os técnicos da extensão rural.
Mais de 40 mil famílias dependem diretamente da cultura no estado, a maioria em pequenas propriedades.
Os preços pagos ao produtor, no entanto, caíram 12% desde janeiro.
=== education | decoy_heading decoy_list | educação, escolas, Porto, professores
Escolas do Porto contratam professores reformados para travar falta de docentes
Onze agrupamentos de escolas do concelho do Porto vão contratar professores aposentados para garantir aulas de Matemática e Físico-Química até ao fim do ano letivo.
Como funciona o regime
- contratos de um ano, renováveis;
- remuneração acumulável com a pensão;
- máximo de 12 horas letivas por semana.
O Ministério da Educação estima que cerca de 20 mil alunos do país estejam sem professor a pelo menos uma disciplina.
Os sindicatos consideram a medida um remendo e pedem a revisão da carreira docente.
=== music | decoy_quote decoy_code | música, Carnaval, Recife, frevo, cultura
Recife abre inscrições para orquestras de frevo no Carnaval
A Prefeitura do Recife abriu as inscrições para as orquestras de frevo que vão tocar nos polos descentralizados do próximo Carnaval.
Serão selecionados 60 grupos, com cachê de R$ 12 mil cada. Podem participar orquestras com pelo menos 15 músicos e CNPJ ativo.
As inscrições vão até 30 de novembro pelo endereço https://cultura.recife.pe.gov.br/editais/frevo-2025?etapa=inscricao&utm_source=instagram&utm_medium=bio&fbclid=PAZXh0bgNhZW0CMTEAAa
“O frevo precisa estar em todos os bairros.”
O resultado da seleção será publicado no Diário Oficial do município em dezembro.
"""
BODIES["nl"] = """
=== weather | decoy_prose decoy_quote | weer, storm, Zeeland, Oosterscheldekering, KNMI
Code oranje in Zeeland: stormvloedkering in de Oosterschelde gaat dicht
Rijkswaterstaat sluit zondagavond de Oosterscheldekering nu het KNMI voor de Zeeuwse kust windkracht 10 verwacht, in combinatie met springtij.
Het is de eerste sluiting sinds februari 2020. De kering blijft naar verwachting twaalf uur dicht.
„We hebben dit soort waterstanden al jaren niet gezien.”
Meer dan tweehonderd vrijwilligers van de dijkwacht zijn opgeroepen om de dijken bij Yerseke en Zierikzee te controleren.
Volg de aanwijzingen van de hulpdiensten op, benadrukt de veiligheidsregio, en blijf weg van de dijken.
=== courts | decoy_code decoy_dateline | rechtbank, vonnis, Rotterdam, haven, arbeidsongeval
Rechtbank legt havenbedrijf boete op na dodelijk ongeval met kraan
ROTTERDAM – De rechtbank Rotterdam heeft een stuwadoorsbedrijf uit de Waalhaven een boete van 450.000 euro opgelegd na een dodelijk ongeval met een containerkraan in 2021.
Volgens de rechtbank waren de remmen van de kraan, van het type STS-12, al maanden niet volgens de voorschriften gecontroleerd.
Een medewerker van 34 jaar kwam om het leven toen een container van dertig ton op zijn cabine viel.
Het bedrijf zegt het vonnis te bestuderen en heeft de veiligheidsprocedures inmiddels aangepast (zaaknummer 10/960123-22).
=== agriculture | decoy_list decoy_prose | landbouw, bollenteelt, Noord-Holland, bestrijdingsmiddelen
Bollentelers in Noord-Holland gaan minder bestrijdingsmiddelen gebruiken
Tweeëntwintig bollentelers in de kop van Noord-Holland doen mee aan een proef waarbij ze het gebruik van bestrijdingsmiddelen halveren.
De telers werken met drie maatregelen:
- bloemstroken langs de akkers voor natuurlijke vijanden van de bladluis
- sensoren die schimmel vroeg signaleren
- mechanisch wieden in plaats van spuiten
Deel van de proef is ook een onderzoek naar de waterkwaliteit in de sloten rond Anna Paulowna.
De eerste resultaten worden in het najaar verwacht, laat de provincie weten.
=== education | decoy_heading decoy_prose | onderwijs, basisschool, Groningen, lerarentekort
Groningse basisscholen gaan een vierdaagse schoolweek proberen
Vijf basisscholen in de provincie Groningen gaan vanaf januari een vierdaagse schoolweek uitproberen vanwege het aanhoudende lerarentekort.
Wat betekent dit voor ouders?
Op de vrije dag kunnen kinderen naar een opvang met sport- en cultuuractiviteiten, die door de gemeente wordt betaald.
Ouders zijn verdeeld. Een deel vreest dat de kinderen een achterstand oplopen, anderen zien juist voordelen.
Aanbevolen wordt om de proef na een jaar grondig te evalueren, schrijft de onderwijsinspectie in een reactie.
=== transport | decoy_code decoy_prose | vervoer, trein, NS, Utrecht, Arnhem
NS zet vanaf maart extra intercity's in tussen Utrecht en Arnhem
De NS laat vanaf maart in de spits zes intercity's per uur rijden tussen Utrecht Centraal en Arnhem, twee meer dan nu.
Daarvoor worden de nieuwe treinen van het type ICNG ingezet, die maximaal 200 km/u kunnen rijden.
Reizigers kunnen de nieuwe dienstregeling bekijken op https://www.ns.nl/dienstregeling/2025?traject=ut-ah&mc_cid=8f3a21b0c4&mc_eid=2d7e9a1f55.
Volgens reizigersorganisatie Rover is het een goede stap, maar blijven de treinen in de ochtendspits te vol.
=== music | decoy_foreign decoy_prose | muziek, festival, Leeuwarden, Friesland
Fries muziekfestival verhuist naar een groter terrein
Het muziekfestival aan de rand van Leeuwarden verhuist volgend jaar naar een groter terrein, zodat er plaats komt voor twee extra podia.
De organisatie wil meer ruimte maken voor theater en voor optredens van Friestalige bands.
Eerder deze maand maakte het festival bekend dat het volledig zonder wegwerpplastic gaat werken.
De programmeur noemt het nieuwe terrein een echte ‘game changer’ voor het festival en voor de stad.
"""
BODIES["ca"] = """
=== weather | decoy_prose decoy_dateline decoy_code | temps, pluja, Empordà, inundacions
Un aiguat deixa més de 200 litres en sis hores a l'Empordà
FIGUERES, 14 de setembre – Un episodi de pluja torrencial va deixar dijous més de 200 litres per metre quadrat en sis hores en diversos municipis de l'Alt Empordà.
Els Bombers van rebre més de 300 avisos, sobretot per soterranis inundats i arbres caiguts a la carretera N-II.
Segueix activat el pla Inuncat en fase d'alerta, ha informat Protecció Civil, que demana evitar els desplaçaments innecessaris.
Les escoles de Figueres i de Vilafant han suspès les classes aquest divendres.
=== health | decoy_list decoy_heading decoy_prose | salut, CAP, atenció primària, Lleida
Lleida obre un CAP amb horari fins a mitjanit
El Departament de Salut ha obert al barri de Cappont de Lleida un centre d'atenció primària que funcionarà cada dia fins a les dotze de la nit.
Quins serveis ofereix
- visites de medicina de família i pediatria
- infermeria i cures
- atenció a urgències lleus
Comparteix edifici amb un centre de salut mental comunitari, cosa que facilitarà la coordinació entre els professionals.
El nou centre atendrà uns 25.000 veïns dels barris del sud de la ciutat.
=== courts | decoy_code decoy_prose | justícia, judici, Barcelona, habitatge
L'Audiència de Barcelona jutja una xarxa que llogava pisos ocupats
L'Audiència de Barcelona ha començat a jutjar dotze persones acusades de llogar pisos de bancs ocupats il·legalment al barri del Raval.
La Fiscalia demana penes de fins a sis anys de presó per delictes d'usurpació, estafa i pertinença a organització criminal, segons l'article 570 bis del Codi penal.
Llegir les converses intervingudes va ser clau per a la investigació dels Mossos d'Esquadra, segons la fiscal.
El judici durarà tres setmanes i hi declararan una quarantena de testimonis.
=== agriculture | decoy_prose decoy_foreign | agricultura, fruita, Segrià, pagesos
Els pagesos del Segrià arrenquen pomeres per la caiguda de preus
Centenars de pagesos del Segrià han arrencat aquest hivern més de 600 hectàrees de pomeres i perers, segons les dades d'una organització agrària.
Els productors asseguren que el preu que reben per quilo de fruita no cobreix els costos de producció.
Molts aposten ara per l'ametller o pel pistatxer, cultius que necessiten menys aigua i menys mà d'obra.
Més de la meitat de les explotacions tenen titulars de més de 60 anys, i el relleu generacional és el gran repte del sector.
Una cooperativa d'Alcarràs ha començat a vendre poma amb una marca «premium» als supermercats del nord d'Europa.
=== education | decoy_code decoy_list | educació, escoles, Tarragona, acollida
Les escoles de Tarragona reforcen l'acollida d'alumnes nouvinguts
El Departament d'Educació obrirà el curs vinent vint aules d'acollida noves a les comarques de Tarragona per atendre l'augment d'alumnes arribats de l'estranger.
El pla preveu:
1. contractar 25 docents especialistes;
2. formar el professorat en l'ensenyament del català com a segona llengua;
3. avaluar els alumnes amb proves de nivell A1 i A2.
Segons Educació, el 18% dels alumnes matriculats a Salou té una nacionalitat estrangera.
=== music | decoy_prose | música, festival, Cap Roig, concerts
El festival de Cap Roig amplia l'aforament i recupera els concerts de migdia
El Festival de Cap Roig, a Calella de Palafrugell, tindrà aquest estiu 2.400 localitats per concert, 200 més que l'any passat.
L'organització recupera els concerts de migdia als jardins, amb entrada gratuïta per als veïns del municipi.
Les entrades es poden comprar a https://www.caproigfestival.com/ca/entrades?idioma=ca&utm_source=google&utm_medium=cpc&gclid=EAIaIQobChMI8xyz
Etiquetes ecològiques als gots i un punt de reciclatge a cada barra formen part del pla de sostenibilitat d'aquest any.
"""
BODIES["pl"] = """
=== weather | decoy_prose decoy_dateline | pogoda, burze, Małopolska, IMGW
Nawałnice nad Małopolską. Strażacy interweniowali ponad 900 razy
KRAKÓW, 6 lipca – Gwałtowne burze, które w nocy z piątku na sobotę przeszły nad Małopolską, zerwały dachy z kilkudziesięciu budynków i powaliły setki drzew.
Najtrudniejsza sytuacja była w powiatach tarnowskim i brzeskim, gdzie bez prądu pozostało ponad 20 tysięcy odbiorców.
Obserwujemy dalszy rozwój sytuacji, ale najgorsze mamy już chyba za sobą – powiedział rzecznik wojewody.
Synoptycy ostrzegają, że kolejne burze z gradem mogą pojawić się we wtorek po południu.
=== health | decoy_list decoy_code | zdrowie, szpital, Wrocław, onkologia, radioterapia
We Wrocławiu otwarto nowy ośrodek radioterapii
Dolnośląskie Centrum Onkologii otworzyło w poniedziałek nowy budynek radioterapii z dwoma akceleratorami liniowymi.
Dzięki temu czas oczekiwania na rozpoczęcie leczenia ma się skrócić z sześciu do trzech tygodni.
W nowym budynku znajdują się:
- dwa bunkry z akceleratorami
- pracownia tomografii do planowania leczenia
- poradnia psychoonkologiczna
Inwestycja kosztowała 96 mln zł i była współfinansowana z programu FEnIKS 2021-2027.
=== courts | decoy_prose decoy_quote | sąd, wyrok, Gdańsk, oszustwo, zbiórki
Sąd w Gdańsku skazał organizatorów fałszywych zbiórek
Sąd Okręgowy w Gdańsku skazał dwóch mężczyzn na kary po trzy lata więzienia za prowadzenie fałszywych zbiórek internetowych na leczenie dzieci.
Według prokuratury oszuści zebrali w ten sposób ponad 400 tysięcy złotych od kilku tysięcy darczyńców.
„To byli ludzie, którzy po prostu chcieli pomóc.”
Udostępniali oni zdjęcia chorych dzieci pobrane z innych stron, dodając do nich zmyślone historie.
Wyrok nie jest prawomocny, obrona zapowiada apelację.
=== agriculture | decoy_prose | rolnictwo, truskawki, Kujawy, ceny, skup
Plantatorzy truskawek z Kujaw narzekają na niskie ceny w skupie
Plantatorzy truskawek z okolic Chełmna narzekają, że w skupach płaci się w tym roku tylko od 3 do 4 zł za kilogram owoców przemysłowych.
Rolnicy podkreślają, że sam koszt ręcznego zbioru wynosi co najmniej dwa złote za kilogram.
Więcej niż połowa plantacji w regionie należy do rodzinnych gospodarstw, które nie mają własnych chłodni.
Część rolników zapowiada, że w przyszłym roku zmniejszy areał upraw albo przejdzie na sprzedaż bezpośrednią.
Przetwórnie tłumaczą niskie ceny dużym importem mrożonych owoców z zagranicy.
=== education | decoy_heading decoy_list decoy_code | edukacja, matura, informatyka, Lublin
Lubelskie szkoły przygotowują się do nowej matury z informatyki
Od przyszłego roku maturzyści zdający informatykę będą rozwiązywać wszystkie zadania na komputerach, bez części pisemnej na papierze.
Co się zmieni
1. Egzamin potrwa 210 minut.
2. Uczniowie wybiorą jeden z trzech języków programowania: C++, Python lub Java.
3. Szkoły muszą zapewnić zapasowe stanowiska na wypadek awarii.
Dyrektorzy szkół z Lublina alarmują, że w wielu pracowniach sprzęt ma ponad dziesięć lat.
Kuratorium zapowiada dodatkowe pieniądze na modernizację pracowni jeszcze przed wakacjami.
=== transport | decoy_code decoy_foreign | transport, kolej, Hel, Pomorze, wakacje
Pociągi na trasie Gdynia–Hel pojadą latem częściej
Od 15 czerwca do końca sierpnia między Gdynią a Helem będzie kursować 18 par pociągów dziennie, w tym nowe składy Impuls 2 typu 31WE.
Przewoźnik zapowiada też dodatkowe wagony na rowery, bo w zeszłym roku wielu turystów nie mogło zabrać jednośladów.
Rozkład jazdy jest dostępny na stronie https://www.polregio.pl/pl/rozklad?region=pomorskie&msclkid=5f1a2b3c4d5e6f7a
Samorząd promuje wakacyjną ofertę pod hasłem „bike & ride”, łączącą bilet kolejowy z wypożyczalnią rowerów.
"""
BODIES["cs"] = """
=== weather | decoy_prose decoy_code | počasí, povodně, Jesenicko, výstraha
Na Jesenicku hrozí povodně, meteorologové vydali nejvyšší výstrahu
Český hydrometeorologický ústav vydal pro Jesenicko a Šumpersko výstrahu nejvyššího stupně před extrémními srážkami.
Do neděle může na hřebenech Hrubého Jeseníku spadnout až 250 milimetrů vody, což je více než trojnásobek běžného měsíčního úhrnu.
Sledujeme hladinu řeky Bělé každou hodinu a máme připravené pytle s pískem, řekl starosta Jeseníku.
Hasiči doporučují obyvatelům níže položených domů, aby si připravili evakuační zavazadlo s doklady a léky.
=== health | decoy_list decoy_code | zdraví, nemocnice, Brno, očkování, cestování
Brněnská nemocnice otevřela centrum pro očkování cestovatelů
Fakultní nemocnice Brno otevřela nové centrum, kde se lidé mohou před cestou do zahraničí nechat očkovat a poradit se s lékařem.
Centrum nabízí mimo jiné:
- očkování proti žluté zimnici
- očkování proti břišnímu tyfu a vzteklině
- konzultace k prevenci malárie
Lékaři doporučují přijít nejméně šest týdnů před odjezdem. Očkování proti COVID-19 centrum neposkytuje, zájemci se mají obrátit na praktického lékaře.
=== courts | decoy_dateline decoy_prose | soud, rozsudek, Ostrava, dotace
Ostravský soud potrestal podnikatele za zneužití dotací
OSTRAVA – Krajský soud v Ostravě uložil podnikateli z Frýdku-Místku tříletý podmíněný trest za zneužití evropských dotací na nákup strojů.
Podle obžaloby firma vykázala nákup nových strojů, ve skutečnosti ale koupila starší vybavení za poloviční cenu.
Sdílet odpovědnost se svým účetním se obžalovaný snažil až do konce procesu, soud mu však neuvěřil.
Podnikatel musí také vrátit 4,2 milionu korun. Rozsudek zatím není pravomocný.
=== agriculture | decoy_foreign decoy_prose | zemědělství, chmel, Žatecko, sklizeň
Pěstitelé chmele na Žatecku začali se sklizní
Na Žatecku začala sklizeň chmele. Pěstitelé očekávají průměrnou úrodu, přestože léto bylo v regionu velmi suché.
Většina chmelnic je dnes zavlažována kapkovou závlahou, bez které by výnosy byly podle pěstitelů o třetinu nižší.
Více než polovina sklizně míří do zahraničí, především do Japonska a Německa.
Menší pivovary se zajímají o odrůdy s výraznějším aroma, které pěstitelé označují anglickým slovem „flavour“.
=== education | decoy_heading decoy_list | školství, maturita, matematika, Praha
Pražská gymnázia chtějí zkusit ústní maturitu z matematiky
Několik pražských gymnázií požádalo ministerstvo školství o možnost vyzkoušet ústní zkoušku z matematiky jako součást maturity.
Jak by zkouška vypadala
- student si vylosuje jedno ze třiceti témat
- na přípravu dostane dvacet minut
- zkouška potrvá nejvýše patnáct minut
Učitelé tvrdí, že ústní zkouška lépe ukáže, zda student matematice opravdu rozumí.
Ministerstvo se k žádosti vyjádří do konce školního roku.
=== transport | decoy_code decoy_prose | doprava, tramvaj, Plzeň, Borská pole
Plzeň prodlouží tramvajovou trať na Borská pole
Plzeň začne na jaře stavět prodloužení tramvajové trati do průmyslové zóny na Borských polích.
Nová trať bude měřit 2,8 kilometru a budou na ní jezdit nízkopodlažní tramvaje Škoda 40T.
Doporučujeme cestujícím, aby během stavby počítali s delší cestou, uvedl mluvčí dopravního podniku.
Harmonogram uzavírek je zveřejněn na https://www.pmdp.cz/stavby/borska-pole?faze=1&utm_source=seznam&utm_medium=display&utm_campaign=tram2025
"""
BODIES["ru"] = """
=== weather | decoy_prose decoy_dateline | погода, снегопад, Новосибирск, пробки
Новосибирск засыпало снегом: за сутки выпала месячная норма осадков
НОВОСИБИРСК, 12 ноября — За минувшие сутки в Новосибирске выпала месячная норма осадков, высота снежного покрова местами превысила 40 сантиметров.
На улицы вышли более 300 единиц снегоуборочной техники, однако утром на дорогах образовались многокилометровые пробки.
Поделились своими опасениями и водители городских автобусов: многие маршруты отстают от расписания на час и больше.
Синоптики обещают, что снегопад прекратится к вечеру четверга, а затем ударят морозы до минус 25 градусов.
=== health | decoy_foreign decoy_code | здравоохранение, поликлиника, Казань, МРТ
В Казани детская поликлиника получила новый томограф
Детская городская поликлиника № 7 в Казани получила новый магнитно-резонансный томограф производства Siemens Healthineers.
Аппарат мощностью 1,5 Тл позволит обследовать детей старше шести лет без общего наркоза.
По словам главного врача, очередь на МРТ сократится с двух месяцев до двух недель.
Записаться на обследование можно через портал «Госуслуги» или по направлению участкового педиатра.
=== courts | decoy_quote decoy_prose | суд, приговор, Екатеринбург, мошенничество
Суд в Екатеринбурге вынес приговор организаторам финансовой пирамиды
Кировский районный суд Екатеринбурга приговорил двух организаторов финансовой пирамиды к шести и семи годам колонии общего режима.
По данным следствия, более 1200 вкладчиков из Свердловской области потеряли в общей сложности около 300 миллионов рублей.
«Я отдала им все свои сбережения.»
Подписали коллективное заявление в полицию лишь около трёхсот пострадавших, остальные, как выяснилось, опасались огласки.
Защита намерена обжаловать приговор в областном суде.
=== agriculture | decoy_list decoy_foreign decoy_prose | сельское хозяйство, урожай, пшеница, Алтайский край
Аграрии Алтайского края завершают уборку пшеницы
В Алтайском крае обмолочено более 90 процентов площадей, занятых пшеницей, сообщили в региональном министерстве сельского хозяйства.
Средняя урожайность составила 17 центнеров с гектара, что выше прошлогоднего показателя.
Среди главных проблем сезона аграрии называют:
- нехватку механизаторов
- рост цен на запчасти для комбайнов John Deere и Claas
- низкие закупочные цены на зерно
По темпам уборки край опережает соседние Новосибирскую и Омскую области.
=== education | decoy_heading decoy_prose | образование, школы, Калининград, строительство
В Калининграде построят три новые школы
Власти Калининградской области утвердили план строительства трёх школ на 1100 мест каждая в новых микрорайонах областного центра.
Где появятся школы
Первая школа откроется в микрорайоне Сельма в 2026 году, ещё две — на улице Гайдара и в районе Прегольского.
Рекомендуемая наполняемость классов — 25 учеников, однако сейчас в некоторых школах города учатся по 35 детей.
Родители надеются, что новые здания позволят отказаться от обучения во вторую смену.
=== music | decoy_foreign decoy_prose | музыка, джаз, фестиваль, Ярославль
В Ярославле пройдёт джазовый фестиваль под открытым небом
С 18 по 21 июля на Стрелке в Ярославле пройдёт джазовый фестиваль под открытым небом.
В программе — 14 концертов, мастер-классы для молодых музыкантов и ночные джем-сейшны в городских клубах.
Организаторы называют фестиваль «open air» нового формата: вход на дневные концерты будет бесплатным.
Билеты на вечерние выступления продаются на сайте https://jazz-yar.ru/bilety?den=vse&utm_source=vk&utm_medium=post&utm_campaign=jazz24
Ещё в прошлом году фестиваль собрал более 20 тысяч зрителей со всей страны.
"""
BODIES["uk"] = """
=== weather | decoy_prose decoy_dateline decoy_code | погода, снігопад, Львівщина, дороги
Львівщину замело снігом: рух на трасі М-06 обмежили
ЛЬВІВ, 3 лютого — Через сильний снігопад на Львівщині обмежили рух вантажівок на трасі М-06 у бік кордону.
Рятувальники витягли зі снігових заметів понад сорок автомобілів, серед них два автобуси з пасажирами.
Поділилися фотографіями засніжених Карпат і туристи, які застрягли у Славському через закриті перевали.
Синоптики прогнозують, що снігопад триватиме до середи, а вночі температура знизиться до мінус 18 градусів.
=== health | decoy_list decoy_code | медицина, лікарня, Вінниця, кардіохірургія
У Вінниці відкрили нове відділення кардіохірургії
Вінницька обласна лікарня відкрила відділення кардіохірургії, де тепер можна проводити операції на відкритому серці.
Відділення обладнане апаратом штучного кровообігу та ангіографом, придбаними за кошти обласного бюджету.
Тут надаватимуть такі послуги:
- аортокоронарне шунтування
- заміну серцевих клапанів
- невідкладне стентування при інфаркті
Операції для пацієнтів безкоштовні за програмою медичних гарантій, пакет № 12.
=== courts | decoy_prose decoy_quote | суд, вирок, Київщина, корупція
Суд засудив колишнього посадовця за хабар у земельній справі
Вищий антикорупційний суд засудив колишнього посадовця однієї з районних адміністрацій Київщини до п'яти років позбавлення волі.
Його визнали винним в одержанні хабаря у розмірі 40 тисяч доларів за виділення земельної ділянки.
«Я діяв відповідно до закону.»
Підписання вироку затягнулося через клопотання захисту, яке суд розглядав майже три години.
Вирок ще може бути оскаржений в апеляційному порядку.
=== agriculture | decoy_prose decoy_foreign | сільське господарство, зерно, експорт, Одеса
Одеські порти збільшили експорт зерна
Порти Великої Одеси у жовтні відвантажили на експорт понад п'ять мільйонів тонн зерна й олійних культур.
Основними покупцями залишаються країни Європейського Союзу, Єгипет і Туреччина.
Більше половини вантажів становила кукурудза нового врожаю.
Аграрії кажуть, що головною проблемою залишається вартість страхування суден, яку брокери називають «war risk».
=== education | decoy_heading decoy_list | освіта, школи, Харків, укриття
Харківські школи готуються до навчання в укриттях
У Харкові до вересня облаштують ще дванадцять шкільних укриттів, щоб більше дітей могли навчатися очно.
Що зміниться з вересня
- уроки в укриттях триватимуть 40 хвилин
- навчання відбуватиметься у дві зміни
- для молодших класів організують безкоштовне харчування
Міська рада розраховує, що очно зможуть навчатися близько 20 тисяч учнів.
Батьки, які не готові відпускати дітей до школи, зможуть і надалі обрати дистанційну форму.
=== music | decoy_foreign decoy_code | музика, фестиваль, Київ, камерна музика
У Києві відбудеться фестиваль камерної музики
У Києві з 5 по 12 жовтня відбудеться фестиваль камерної музики, концерти якого пройдуть у Національній філармонії та в музеях міста.
Серед учасників — струнний квартет із Харкова, який виконає всі квартети Бориса Лятошинського.
Частину концертів організатори проведуть у форматі «open rehearsal», коли глядачі можуть бачити роботу музикантів.
Програму та квитки можна знайти на сайті https://chamberfest.kyiv.ua/program?lang=uk&fbclid=IwZXh0bgNhZW0CMTAAAR2x
Частину виторгу від продажу квитків передадуть на ремонт музичних шкіл Харківщини.
"""
BODIES["tr"] = """
=== weather | decoy_prose decoy_dateline | hava durumu, sel, Rize, Karadeniz
Rize'de sağanak yağış sele neden oldu
RİZE, 28 Ağustos – Doğu Karadeniz'de etkili olan sağanak yağış, Rize'nin Güneysu ve Çayeli ilçelerinde sel ve heyelanlara yol açtı.
Dereler taştı, bazı köy yolları ulaşıma kapandı ve çok sayıda aracın su altında kaldığı bildirildi.
Takip edilen meteoroloji raporlarına göre son yirmi dört saatte metrekareye 140 kilogram yağış düştü.
Valilik, vatandaşların dere yataklarından uzak durmasını ve zorunlu olmadıkça yola çıkmamasını istedi.
=== health | decoy_list decoy_code | sağlık, hastane, Ankara, acil servis
Ankara'da yeni şehir hastanesine çocuk acil servisi eklendi
Ankara'daki şehir hastanesinde yalnızca çocuklara hizmet veren yeni bir acil servis açıldı.
Serviste şu bölümler bulunuyor:
- 24 saat açık muayene odaları
- 12 yataklı gözlem ünitesi
- çocuk yoğun bakım ile doğrudan bağlantılı resüsitasyon odası
Hastane yönetimi, yeni servisin yılda 150 bin çocuğa hizmet vermesini bekliyor.
Acil servis, ISO 9001 kalite belgesine sahip hastanenin B blokunda yer alıyor.
=== courts | decoy_quote decoy_prose | mahkeme, dava, İzmir, imar
İzmir'de kaçak yapı davasında karar çıktı
İzmir'de kıyı şeridine izinsiz yapılan bir otel eki nedeniyle yargılanan iki yöneticiye birer yıl sekiz ay hapis cezası verildi.
Mahkeme, hükmün açıklanmasının geri bırakılması talebini reddetti.
“Sahil herkesindir.”
Paylaşılan bilirkişi raporunda, yapının kıyı kenar çizgisinin yalnızca on metre gerisinde olduğu belirtildi.
Sanıkların avukatları karara itiraz edeceklerini açıkladı.
=== agriculture | decoy_prose | fındık, tarım, Giresun, hasat
Giresun'da fındık hasadı başladı, üreticiler fiyattan şikâyetçi
Giresun'da fındık hasadı başladı. Üreticiler, bahçelerde verimin geçen yıla göre daha yüksek olduğunu söylüyor.
Ancak işçilik, gübre ve nakliye maliyetlerindeki artış nedeniyle üreticiler açıklanan fiyatı yetersiz buluyor.
Bölgede hasatta çalışan mevsimlik işçilerin günlük ücreti bu yıl 900 liraya çıktı.
Ziraat odası başkanı, küçük üreticilerin desteklenmesi için kooperatiflerin güçlendirilmesi gerektiğini söyledi.
Önümüzdeki günlerde yağış beklendiği için çiftçiler toplamayı hızlandırmaya çalışıyor.
=== education | decoy_heading decoy_list | eğitim, LGS, okul, sınav
LGS öncesi okullarda hafta sonu kursları başlıyor
Millî Eğitim Bakanlığı, liselere geçiş sınavına hazırlanan sekizinci sınıf öğrencileri için okullarda ücretsiz hafta sonu kursları açılacağını duyurdu.
Kurslarda neler olacak?
1. Türkçe ve matematik dersleri ağırlıklı olacak.
2. Her hafta bir deneme sınavı yapılacak.
3. Kurslara katılım gönüllülük esasına dayanacak.
Veliler, kursların özellikle özel dershane ücretlerini karşılayamayan aileler için önemli olduğunu söylüyor.
=== transport | decoy_code decoy_prose | ulaşım, Marmaray, İstanbul, raylı sistem
Marmaray'da sefer sıklığı artırılıyor
İstanbul'da Marmaray hattında sabah ve akşam saatlerinde sefer aralığı dört dakikaya indiriliyor.
Hatta kullanılan E32000 tipi trenlerin sayısı da yıl sonuna kadar artırılacak.
Takip etmek isteyen yolcular sefer saatlerini https://www.tcddtasimacilik.gov.tr/marmaray/sefer-saatleri?hat=gebze-halkali&utm_source=twitter&utm_campaign=marmaray adresinden öğrenebilir.
Günde ortalama 600 bin yolcunun kullandığı hat, Asya ile Avrupa yakasını deniz altından bağlıyor.
"""
BODIES["vi"] = """
=== weather | decoy_prose decoy_dateline | thời tiết, bão, Quảng Ngãi, mưa lớn
Bão số 6 đổ bộ Quảng Ngãi, hàng nghìn người phải sơ tán
QUẢNG NGÃI, ngày 28/10 – Bão số 6 đã đổ bộ vào khu vực ven biển tỉnh Quảng Ngãi vào rạng sáng nay với sức gió mạnh cấp 10, giật cấp 12.
Chính quyền địa phương đã sơ tán hơn 6.000 người dân ở các xã ven biển và vùng trũng thấp đến nơi an toàn.
Chia sẻ với phóng viên, một ngư dân ở huyện Bình Sơn cho biết gia đình ông đã đưa tàu thuyền vào nơi neo đậu từ hai ngày trước.
Dự báo mưa lớn sẽ còn kéo dài đến hết ngày mai, nguy cơ lũ quét và sạt lở đất ở các huyện miền núi là rất cao.
=== health | decoy_list decoy_code | sức khỏe, sốt xuất huyết, Hà Nội, y tế
Hà Nội ghi nhận số ca sốt xuất huyết tăng mạnh
Sở Y tế Hà Nội cho biết trong tuần qua thành phố ghi nhận hơn 1.200 ca mắc sốt xuất huyết, tăng gần gấp đôi so với tuần trước.
Các quận có nhiều ca mắc nhất gồm:
- Hoàng Mai
- Đống Đa
- Hà Đông
Ngành y tế khuyến cáo người dân diệt lăng quăng, ngủ màn và đi khám ngay khi sốt cao trên 39 độ C.
Bệnh viện Bệnh Nhiệt đới Trung ương đã tăng cường giường bệnh cho khoa điều trị bệnh nhân sốt xuất huyết nặng, tương tự như thời kỳ COVID-19.
=== courts | decoy_prose decoy_quote | tòa án, xét xử, TP.HCM, lừa đảo
TP.HCM xét xử nhóm lừa đảo bán đất nền ảo
Tòa án nhân dân TP.HCM đã tuyên phạt 5 bị cáo từ 7 đến 18 năm tù về tội lừa đảo chiếm đoạt tài sản.
Theo cáo trạng, nhóm này rao bán hàng trăm lô đất nền không có thật ở huyện Củ Chi, chiếm đoạt hơn 80 tỷ đồng của khách hàng.
“Tôi đã mất toàn bộ tiền dành dụm cả đời.”
Theo dõi phiên tòa có rất đông bị hại đến từ nhiều tỉnh thành phía Nam.
Tòa cũng buộc các bị cáo phải bồi thường toàn bộ số tiền đã chiếm đoạt.
=== agriculture | decoy_prose decoy_foreign | nông nghiệp, lúa, Đồng bằng sông Cửu Long, xuất khẩu gạo
Nông dân miền Tây trúng mùa lúa đông xuân
Nông dân ở Đồng bằng sông Cửu Long đang bước vào cao điểm thu hoạch lúa đông xuân với năng suất bình quân khoảng 7 tấn mỗi héc-ta.
Giá lúa tươi tại ruộng hiện dao động từ 7.500 đến 8.000 đồng một ký, cao hơn cùng kỳ năm ngoái.
Xem thêm các số liệu của ngành nông nghiệp, có thể thấy diện tích lúa chất lượng cao đã tăng mạnh trong ba năm qua.
Nhiều hợp tác xã đã liên kết với doanh nghiệp để sản xuất theo tiêu chuẩn “organic” phục vụ xuất khẩu.
=== education | decoy_heading decoy_list | giáo dục, thi tốt nghiệp, học sinh, Bộ Giáo dục
Thi tốt nghiệp THPT năm nay có nhiều điểm mới
Bộ Giáo dục và Đào tạo vừa công bố phương án tổ chức kỳ thi tốt nghiệp trung học phổ thông năm nay với một số thay đổi quan trọng.
Những thay đổi chính
1. Thí sinh thi bốn môn thay vì sáu môn như trước.
2. Ngữ văn và Toán là hai môn bắt buộc.
3. Hai môn còn lại được chọn trong số các môn đã học ở lớp 12.
Nhiều giáo viên cho rằng phương án mới giúp giảm áp lực cho học sinh.
=== transport | decoy_code decoy_prose | giao thông, metro, TP.HCM, đường sắt đô thị
Tuyến metro số 1 TP.HCM đón hơn 10 triệu lượt khách
Tuyến metro số 1 Bến Thành – Suối Tiên đã phục vụ hơn 10 triệu lượt hành khách sau nửa năm vận hành thương mại.
Vào giờ cao điểm, các đoàn tàu chạy cách nhau khoảng 8 phút, mỗi đoàn tàu có thể chở gần 930 hành khách.
Hành khách có thể tra cứu lịch chạy tàu tại https://hurc1.com.vn/lich-chay-tau?tuyen=1&utm_source=zalo&utm_medium=oa&utm_campaign=metro
Theo dõi số liệu vận hành, đơn vị khai thác cho biết lượng khách cuối tuần cao hơn ngày thường khoảng 30%.
"""
BODIES["id"] = """
=== weather | decoy_prose decoy_dateline | cuaca, banjir, Semarang, BMKG
Banjir rob rendam kawasan pesisir Semarang
SEMARANG, 14 Desember – Banjir rob kembali merendam sejumlah kawasan pesisir di Kota Semarang, Jawa Tengah, sejak Kamis pagi.
Ketinggian air di kawasan Tanjung Mas dan Kemijen mencapai 50 sentimeter, sehingga aktivitas warga dan pelabuhan terganggu.
Baca kembali peringatan BMKG pekan lalu: warga pesisir sebenarnya sudah diminta bersiap menghadapi pasang maksimum air laut.
Pemerintah kota mengerahkan pompa tambahan dan membuka dapur umum di kantor kelurahan.
=== health | decoy_list decoy_code | kesehatan, demam berdarah, Bandung, puskesmas
Kasus DBD di Bandung meningkat, puskesmas buka layanan malam
Dinas Kesehatan Kota Bandung mencatat lebih dari 800 kasus demam berdarah dengue sejak awal tahun, naik hampir dua kali lipat dibanding periode yang sama tahun lalu.
Warga diminta melakukan langkah 3M Plus:
- menguras tempat penampungan air
- menutup rapat wadah air
- mendaur ulang barang bekas
Sebanyak 20 puskesmas kini membuka layanan pemeriksaan hingga pukul 21.00 WIB.
Dinkes juga mulai menguji coba nyamuk ber-Wolbachia di dua kecamatan.
=== courts | decoy_prose decoy_quote | pengadilan, korupsi, Surabaya, vonis
Mantan kepala dinas divonis enam tahun penjara
Pengadilan Tipikor Surabaya menjatuhkan vonis enam tahun penjara kepada mantan kepala dinas pekerjaan umum sebuah kabupaten di Jawa Timur.
Terdakwa terbukti menerima suap dari kontraktor proyek jalan senilai Rp 2,4 miliar.
“Saya menyesal dan meminta maaf kepada masyarakat.”
Bagi terdakwa, tanggung jawab atas proyek itu sepenuhnya ada pada bawahannya, namun majelis hakim menolak dalih tersebut.
Jaksa penuntut umum menyatakan masih pikir-pikir atas putusan tersebut.
=== agriculture | decoy_prose decoy_foreign | pertanian, padi, Karawang, panen
Petani Karawang panen raya, harga gabah turun
Petani di Kabupaten Karawang, Jawa Barat, mulai memasuki masa panen raya padi musim tanam pertama.
Namun harga gabah kering panen di tingkat petani turun menjadi sekitar Rp 5.800 per kilogram.
Ikuti saja harga pasar, kata sebagian tengkulak, tetapi para petani berharap pemerintah segera menyerap gabah melalui Bulog.
Sebagian petani muda mulai memakai drone untuk penyemprotan, yang mereka sebut sebagai "smart farming".
=== education | decoy_heading decoy_list | pendidikan, PPDB, sekolah, Yogyakarta
PPDB Yogyakarta tahun ini gunakan sistem zonasi baru
Dinas Pendidikan Daerah Istimewa Yogyakarta mengumumkan perubahan aturan penerimaan peserta didik baru untuk tingkat SMA.
Jalur pendaftaran yang dibuka
1. Zonasi, dengan kuota 50 persen.
2. Afirmasi untuk keluarga kurang mampu, 15 persen.
3. Prestasi akademik dan nonakademik, 30 persen.
4. Perpindahan tugas orang tua, 5 persen.
Orang tua siswa diminta memeriksa kembali titik koordinat rumah sebelum mendaftar.
=== transport | decoy_code decoy_prose | transportasi, LRT, Jabodebek, kereta
LRT Jabodebek tambah perjalanan pada jam sibuk
LRT Jabodebek menambah jumlah perjalanan pada jam sibuk pagi dan sore mulai pekan depan.
Kereta akan berangkat setiap tujuh menit dari Stasiun Dukuh Atas menuju Harjamukti dan Jatimulya.
Simak jadwal lengkapnya di https://lrtjabodebek.kai.id/jadwal?rute=cibubur&utm_source=instagram&utm_medium=story&fbclid=PAZXh0bgNhZW0CMTE
Operator juga menyiapkan dua rangkaian cadangan dengan kode TS-29 dan TS-30 untuk mengantisipasi gangguan.
"""
BODIES["ja"] = """
=== weather | decoy_prose decoy_code | 台風, 大雨, 鹿児島, 停電
台風10号、鹿児島県で記録的な大雨　一時3万世帯が停電
大型で強い台風10号の影響で、鹿児島県では29日、各地で記録的な大雨となり、一時およそ3万世帯が停電しました。
気象台によりますと、屋久島では24時間の雨量が500ミリを超え、観測史上最大となりました。
シェアサイクルの貸し出しも市内全域で停止され、路面電車は始発から運転を見合わせています。
県は土砂災害の危険性が高い地域に避難指示を出し、住民に早めの避難を呼びかけています。
=== health | decoy_list decoy_code decoy_foreign | 医療, 救急外来, 長野, オンライン問診
長野県の病院、救急外来にオンライン問診を導入
長野県内の三つの総合病院が、救急外来を受診する前にスマートフォンで症状を入力できるオンライン問診を導入しました。
入力できる主な項目は次のとおりです。
・発熱やせきなどの症状
・持病と飲んでいる薬
・アレルギーの有無
病院によりますと、導入後は待ち時間が平均で20分ほど短くなったということです。
問診のデータは、病院の電子カルテと「HL7 FHIR」という国際規格でつながっています。
=== courts | decoy_prose decoy_quote | 裁判, 判決, 大阪地裁, 介護施設
大阪地裁、介護施設の運営会社に賠償命令
大阪府内の介護施設で入所者が転倒して死亡した事故をめぐり、遺族が運営会社に損害賠償を求めた裁判で、大阪地方裁判所は会社におよそ2800万円の支払いを命じました。
判決では、夜間の見守りの体制が不十分だったと指摘しました。
「母の死を無駄にしたくない」
関連して、大阪府は府内のすべての介護施設に、夜間の人員配置を確認するよう求めています。
会社側は「判決の内容を精査して対応を検討したい」とコメントしています。
=== agriculture | decoy_prose decoy_foreign | 農業, コメ, 新潟, 猛暑
新潟のコシヒカリ、猛暑で一等米の割合が低下
新潟県産のコシヒカリで、品質が最も高い一等米の割合が例年を大きく下回っていることがわかりました。
夏の記録的な猛暑で、米粒が白く濁る「白未熟粒」が多く発生したことが原因とみられています。
県は暑さに強い品種「新之助」への切り替えを農家に勧めています。
注目されているのは、ドローンメーカーのDJIと組んで、水田の生育状況を上空から調べる取り組みです。
=== education | decoy_heading decoy_list | 教育, 部活動, 横浜, 中学校
横浜市の中学校、休日の部活動を地域のクラブに移行へ
横浜市教育委員会は、市立中学校の休日の部活動を、2026年度までに地域のスポーツクラブや文化団体に移行する方針を明らかにしました。
移行のスケジュール
1. 2024年度：モデル校10校で試行
2. 2025年度：全区で段階的に導入
3. 2026年度：すべての市立中学校で移行
教員の長時間労働を減らすことが主な目的です。
一方で、保護者からは会費の負担が増えることを心配する声も上がっています。
=== transport | decoy_code decoy_foreign | 交通, 鉄道, JR北海道, 函館線
JR北海道、函館線の一部区間でバス転換を正式決定
JR北海道は、函館線の長万部と小樽の間について、鉄道の運行を終えてバスに転換することを正式に決めました。
新幹線の札幌延伸に合わせて、2030年度末に運行を終える予定です。
沿線の自治体は、通学に使う高校生のために、ICカード「Kitaca」が使えるバス路線の整備を求めています。
詳しい計画は https://www.jrhokkaido.co.jp/info/hakodate-line?area=oshamambe&utm_source=line&utm_medium=message で公開されています。
"""
BODIES["zh"] = """
=== weather | decoy_prose decoy_dateline | 暴雨, 广东, 清远, 气象
广东多地遭遇强降雨 清远转移群众逾万人
本报讯 受强对流天气影响，广东清远、韶关等地自17日起出现持续强降雨，部分地区累计雨量超过300毫米。
清远市已紧急转移受威胁群众一万二千余人，北江干流水位一度超过警戒线。
相关部门提醒，山区群众要注意防范山洪和地质灾害，不要在河道附近逗留。
气象台预计，未来三天降雨仍将持续，但强度会有所减弱。
目前，当地已组织力量抢修受损道路和供电线路，受灾较重的村镇正在陆续恢复供水。
=== health | decoy_list decoy_code | 医疗, 流感, 成都, 儿科
成都多家医院开设夜间儿科门诊
进入流感高发季节，成都市已有八家三甲医院开设夜间儿科门诊，接诊时间延长至晚上十点。
医生提醒家长注意以下几点：
1. 孩子持续高烧超过三天应及时就医
2. 不要自行给孩子服用抗生素
3. 接种流感疫苗是最有效的预防方式
监测数据显示，目前流行的主要是甲型H3N2流感病毒。
院方表示，夜间门诊将持续到明年三月底，并会根据就诊人数随时调整医生排班。
=== courts | decoy_quote decoy_prose | 法院, 判决, 杭州, 网络诈骗
杭州法院宣判一起网络刷单诈骗案
杭州市中级人民法院近日对一起网络刷单诈骗案作出二审判决，维持原判，主犯被判处有期徒刑十二年。
经审理查明，该团伙以“兼职刷单”为名，骗取全国三百多名被害人共计一千二百余万元。
“我以为只是赚点零花钱。”
分享这起案例时，法官提醒公众，凡是要求先垫付资金的兼职都是诈骗。
目前，警方已追回部分赃款，并将按比例发还给被害人。
=== agriculture | decoy_prose decoy_foreign decoy_code | 茶叶, 福建, 安溪, 春茶
福建安溪春茶开采 茶农借助直播拓宽销路
福建安溪的铁观音春茶近日陆续开采，今年的茶青品质整体好于去年。
不少年轻茶农通过网络直播展示采茶和制茶过程，吸引了各地消费者下单。
关注度最高的是传统工艺制作的浓香型铁观音，价格比去年上涨约一成。
一些茶企还在 Amazon 上开设了海外店铺，并按照 GAP 标准建设生态茶园。
当地农业部门表示，将继续为茶农提供技术培训，帮助他们提高制茶水平和品牌意识。
=== education | decoy_heading decoy_list | 教育, 课后服务, 北京, 中小学
北京中小学课后服务增加体育和艺术课程
北京市教委日前发布通知，从新学期起，全市中小学课后服务将增加体育和艺术类课程的比例。
主要变化
1. 每周至少安排三次体育活动
2. 引入校外专业机构开设艺术课程
3. 课后服务结束时间不早于下午五点半
家长普遍对这一调整表示欢迎，认为可以减轻接送孩子的压力。
也有教师担心，课后服务时间延长后，学校老师的工作负担会进一步加重。
=== transport | decoy_code decoy_prose | 交通, 地铁, 深圳, 16号线
深圳地铁16号线二期开通 龙岗坪山通勤更便捷
深圳地铁16号线二期工程日前正式开通运营，线路全长9.5公里，共设8座车站。
列车采用A型车6节编组，最高运行速度为每小时80公里。
更多市民选择乘坐地铁上下班，早高峰客流比开通前增加了约两成。
沿线居民表示，过去从坪山到龙岗中心城需要换乘两次公交，现在半小时就能到达。
详细时刻表可登录 https://www.szmc.net/timetable/line16?utm_source=wechat&utm_medium=social 查询。
"""
BODIES["ko"] = """
=== weather | decoy_prose decoy_code | 폭설, 강원, 날씨, 교통 통제
강원 산간에 40cm 폭설…미시령 옛길 통제
강원 산간 지역에 밤사이 최고 40cm가 넘는 폭설이 내려 일부 도로의 차량 통행이 통제됐다.
기상청에 따르면 향로봉에는 45.3cm, 미시령에는 38cm의 눈이 쌓였다.
공유 차량 업체들도 산간 지역의 차량 대여를 일시 중단했다.
강원도는 제설 장비 600여 대를 투입해 밤새 제설 작업을 벌였다.
=== health | decoy_list decoy_code | 응급실, 병원, 대구, 의료
대구 대학병원 응급실 의사 부족…야간 진료 축소
대구 지역 대학병원 응급실 네 곳 가운데 두 곳이 다음 달부터 야간 진료를 축소한다.
병원 측은 다음과 같은 조치를 안내했다.
- 경증 환자는 지역 응급의료기관 이용
- 야간에는 119 구급대를 통한 사전 연락 필수
- 소아 환자는 달빛어린이병원 이용 권장
보건복지부는 KTAS 1~2등급의 중증 환자는 기존처럼 모두 받을 수 있도록 하겠다고 밝혔다.
=== courts | decoy_quote decoy_prose | 법원, 판결, 전세사기, 인천
인천 전세사기 주범에 징역 15년 선고
인천지방법원은 전세보증금 수백억 원을 가로챈 혐의로 기소된 임대업자에게 징역 15년을 선고했다.
재판부는 피해자 대부분이 사회 초년생이었고 피해 회복도 거의 이뤄지지 않았다고 지적했다.
“평생 모은 돈을 잃었습니다.”
관련 업계에 따르면 인천 지역의 전세 거래는 사건 이후 눈에 띄게 줄어들었다.
피고인 측은 판결에 불복해 항소할 뜻을 밝혔다.
=== agriculture | decoy_prose decoy_foreign | 사과, 경북, 농업, 이상 기후
경북 사과 농가, 이상 기후에 수확량 급감
경북 지역 사과 농가들이 봄철 냉해와 여름 폭염이 겹치면서 수확량이 지난해보다 30% 가까이 줄었다고 호소하고 있다.
사과값이 크게 오르면서 소비자 부담도 커지고 있다.
추천 품종으로는 더위에 강한 새 품종들이 꼽히지만, 나무를 바꾸는 데는 수년이 걸린다.
일부 농가는 AI 기반 병해충 예측 시스템과 드론 방제를 도입해 피해를 줄이고 있다.
=== education | decoy_heading decoy_list | 수능, 교육, 입시, 수험생
올해 수능 응시자 52만 명…재수생 비율 최고
올해 대학수학능력시험에 52만여 명이 지원한 것으로 집계됐다.
달라지는 점
1. 시험장 반입 금지 물품에 스마트워치가 명확히 포함된다.
2. 시험 당일 오전 8시 10분까지 입실해야 한다.
3. 성적 통지표는 다음 달 6일 배부된다.
졸업생 지원자 비율은 31%로 역대 가장 높은 수준을 기록했다.
=== transport | decoy_code decoy_prose | KTX, 철도, 강릉선, 코레일
KTX-이음, 강릉선 운행 횟수 늘린다
한국철도공사는 다음 달부터 강릉선 KTX-이음 열차 운행을 하루 16회에서 22회로 늘린다고 밝혔다.
주말과 공휴일에는 서울역에서 출발하는 열차도 추가 편성된다.
주요 뉴스를 전하는 역 안내 방송에서도 새 시간표를 미리 알리고 있다.
자세한 시간표는 https://www.letskorail.com/notice/view?utm_source=kakao&no=1234&utm_medium=channel&utm_campaign=ktx 에서 확인할 수 있다.
"""


if __name__ == "__main__":
    sys.exit(main())
