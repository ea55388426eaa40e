"""A corpus with planted duplicates, for the dedup tests and benchmark (issue 16's planted test).

200 documents in five languages (two without spaces: Chinese, Japanese), built from the dev
set's body sentences (``tests/devset/bodies``): 170 originals of four paragraphs, 20 planted
copies of originals (5 exact once cleaned, 5 differing only by boilerplate, 5 with one to three
words changed, 5 with their paragraphs reordered) and 10 look-alikes (the same report template,
different facts), which are not copies. Deterministic: the same seed gives the same corpus.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

BODIES = Path(__file__).resolve().parent / "devset" / "bodies"
LANGUAGES = ("en", "fr", "de", "zh", "ja")
SPACELESS = ("zh", "ja")
KINDS = ("exact", "boilerplate", "words", "reordered")
BOILERPLATE = {
    "en": ("Share on Facebook", "Related articles\n- Markets close higher on Friday\n- Rail strike called off",
           "apx-en-12"),
    "fr": ("Partager sur Facebook", "Articles similaires\n- La Bourse termine en hausse\n- Grève à la SNCF",
           "ttn-fr-34"),
    "de": ("Auf Facebook teilen", "Lesen Sie auch\n- Börse schließt im Plus\n- Bahnstreik abgesagt", "dpa-de-7"),
    "zh": ("分享到微信", "相关新闻\n- 股市周五收涨\n- 铁路罢工取消", "xh-zh-88"),
    "ja": ("Facebookでシェア", "関連記事\n- 株式市場が続伸\n- 鉄道ストが中止", "kyo-ja-5"),
}
# a match report: the same words; each look-alike has its own facts in six slots
TEMPLATE = ("{home} beat {away} {score} at {ground} on {day}, in front of {crowd} supporters.\n"
            "{scorer} opened the scoring after {minute} minutes with a header from a corner taken by {assist}, "
            "and {second} doubled the lead shortly before half-time.\n\n"
            "{away} pulled one back through {consolation} in the {late} minute, but {keeper} saved a penalty "
            "from {taker} in stoppage time to secure the win.\n"
            "The result lifts {home} to {position} in the table, {points} points behind the leaders, "
            "while {away} stay {their} after a {run} run of games.\n\n"
            "{coach} said afterwards that his side had {verdict}, and that {injured} would miss the trip to {next} "
            "with a {injury} injury.")
FACTS = {
    "home": ["Rovers", "United", "Athletic", "Wanderers", "Albion", "Rangers", "City", "Villa", "County", "Town"],
    "away": ["Harriers", "Orient", "Dynamo", "Olympic", "Sporting", "Celtic", "Borough", "Argyle", "Vale", "Forest"],
    "score": ["2-1", "3-1", "2-0", "4-2", "3-2", "1-0", "5-3", "2-1", "3-0", "4-1"],
    "ground": ["Mill Lane", "the Riverside", "Park Road", "the Valley", "Ashton Gate", "Kings Park",
               "the Dell", "Meadow Lane", "Elm Park", "Brook Street"],
    "day": ["Saturday", "Sunday", "Tuesday evening", "Wednesday night", "Monday", "Friday night",
            "Boxing Day", "Easter Monday", "Thursday", "New Year's Day"],
    "crowd": ["12,400", "8,150", "23,900", "6,020", "15,700", "31,250", "9,480", "17,300", "4,860", "11,090"],
    "scorer": ["Marco Silva", "Tom Hughes", "Kofi Mensah", "Luis Ortega", "Ben Carter", "Ivan Petrov",
               "Sam Okafor", "Jonas Berg", "Ali Demir", "Paul Leroy"],
    "minute": ["eight", "twelve", "nineteen", "twenty-three", "four", "thirty-one", "sixteen", "ten", "six", "27"],
    "assist": ["Dan Reid", "Max Weber", "Yusuf Kaya", "Leo Rossi", "Owen Price", "Raul Diaz", "Eli Cohen",
               "Noah Fischer", "Tariq Aziz", "Hugo Martin"],
    "second": ["Jack Moore", "Pedro Alves", "Lukas Novak", "Chris Evans", "Omar Haddad", "Mats Olsen",
               "Igor Popov", "Finn Walsh", "Andre Costa", "Karl Braun"],
    "consolation": ["Sean Doyle", "Erik Lund", "Nico Weiss", "Ryan Kerr", "Adam Nowak", "Felix Wolf",
                    "Dario Conti", "Liam Byrne", "Tobias Ek", "Marc Girard"],
    "late": ["78th", "81st", "69th", "88th", "74th", "85th", "66th", "90th", "72nd", "83rd"],
    "keeper": ["Joe Hart", "Pavel Kral", "Remi Blanc", "Vito Greco", "Ian Scott", "Ruben Dias",
               "Kai Schulz", "Oscar Lind", "Mehmet Aslan", "Gus Hill"],
    "taker": ["Zak Ward", "Emil Holm", "Bruno Sousa", "Kevin Lang", "Amir Said", "Rory Nash",
              "Piotr Zielinski", "Dean Fox", "Hans Vogel", "Luca Ferri"],
    "position": ["fourth", "sixth", "ninth", "second", "eleventh", "third", "fifth", "eighth", "seventh", "tenth"],
    "points": ["three", "seven", "eleven", "two", "nine", "five", "fourteen", "six", "one", "twelve"],
    "their": ["bottom", "nineteenth", "in the drop zone", "twentieth", "eighteenth", "mid-table", "fifteenth",
              "sixteenth", "rooted to the foot of the table", "seventeenth"],
    "run": ["five-game losing", "winless", "miserable", "six-match", "poor", "four-game", "dismal", "long",
            "difficult", "seven-game"],
    "coach": ["Gary Monk", "Lars Berg", "Paulo Reis", "Frank Bauer", "Mick Lyons", "Jan Visser", "Tony Adams",
              "Rafael Mora", "Stefan Kuntz", "Alan Pardew"],
    "verdict": ["deserved the points", "ridden their luck", "played with real courage", "been clinical",
                "shown great character", "defended superbly", "controlled the game", "earned the win",
                "stuck to the plan", "been outstanding"],
    "injured": ["Ollie Watts", "Dani Ruiz", "Jens Keller", "Matt Dunn", "Ravi Patel", "Sven Olsen", "Rob Green",
                "Anton Kovac", "Phil Jagielka", "Mo Diallo"],
    "next": ["Plymouth", "Carlisle", "Exeter", "Hull", "Luton", "Derby", "Bristol", "Swindon", "Reading", "Wigan"],
    "injury": ["hamstring", "knee", "ankle", "groin", "calf", "back", "shoulder", "thigh", "foot", "hip"],
}


def sentences(language: str) -> list[str]:
    return [line.strip() for line in (BODIES / f"{language}.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("===")]


def original(pool: list[str], rng: random.Random) -> str:
    """Four paragraphs of four sentences drawn from the pool."""
    chosen = rng.sample(pool, 16)
    return "\n\n".join("\n".join(chosen[start:start + 4]) for start in range(0, 16, 4))


def changed_words(text: str, language: str, rng: random.Random) -> str:
    """One to three words replaced (two characters in Chinese and Japanese)."""
    for _ in range(rng.randint(1, 3)):
        if language in SPACELESS:
            at = rng.randrange(10, len(text) - 10)
            text = text[:at] + "大川" + text[at + 2:]
        else:
            words = text.split(" ")
            words[rng.randrange(1, len(words) - 1)] = "Zanzibar"
            text = " ".join(words)
    return text


def copied(text: str, kind: str, language: str, rng: random.Random) -> str:
    if kind == "exact":
        return text.replace("\n\n", "\n\n\n") + "  "                  # the same once tidied
    if kind == "boilerplate":
        share, related, tag = BOILERPLATE[language]
        return f"{text}\n\n{share}\n\n{related}\n\n{tag}"
    if kind == "words":
        return changed_words(text, language, rng)
    paragraphs = text.split("\n\n")
    return "\n\n".join([paragraphs[2], paragraphs[0], paragraphs[3], paragraphs[1]])


VARIED = ("score", "crowd", "minute", "day", "late", "points")     # six facts: Jaccard 0.58-0.65 between two


def look_alike(number: int) -> str:
    """The match report with its own score, crowd, minutes, day and points: true Jaccard 0.58 to
    0.65 with another, near enough for some to share a MinHash band now and then."""
    return TEMPLATE.format(**{slot: values[number] if slot in VARIED else values[0] for slot, values in FACTS.items()})


def planted_corpus(seed: int = 16) -> tuple[list[dict[str, str]], set[str]]:
    """The records, in input order, and the ids of the 20 planted copies."""
    rng = random.Random(seed)
    originals: list[dict[str, str]] = []
    for language in LANGUAGES:
        pool = sentences(language)
        originals += [{"id": f"{language}-{n:02d}", "lang": language, "text": original(pool, rng)} for n in range(34)]
    copies: list[dict[str, str]] = []
    for number in range(20):
        kind, language = KINDS[number % 4], LANGUAGES[number % 5]
        source = originals[LANGUAGES.index(language) * 34 + number]
        copies.append({"id": f"copy-{kind}-{number:02d}", "lang": language,
                       "text": copied(source["text"], kind, language, rng)})
    alikes = [{"id": f"report-{number}", "lang": "en", "text": look_alike(number)} for number in range(10)]
    records = originals[:85] + alikes[:5] + originals[85:] + alikes[5:] + copies
    return records, {record["id"] for record in copies}


def write_corpus(path: Path, seed: int = 16) -> set[str]:
    records, planted = planted_corpus(seed)
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return planted
