"""The default chain as a whole: correct text in many scripts is untouched, seeds are cleaned."""

from pathlib import Path

import pytest

from normalizer import clean_text, load_rules
from normalizer.core.document import replay

CORPUS = Path(__file__).parent.parent / "corpus"

# Correct text in 10 scripts (plus emoji and typography ftfy's defaults would change):
# the default chain must return every one byte for byte.
CORRECT_SAMPLES = {
    "latin-fr": "L’été dernier, « la Cité » a accueilli 12 000 visiteurs ; c’était déjà beaucoup.",
    "latin-de": "Er sagte: „Die Straße ist gesperrt.“ Größere Umleitungen sind geplant.",
    "latin-pl": "Zażółć gęślą jaźń — powiedział minister w środę.",
    "latin-vi": "Thủ tướng Chính phủ đã ký quyết định phê duyệt đề án mới.",
    "latin-tr": "İstanbul’da ılık bir gün: Çarşamba günü sıcaklık 24 derece olacak.",
    "cyrillic-ru": "Правительство утвердило новый бюджет на следующий год.",
    "cyrillic-uk": "Уряд ухвалив рішення про підтримку фермерів у вересні.",
    "greek": "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια.",
    "arabic": "أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد الوطني.",
    "hebrew": "הממשלה הודיעה על תוכנית חדשה לתמיכה בכלכלה.",
    "devanagari": "सरकार ने अर्थव्यवस्था को समर्थन देने के लिए नई योजना की घोषणा की।",
    "thai": "รัฐบาลประกาศแผนใหม่เพื่อสนับสนุนเศรษฐกิจของประเทศ",
    "han-zh": "政府宣布了支持国家经济的新计划。（注：详情见附件）",
    "kana-ja": "政府は経済を支援する新しい計画を発表した。「詳細」は後日、ﾊﾝｶｸ表記も。",
    "hangul-ko": "정부는 국가 경제를 지원하기 위한 새로운 계획을 발표했다.",
    "emoji": "Great news 🎉👍🏽 — family 👨‍👩‍👧 trip!",
    "nbsp-fr": "Prix\u00a0: 12\u00a0€ «\u00a0net\u00a0»",
    "html-like": "Tom &amp; Jerry: use <b>bold</b> sparingly.",
    "ligature": "ﬁnancial ﬂows",
    "fullwidth": "ＡＢＣ１２３！",
    "sao-paulo": "SÃO PAULO (Reuters) - Ações da Petrobras sobem.",
    "multiline": "Title line\n\nFirst paragraph.\nSecond line of it.\n\nLast paragraph.",
}


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize("label", sorted(CORRECT_SAMPLES))
def test_correct_text_is_byte_identical(rules, label):
    text = CORRECT_SAMPLES[label]
    doc = clean_text(text, rules)
    assert doc.text == text
    assert doc.edits == ()
    assert doc.rejected is None


@pytest.fixture(scope="module")
def seed_000(rules):
    raw = (CORPUS / "000_18120ca8e9e21f37.txt").read_text(encoding="utf-8")
    return raw, clean_text(raw, rules)


@pytest.fixture(scope="module")
def seed_002(rules):
    raw = (CORPUS / "002_0194357b7cce0a30.txt").read_text(encoding="utf-8")
    return raw, clean_text(raw, rules)


def test_seed_000_related_block_and_stray_letter_gone(seed_000):
    raw, doc = seed_000
    assert "Articles similaires" not in doc.text
    assert "Admonitions" not in doc.text and "Jinping et les 6 autres" not in doc.text
    assert "\u039f" not in doc.text
    assert "\nLe secrétaire du Conseil de sécurité russe" in doc.text
    body = raw.split("\nArticles similaires")[0].replace("\u039f ", "")
    assert doc.text == body, "every body paragraph stays, unchanged"
    assert doc.meta["lang"] == "fr"


def test_seed_002_tracking_tag_gone_title_and_body_kept(seed_002):
    raw, doc = seed_002
    assert "ttn-fr-34" not in doc.text
    assert doc.text.startswith("La Russie et la Chine intensifient leur coopération")
    paragraphs = [p for p in raw.split("\n") if p.strip() and p.strip() != "ttn-fr-34"]
    assert doc.text.split("\n\n") == paragraphs
    assert doc.meta["lang"] == "fr"


def test_edit_log_replays_to_output(seed_000, seed_002):
    for raw, doc in (seed_000, seed_002):
        assert replay(raw, doc.edits) == doc.text


def test_cleaning_is_idempotent_on_corpus(rules):
    for path in sorted(CORPUS.glob("*.txt")):
        once = clean_text(path.read_text(encoding="utf-8"), rules)
        twice = clean_text(once.text, rules)
        assert twice.text == once.text, path.name
        assert twice.edits == ()


def test_mojibake_repaired_and_plan_recorded(rules):
    doc = clean_text("Les FahrgÃ¤ste et lâ€™Ã©tÃ© sont lÃ\u00a0.\nUne ligne propre.", rules)
    assert doc.text == "Les Fahrgäste et l’été sont là.\nUne ligne propre."
    [edit] = [e for e in doc.edits if e.step == "fix_encoding"]
    assert "decode:utf-8" in edit.note or "decode_inconsistent_utf8" in edit.note


def test_no_state_between_documents(rules):
    text = "Le gouvernement a présenté son budget. CafÃ© et thÃ© sont taxÃ©s."
    alone = clean_text(text, rules)
    clean_text("<p>a < b & c</p> \x1b[31m Ã", rules)
    assert clean_text(text, rules) == alone


def test_ten_megabyte_line_with_mojibake_far_in(rules):
    head = "a" * 999_998
    text = head + "😀 cafÃ© " + "b" * 9_000_000
    doc = clean_text(text, rules)
    assert doc.text[999_990:1_000_010] == "aaaaaaaa😀 café bbbbb"
    assert "\ufffd" not in doc.text
