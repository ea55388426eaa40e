"""The chain runs until the text settles: cleaning a cleaned text changes nothing (issue 15, item 15).

A step sees the text as the steps before it left it, so a line a later step removes could hide
boilerplate from an earlier one ("© 2024 Le Monde" above a ``ttn-fr-34``; a tag list under a
tracking tag). Each case here changed on a second run before the chain settled.
"""

import itertools
import json

import pytest

from normalizer import Doc, Outcome, clean_text, load_rules
from normalizer.chain.pipeline import apply_chain, apply_chain_batch, layout_free
from normalizer.core.cleaner import Role, traits_of
from normalizer.core.speed import reference_implementation
from normalizer.review.explain import explain
from normalizer.rules.loader import Step
from normalizer.text.lines import remove_lines, split_lines

RULES = load_rules()
BODY = ["The city council approved the new budget on Monday after a debate of more than six hours.",
        "Opposition members criticised the planned increase in local taxes for next year, calling it unfair."]

# (where, lines): each was left half-cleaned by one run of the chain
UNSETTLED = [
    ("tail", ["ttn-fr-34", "Tags: a, b"]),
    ("tail", ["(ria_ru_118)", "#budget #mairie"]),
    ("tail", ["[AFP-EN-2031]", "Mots-clés : budget, mairie"]),
    ("tail", ["ttn-fr-34", "Facebook"]),
    ("tail", ["#budget #mairie", "Twitter"]),
    ("tail", ["© 2019 Example Media, Inc.", "ttn-fr-34"]),
    ("tail", ["", "ttn-fr-34", "Tags: a, b"]),
    ("tail", ["Lire aussi : Un titre", "(ria_ru_118)", "Tags: a, b"]),
    ("mid", ["Articles similaires", "Advertisement", "- Un titre"]),
    ("mid", ["Most read", "Foto: dpa", "- Un titre"]),
    ("mid", ["Facebook", "Comments (12)", "Twitter"]),
    ("head", ["Facebook", "Advertisement", "Twitter"]),
]


def placed(where, lines):
    if where == "tail":
        return "\n".join(BODY + lines)
    if where == "head":
        return "\n".join(lines + BODY)
    return "\n".join(BODY[:1] + lines + BODY[1:])


@pytest.mark.parametrize(("where", "lines"), UNSETTLED)
def test_a_cleaned_text_cleans_to_itself(where, lines):
    once = clean_text(placed(where, lines), RULES)
    again = clean_text(once.text, RULES)
    assert once.rejected is None
    assert again.text == once.text, (once.edits, again.edits)
    assert once.text == "\n".join(BODY)                 # all of the boilerplate went, none of the body


def test_every_pair_of_boilerplate_lines_settles_in_every_place():
    """Two boilerplate lines of the kinds the chain removes, in every order, before, between and
    after two paragraphs: one run leaves nothing a second run would remove."""
    atoms = ["Articles similaires", "- Un titre", "Lire aussi : Un titre", "ttn-fr-34", "(ria_ru_118)",
             "Partager sur Facebook", "Tags: a, b", "#budget #mairie", "Advertisement", "Comments (12)",
             "By Jane Doe", "Foto: dpa", "© 2019 Example Media, Inc.", "1 of 12", "Facebook", "Twitter", ""]
    unsettled = []
    for pair in itertools.product(atoms, repeat=2):
        for where in ("head", "mid", "tail"):
            once = clean_text(placed(where, list(pair)), RULES)
            if once.rejected is None and clean_text(once.text, RULES).text != once.text:
                unsettled.append((where, pair))
    assert unsettled == []


def test_the_batch_path_settles_like_the_reference():
    docs = [Doc(f"d{n}", placed(where, lines)) for n, (where, lines) in enumerate(UNSETTLED)]
    fast = apply_chain_batch(RULES.steps, docs)
    with reference_implementation():
        slow = apply_chain_batch(RULES.steps, docs)
    assert [(doc.text, doc.edits, doc.meta) for doc in fast] == [(doc.text, doc.edits, doc.meta) for doc in slow]


def test_explain_names_the_round_a_step_acted_in():
    text = placed("tail", ["© 2024 Le Monde", "ttn-fr-34"])
    explained = explain(RULES.steps, Doc("a", text))
    rounds = {report.step: report.round for report in explained.steps if report.edits}
    assert rounds == {"strip_tracking_tag": 1, "strip_chrome_lines": 2}
    assert json.dumps([report.as_json() for report in explained.steps]).count('"round": 2') == 1


class Doubles:
    """Edits without saying it is repeatable: running it again would double its work."""

    name = "doubles"
    role = Role.EDITS

    def __call__(self, text: str) -> Outcome:
        return Outcome(text.replace("x", "xx"))


class DropsMarked:
    """Removes lines that start with "DROP", and says it is repeatable."""

    name = "drops_marked"
    role = Role.EDITS
    repeatable = True

    def __call__(self, text: str) -> Outcome:
        return remove_lines(text, [i for i, line in enumerate(split_lines(text)) if line.startswith("DROP")], "drop")


class DropsLastLine:
    """Removes the last line when it is ``word`` (like a tracking tag: only at the very end)."""

    role = Role.EDITS
    repeatable = True

    def __init__(self, word: str) -> None:
        self.word, self.name = word, f"drops_{word.lower()}"

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        return remove_lines(text, [len(lines) - 1] if lines[-1] == self.word else [], self.word)


def step(cleaner):
    return Step(cleaner.name, cleaner.name, cleaner, {}, "test", traits=traits_of(cleaner))


@pytest.mark.parametrize("fast", [True, False])
def test_a_step_that_is_not_repeatable_runs_once(fast):
    steps = [step(Doubles()), step(DropsLastLine("CODE")), step(DropsLastLine("LAST"))]
    doc = Doc("a", "x marks the spot\nCODE\nLAST")
    if fast:
        [done] = apply_chain_batch(steps, [doc, Doc("b", "other")])[:1]
    else:
        done = apply_chain(steps, doc)
    assert done.text == "xx marks the spot"           # CODE went in round 2; x was doubled once only
    assert [edit.step for edit in done.edits] == ["drops_last", "drops_code"]


def test_a_change_of_layout_alone_calls_for_no_new_round():
    assert layout_free("a  \n\n\n\nb\n\n") == layout_free("a\n\nb") == "a\n\nb"
    assert layout_free("a\nb") != layout_free("a\n\nb")          # a paragraph break is no layout
    calls = []

    class Counts:
        name = "counts"
        role = Role.EDITS
        repeatable = True

        def __call__(self, text: str) -> Outcome:
            calls.append(text)
            return Outcome(text)

    class Spaces:
        name = "spaces"
        role = Role.EDITS
        repeatable = True

        def __call__(self, text: str) -> Outcome:
            return Outcome(text.rstrip(" ") + "  ") if not text.endswith("  ") else Outcome(text)

    apply_chain([step(Counts()), step(Spaces()), step(DropsMarked())], Doc("a", "body\nDROP me"))
    assert len(calls) == 2                             # round 1, and round 2 after DropsMarked's removal
    calls.clear()
    apply_chain([step(Counts()), step(Spaces())], Doc("a", "body"))
    assert len(calls) == 1                             # trailing spaces alone: no second round
