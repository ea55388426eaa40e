"""fix_encoding skips ftfy where ftfy cannot change anything: proof that the shortcut changes nothing.

The shortcut (``ftfy_would_act``) is compared with always running ftfy, on every dev and
held-out document, on each of them garbled through the legacy encodings ftfy knows, and on
random text drawn from the characters mojibake is made of.
"""

from __future__ import annotations

import json
from pathlib import Path

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.cleaners import fix_encoding as encoding
from normalizer.cleaners.fix_encoding import CONSERVATIVE, FixEncoding, ftfy_would_act

ROOT = Path(__file__).parent
GARBLINGS = [("utf-8", "cp1252"), ("utf-8", "latin-1"), ("utf-8", "macroman"), ("utf-8", "cp437"),
             ("utf-8", "cp1251"), ("utf-8", "cp1250"), ("cp1252", "utf-8")]
MOJIBAKE_ALPHABET = ("aeAE é€™šžŸ¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÂÃÄÅÆÇÈÉÊËÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
                     "\x80\x81\x8d\x8f\x90\x9d\xa0‚ƒ„…†‡ˆ‰Š‹ŒŽ''""•–—˜›œ\u0301\u0303\u200b\ufffd\ud83d\ude00ΓΔ╔═║▒░│┤"
                     "ĂăĄąĆćČčĎďĐđĘęĚěĹĺĽľŁłŃńŇňŐőŔŕŘřŚśŞşŠšŢţŤťŮůŰűŹźŻżЂЃѓЉЊЌЋЏђ")


def garbled(text: str, written: str, read: str) -> str:
    return text.encode(written, errors="replace").decode(read, errors="replace")


def corpus() -> list[str]:
    texts = []
    for name in ("devset/devset.jsonl", "holdout/holdout.jsonl"):
        texts += [json.loads(line)["text"] for line in (ROOT / name).read_text("utf-8").splitlines()]
    return texts + [garbled(text, *pair) for pair in GARBLINGS for text in texts[::5]]


@pytest.fixture
def always_ftfy(monkeypatch):
    def run() -> None:
        monkeypatch.setattr(encoding, "ftfy_would_act", lambda text: True)
        monkeypatch.setattr(encoding, "document_may_need_ftfy", lambda text: True)
        monkeypatch.setattr(encoding, "suspect_lines", lambda text: None)
    return run


def test_the_shortcut_gives_the_same_documents_as_always_running_ftfy(always_ftfy):
    texts = corpus()
    step = FixEncoding()
    fast = [step(text) for text in texts]
    assert sum(outcome.text != text for outcome, text in zip(fast, texts)) > 100   # real repairs among them
    always_ftfy()
    slow = [step(text) for text in texts]
    assert fast == slow


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=MOJIBAKE_ALPHABET, max_size=40))
def test_ftfy_leaves_alone_whatever_the_shortcut_skips(text):
    if not ftfy_would_act(text):
        assert ftfy.fix_and_explain(text, config=CONSERVATIVE) == (text, [])


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=MOJIBAKE_ALPHABET + "\n\n  ", max_size=60) | st.text(alphabet=MOJIBAKE_ALPHABET + "\n\r ", max_size=60))
def test_a_document_comes_out_the_same_with_and_without_the_shortcuts(text):
    step = FixEncoding()
    fast = step(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(encoding, "ftfy_would_act", lambda text: True)
        patch.setattr(encoding, "document_may_need_ftfy", lambda text: True)
        patch.setattr(encoding, "suspect_lines", lambda text: None)
        slow = step(text)
    assert fast == slow


@pytest.mark.parametrize("text", ["Body.\nÃ la une", "Body.\rÂ suivre", "Cafe\u0301 Ã\u200b©"])
def test_mojibake_the_whole_text_check_could_miss_is_looked_for(text):
    """A line opening with "Ã " (ftfy's one line-anchored case), a sequence completed by NFC,
    one split by a zero-width space: the document is not skipped."""
    from normalizer.cleaners.fix_encoding import document_may_need_ftfy
    assert document_may_need_ftfy(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=MOJIBAKE_ALPHABET.replace("\ud83d", "").replace("\ude00", "") + "\n \t", max_size=30))
def test_re2_finds_mojibake_wherever_ftfys_expression_does(text):
    import re

    from ftfy.badness import BADNESS_RE

    from normalizer.detect.mojibake import badness_re2, without_verbose_spacing
    assert badness_re2() is not None
    if BADNESS_RE.search(text):
        assert badness_re2().search(text)
    assert bool(re.search(without_verbose_spacing(BADNESS_RE.pattern), text)) == bool(BADNESS_RE.search(text))


def test_re2_agrees_with_ftfys_expression_on_every_document():
    from ftfy.badness import BADNESS_RE

    from normalizer.detect.mojibake import badness_re2
    texts = [text for text in corpus() if not any("\ud800" <= char <= "\udfff" for char in text)]
    found = [bool(BADNESS_RE.search(text)) for text in texts]
    assert sum(found) > 50
    assert [bool(badness_re2().search(text)) for text in texts] == found
