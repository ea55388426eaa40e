import builtins
import os

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=200)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True, scope="session")
def private_cache_directory(tmp_path_factory):
    """Models cached by the tests (and the CLI runs they start) go to a temporary directory, not ~/.cache."""
    os.environ["NORMALIZER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def hide_module(monkeypatch):
    """``hide_module("pycld2")``: importing that module raises ImportError, as if it were not installed."""
    real_import = builtins.__import__

    def hide(module):
        def importer(name, globals=None, locals=None, fromlist=(), level=0):
            if name == module and level == 0:           # "from .ray import …" inside normalizer is not it
                raise ImportError(f"No module named '{module}'")
            return real_import(name, globals, locals, fromlist, level)
        monkeypatch.setattr(builtins, "__import__", importer)
    return hide


@pytest.fixture(params=["shortcuts", "reference"])
def implementation(request):
    """Run the test twice: with the speed-only shortcuts, and with the plain reference
    implementation of each (``normalizer.core.speed``); both must give the same results."""
    from normalizer.core.speed import reference_implementation
    with reference_implementation(request.param == "reference"):
        yield request.param
