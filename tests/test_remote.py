"""Object storage in the local engine, against a real S3-compatible server on the loopback address
(moto in server mode, started here): the same bytes and manifest hashes as a local run, commits
that keep the local guarantees, resume from a remote shard folder, and the three failures users
meet (no bucket, access denied, no network), each with its exit code and a message that names no
credential."""

import http.server
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from iohelpers import invoke

s3fs = pytest.importorskip("s3fs", reason="the test extra's s3fs is not installed")
moto_server = pytest.importorskip("moto.server", reason="the test extra's moto[server] is not installed")

ROOT = Path(__file__).resolve().parent.parent
SECRET = "do-not-print-this-secret-0d1f"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint():
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture()
def s3(endpoint, monkeypatch):
    """Credentials and the endpoint from the environment, where s3fs looks for them; a fresh bucket."""
    environment = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": SECRET, "AWS_DEFAULT_REGION": "us-east-1",
                   "AWS_ENDPOINT_URL": endpoint, "AWS_MAX_ATTEMPTS": "1"}
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    s3fs.S3FileSystem.clear_instance_cache()
    fs = s3fs.S3FileSystem()
    bucket = f"corpora-{time.monotonic_ns()}"
    fs.mkdir(bucket)
    for path in sorted((ROOT / "corpus").iterdir()):
        fs.pipe(f"{bucket}/in/{path.name}", path.read_bytes())
    fs.pipe(f"{bucket}/in/.hidden.jsonl", b'{"id": "hidden", "text": "never read"}\n')
    yield fs, bucket, environment
    s3fs.S3FileSystem.clear_instance_cache()


def listing(fs, prefix):
    fs.invalidate_cache()
    return sorted(path.split("/", 1)[1] for path in fs.find(prefix))


def test_a_run_on_s3_writes_the_bytes_and_hashes_of_a_local_run(s3, tmp_path):
    fs, bucket, _ = s3
    remote = invoke("clean", f"s3://{bucket}/in/", "-o", f"s3://{bucket}/out/clean.jsonl.gz", "--rejects",
                    f"s3://{bucket}/out/rejects.jsonl", "--manifest", f"s3://{bucket}/out/run.json", "-j", "1")
    assert remote.exit_code == 0, remote.output
    local = invoke("clean", str(ROOT / "corpus"), "-o", str(tmp_path / "clean.jsonl.gz"), "--rejects",
                   str(tmp_path / "rejects.jsonl"), "--manifest", str(tmp_path / "run.json"), "-j", "1")
    assert local.exit_code == 0, local.output
    assert listing(fs, f"{bucket}/out") == ["out/clean.jsonl.gz", "out/rejects.jsonl", "out/run.json"]
    import gzip
    assert gzip.decompress(fs.cat(f"{bucket}/out/clean.jsonl.gz")) == gzip.decompress(
        (tmp_path / "clean.jsonl.gz").read_bytes())
    assert fs.cat(f"{bucket}/out/rejects.jsonl") == (tmp_path / "rejects.jsonl").read_bytes()
    ours, theirs = json.loads(fs.cat(f"{bucket}/out/run.json")), json.loads((tmp_path / "run.json").read_text())
    assert [o["content_sha256"] for o in ours["outputs"]] == [o["content_sha256"] for o in theirs["outputs"]]
    assert [i["sha256"] for i in ours["inputs"]] == [i["sha256"] for i in theirs["inputs"]]
    assert ours["inputs"][0]["path"].startswith(f"s3://{bucket}/in/")
    assert "hidden" in remote.output            # the hidden file is named, and not read


def test_check_and_explain_read_a_prefix_and_a_glob(s3, tmp_path):
    fs, bucket, _ = s3
    checked = invoke("check", f"s3://{bucket}/in/*.jsonl", "--format", "json", "-j", "1")
    local = invoke("check", str(ROOT / "corpus" / "*.jsonl"), "--format", "json", "-j", "1")
    assert json.loads(checked.stdout)["total"]["metrics"] == json.loads(local.stdout)["total"]["metrics"]
    explained = invoke("explain", f"s3://{bucket}/in/", "--format", "json")
    assert explained.exit_code == 0 and explained.stdout.strip()


def test_shards_on_s3_resume_after_the_committed_ones(s3):
    fs, bucket, _ = s3
    folder = f"s3://{bucket}/shards"
    first = invoke("clean", f"s3://{bucket}/in/", "-o", folder, "--shard-size", "4", "-j", "1")
    assert first.exit_code == 0, first.output
    complete = {name: fs.cat(f"{bucket}/{name}") for name in listing(fs, f"{bucket}/shards")}
    state = json.loads(complete["shards/_state.json"])
    fs.rm([f"{bucket}/shards/{name}" for name in state["shards"][-1]["files"]])      # as if killed before it
    state["shards"] = state["shards"][:-1]
    fs.pipe(f"{bucket}/shards/_state.json", json.dumps(state, indent=1).encode())
    again = invoke("clean", f"s3://{bucket}/in/", "-o", folder, "--shard-size", "4", "-j", "1", "--resume")
    assert again.exit_code == 0, again.output
    assert {name: fs.cat(f"{bucket}/{name}") for name in listing(fs, f"{bucket}/shards")} == complete
    refused = invoke("clean", f"s3://{bucket}/in/", "-o", folder, "--shard-size", "4", "-j", "1")
    assert refused.exit_code == 2 and "--resume" in refused.output


def big_corpus(fs, bucket, documents=60_000):
    line = ('{"id": "%d", "text": "Le conseil municipal a adopté lundi soir le budget de la ville pour '
            'l\'année prochaine, après un débat de plus de six heures sur les transports. %d"}\n')
    fs.pipe(f"{bucket}/big/corpus.jsonl", "".join(line % (i, i) for i in range(documents)).encode())


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_run_stopped_before_its_end_leaves_no_object(s3, how):
    fs, bucket, environment = s3
    big_corpus(fs, bucket)
    run = subprocess.Popen([sys.executable, "-m", "normalizer", "clean", f"s3://{bucket}/big/", "-j", "1",
                            "-o", f"s3://{bucket}/stopped/clean.jsonl", "--rejects",
                            f"s3://{bucket}/stopped/rejects.jsonl"],
                           env={**os.environ, **environment}, stderr=subprocess.DEVNULL)
    time.sleep(4)
    assert run.poll() is None, "the run ended before it could be stopped: make the corpus bigger"
    run.send_signal(how)
    run.wait(timeout=60)
    assert run.returncode != 0
    fs.invalidate_cache()
    assert not fs.exists(f"{bucket}/stopped") or listing(fs, f"{bucket}/stopped") == []


def test_a_missing_bucket_is_exit_3_to_read_and_4_to_write(s3, tmp_path):
    fs, bucket, _ = s3
    read = invoke("clean", "s3://no-such-bucket-here/in/", "-o", str(tmp_path / "x.jsonl"))
    assert read.exit_code == 3 and "s3://no-such-bucket-here/in/: no such bucket, folder or key" in read.output
    write = invoke("clean", f"s3://{bucket}/in/", "-o", "s3://no-such-bucket-here/x.jsonl")
    assert write.exit_code == 4 and "no such bucket" in write.output
    assert SECRET not in read.output + write.output


class Denying(http.server.BaseHTTPRequestHandler):
    """An S3 endpoint that refuses everything, as S3 does without the right to."""

    def refuse(self):
        body = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>'
                b"<Message>Access Denied</Message></Error>")
        self.send_response(403)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_PUT = do_HEAD = do_POST = do_DELETE = refuse

    def log_message(self, *args):
        pass


def point_at(monkeypatch, port):
    """Credentials and an endpoint in the environment, where s3fs reads them."""
    for key, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": SECRET,
                       "AWS_DEFAULT_REGION": "us-east-1", "AWS_MAX_ATTEMPTS": "1",
                       "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}"}.items():
        monkeypatch.setenv(key, value)
    s3fs.S3FileSystem.clear_instance_cache()


@pytest.fixture()
def denying(monkeypatch):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Denying)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    point_at(monkeypatch, server.server_address[1])
    yield
    server.shutdown()
    server.server_close()
    s3fs.S3FileSystem.clear_instance_cache()


def read_and_write_fail(tmp_path, bucket, message):
    """Reading ``s3://bucket/in/`` is exit 3 and writing there exit 4, each saying ``message``,
    neither printing the secret key."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "1", "text": "Le conseil municipal a adopté le budget lundi soir."}\n')
    read = invoke("clean", f"s3://{bucket}/in/", "-o", str(tmp_path / "x.jsonl"))
    assert read.exit_code == 3 and f"s3://{bucket}/in/: {message}" in read.output, read.output
    write = invoke("clean", str(corpus), "-o", f"s3://{bucket}/x.jsonl")
    assert write.exit_code == 4 and message in write.output, write.output
    assert SECRET not in read.output + write.output


def test_access_denied_is_exit_3_to_read_and_4_to_write(denying, tmp_path):
    read_and_write_fail(tmp_path, "private", "access denied")


def test_a_network_error_is_exit_3_to_read_and_4_to_write(monkeypatch, tmp_path):
    point_at(monkeypatch, free_port())                  # nothing listens there
    read_and_write_fail(tmp_path, "anywhere", "cannot be reached")
    s3fs.S3FileSystem.clear_instance_cache()


def test_memory_and_file_uris_are_read_and_written_too(tmp_path):
    import fsspec
    memory = fsspec.filesystem("memory")
    memory.pipe("/mem-in/a.jsonl", (ROOT / "corpus" / "fr-003.jsonl").read_bytes()
                if (ROOT / "corpus" / "fr-003.jsonl").exists() else next((ROOT / "corpus").glob("*.jsonl")).read_bytes())
    result = invoke("clean", "memory://mem-in/", "-o", f"file://{tmp_path}/out.jsonl", "-j", "1")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").startswith('{"id"')
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_readme_example_runs(s3):
    import shlex
    fs, _, _ = s3
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [line for line in readme.splitlines() if line.startswith("normalizer clean s3://corpora/crawl/")]
    if not fs.exists("corpora"):
        fs.mkdir("corpora")
    for path in sorted((ROOT / "corpus").iterdir()):
        fs.pipe(f"corpora/crawl/{path.name}", path.read_bytes())
    result = invoke(*shlex.split(line)[1:], "-j", "1")
    assert result.exit_code == 0, result.output
    assert listing(fs, "corpora/clean") == ["clean/clean.jsonl.gz", "clean/rejects.jsonl", "clean/run.json"]


def test_report_writes_to_s3_and_diff_reads_from_it(s3):
    fs, bucket, _ = s3
    report = invoke("report", f"s3://{bucket}/in/", "-o", f"s3://{bucket}/report.html", "-j", "1")
    assert report.exit_code in (0, 1), report.output
    assert fs.cat(f"{bucket}/report.html").startswith(b"<!DOCTYPE html>")
    for name in ("a", "b"):
        assert invoke("clean", f"s3://{bucket}/in/", "-o", f"s3://{bucket}/{name}.jsonl", "-j", "1").exit_code == 0
    same = invoke("diff", f"s3://{bucket}/a.jsonl", f"s3://{bucket}/b.jsonl")
    assert same.exit_code == 0, same.output


@pytest.mark.parametrize("spelling", ["s3", "s3a"])
def test_an_output_that_is_or_lies_in_an_input_is_refused(s3, spelling):
    fs, bucket, _ = s3
    same = invoke("clean", f"s3://{bucket}/in/news.jsonl", "-o", f"{spelling}://{bucket}/in/news.jsonl")
    assert same.exit_code == 2 and "would overwrite the corpus" in same.output, same.output
    inside = invoke("clean", f"s3://{bucket}/in/", "-o", f"s3://{bucket}/in/out.jsonl")
    assert inside.exit_code == 2
    shards = invoke("clean", f"s3://{bucket}/in/", "-o", f"s3://{bucket}/in/", "--shard-size", "5")
    assert shards.exit_code == 2 and "its shards could overwrite the corpus" in shards.output
    assert invoke("clean", f"s3://{bucket}/in/", "-o", f"s3://{bucket}/folder/").exit_code == 2


def test_keys_with_glob_characters_are_written_and_read_as_they_are(s3):
    fs, bucket, _ = s3
    for name in ("q?.jsonl", "out[1].jsonl"):
        result = invoke("clean", f"s3://{bucket}/in/news.jsonl", "-o", f"s3://{bucket}/odd/{name}", "-j", "1")
        assert result.exit_code == 0, result.output
    assert listing(fs, f"{bucket}/odd") == ["odd/out[1].jsonl", "odd/q?.jsonl"]
    again = invoke("clean", f"s3://{bucket}/odd/out[1].jsonl", "-o", f"s3://{bucket}/odd2.jsonl", "-j", "1")
    assert again.exit_code == 0, again.output


def test_inputs_of_one_name_under_two_prefixes_get_distinct_ids(s3):
    fs, bucket, _ = s3
    for prefix in ("a/sub", "b"):
        fs.pipe(f"{bucket}/{prefix}/noid.jsonl", b'{"text": "Le conseil municipal a adopt\\u00e9 le budget lundi."}\n')
    result = invoke("clean", f"s3://{bucket}/a/sub/noid.jsonl", f"s3://{bucket}/b/noid.jsonl", "-j", "1")
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert len(set(ids)) == 2, ids


def test_an_unreachable_shard_folder_is_exit_4(monkeypatch, tmp_path):
    point_at(monkeypatch, free_port())
    result = invoke("clean", str(ROOT / "corpus"), "-o", "s3://anywhere/shards/", "--shard-size", "3")
    assert result.exit_code == 4 and "cannot be reached" in result.output, result.output
    s3fs.S3FileSystem.clear_instance_cache()


def test_a_password_in_a_uri_is_never_shown(tmp_path):
    result = invoke("clean", f"http://user:hunter2pass@127.0.0.1:{free_port()}/x.jsonl", "-o", str(tmp_path / "o"))
    assert result.exit_code in (2, 3) and "hunter2pass" not in result.output, result.output


def test_sample_fails_on_its_output_before_reading(tmp_path):
    result = invoke("sample", str(ROOT / "corpus"), "--by", "lang", "-o", str(tmp_path / "no" / "s.jsonl"))
    assert result.exit_code == 4 and "no directory" in result.output
