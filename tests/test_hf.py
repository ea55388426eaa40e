"""normalizer.hf: the chain inside Hugging Face ``datasets``, with clean_records' results.

Datasets are local (``from_list``, ``from_json``), the hub is switched off and every cache goes
under the test's temporary folder.
"""

import json
import re
import shutil
from pathlib import Path

import pytest

from normalizer import hf
from normalizer.api import clean_records, load_rules

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
ODD_ROWS = [
    {"id": "boilerplate", "text": "Partager sur Facebook"},                  # nothing left: empty_after_cleaning
    {"id": "blank", "text": "   "},                                          # empty_text
    {"id": "null", "text": None},                                            # text_not_string
    {"id": "fr", "text": "Le conseil municipal a adopté lundi le budget de la ville pour l'année prochaine."},
]
BILINGUAL = {"id": "bi-1", "text": "Le conseil municipal a adopté lundi le budget de la ville pour l'année "
             "prochaine, après un long débat sur les tarifs des bus.\n\nThe council adopted the town budget for "
             "next year on Monday, after a long debate about bus fares and parking."}


@pytest.fixture
def datasets(monkeypatch, tmp_path):
    """``datasets``, offline, caching under tmp_path, without progress bars."""
    cache = tmp_path / "hf-cache"
    for name, value in (("HF_DATASETS_OFFLINE", "1"), ("HF_HUB_OFFLINE", "1"), ("HF_DATASETS_CACHE", str(cache))):
        monkeypatch.setenv(name, value)
    module = pytest.importorskip("datasets", reason="no hf extra (the README's test command installs it)")
    monkeypatch.setattr(module.config, "HF_DATASETS_CACHE", cache)        # in case it was imported before
    monkeypatch.setattr(module.config, "HF_HUB_OFFLINE", True)
    if module.is_progress_bar_enabled():
        module.disable_progress_bars()
        yield module
        module.enable_progress_bars()
    else:
        yield module


def corpus_records():
    """The dev set and corpus/*.jsonl, with odd rows: every kind of row clean_batch must handle."""
    records = []
    for path in [ROOT / "tests/devset/devset.jsonl", *sorted((ROOT / "corpus").glob("*.jsonl"))]:
        records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records + [BILINGUAL] + ODD_ROWS


def assert_same_as_clean_records(rows, records, rules, text_field="text", id_field="id"):
    """Every field clean_records writes, in the row; every other column of the row, ours empty or the input's."""
    expected = list(clean_records(records, rules, text_field=text_field, id_field=id_field))
    assert len(rows) == len(expected) == len(records)
    ours = set(hf.columns_of(rules))
    for row, record, given in zip(rows, expected, records, strict=True):
        reject = record.pop("reject", None)
        assert row["rejected"] == (reject and reject["reason"])
        assert row["reject_detail"] == (reject and reject["detail"])
        if reject is not None and reject["stage"] == "read":
            assert row[text_field] == given.get(text_field)
            assert row["changed_by"] == []
        record_id = record.pop("id")            # "<records>:N" without an id: the row has no id column then
        assert row[id_field] == record_id if id_field in given else id_field not in row
        record[text_field] = record.pop("text", row[text_field])
        for key, value in record.items():
            assert row[key] == value, (key, row, record)
        for key in set(row) - set(record) - {"rejected", "reject_detail"}:
            assert row[key] in (None, []) if key in ours else row[key] == given.get(key), (key, row, record)


@pytest.mark.parametrize(("rules", "num_proc"), [("default", 1), ("default", 2), ("quality", 2)])
def test_map_gives_the_rows_clean_records_gives(datasets, rules, num_proc):
    records = corpus_records()
    ds = datasets.Dataset.from_list(records)
    cleaned = ds.map(hf.clean_batch, batched=True, batch_size=64, num_proc=num_proc, keep_in_memory=True,
                     fn_kwargs={"rules": rules})
    assert_same_as_clean_records(cleaned.to_list(), ds.to_list(), load_rules(rules))
    assert cleaned.filter(lambda reasons: [r is not None for r in reasons], batched=True,
                          input_columns="rejected")["rejected"] == ["empty_after_cleaning", "empty_text",
                                                                    "text_not_string"]


@pytest.mark.parametrize("given", ["path", "object"])
def test_rules_by_path_or_as_an_object_pickle_for_num_proc(datasets, tmp_path, given):
    path = tmp_path / "french.yaml"
    path.write_text("version: 1\nextends: default\nsteps:\n  - id: check_language\n    allow: [fr]\n"
                    "    mix: true\n", encoding="utf-8")
    rules = load_rules(str(path))
    ds = datasets.Dataset.from_list(corpus_records())
    cleaned = ds.map(hf.clean_batch, batched=True, batch_size=64, num_proc=2, keep_in_memory=True,
                     fn_kwargs={"rules": str(path) if given == "path" else rules})
    assert "language_not_allowed" in cleaned["rejected"] and any(cleaned["lang_mix"])
    assert_same_as_clean_records(cleaned.to_list(), ds.to_list(), rules)


def test_rules_are_loaded_once_per_process(monkeypatch):
    loads = []
    monkeypatch.setattr(hf, "load_rules", lambda name: loads.append(name) or load_rules(name))
    hf.loaded.cache_clear()
    for _ in range(3):
        hf.clean_batch({"text": ["Un texte assez long pour être reconnu comme du français."]}, rules="default")
    assert loads == ["default"]
    hf.loaded.cache_clear()


def test_split_gives_kept_and_rejected(datasets):
    ds = datasets.Dataset.from_list(ODD_ROWS).map(hf.clean_batch, batched=True, keep_in_memory=True)
    kept, rejected = hf.split(ds, keep_in_memory=True)
    assert kept["id"] == ["fr"] and kept["rejected"] == [None]
    assert rejected["id"] == ["boilerplate", "blank", "null"]
    assert rejected["text"] == ["Partager sur Facebook", "   ", None]        # the input text, unchanged
    with pytest.raises(ValueError, match="clean it first"):
        hf.split(datasets.Dataset.from_list(ODD_ROWS))


@pytest.mark.parametrize("name", ["dedup", "sites"])
def test_a_chain_that_learns_from_the_corpus_is_refused(datasets, name):
    ds = datasets.Dataset.from_list(ODD_ROWS)
    with pytest.raises(ValueError, match=r"learns from the whole corpus .*normalizer clean.*clean_records"):
        ds.map(hf.clean_batch, batched=True, keep_in_memory=True, fn_kwargs={"rules": name})
    with pytest.raises(ValueError, match="batch by batch"):
        hf.clean_batch({"text": ["x"]}, rules=load_rules(name))


def test_other_columns_pass_through_untouched(datasets):
    rows = [{"body": "Corps de l'article, assez long pour être reconnu.\nttn-fr-34", "lang": "fr",
             "meta": {"url": "https://example.fr/a", "tags": ["x"]}, "n": 1, "score": None},
            {"body": "Partager sur Facebook", "lang": None, "meta": {"url": None, "tags": []}, "n": 2, "score": 0.5}]
    ds = datasets.Dataset.from_list(rows)
    cleaned = ds.map(hf.clean_batch, batched=True, keep_in_memory=True, fn_kwargs={"text_field": "body"})
    for name in ("meta", "n", "score"):
        assert cleaned.features[name] == ds.features[name] and cleaned[name] == ds[name]
    assert cleaned["input_lang"] == ["fr", None] and cleaned.features["input_lang"] == ds.features["lang"]
    assert cleaned["body"] == ["Corps de l'article, assez long pour être reconnu.", "Partager sur Facebook"]
    assert cleaned["lang"][0] == "fr" and cleaned["rejected"] == [None, "empty_after_cleaning"]
    assert "id" not in cleaned.column_names and "text" not in cleaned.column_names
    trimmed = ds.map(hf.clean_batch, batched=True, keep_in_memory=True, remove_columns=["meta"],
                     fn_kwargs={"text_field": "body"})
    assert "meta" in trimmed.column_names            # as the README says: the whole table comes back
    assert_same_as_clean_records(cleaned.to_list(), rows, load_rules(), text_field="body")


def test_columns_keep_their_types_when_the_first_batch_has_only_none(datasets):
    rows = [{"id": str(i), "text": "Un texte assez long pour être reconnu comme du français."} for i in range(4)]
    rows.append({"id": "gone", "text": "Partager sur Facebook"})
    cleaned = datasets.Dataset.from_list(rows).map(hf.clean_batch, batched=True, batch_size=2, keep_in_memory=True)
    assert cleaned["rejected"] == [None] * 4 + ["empty_after_cleaning"]
    assert str(cleaned.features["rejected"].dtype) == "string"


def test_bad_input_is_an_error_or_a_rejected_row(datasets):
    with pytest.raises(ValueError, match=r"no 'text' column \(its columns: id, body\).*text_field"):
        datasets.Dataset.from_list([{"id": "a", "body": "x"}]).map(hf.clean_batch, batched=True, keep_in_memory=True)
    numbers = datasets.Dataset.from_list([{"text": 3}, {"text": 4}])
    cleaned = numbers.map(hf.clean_batch, batched=True, keep_in_memory=True)
    assert cleaned["text"] == [3, 4] and cleaned["rejected"] == ["text_not_string"] * 2
    assert cleaned["reject_detail"][0] == "'text' is a number, not a string"
    with pytest.raises(TypeError, match="rule-set name, a rule file's path or the Rules"):
        hf.clean_batch({"text": ["x"]}, rules=3)


def test_a_plain_dict_gets_a_dict_of_lists():
    out = hf.clean_batch({"id": [1, 2], "text": ["Partager sur Facebook", None], "lang": ["fr", "de"]})
    assert out["text"] == ["Partager sur Facebook", None] and out["input_lang"] == ["fr", "de"]
    assert out["rejected"] == ["empty_after_cleaning", "text_not_string"]
    assert out["changed_by"] == [["strip_share_lines"], []]         # what the chain did before it rejected
    assert "id" not in out


def test_keep_in_memory_leaves_no_cache_files(datasets, tmp_path):
    cache = tmp_path / "cache"
    ds = datasets.Dataset.from_json(str(ROOT / "corpus/news.jsonl"), cache_dir=str(cache))
    before = sorted(cache.rglob("*"))
    cleaned = ds.map(hf.clean_batch, batched=True, keep_in_memory=True)
    kept, rejected = hf.split(cleaned, keep_in_memory=True)
    assert sorted(cache.rglob("*")) == before and len(kept) + len(rejected) == len(ds)
    ds.map(hf.clean_batch, batched=True, load_from_cache_file=False)       # recomputes, but writes a file
    written = [path.name for path in cache.rglob("cache-*.arrow")]
    assert len(written) == 1
    assert ds.cleanup_cache_files() == 1 and sorted(cache.rglob("*")) == before


def test_the_readme_recipe_runs(datasets, tmp_path, monkeypatch):
    section = README.split("## Hugging Face datasets", 1)[1].split("\n## ", 1)[0]
    code = re.findall(r"```python\n(.*?)```", section, re.S)[0]
    (tmp_path / "corpus").mkdir()
    shutil.copy(ROOT / "corpus/news.jsonl", tmp_path / "corpus/news.jsonl")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)
    cleaned = scope["cleaned"]
    assert len(scope["kept"]) + len(scope["rejected"]) == len(cleaned) == 9
    written = [json.loads(line) for line in (tmp_path / "news.clean.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in written] == scope["kept"]["id"]
    assert_same_as_clean_records(cleaned.to_list(), scope["ds"].to_list(), load_rules())


def test_a_map_without_batched_or_with_a_pandas_format_is_refused_clearly():
    from normalizer.hf import clean_batch
    with pytest.raises(ValueError, match="batched=True"):
        clean_batch({"text": "Le conseil municipal a adopté le budget.", "id": "1"})
    pandas = pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="with_format"):
        clean_batch(pandas.DataFrame({"text": ["Le conseil municipal a adopté le budget."]}))
