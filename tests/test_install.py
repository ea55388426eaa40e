"""An install that works as written: the commands normalizer prints install, the wheel carries both
command names, the README's pre-commit hook runs, and a foreign `normalizer` on PATH is named."""

import configparser
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from normalizer.core.errors import MissingExtraError
from normalizer.core.install import extras, install_command

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def setup_extras():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "setup.cfg", encoding="utf-8")
    return {name: [line.strip() for line in value.splitlines() if line.strip()]
            for name, value in parser.items("options.extras_require")}


def test_every_missing_extra_names_its_own_requirements_and_the_checkout():
    assert extras() == {name: tuple(values) for name, values in setup_extras().items()}
    for extra, requirements in setup_extras().items():
        message = str(MissingExtraError("a step", "a package", extra))
        assert "pip install " + " ".join(f'"{r}"' for r in requirements) in message
        assert f'pip install -e "{ROOT}[{extra}]"' in message
        assert "corpus-normalizer[" not in message.replace(f"{ROOT}[", "")


def test_the_printed_requirements_resolve_on_the_package_index(tmp_path):
    requirements = sorted({r for extra, values in setup_extras().items() if extra != "test" for r in values})
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--quiet",
                             "--ignore-installed", "--report", str(tmp_path / "report.json"), *requirements],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0 and re.search(r"(?i)connection|network|resolve host|timed out", result.stderr):
        pytest.skip(f"the package index cannot be reached here: {result.stderr.strip()[-200:]}")
    assert result.returncode == 0, result.stderr
    assert install_command("fast").startswith('pip install "pycld2>=0.41" "py3langid>=0.2.2"')


def test_the_readme_prints_no_install_that_cannot_work():
    commands = re.findall(r"pip install [^`\n]+", README)
    assert commands
    for command in commands:
        assert "corpus-normalizer" not in command, command
        assert "rev: v0.1.0" not in README


def test_the_wheel_installs_both_command_names(tmp_path):
    pytest.importorskip("build", reason="the test extra's 'build' is not installed")
    source = tmp_path / "src"        # a copy: building writes build/ and *.egg-info beside the sources
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info",
                                                                ".mypy_cache", ".hypothesis", "__pycache__"))
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                            str(tmp_path / "dist"), str(source)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("corpus_normalizer-*.whl")
    assert f'pip install "dist/{wheel.name}[fast]"' in README        # the README installs the wheel built
    with zipfile.ZipFile(wheel) as archive:
        entry_points = next(name for name in archive.namelist() if name.endswith("entry_points.txt"))
        commands = archive.read(entry_points).decode()
        assert any(name.endswith("shipped_rules/quality/fr.yaml") for name in archive.namelist())
    assert "normalizer = normalizer.cli:main" in commands and "corpus-normalizer = normalizer.cli:main" in commands
    target = tmp_path / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
                                "--target", str(target), f"{wheel}[fast]"], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    version = subprocess.run([str(target / "bin" / "corpus-normalizer"), "--version"], capture_output=True,
                             text=True, env=env, cwd=tmp_path)
    assert version.returncode == 0 and "normalizer" in version.stdout, version.stderr


def fake_normalizer(folder, body):
    folder.mkdir()
    script = folder / "normalizer"
    script.write_text(f"#!/bin/sh\n# {body}\n")
    script.chmod(0o755)
    return folder


def run_with_path(path_first, tmp_path):
    env = {**os.environ, "PATH": f"{path_first}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run([sys.executable, "-m", "normalizer", "rules", "list"], capture_output=True, text=True,
                          env=env, cwd=tmp_path)


def test_a_foreign_normalizer_on_path_is_named_once(tmp_path):
    foreign = fake_normalizer(tmp_path / "foreign", "from charset_normalizer.cli import cli_detect")
    result = run_with_path(foreign, tmp_path)
    assert result.returncode == 0
    assert result.stderr.count("note: the 'normalizer' command on your PATH is not this tool") == 1
    assert "charset-normalizer" in result.stderr and "corpus-normalizer" in result.stderr


def test_our_own_normalizer_on_path_says_nothing(tmp_path):
    ours = fake_normalizer(tmp_path / "ours", "from normalizer.cli import main")
    result = run_with_path(ours, tmp_path)
    assert result.returncode == 0 and "note:" not in result.stderr


def precommit_config():
    (block,) = re.findall(r"```yaml\n(repos:\n  - repo: local\n.*?)```", README, re.S)
    return block


def test_the_readme_pre_commit_hook_works_when_copied(tmp_path):
    if shutil.which("pre-commit", path=str(BIN)) is None:
        pytest.skip("pre-commit is not installed (the test extra installs it)")
    repo = tmp_path / "corpora"
    repo.mkdir()
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "PRE_COMMIT_HOME": str(tmp_path / "pc"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    (repo / ".pre-commit-config.yaml").write_text(precommit_config().replace('"expected_languages=fr,de"',
                                                                             '"expected_languages=fr"'))
    good = '{"id": "1", "text": "Le conseil municipal a adopté lundi le budget de la ville pour l\'année prochaine."}\n'
    (repo / "good.jsonl").write_text(good, encoding="utf-8")
    (repo / "bad.jsonl").write_text(good.replace("adopté", "adoptÃ©").replace('"1"', '"2"'), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)

    def hook(name):
        return subprocess.run([str(BIN / "pre-commit"), "run", "--files", name], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=300)

    passed, failed = hook("good.jsonl"), hook("bad.jsonl")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert failed.returncode == 1 and "max_mojibake_rate" in failed.stdout, failed.stdout + failed.stderr
