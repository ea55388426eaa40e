"""A shard folder where a shard's name is a planted symlink: the link is replaced by the shard,
its target never written through."""

import os

import pytest
from iohelpers import jsonl, read_jsonl, record, run_cli


@pytest.mark.parametrize("planted", ["part-00000.jsonl", "part-00000.rejects.jsonl", "part-00001.jsonl",
                                     "part-00001.rejects.jsonl"])
def test_a_planted_symlink_is_replaced_not_written_through(tmp_path, planted):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(*(record(i) for i in range(6)), {"id": "bad", "text": ""}), encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    shards = tmp_path / "shards"
    shards.mkdir()
    os.symlink(victim, shards / planted)
    result = run_cli("clean", source, "-o", shards, "--shard-size", "3", "-r", "fast", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (shards / planted).is_symlink()
    kept = [r["id"] for name in sorted(os.listdir(shards)) if name.startswith("part-") and ".rejects" not in name
            for r in read_jsonl(shards / name)]
    assert kept == [str(i) for i in range(6)]
