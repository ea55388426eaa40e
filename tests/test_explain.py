"""`normalizer explain`: what every step did to a document, as text (colour on a terminal) and JSON."""

import json

from iohelpers import invoke, jsonl, record

DOC = ("Mise à jour du logiciel\n\nLâ€™administration a publiÃ© lundi une nouvelle version du service "
       "https://impots.example/aide?id=7&utm_source=nl.\n\nArticles similaires\n- Impôts : ce qui change en 2025\n"
       "- La réforme des retraites adoptée\n\nttn-fr-34")


def corpus(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(record("a", DOC), record("b", "Un texte court et propre, écrit en français correct."),
                          record("c", "\u200b\n\n")), encoding="utf-8")
    return path


def test_explain_shows_every_step_that_acted(tmp_path):
    result = invoke("explain", corpus(tmp_path), "--id", "a")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "── a  " in out and "in.jsonl:1" in out and "kept, fr (1.0)" in out
    # the encoding repair, line before and after, with ftfy's plan
    assert '~ "Lâ€™administration a publiÃ© lundi' in out and '→ "L’administration a publié lundi' in out
    assert "[encode:sloppy-windows-1252 decode:utf-8]" in out
    assert "utm_source" in out and "strip_tracking_params: 1 change(s)" in out
    # removed lines, one by one, under the step that removed them
    related = out.index("strip_related: removed 3 line(s)")
    assert out.index("  - Articles similaires", related) < out.index("  - - La réforme des retraites adoptée", related)
    assert "strip_tracking_tag: removed 1 line(s)\n  - ttn-fr-34" in out
    assert 'lang = "fr"' in out and "lang_score = 1.0" in out
    assert "── b" not in out                             # --id picks one document
    assert "\x1b[" not in out                           # plain when piped


def test_explain_shows_the_reject_and_colours_on_request(tmp_path):
    result = invoke("explain", corpus(tmp_path), "--id", "c", "--color")
    assert "\x1b[" in result.stdout
    plain = invoke("explain", corpus(tmp_path), "--id", "c").stdout
    assert "REJECTED by reject_short: empty_after_cleaning" in plain
    assert "rejected: empty_after_cleaning (no text left after cleaning)" in plain


def test_explain_json_is_one_object_per_document_with_offsets_that_replay(tmp_path):
    from normalizer.core.document import Edit, replay
    result = invoke("explain", corpus(tmp_path), "--format", "json")
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["a", "b", "c"]
    a = docs[0]
    assert a["kept"] and a["lang"] == "fr" and a["input"] == DOC
    assert [s["step"] for s in a["steps"]][:2] == ["fix_encoding", "strip_tracking_params"]
    edits = [Edit(**edit) for step in a["steps"] for edit in step["edits"]]
    assert replay(a["input"], edits) == a["output"]
    assert docs[2]["rejected"]["reason"] == "empty_after_cleaning"


def test_explain_reads_plain_text_on_stdin():
    result = invoke("explain", "-", input="Le texte du corps de l'article.\nPartager sur Facebook\n")
    assert result.exit_code == 0
    assert "── <stdin>" in result.stdout and "  - Partager sur Facebook" in result.stdout


def test_explain_changed_only_limit_and_missing_ids(tmp_path):
    path = corpus(tmp_path)
    assert "── b" not in invoke("explain", path, "--changed-only").stdout
    assert invoke("explain", path, "-n", "1").stdout.count("── ") == 1
    missing = invoke("explain", path, "--id", "zzz")
    assert missing.exit_code == 1 and "no document with id 'zzz'" in missing.stderr
    unreadable = invoke("explain", tmp_path / "nope.jsonl")
    assert unreadable.exit_code == 3


def test_explain_stdin_is_decoded_like_a_text_file_and_empty_stdin_is_an_error():
    text = ("Le café est fermé, a annoncé le gérant du café de la gare mardi matin aux habitués. "
            "Les employés espèrent une réouverture rapide.")
    result = invoke("explain", "-", input=text.encode("cp1252"))
    assert result.exit_code == 0 and "(read as cp1252)" in result.stdout and "fr (1.0)" in result.stdout
    short = "Le café est fermé.".encode("cp1252")
    assert "--fallback-encoding" in invoke("explain", "-", input=short).stderr
    assert "(read as cp1252)" in invoke("explain", "-", "--fallback-encoding", "cp1252", input=short).stdout
    empty = invoke("explain", "-", input=b"")
    assert empty.exit_code == 3 and "<stdin>: no text on stdin" in empty.stderr


def test_an_unreadable_file_is_named_and_the_others_are_still_explained(tmp_path):
    (tmp_path / "elf.bin").write_bytes(b"\x7fELF\x02\x01" + b"\x00" * 200)
    good = tmp_path / "good.txt"
    good.write_text("Un texte lisible, en français, sur le budget voté mardi par les députés.", encoding="utf-8")
    result = invoke("explain", tmp_path / "elf.bin", good)
    assert result.exit_code == 3
    assert "── good" in result.stdout
    assert f"{tmp_path / 'elf.bin'}: binary_file" in result.stderr
