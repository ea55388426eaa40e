"""The Ray engine gives what a local run gives: the same records kept, byte for byte, the same
rejects for the same reasons, the same counts (only the order differs).

The tests start a local Ray instance of 2 CPUs. The README's test command installs Ray (the
``ray`` extra); without it they are skipped, saying so.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from iohelpers import invoke, run_cli

ray = pytest.importorskip("ray", reason="Ray is not installed: the README's test command installs the 'ray' extra")
pyarrow = pytest.importorskip("pyarrow")
import pyarrow.parquet  # noqa: E402

from normalizer.rules.loader import load_rules  # noqa: E402

ROOT = Path(__file__).parent
DEVSET = [json.loads(line) for line in (ROOT / "devset" / "devset.jsonl").read_text("utf-8").splitlines()]
PLANTED = ['{"id": "broken", "text": "unterminated\n', '{"id": "number", "text": 42}\n',
           '{"id": "empty", "text": "  "}\n', "\n", '[1, 2]\n', '{"id": "short", "text": "Trop court."}\n']


def corpus_lines(count: int, prefix: str) -> list[str]:
    """Dev-set articles (boilerplate and all) under new ids, with malformed lines planted among them."""
    lines = []
    for i in range(count):
        doc = DEVSET[i % len(DEVSET)]
        lines.append(json.dumps({"id": f"{prefix}{i}", "text": doc["text"], "site": doc.get("site", "x")},
                                ensure_ascii=False) + "\n")
        if i % 97 == 13:
            planted = PLANTED[(i // 97) % len(PLANTED)]
            lines.append(planted.replace('"id": "', f'"id": "{prefix}{i}-') if '"id"' in planted else planted)
    return lines


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Three inputs, one of each kind: plain JSONL, gzipped JSONL, Parquet (about 2 500 records)."""
    folder = tmp_path_factory.mktemp("ray-inputs")
    (folder / "a.jsonl").write_text("".join(corpus_lines(1100, "a")), encoding="utf-8")
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("".join(corpus_lines(900, "b")))
    rows = [{"id": f"c{i}", "text": DEVSET[i % len(DEVSET)]["text"], "n": i} for i in range(500)]
    rows[250]["text"] = " "
    pyarrow.parquet.write_table(pyarrow.Table.from_pylist(rows), folder / "c.parquet")
    return [folder / "a.jsonl", folder / "b.jsonl.gz", folder / "c.parquet"]


def read_parts(folder: Path) -> list[str]:
    return [line for path in sorted(folder.glob("part-*.jsonl")) for line in path.read_text("utf-8").splitlines()]


def by_id(lines):
    return {json.loads(line)["id"]: line for line in lines}


def without_place(line: str) -> dict:
    """A reject without where it was read (Parquet rows are named by file and row locally only)."""
    record = json.loads(line)
    record["reject"] = {k: v for k, v in record["reject"].items() if k not in ("source", "line")}
    return record


def summary_of(stderr: str) -> list[str]:
    """The summary block: "N documents in, …" and its indented lines (Ray's own notes aside)."""
    lines = stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\d+ documents? in, ", line))
    block = [lines[start]]
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        if not line.startswith("  elapsed: "):      # the one line that depends on the machine
            block.append(line)
    return block


def test_a_ray_run_keeps_and_rejects_what_a_local_run_does(tmp_path, inputs):
    local = run_cli("clean", *inputs, "-o", tmp_path / "local.jsonl", "--rejects", tmp_path / "local-rej.jsonl",
                    "-j", "2")
    assert local.returncode == 0, local.stderr.decode()
    on_ray = run_cli("clean", *inputs, "--engine", "ray", "-o", tmp_path / "out", "--rejects", tmp_path / "rej",
                     "-j", "2", timeout=600)
    assert on_ray.returncode == 0, on_ray.stderr.decode()

    kept_locally = by_id((tmp_path / "local.jsonl").read_text("utf-8").splitlines())
    kept_on_ray = by_id(read_parts(tmp_path / "out"))
    assert len(kept_locally) > 2000 and kept_on_ray == kept_locally          # the same lines, byte for byte

    rejected_locally = (tmp_path / "local-rej.jsonl").read_text("utf-8").splitlines()
    rejected_on_ray = read_parts(tmp_path / "rej")
    assert len(rejected_on_ray) == len(rejected_locally) >= 12
    reasons = {json.loads(line)["reject"]["reason"] for line in rejected_locally}
    assert {"json_decode_error", "text_not_string", "empty_text", "not_an_object"} <= reasons
    # JSONL rejects are the same lines; a Parquet row is named by file and row only locally
    from_jsonl = [line for line in rejected_locally if ".parquet" not in json.loads(line)["reject"]["source"]]
    assert sorted(from_jsonl) == sorted(line for line in rejected_on_ray if "<dataset>" not in line)
    assert sorted(map(without_place, rejected_on_ray), key=json.dumps) == sorted(
        map(without_place, rejected_locally), key=json.dumps)

    # the same summary, and in = out + rejected
    assert summary_of(on_ray.stderr.decode()) == summary_of(local.stderr.decode())
    first = summary_of(on_ray.stderr.decode())[0]
    documents_in, out, rejected = (int(word) for word in first.replace(",", "").split() if word.isdigit())
    assert documents_in == out + rejected == len(kept_on_ray) + len(rejected_on_ray)


@pytest.fixture(scope="module")
def ray_instance():
    """One local Ray instance of 2 CPUs for the library tests (and the CLI joining it)."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


def test_a_crashing_cleaner_rejects_its_document_and_the_job_completes(tmp_path, inputs, ray_instance):
    rules = tmp_path / "crash.yaml"
    rules.write_text("version: 1\nextends: default\nsteps:\n  - id: crash\n    use: crashes_on_marker\n"
                     "    after: tidy_text\n", encoding="utf-8")
    texts = [DEVSET[i % len(DEVSET)]["text"] for i in range(300)]
    texts[123] += "\nCRASH ME"
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(texts)), encoding="utf-8")
    result = run_cli("clean", source, "-r", rules, "--engine", "ray", "--ray-address", ray_instance,
                     "-o", tmp_path / "out", "--rejects", tmp_path / "rej", timeout=600)
    assert result.returncode == 5, result.stderr.decode()
    [crash] = [json.loads(line) for line in read_parts(tmp_path / "rej")
               if json.loads(line)["reject"]["reason"].startswith("internal_error")]
    assert crash["id"] == "d123" and crash["reject"]["reason"] == "internal_error:RuntimeError"
    assert "CRASH ME" in crash["reject"]["detail"] and crash["reject"]["step"] == "crash"
    kept = by_id(read_parts(tmp_path / "out"))
    rejected = read_parts(tmp_path / "rej")
    assert "d123" not in kept and len(kept) + len(rejected) == 300


def test_a_folder_named_parquet_gets_parquet_parts_with_the_local_rows(tmp_path, inputs, ray_instance):
    local = run_cli("clean", inputs[0], "-o", tmp_path / "local.parquet")
    assert local.returncode == 0, local.stderr.decode()
    on_ray = run_cli("clean", inputs[0], "--engine", "ray", "--ray-address", ray_instance,
                     "-o", tmp_path / "out.parquet", timeout=600)
    assert on_ray.returncode == 0, on_ray.stderr.decode()
    assert "rejected document" in on_ray.stderr.decode() and "add --rejects FOLDER" in on_ray.stderr.decode()
    parts = sorted((tmp_path / "out.parquet").glob("part-*.parquet"))
    assert parts and not list((tmp_path / "out.parquet").glob("*.jsonl"))
    rows = [row for part in parts for row in pyarrow.parquet.read_table(part).to_pylist()]
    expected = pyarrow.parquet.read_table(tmp_path / "local.parquet").to_pylist()
    assert sorted(rows, key=lambda r: r["id"]) == sorted(expected, key=lambda r: r["id"])


def test_an_unreadable_input_is_a_file_reject_and_exit_3_and_the_others_are_written(tmp_path, inputs,
                                                                                     ray_instance):
    damaged = tmp_path / "damaged.jsonl.gz"
    damaged.write_bytes(inputs[1].read_bytes()[:5000])
    result = run_cli("clean", inputs[0], damaged, "--engine", "ray", "--ray-address", ray_instance,
                     "-o", tmp_path / "out", "--rejects", tmp_path / "rej", timeout=600)
    assert result.returncode == 3, result.stderr.decode()
    assert "1 input file(s) could not be read" in result.stderr.decode()
    assert f"unreadable file {damaged}: truncated_input" in result.stderr.decode()
    [file_reject] = [json.loads(line) for line in read_parts(tmp_path / "rej")
                     if json.loads(line)["reject"]["stage"] == "file"]
    assert file_reject["reject"]["source"] == str(damaged) and file_reject["reject"]["reason"] == "truncated_input"
    assert len(by_id(read_parts(tmp_path / "out"))) > 1000


def test_clean_dataset_gives_the_records_the_python_api_gives(ray_instance):
    from normalizer.api import clean_records
    from normalizer.engines.ray import clean_dataset

    rules = load_rules()
    records = [{"id": f"r{i}", "text": DEVSET[i % len(DEVSET)]["text"], "n": i} for i in range(400)]
    records[7]["text"] = "Trop court."
    records[9]["text"] = ""
    expected = list(clean_records(records, rules))
    anonymous = {"text": records[11]["text"], "n": 11}        # no id: named by a digest of its text
    cleaned, rejected = clean_dataset(ray.data.from_items(records + [anonymous]), rules)
    kept = {row["id"]: row for row in cleaned.take_all()}
    dropped = {row["id"]: row for row in rejected.take_all()}
    [named] = [key for key in kept if key.startswith("<dataset>:")]
    assert {**kept.pop(named), "id": "r11"} == kept["r11"]
    assert kept == {r["id"]: r for r in expected if "reject" not in r}
    assert {i: r["reject"]["reason"] for i, r in dropped.items()} == {
        r["id"]: r["reject"]["reason"] for r in expected if "reject" in r}
    assert dropped["r9"]["reject"]["reason"] == "empty_text"


def test_clean_frames_is_what_spark_mapinpandas_calls():
    import pandas

    from normalizer.api import clean_records
    from normalizer.engines.ray import clean_frames

    rules = load_rules()
    records = [{"id": f"s{i}", "text": DEVSET[i % len(DEVSET)]["text"]} for i in range(60)]
    frames = [pandas.DataFrame(records[:30]), pandas.DataFrame(records[30:])]
    out = pandas.concat(list(clean_frames(iter(frames), rules)), ignore_index=True)
    expected = [r for r in clean_records(records, rules) if "reject" not in r]
    assert list(out["id"]) == [r["id"] for r in expected]
    assert list(out["text"]) == [r["text"] for r in expected]
    assert list(out["changed_by"]) == [json.dumps(r["changed_by"], ensure_ascii=False) for r in expected]


def test_ray_usage_mistakes_are_named_before_anything_runs(tmp_path, inputs):
    full = tmp_path / "full"
    full.mkdir()
    (full / "x.jsonl").write_text("{}\n")
    for args, message in [
        (["-o", "-"], "give -o FOLDER"),
        (["-o", full], "already holds files"),
        (["-o", tmp_path / "o", "--shard-size", "10"], "--shard-size: not available with --engine ray"),
    ]:
        result = invoke("clean", inputs[0], "--engine", "ray", *args)
        assert result.exit_code == 2 and message in result.output, result.output
    result = invoke("clean", inputs[0], "--ray-address", "auto", "-o", tmp_path / "o")
    assert result.exit_code == 2 and "--ray-address needs --engine ray" in result.output


def test_without_ray_the_error_says_how_to_install_it(tmp_path, inputs, hide_module):
    hide_module("ray")
    result = invoke("clean", inputs[0], "--engine", "ray", "-o", tmp_path / "o")
    assert result.exit_code == 2 and 'pip install "ray[data]>=2.40" "pyarrow>=14" "pandas>=2"' in result.output


COMMON_LINES = "version: 1\nextends: default\nsteps:\n  - use: strip_common_lines\n    before: tidy_after\n"


def sites_corpus(path: Path, count: int = 600) -> list[dict]:
    """Dev-set articles under three sites, each site's footer on most of its documents."""
    records = []
    for i in range(count):
        site = ("a.example", "b.example", "c.example")[i % 3]
        footer = f"© {site} — tous droits réservés" if i % 7 else f"Une ligne propre au document {i}."
        records.append({"id": f"d{i}", "text": f"{DEVSET[i % len(DEVSET)]['text']}\n{footer}", "source": site})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records


def test_a_step_that_learns_from_the_corpus_learns_the_same_on_ray(tmp_path, ray_instance):
    source = tmp_path / "sites.jsonl"
    sites_corpus(source)
    rules = tmp_path / "common.yaml"
    rules.write_text(COMMON_LINES, encoding="utf-8")
    local = run_cli("clean", source, "-r", rules, "-o", tmp_path / "local.jsonl", "--with-edits", "-j", "2")
    assert local.returncode == 0, local.stderr.decode()
    on_ray = run_cli("clean", source, "-r", rules, "--engine", "ray", "--ray-address", ray_instance,
                     "-o", tmp_path / "out", "--with-edits", timeout=600)
    assert on_ray.returncode == 0, on_ray.stderr.decode()
    kept_locally = by_id((tmp_path / "local.jsonl").read_text("utf-8").splitlines())
    assert by_id(read_parts(tmp_path / "out")) == kept_locally               # the same lines, byte for byte
    notes = {e["note"] for line in kept_locally.values() for e in json.loads(line)["edits"]
             if e["step"] == "strip_common_lines"}
    assert sorted(note.rsplit(" ", 1)[1] for note in notes) == ["a.example", "b.example", "c.example"]
    assert all(" of 200 documents from " in note for note in notes)


def test_clean_dataset_learns_from_the_dataset_as_the_api_learns_from_records(tmp_path, ray_instance):
    from normalizer.api import clean_records, learn_from
    from normalizer.chain.tasks import state_digest
    from normalizer.engines.ray import clean_dataset, learned_on_dataset
    from normalizer.io.records import ReadOptions

    rules_path = tmp_path / "common.yaml"
    rules_path.write_text(COMMON_LINES, encoding="utf-8")
    rules = load_rules(rules_path)
    records = sites_corpus(tmp_path / "sites.jsonl", 300)
    on_ray = learned_on_dataset(ray.data.from_items(records), rules, ReadOptions())
    in_process = learn_from(records, rules)
    assert [state_digest(s.learned) for s in on_ray.steps if s.traits.learns] == \
        [state_digest(s.learned) for s in in_process.steps if s.traits.learns]
    cleaned, _ = clean_dataset(ray.data.from_items(records), rules)
    assert {row["id"]: row["text"] for row in cleaned.take_all()} == {
        r["id"]: r["text"] for r in clean_records(records, rules) if "reject" not in r}


def test_dedup_on_ray_rejects_exactly_the_planted_copies_as_a_local_run_does(tmp_path, ray_instance):
    from planted import write_corpus
    planted = write_corpus(tmp_path / "planted.jsonl")
    local = run_cli("clean", tmp_path / "planted.jsonl", "-r", "dedup", "-o", tmp_path / "local.jsonl",
                    "--rejects", tmp_path / "local.rejects.jsonl", "-j", "2")
    assert local.returncode == 0, local.stderr.decode()
    on_ray = run_cli("clean", tmp_path / "planted.jsonl", "-r", "dedup", "--engine", "ray", "--ray-address",
                     ray_instance, "-o", tmp_path / "out", "--rejects", tmp_path / "rejects", timeout=600)
    assert on_ray.returncode == 0, on_ray.stderr.decode()
    rejected = by_id(read_parts(tmp_path / "rejects"))
    assert set(rejected) == planted
    assert rejected == by_id((tmp_path / "local.rejects.jsonl").read_text("utf-8").splitlines())
    assert by_id(read_parts(tmp_path / "out")) == by_id((tmp_path / "local.jsonl").read_text("utf-8").splitlines())


@pytest.mark.parametrize("options", ["verify: true", "verify: false", "exact: false", "scope: source"])
def test_dedup_learns_in_buckets_on_ray_what_it_learns_in_one_process(tmp_path, ray_instance, monkeypatch, options):
    """The 100-million-document path: the band index shuffled by bucket over the cluster, the
    driver holding the copies alone; the state is the one a local run learns, byte for byte."""
    from planted import write_corpus

    from normalizer.api import learn_from
    from normalizer.chain.tasks import state_digest
    from normalizer.engines import ray_dedup
    from normalizer.engines.ray import RayEngine
    from normalizer.io.corpus import FileCorpus

    write_corpus(tmp_path / "planted.jsonl")
    rules_path = tmp_path / "dedup.yaml"
    rules_path.write_text(f"version: 1\nextends: dedup\nsteps:\n  - id: dedup\n    {options}\n", encoding="utf-8")
    rules = load_rules(rules_path)
    corpus = FileCorpus.from_paths([str(tmp_path / "planted.jsonl")])
    sharded = []
    learned_in_buckets = ray_dedup.learned_in_buckets

    def spied(*args):
        sharded.append(args[1].id)
        return learned_in_buckets(*args)

    monkeypatch.setattr(ray_dedup, "learned_in_buckets", spied)
    on_ray = learn_from(corpus, rules, engine=RayEngine(address=ray_instance))
    assert sharded == ["dedup"]
    locally = learn_from(corpus, rules)
    (ray_state,), (local_state,) = ([s.learned for s in learned.steps if s.traits.learns]
                                    for learned in (on_ray, locally))
    assert state_digest(ray_state) == state_digest(local_state)
    assert ray_state["documents"] == 200 and len([v for v in ray_state["verdicts"].values() if v[0] != "kept"]) >= 20


def test_dedup_refuses_rows_without_line_numbers_on_ray(tmp_path, ray_instance):
    """Copies are named by file and line; rows of Parquet or of a dataset on Ray have none."""
    import pyarrow
    import pyarrow.parquet

    from normalizer.core.errors import UsageError
    from normalizer.engines.ray import clean_dataset

    records = [{"id": str(n), "text": "The same story, copied from the wire service. " * 5} for n in range(3)]
    pyarrow.parquet.write_table(pyarrow.Table.from_pylist(records), tmp_path / "in.parquet")
    result = run_cli("clean", tmp_path / "in.parquet", "-r", "dedup", "--engine", "ray", "--ray-address",
                     ray_instance, "-o", tmp_path / "out", timeout=600)
    assert result.returncode == 2
    assert "in.parquet: step 'dedup' names each copy by its file and line" in result.stderr.decode()
    with pytest.raises(UsageError, match="a dataset's rows have no line number"):
        clean_dataset(ray.data.from_items(records), load_rules("dedup"))
