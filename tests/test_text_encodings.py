"""Plain-text files: text that decodes as UTF-8 is read as UTF-8, whatever its script and
layout; UTF-16 without a byte-order mark needs the evidence of its NUL bytes."""

import pytest
from iohelpers import invoke, read_jsonl

from normalizer.io.textfiles import DecodeFailure, decode_document

UTF8_TEXTS = {
    "cyrillic word list with CRLF": "Москва\r\nСанкт-Петербург\r\nКазань\r\nНовосибирск\r\n",
    "cyrillic without spaces": "ПриветМирМоскваКазаньНовосибирскЕкатеринбург",
    "greek without spaces": "ΚαλημέραΚόσμεΑθήναΘεσσαλονίκηΠάτραΗράκλειο",
    "greek capitals with CRLF": "ΑΘΗΝΑ\r\nΘΕΣΣΑΛΟΝΙΚΗ\r\nΠΑΤΡΑ\r\n",
    "armenian": "Բարեւ աշխարհ, Երևան Գյումրի Վանաձոր",
    "armenian without spaces": "ԵրևանԳյումրիՎանաձորԷջմիածինԱբովյան",
    "georgian": "გამარჯობა მსოფლიო თბილისი ბათუმი",
    "hebrew": "שלום עולם ירושלים תל אביב חיפה",
    "arabic without spaces": "مرحبابالعالمالقاهرةبيروتدمشقعمان",
    "thai": "สวัสดีชาวโลกกรุงเทพเชียงใหม่ภูเก็ต",
    "chinese": "你好世界北京上海广州深圳",
    "one cyrillic word": "Здравствуйте",
}


@pytest.mark.parametrize("name", sorted(UTF8_TEXTS))
def test_text_that_decodes_as_utf8_is_read_as_utf8(name):
    text = UTF8_TEXTS[name]
    decoded = decode_document(text.encode("utf-8"))
    assert (decoded.encoding, decoded.text) == ("utf_8", text)


@pytest.mark.parametrize("name", sorted(UTF8_TEXTS))
def test_a_utf8_text_file_comes_out_as_it_went_in(tmp_path, name):
    text = UTF8_TEXTS[name]
    (tmp_path / "doc.txt").write_bytes(text.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    assert invoke("clean", tmp_path / "doc.txt", "-o", out, "-r", "fast").exit_code == 0
    (cleaned,) = read_jsonl(out)
    assert cleaned["text"].split() == text.split()


@pytest.mark.parametrize(("text", "encoding"), [
    ("Привет мир, Москва и Казань\n", "utf_16_le"),
    ("Hello world, this is a text\n", "utf_16_be"),
    ("2024 年 你好世界 这是文本 北京 上海\n", "utf_16_le"),
    ("Γειά σου κόσμε, Αθήνα\r\n", "utf_16_be"),
])
def test_utf16_without_a_bom_is_known_by_its_nul_bytes(text, encoding):
    assert decode_document(text.encode(encoding.replace("_", "-"))) == (text, encoding, 0)


def test_nul_bytes_out_of_utf16s_pattern_make_a_binary_file():
    with pytest.raises(DecodeFailure) as failure:
        decode_document(b"\x00" * 200 + b"\x01\x02PK\x03\x04" + bytes(range(256)) * 4)
    assert failure.value.reason == "binary_file"


@pytest.mark.parametrize(("text", "encoding"), [
    ("ПриветМирМоскваКазань", "utf_16_le"), ("ПриветМирМоскваКазань", "utf_16_be"),
    ("ΚαλημέραΚόσμεΑθήνα", "utf_16_le"), ("ΚαλημέραΚόσμεΑθήνα", "utf_16_be"),
])
def test_utf16_without_a_bom_or_any_ascii_is_still_found_by_its_high_bytes(text, encoding):
    """No space, no NUL: its bytes may even be valid UTF-8 (all ASCII controls), but not readable text."""
    assert decode_document(text.encode(encoding.replace("_", "-"))) == (text, encoding, 0)
