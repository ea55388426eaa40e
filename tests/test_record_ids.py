"""A record without an id is named by its input's path below the root given and its line, the
same however the path was spelled: the same corpus gives the same ids."""

import pytest
from iohelpers import jsonl, read_jsonl, run_cli

TEXTS = ["Le conseil municipal a adopté lundi le nouveau budget.", "Les cheminots ont levé le préavis de grève."]


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "data" / "sub").mkdir(parents=True)
    for path in ("data/a.jsonl", "data/sub/a.jsonl"):
        (tmp_path / path).write_text(jsonl(*({"text": text} for text in TEXTS)), encoding="utf-8")
    return tmp_path


def ids(root, *inputs):
    out = root / "out.jsonl"
    result = run_cli("clean", *inputs, "-o", out, "-r", "fast", "-j", "1", cwd=root)
    assert result.returncode == 0, result.stderr
    return [record["id"] for record in read_jsonl(out)]


@pytest.mark.parametrize("spelling", ["data", "./data/", "data/../data", "{root}/data", "data//"])
def test_a_folder_gives_the_same_ids_however_it_is_spelled(corpus, spelling):
    assert ids(corpus, spelling.format(root=corpus)) == ["a.jsonl:1", "a.jsonl:2", "sub/a.jsonl:1", "sub/a.jsonl:2"]


@pytest.mark.parametrize("spellings", [("data/a.jsonl", "data/sub/a.jsonl"),
                                       ("./data/a.jsonl", "{root}/data/sub/../sub/a.jsonl")])
def test_files_given_one_by_one_are_named_apart_when_their_names_collide(corpus, spellings):
    inputs = [spelling.format(root=corpus) for spelling in spellings]
    assert ids(corpus, *inputs) == ["a.jsonl:1", "a.jsonl:2", "sub/a.jsonl:1", "sub/a.jsonl:2"]


def test_a_file_alone_is_named_by_its_file_name(corpus):
    assert ids(corpus, f"{corpus}/data/sub/a.jsonl") == ids(corpus, "data/sub/a.jsonl") == ["a.jsonl:1", "a.jsonl:2"]
