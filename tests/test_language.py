"""Language check: deterministic, thread-safe on first use, script-aware, never crashes."""

import subprocess
import sys

import pytest
from langdetect.lang_detect_exception import LangDetectException
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.cleaners.language import CheckLanguage, detect, supported_languages

DOCS = {
    "en": "The central bank left interest rates unchanged on Thursday, citing slowing inflation.",
    "fr": "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine.",
    "de": "Die Bundesregierung hat am Mittwoch einen neuen Gesetzentwurf zur Rente vorgelegt.",
    "es": "El Gobierno aprobó el martes un nuevo plan para reducir el consumo de agua.",
    "ru": "Правительство утвердило новый бюджет на следующий год во вторник вечером.",
    "uk": "Уряд ухвалив рішення про підтримку фермерів, які постраждали від посухи.",
    "zh": "国产大型客机将于下月起执飞上海至成都、西安和广州的三条新航线。",
    "ja": "政府は経済を支援する新しい計画を発表し、来年度から実施する予定だ。",
    "ko": "정부는 국가 경제를 지원하기 위한 새로운 계획을 발표했다고 밝혔다.",
}


@pytest.mark.parametrize("lang", sorted(DOCS))
def test_detects_language(lang):
    assert detect(DOCS[lang])[0] == lang


def test_chinese_is_zh_not_zh_cn_and_codes_are_iso_639_1():
    assert "zh" in supported_languages() and "zh-cn" not in supported_languages()


def test_japanese_full_of_latin_commands_is_japanese():
    text = ("git rebase --interactive HEAD~3 を実行してから git push --force-with-lease origin main "
            "を使う。docker compose up -d と npm install --save-dev typescript eslint prettier も必要。")
    assert detect(text)[0] == "ja"


def test_chinese_full_of_latin_commands_is_chinese():
    text = "先运行 kubectl apply -f deployment.yaml，然后用 kubectl get pods --namespace production 查看状态。"
    assert detect(text)[0] == "zh"


@pytest.mark.parametrize("text", ["", "ok", "12345", "😀😀😀", "https://example.org/a/b/c", "hello", "!!! ??? ..."])
def test_short_or_letterless_text_is_undetermined(text):
    assert detect(text) == (None, None)
    out = CheckLanguage()(text)
    assert out.meta == {"lang": None, "lang_score": None} and out.reject is None


def test_min_score_rejects_low_confidence():
    mixed = "Hello und guten Tag, bonjour et merci, gracias y adiós, thank you very much indeed"
    lang, score = detect(mixed)
    out = CheckLanguage(min_score=min(1.0, score + 0.0001))(mixed)
    assert out.reject is not None and out.reject[0] == "language_score_too_low"


DETERMINISM_SCRIPT = """
import sys, threading
from normalizer.cleaners.language import detect
texts = {texts!r}
results = {{}}
def work(i):
    results[i] = [detect(t) for t in texts]
threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
[t.start() for t in threads]; [t.join() for t in threads]
assert all(r == results[0] for r in results.values()), results
print(results[0])
"""


def test_first_use_from_eight_threads_matches_serial_and_other_processes():
    texts = list(DOCS.values()) + ["hello world, this is short", "Hola amigo, que tal"]
    script = DETERMINISM_SCRIPT.format(texts=texts)
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs[0] == runs[1]
    assert runs[0].strip() == str([detect(t) for t in texts])


@pytest.mark.parametrize(("text", "lang"), [
    ("The slogan 为人民服务 was painted on the walls of the old factory in the city centre.", "en"),
    ("The Japanese word ありがとう means thank you and is used every day by millions of people.", "en"),
    ("Le mot coréen 감사합니다 veut dire merci et on l'entend partout à Séoul.", "fr"),
])
def test_a_quoted_cjk_word_does_not_decide(text, lang):
    assert detect(text)[0] == lang


def langdetect_reference(text):
    """langdetect as shipped, on the process's seeded factory: what the fast front end must equal."""
    from normalizer.cleaners.language import detector_factory
    detector = detector_factory().create()
    detector.append(text)
    detector.cleaning_text()
    return detector.text, detector._extract_ngrams()


MIXED = "aAbBéÉ Zz ÄÖ東京ひらカタ한국 Ωω Жж \u0219\u021b\u06cc\u1ea1ạ'-.,1\u2019\u00a0  http://x.y/a?b=1 me@ex.org ÅSE"


@settings(max_examples=300)
@given(st.text(alphabet=MIXED, max_size=200))
def test_the_fast_front_end_prepares_exactly_what_langdetect_does(text):
    from normalizer.cleaners.langdetect_fast import ngrams, prepared_text
    from normalizer.cleaners.language import detector_factory
    reference_text, reference_ngrams = langdetect_reference(text)
    prepared = prepared_text(text, 10_000)
    assert prepared == reference_text
    assert ngrams(prepared, detector_factory().word_lang_prob_map) == reference_ngrams


def dev_texts():
    import json
    from pathlib import Path
    root = Path(__file__).parent
    return [json.loads(line)["text"] for line in (root / "devset" / "devset.jsonl").read_text("utf-8").splitlines()]


def langdetect_probabilities(text):
    from normalizer.cleaners.language import detector_factory
    detector = detector_factory().create()
    detector.append(text)
    try:
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except LangDetectException:
        return None


@pytest.mark.parametrize("inline_choice, sequential_sum", [(True, True), (False, False)])
def test_batched_trials_give_langdetects_probabilities_bit_for_bit(monkeypatch, inline_choice, sequential_sum):
    """Every document of the dev set (and a few with no features) in one batch: the same floats
    as langdetect, whether draws are inlined or go through random.choice, sums by numpy or sum()."""
    from normalizer.cleaners import langdetect_fast
    from normalizer.cleaners.language import detector_factory
    monkeypatch.setattr(langdetect_fast, "INLINE_CHOICE", inline_choice)
    monkeypatch.setattr(langdetect_fast, "SEQUENTIAL_SUM", sequential_sum)
    texts = dev_texts()[: None if inline_choice else 60] + ["12345 !!!", "Ab", "ЖЖЖ ЖЖЖ ЖЖЖ"]
    got = langdetect_fast.probabilities_batch(detector_factory(), texts)
    for text, languages in zip(texts, got, strict=True):
        expected = langdetect_probabilities(text)
        assert (None if languages is None else [(p.lang, p.prob) for p in languages]) == expected, text[:80]


def test_the_inlined_draw_is_random_choice():
    from normalizer.cleaners.langdetect_fast import INLINE_CHOICE, choice_is_getrandbits
    assert INLINE_CHOICE and choice_is_getrandbits()


def test_check_language_in_a_batch_equals_one_document_at_a_time():
    texts = dev_texts()[::4] + ["", "Court.", "東京都は本日、新しい計画を発表しました。市民の生活を支えるための施策です。"]
    step = CheckLanguage(allow=["fr", "en", "de"], min_score=0.9)
    assert step.batch(texts) == [step(text) for text in texts]
