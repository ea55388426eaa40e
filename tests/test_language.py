"""Language check: deterministic, thread-safe on first use, script-aware, never crashes."""

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.lang_detect_exception import LangDetectException

from normalizer.cleaners.check_language import CheckLanguage
from normalizer.detect.langdetect_batch import supported_languages
from normalizer.detect.language import detect

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
from normalizer.detect.language import detect
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
    from normalizer.detect.langdetect_batch import detector_factory
    detector = detector_factory().create()
    detector.append(text)
    detector.cleaning_text()
    return detector.text, detector._extract_ngrams()


MIXED = "aAbBéÉ Zz ÄÖ東京ひらカタ한국 Ωω Жж \u0219\u021b\u06cc\u1ea1ạ'-.,1\u2019\u00a0  http://x.y/a?b=1 me@ex.org ÅSE"


@settings(max_examples=300)
@given(st.text(alphabet=MIXED, max_size=200))
def test_the_fast_front_end_prepares_exactly_what_langdetect_does(text):
    from normalizer.detect.langdetect_batch import (
        detector_factory,
        ngrams,
        prepared_text,
    )
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
    from normalizer.detect.langdetect_batch import detector_factory
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
    from normalizer.detect import langdetect_batch as langdetect_fast
    from normalizer.detect.langdetect_batch import detector_factory
    monkeypatch.setattr(langdetect_fast, "INLINE_CHOICE", inline_choice)
    monkeypatch.setattr(langdetect_fast, "SEQUENTIAL_SUM", sequential_sum)
    texts = dev_texts()[: None if inline_choice else 60] + ["12345 !!!", "Ab", "ЖЖЖ ЖЖЖ ЖЖЖ"]
    got = langdetect_fast.probabilities_batch(detector_factory(), texts)
    for text, languages in zip(texts, got, strict=True):
        expected = langdetect_probabilities(text)
        assert (None if languages is None else [(p.lang, p.prob) for p in languages]) == expected, text[:80]


def test_the_inlined_draw_is_random_choice():
    from normalizer.detect.langdetect_batch import INLINE_CHOICE, choice_is_getrandbits
    assert INLINE_CHOICE and choice_is_getrandbits()


def test_check_language_in_a_batch_equals_one_document_at_a_time():
    texts = dev_texts()[::4] + ["", "Court.", "東京都は本日、新しい計画を発表しました。市民の生活を支えるための施策です。"]
    step = CheckLanguage(allow=["fr", "en", "de"], min_score=0.9)
    assert step.batch(texts) == [step(text) for text in texts]


def labelled_documents():
    import json
    from pathlib import Path
    root = Path(__file__).parent
    return [json.loads(line) for name in ("devset/devset.jsonl", "holdout/holdout.jsonl")
            for line in (root / name).read_text("utf-8").splitlines()]


def first_sentence(text, chars=80):
    lines = [line for line in text.split("\n") if len(line) > 40]
    return (lines[0] if lines else text)[:chars]


@pytest.mark.parametrize("shorten, at_least", [(None, 1.0), (first_sentence, 0.98)])
def test_fast_backend_accuracy_on_whole_documents_and_single_sentences(shorten, at_least):
    """Measured: 324/324 whole documents, 322/324 first sentences (langdetect: 324 and 314)."""
    docs = labelled_documents()
    step = CheckLanguage(backend="fast")
    texts = [shorten(doc["text"]) if shorten else doc["text"] for doc in docs]
    found = [outcome.meta["lang"] for outcome in step.batch(texts)]
    right = sum(got == doc["lang"] for got, doc in zip(found, docs))
    assert right / len(docs) >= at_least, [(doc["lang"], got) for got, doc in zip(found, docs) if got != doc["lang"]]


def test_cld2_reads_three_whole_word_windows_of_a_long_text_and_still_answers_right():
    from collections import defaultdict

    from normalizer.detect.fast_language import CLD2_WINDOW, by_cld2, cld2_sample
    short = "mot " * (3 * CLD2_WINDOW // 4)
    assert cld2_sample(short) == short
    by_lang = defaultdict(list)
    for doc in labelled_documents():
        by_lang[doc["lang"]].append(doc["text"])
    for lang, texts in by_lang.items():
        text = " ".join(texts * 4).replace("\n", " ")
        pieces = cld2_sample(text).split("\n")
        assert len(pieces) == 3 and sum(map(len, pieces)) <= 3 * CLD2_WINDOW
        assert text.startswith(pieces[0]) and text.endswith(pieces[2]) and pieces[1] in text
        if lang not in ("zh", "ja"):                      # no spaces to cut at
            assert all(text[text.index(piece) - 1] == " " for piece in pieces[1:])
            assert all(text[text.index(piece) + len(piece)] == " " for piece in pieces[:2])
        answer = by_cld2(text)
        assert answer is None or answer[0] == lang, (lang, answer)


def test_fast_backend_scores_and_text_cld2_refuses():
    step = CheckLanguage(backend="fast")
    long_text = "Le gouvernement a présenté lundi son projet de loi de finances pour l'année prochaine. " * 3
    outcome = step(long_text + "\x01\x85\ud800 fin.")
    assert outcome.meta["lang"] == "fr" and 0.5 < outcome.meta["lang_score"] <= 1.0
    short = step("Der Bundestag hat am Donnerstag das Gesetz beschlossen.")
    assert short.meta["lang"] == "de" and 0 < short.meta["lang_score"] <= 1.0
    assert step("12 345 !!").meta["lang"] is None


def test_fast_backend_knows_languages_langdetect_does_not():
    CheckLanguage(backend="fast", allow=["gl", "eu", "fr"])
    with pytest.raises(ValueError, match="unknown language code.*gl.*langdetect backend"):
        CheckLanguage(allow=["gl"])
    with pytest.raises(ValueError, match="backend must be one of langdetect, fast"):
        CheckLanguage(backend="cld3")


SENTENCES = ["Le gouvernement a présenté son budget.", "Der Bundestag hat das Gesetz beschlossen.",
             "The bank left rates unchanged.", "Правительство утвердило бюджет.", "12 345"]


@pytest.fixture
def fresh_identifier(monkeypatch, tmp_path):
    """py3langid's identifier loaded again on each call, with its cache in ``tmp_path / "cache"``."""
    from normalizer.detect import fast_language as language_fast
    monkeypatch.setenv("NORMALIZER_CACHE_DIR", str(tmp_path / "cache"))

    def load():
        language_fast.identifier.cache_clear()
        return language_fast.identifier()
    yield load
    language_fast.identifier.cache_clear()


def test_the_cached_fast_model_classifies_exactly_as_the_shipped_one(fresh_identifier, tmp_path):
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    shipped = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    shipped.set_languages(sorted(set(shipped.nb_classes) & supported_languages()))
    first = fresh_identifier()
    assert len(list((tmp_path / "cache").glob("py3langid-*.npz"))) == 1
    second = fresh_identifier()
    assert second is not first and second.nb_classes == shipped.nb_classes
    for text in SENTENCES:
        assert first.classify(text) == second.classify(text) == shipped.classify(text)


def test_a_damaged_cache_is_rebuilt_and_an_unusable_one_only_costs_time(fresh_identifier, tmp_path, monkeypatch):
    expected = [fresh_identifier().classify(text) for text in SENTENCES]
    [cached] = (tmp_path / "cache").glob("py3langid-*.npz")
    cached.write_bytes(cached.read_bytes()[:1000])
    assert [fresh_identifier().classify(text) for text in SENTENCES] == expected
    assert cached.stat().st_size > 1_000_000                  # written again, whole
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("NORMALIZER_CACHE_DIR", str(blocker / "cache"))
    assert [fresh_identifier().classify(text) for text in SENTENCES] == expected
    monkeypatch.setenv("NORMALIZER_CACHE_DIR", "")
    assert [fresh_identifier().classify(text) for text in SENTENCES] == expected
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file", "cache"]
    assert not list((tmp_path / "cache").glob("*.tmp"))


def test_fast_backend_without_its_libraries_says_how_to_get_them(hide_module):
    hide_module("pycld2")
    with pytest.raises(ValueError, match=r'pip install "pycld2>=0.41" "py3langid>=0.2.2"'):
        CheckLanguage(backend="fast")


def test_the_backend_is_chosen_in_the_rule_file(tmp_path):
    from normalizer.rules.loader import load_rules
    path = tmp_path / "fast.yaml"
    path.write_text("version: 1\nextends: default\nsteps:\n  - id: check_language\n    backend: fast\n",
                    encoding="utf-8")
    step = next(step for step in load_rules(path).steps if step.id == "check_language")
    assert step.cleaner.backend == "fast"
    path.write_text("version: 1\nextends: default\nsteps:\n  - id: check_language\n    backend: nope\n",
                    encoding="utf-8")
    with pytest.raises(Exception, match=r"fast.yaml:4: step 1 \(check_language\): backend must be one of"):
        load_rules(path)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_script_counts_by_character_class_equal_the_loop(text):
    from normalizer.detect.language import script_counts, script_counts_by_loop
    assert script_counts(text) == script_counts_by_loop(text)
