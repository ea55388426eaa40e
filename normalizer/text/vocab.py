"""Boilerplate vocabularies: one YAML file per language under ``rules/vocab/``.

The phrases are data, not code, so a translator can add a language without touching
Python. Every file is checked when it is read: an unknown key, an empty phrase or a
non-string is an error that names the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import yaml

from ..core.examples import Example, parse_examples
from ..core.resources import vocab_dir
from ..core.speed import shortcuts
from ..core.yamlfile import Located, load_yaml

# libyaml's safe loader when PyYAML was built with it: the vocabularies are read by every worker
# process, and the pure-Python parser takes most of a second over them.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KEYS = ("related", "related_block_only", "reference_sections", "share", "newsletter_calls", "newsletter_words",
        "ours", "tags", "chrome", "chrome_fillers", "bylines", "credits")
COMMON_KEYS = ("networks", "connectors", "agencies")
APOSTROPHES = "’‘ʼ`＇"          # all read as "'"
PLAIN_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))      # the references' way
RE_WHITE_SPACE = re.compile(r"\s+")
GREEK_TONOS = str.maketrans("άέήίόύώΐΰ", "αεηιουωϊϋ")


def plain_apostrophes(text: str) -> str:
    """Every apostrophe look-alike as "'" (``str.replace`` is many times faster than ``translate``)."""
    for mark in APOSTROPHES:
        if mark in text:
            text = text.replace(mark, "'")
    return text


def normalize_spacing(text: str) -> str:
    """One space between words and plain apostrophes; case untouched."""
    if not shortcuts():
        return RE_WHITE_SPACE.sub(" ", text.translate(PLAIN_APOSTROPHES)).strip()
    return " ".join(plain_apostrophes(text).split())        # split() and \\s agree on white space


def normalize_phrase(text: str) -> str:
    """The form phrases and lines are compared in: casefolded, one space, plain apostrophes.

    The combining dot that casefolding gives Turkish "İ" is dropped, so that
    "İLGİLİ HABERLER" and "İlgili haberler" compare equal.
    """
    return normalize_spacing(text).casefold().replace("\u0307", "")


RE_SPACES_IN_LINE = re.compile(r"[^\S\n]{2,}|[^\S\n ]")   # the same within lines
RE_ASCII_WORD = re.compile("[a-z0-9]+")
SHORT_WORD = 3


def loose_form(text: str) -> str:
    """:func:`normalize_phrase` line by line (line breaks kept), and "ı" as "i": a form in which
    whatever a line rule would match, by equality or case-insensitive search, is found in its
    line as a plain substring."""
    text = plain_apostrophes(text)
    # most texts have no white space but single " " and "\n" (a Separator or Other character makes
    # isprintable() false): nothing to collapse then
    spaced = text if shortcuts() and "  " not in text and text.replace("\n", "").isprintable() \
        else RE_SPACES_IN_LINE.sub(" ", text)
    # Python's case-insensitive matching also takes dotless "ı" for "i", which casefolding keeps apart.
    return spaced.casefold().replace("\u0307", "").replace("ı", "i")


def alternation(phrases: Iterable[str]) -> str:
    """The phrases as one regular-expression alternation, longest first so that the longest one
    wins where several start (in a fixed order: sets iterate differently from run to run);
    ``(?!)``, which matches nothing, when there are none."""
    return "|".join(re.escape(phrase) for phrase in sorted(phrases, key=lambda p: (-len(p), p))) or "(?!)"


class PhraseTrigger:
    """A cheap test before a line rule looks at a document line by line: which lines contain
    one of the phrases the rule needs? Every other line is sure not to match, and most
    documents have none at all; one linear-time search (re2, all phrases in one automaton)
    finds them.

    ``words``: phrases the rule only takes as whole words (share calls, network names); a
    short one of them ("in", for LinkedIn) is looked for with no a-z or 0-9 beside it, or
    it would make a candidate of nearly every line.
    """

    def __init__(self, phrases: Iterable[str], words: Iterable[str] = ()) -> None:
        import re2
        words = {loose_form(word) for word in words} - {""}
        forms = ({loose_form(phrase) for phrase in phrases} | words) - {""}
        bounded = {form for form in words if len(form) <= SHORT_WORD and RE_ASCII_WORD.fullmatch(form)}
        pieces = [re.escape(form) for form in sorted(forms - bounded)]
        pieces += [f"(?:^|[^a-z0-9]){re.escape(form)}(?:[^a-z0-9]|$)" for form in sorted(bounded)]
        # on UTF-8 bytes: re2 then reports byte offsets as they are, instead of converting each one
        self.pattern = re2.compile(("(?m)" + "|".join(pieces)).encode()) if pieces else None

    def lines(self, text: str) -> list[int]:
        """Indexes (in ``text.split("\\n")``) of the lines holding a phrase, in order (every line
        under the reference implementation: the rule then looks at each)."""
        if not shortcuts():
            return list(range(text.count("\n") + 1))
        if self.pattern is None:
            return []
        form = loose_form(text).encode("utf-8", "surrogatepass")
        found: list[int] = []
        line = counted = 0                       # line breaks counted so far, up to offset ``counted``
        for match in self.pattern.finditer(form):
            end = match.end() - 1                # a match may begin on the line break before its line
            line += form.count(b"\n", counted, end)
            counted = end
            if not found or found[-1] != line:
                found.append(line)
        return found


class Vocabulary(NamedTuple):
    """Normalised phrases of the chosen languages, merged; ``languages`` says which."""

    languages: tuple[str, ...]
    related: frozenset[str]
    related_block_only: frozenset[str]     # headers too generic for the one-line form ("See also")
    reference_sections: frozenset[str]     # an encyclopedia's "References", "Notes": its "See also" is body
    share: frozenset[str]
    newsletter_calls: frozenset[str]
    newsletter_words: frozenset[str]
    ours: frozenset[str]                   # "our", "notre": the publisher speaking
    tags: frozenset[str]
    chrome: frozenset[str]                 # page chrome when a line is made only of it: "Advertisement", "71 Kommentare"
    chrome_fillers: frozenset[str]         # may stand beside chrome without making it prose: months, "ago", "at"
    bylines: frozenset[str]                # "By", "Von", "Par": a byline when names follow ("By Jane Doe")
    credits: frozenset[str]                # "Photo", "Quelle", "Источник", "来源": a credit before ":" and names
    networks: frozenset[str]
    connectors: frozenset[str]
    agencies: frozenset[str]               # news and photo agencies written in lower case ("dpa", "epa")


def available_languages(directory: Path | None = None) -> tuple[str, ...]:
    directory = directory or vocab_dir()
    return tuple(sorted(p.stem for p in directory.glob("*.yaml") if p.stem != "common"))


def read_lists(path: Path, keys: Sequence[str]) -> dict[str, frozenset[str]]:
    """Read one vocabulary file; raise ``ValueError`` naming the file on any problem."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as error:
        raise ValueError(f"vocabulary {path.name}: {error}") from None
    if not isinstance(data, dict):
        raise ValueError(f"vocabulary {path.name}: expected a mapping of lists")
    unknown = set(data) - set(keys) - {"language", "examples", "keep"}
    if unknown:
        raise ValueError(f"vocabulary {path.name}: unknown key(s) {', '.join(sorted(unknown))}")
    lists = {}
    for key in keys:
        values = data.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise ValueError(f"vocabulary {path.name}: {key!r} must be a list of non-empty strings")
        lists[key] = frozenset(form for v in values for form in written_forms(normalize_phrase(v)))
    return lists


def written_forms(phrase: str) -> tuple[str, ...]:
    """The phrase, and as Greek capitals write it: without its accents ("ΕΠΙΚΟΙΝΩΝΙΑ" for
    "Επικοινωνία"), which casefolding keeps apart."""
    bare = phrase.translate(GREEK_TONOS) if not phrase.isascii() else phrase
    return (phrase,) if bare == phrase else (phrase, bare)


@functools.lru_cache(maxsize=32)
def load_vocabulary(languages: tuple[str, ...] | None = None,
                    directory: Path | None = None) -> Vocabulary:
    """Merge the vocabularies of ``languages`` (all shipped ones when None)."""
    directory = directory or vocab_dir()
    known = available_languages(directory)
    chosen = known if languages is None else languages
    missing = [code for code in chosen if code not in known]
    if missing:
        raise ValueError(f"no boilerplate vocabulary for {', '.join(missing)}; "
                         f"available: {', '.join(known)}")
    merged: dict[str, set[str]] = {key: set() for key in KEYS}
    for code in chosen:
        for key, values in read_lists(directory / f"{code}.yaml", KEYS).items():
            merged[key] |= values
    common = read_lists(directory / "common.yaml", COMMON_KEYS)
    return Vocabulary(languages=tuple(chosen), networks=common["networks"], connectors=common["connectors"],
                      agencies=common["agencies"],
                      **{key: frozenset(merged[key]) for key in KEYS})


def vocabulary_for(languages: Iterable[str] | None, extra: dict[str, Iterable[str]] | None = None
                   ) -> Vocabulary:
    """The vocabulary for ``languages`` plus a step's own extra phrases."""
    if languages is not None and not list(languages):
        raise ValueError("languages: list at least one language, or leave it out for all of them")
    vocab = load_vocabulary(None if languages is None else tuple(languages))
    if not extra:
        return vocab
    added = {key: getattr(vocab, key) | {normalize_phrase(v) for v in values}
             for key, values in extra.items()}
    return vocab._replace(**added)


def vocabulary_examples(code: str, directory: Path | None = None) -> dict[str, tuple[Example, ...]]:
    """The examples a vocabulary file carries, by the cleaner they are for.

    In the file they sit under ``examples:`` and ``keep:``, each a mapping from a cleaner
    name (``strip_related``) to a list, so a translator tests the phrases they add.
    """
    path = (directory or vocab_dir()) / f"{code}.yaml"
    data = load_yaml(path)
    where = str(path)
    found: dict[str, tuple[Example, ...]] = {}
    for key in ("examples", "keep"):
        if not isinstance(data.get(key, {}), dict):
            raise ValueError(f"vocabulary {path.name}: {key!r} must map cleaner names to lists")
    names = sorted(set(data.get("examples", {})) | set(data.get("keep", {})))
    for name in names:
        entry = Located()
        entry.line, entry.key_lines = data.line, {}
        for key in ("examples", "keep"):
            section = data.get(key, {})
            if name in section:
                entry[key] = section[name]
                entry.key_lines[key] = section.key_lines[name]
        found[name] = parse_examples(entry, where, name, label=f"[{code}]")
    return found
