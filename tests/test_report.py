"""`normalizer report`: the renderer's output from hand-made data, then the real page in headless Chromium."""

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from iohelpers import invoke, jsonl

from normalizer.core.document import Doc
from normalizer.quality.gate import Check
from normalizer.quality.measures import Example
from normalizer.quality.report import (
    Flagged,
    ReportData,
    Shown,
    bucket_label,
    histogram_buckets,
    language_bars,
    render,
)
from normalizer.review.explain import explain
from normalizer.rules.loader import load_rules

CHROMIUM = Path("/usr/bin/chromium")
RELATED = "\n\nArticles similaires\n- Impôts : ce qui change en 2025\n- La réforme des retraites adoptée"
MOJIBAKE = "Lâ€™administration a publiÃ© lundi une nouvelle version du service des impôts en ligne."
FR = ["Le gouvernement a présenté mardi son projet de budget pour l'année prochaine, en hausse de deux pour cent.",
      "Les députés examineront le texte en commission la semaine prochaine avant un vote solennel en mai.",
      "La ministre de la Culture a inauguré samedi un nouveau musée consacré aux arts populaires à Lyon.",
      "Les syndicats appellent à une grève nationale jeudi pour protester contre la réforme des retraites."]
DE = ["Die Regierung hat am Dienstag ihren Haushaltsentwurf für das kommende Jahr im Bundestag vorgestellt.",
      "Der Stadtrat beschloss nach langer Debatte den Bau einer neuen Straßenbahnlinie durch die Innenstadt.",
      "Die Polizei sucht weiterhin nach Zeugen des Unfalls, der sich am Sonntagabend auf der Autobahn ereignete."]
EN = ["The central bank left interest rates unchanged on Thursday, citing persistent inflation in services.",
      "Thousands of runners crossed the finish line of the city marathon despite the heavy rain on Sunday."]


# -- a small DOM, enough to query what a browser (or the renderer) produced ---------------------------------

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    @property
    def text(self):
        return "".join(child if isinstance(child, str) else child.text for child in self.children)

    def all(self, tag=None, cls=None, **attrs):
        """Descendants with this tag, class and attributes (``data_label`` means ``data-label``)."""
        for child in self.children:
            if isinstance(child, str):
                continue
            wanted = {key.replace("_", "-"): value for key, value in attrs.items()}
            if ((tag is None or child.tag == tag) and (cls is None or cls in child.attrs.get("class", "").split())
                    and all(child.attrs.get(key) == value for key, value in wanted.items())):
                yield child
            yield from child.all(tag, cls, **attrs)

    def one(self, tag=None, cls=None, **attrs):
        found = list(self.all(tag, cls, **attrs))
        assert len(found) == 1, f"{len(found)} <{tag} class={cls} {attrs}> found"
        return found[0]


class Tree(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {}, None)
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {key: value or "" for key, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {key: value or "" for key, value in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node.parent is not None and node.tag != tag:
            node = node.parent
        if node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def dom(page):
    return Tree(page).root


# -- the renderer, from hand-made data --------------------------------------------------------------------

def check(name, value, limit, examples=(), scope="(all)", metric=None):
    passed = value >= limit if metric == "documents" else value <= limit
    return Check(name, metric or name.removeprefix("max_"), value, limit, passed, scope, tuple(examples),
                 f"advice for {name}")


def group(documents, languages=None, rules=None, mojibake=0.0, duplicates=0.0):
    return {"documents": documents, "invalid": 0,
            "metrics": {"mojibake_rate": mojibake, "duplicate_rate": duplicates, "boilerplate_rate": 0.0},
            "languages": languages or {}, "length": {"min": 30, "median": 120, "max": 900},
            "length_histogram": {"0": 1, "100": documents - 2, "500": 1},
            "boilerplate_by_rule": {rule: {"documents": n, "lines": 3 * n} for rule, n in (rules or {}).items()}}


def data(flagged=(), sampled=False, sources=None, checks=None, languages=None):
    sources = sources if sources is not None else {
        "a.fr": group(6, {"fr": 6}, {"strip_related": 2}, mojibake=1 / 6),
        "b.de": group(4, {"de": 4}, {"strip_share_lines": 1}, duplicates=0.25)}
    total = group(10, languages or {"fr": 6, "de": 4}, {"strip_related": 2, "strip_share_lines": 1}, 0.1, 0.1)
    total["invalid"] = 2
    checks = checks if checks is not None else [
        check("min_documents", 10.0, 1.0, metric="documents"), check("max_mojibake_rate", 0.1, 0.001),
        check("max_duplicate_rate", 0.1, 0.2)]
    return ReportData(tuple(checks), total, sources, {"max_mojibake_rate": 0.001, "max_duplicate_rate": 0.2},
                      12_345 if sampled else 12, sampled, ("step x would change no document",), tuple(flagged))


def explained(text, id="doc-1"):
    example = Example(id, "corpus.jsonl", 3, "fix_encoding would change it", text)
    return Shown(example, explain(load_rules(None).steps, Doc(id, text)))


def test_the_headline_numbers_and_the_checks_table():
    page = dom(render(data()))
    assert page.one(id="documents").attrs["data-value"] == "10"
    assert page.one(id="invalid").attrs["data-value"] == "2"
    assert page.one(id="sources").attrs["data-value"] == "2"
    verdict = page.one(id="verdict")
    assert verdict.attrs["data-passed"] == "false" and "FAIL" in verdict.text and "2 of 3 checks passed" in verdict.text
    table = page.one("table", id="checks")
    mojibake = table.one("tr", data_name="max_mojibake_rate")
    assert mojibake.attrs["data-passed"] == "false" and "fail" in mojibake.attrs["class"].split()
    cells = [td.text for td in mojibake.all("td")]
    assert cells[1:] == ["(all)", "10%", "0.1%", "FAIL"]
    assert "advice for max_mojibake_rate" in cells[0]
    assert [td.text for td in table.one("tr", data_name="min_documents").all("td")][2:] == ["10", "1", "PASS"]
    assert page.one(id="notes").text == "step x would change no document"
    assert not list(page.all(id="sampled"))


def test_the_charts_carry_their_numbers():
    page = dom(render(data()))
    bars = {bar.attrs["data-label"]: bar.attrs["data-value"]
            for bar in page.one("svg", id="languages-chart").all("rect", "bar")}
    assert bars == {"fr": "6", "de": "4"}
    columns = [(bar.attrs["data-label"], bar.attrs["data-value"])
               for bar in page.one("svg", id="length-histogram").all("rect", "bar")]
    assert columns == [("0-49", "1"), ("50-99", "0"), ("100-199", "8"), ("200-499", "0"), ("500-999", "1")]
    hits = page.one("table", id="rules-per-source")
    assert hits.one("td", data_source="a.fr", data_rule="strip_related").attrs["data-value"] == "2"
    assert hits.one("td", data_source="b.de", data_rule="strip_related").attrs["data-value"] == "0"
    assert hits.one("td", data_source="(all)", data_rule="strip_share_lines").attrs["data-value"] == "1"
    rates = page.one("table", id="rates-per-source")
    a_fr = rates.one("tr", data_source="a.fr")
    assert float(a_fr.attrs["data-mojibake-rate"]) == pytest.approx(1 / 6)
    assert "over" in a_fr.one("td", data_metric="mojibake_rate").attrs["class"].split()
    assert rates.one("tr", data_source="b.de").attrs["data-duplicate-rate"] == "0.25"
    assert "over" in rates.one("tr", data_source="b.de").one("td", data_metric="duplicate_rate").attrs["class"]
    assert "over" not in rates.one("tr", data_source="a.fr").one("td", data_metric="duplicate_rate").attrs["class"]


def test_the_sampled_note():
    note = dom(render(data(sampled=True))).one(id="sampled")
    assert note.attrs["data-sampled"] == "12" and note.attrs["data-seen"] == "12345"
    assert "sampled 12 of 12345 records" in note.text


def test_examples_show_the_removed_lines_and_the_repairs():
    text = "Titre\n\n" + MOJIBAKE + "\n\n" + FR[0] + RELATED
    problem = Flagged(check("max_mojibake_rate", 0.1, 0.001), (explained(text),))
    page = dom(render(data([problem])))
    example = page.one("div", "problem", data_check="max_mojibake_rate").one("article", "example", data_id="doc-1")
    related = example.one("div", "step", data_step="strip_related")
    assert [li.text for li in related.all("li", "removed")] == [
        "Articles similaires", "- Impôts : ce qui change en 2025", "- La réforme des retraites adoptée"]
    assert all(li.one("del") for li in related.all("li", "removed"))
    repair = example.one("div", "step", data_step="fix_encoding").one("li", "replacement")
    assert repair.one("div", "before").text == MOJIBAKE
    assert repair.one("div", "after").text.startswith("→ L’administration a publié lundi")
    assert [d.text for d in repair.one("div", "before").all("del")] == ["â€™", "Ã©"]
    assert [i.text for i in repair.one("div", "after").all("ins")] == ["’", "é"]
    assert "corpus.jsonl:3" in example.text and "fix_encoding would change it" in example.text


def test_corpus_text_is_escaped_everywhere():
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    text = f"Un titre {evil}\n\n{FR[1]}{RELATED}\n- {evil}"
    problem = Flagged(check("max_mojibake_rate", 0.1, 0.001), (explained(text, id=evil),))
    sources = {evil: group(10, {"fr": 10}, {evil: 2})}
    page_text = render(data([problem], sources=sources, languages={evil: 10}))
    assert "<script" not in page_text and "<img" not in page_text
    assert "&lt;script&gt;" in page_text
    page = dom(page_text)
    assert not list(page.all("script")) and not list(page.all("img"))
    assert not [node for node in page.all() if any(key.startswith("on") for key in node.attrs)]
    assert page.one("svg", id="languages-chart").one("rect", "bar").attrs["data-label"] == evil
    assert page.one("article", "example").attrs["data-id"] == evil
    removed = [li.text for li in page.one("div", "step", data_step="strip_related").all("li", "removed")]
    assert removed[-1] == f"- {evil}"


def test_the_helpers():
    assert bucket_label(0) == "0-49" and bucket_label(100_000) == "100000+"
    assert histogram_buckets({}) == []
    assert histogram_buckets({"200": 2, "1000": 1}) == [(200, 2), (500, 0), (1000, 1)]
    many = {f"l{i:02d}": 100 - i for i in range(30)}
    bars = language_bars(many)
    assert len(bars) == 25 and bars[0] == ("l00", 100) and bars[-1] == ("(other)", sum(range(71, 77)))


def test_an_empty_corpus_still_renders():
    empty = {"documents": 0, "invalid": 0, "metrics": {}, "languages": {}, "length": {}, "length_histogram": {},
             "boilerplate_by_rule": {}}
    page = dom(render(ReportData((check("min_documents", 0.0, 1.0, metric="documents"),), empty, {}, {}, 0, False)))
    assert page.one(id="documents").attrs["data-value"] == "0"
    assert not list(page.one("svg", id="length-histogram").all("rect"))
    assert "No boilerplate rule" in page.one(id="rules-per-source").text


# -- the command ------------------------------------------------------------------------------------------

def corpus_records():
    """Two French sources (one with mojibake, one with related-article lists), a German and an English one."""
    records = [{"id": "actu-1", "source": "actu.fr", "text": f"Budget\n\n{FR[0]}{RELATED}"},
               {"id": "actu-2", "source": "actu.fr",
                "text": f"Le maire a plaisanté : <script>alert(1)</script> en riant.\n\n{FR[1]}{RELATED}"},
               {"id": "actu-3", "source": "actu.fr", "text": f"Culture\n\n{FR[2]}{RELATED}"},
               {"id": "actu-4", "source": "actu.fr", "text": f"Grève\n\n{FR[3]}\n\n{FR[0]}"},
               {"id": "presse-1", "source": "presse.fr", "text": f"Impôts\n\n{MOJIBAKE}\n\n{FR[1]}"},
               {"id": "presse-2", "source": "presse.fr", "text": f"Service\n\n{MOJIBAKE}\n\n{FR[2]}"},
               {"id": "presse-3", "source": "presse.fr", "text": f"Retraites\n\n{FR[3]}\n\n{FR[2]}"},
               {"id": "presse-4", "source": "presse.fr", "text": f"Musée\n\n{FR[2]}\n\n{FR[1]}"}]
    records += [{"id": f"zeitung-{i}", "source": "zeitung.de", "text": f"Meldung {i}\n\n{DE[i]}\n\n{DE[(i + 1) % 3]}"}
                for i in range(3)]
    records += [{"id": f"news-{i}", "source": "news.com", "text": f"Story {i}\n\n{EN[i]}\n\n{EN[1 - i]}"}
                for i in range(2)]
    return records


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(jsonl(*corpus_records()), encoding="utf-8")
    return path


def test_the_command_writes_the_page_and_exits_like_check(corpus, tmp_path):
    out = tmp_path / "report.html"
    result = invoke("report", corpus, "-o", out, "-j", "1")
    assert result.exit_code == 1, result.output
    assert "report written to" in result.stderr and out.exists()
    clean = tmp_path / "clean.jsonl"
    assert invoke("clean", corpus, "-o", clean, "-j", "1").exit_code == 0
    result = invoke("report", clean, "-o", out, "-j", "1", "--sample", "5")
    assert result.exit_code == 0, result.output
    assert "sampled 5 of 13 records" in dom(out.read_text(encoding="utf-8")).one(id="sampled").text


@pytest.mark.parametrize(("args", "message"), [
    (["-r", "no-such-rules.yaml"], "error:"),
    (["--set", "max_mojibake_rate=2"], "between 0 and 1"),
])
def test_errors_exit_2_without_a_page(corpus, tmp_path, args, message):
    out = tmp_path / "report.html"
    result = invoke("report", corpus, "-o", out, "-j", "1", *args)
    assert result.exit_code == 2 and message in result.stderr and not out.exists()


def test_an_output_directory_that_does_not_exist_is_exit_4(corpus, tmp_path):
    result = invoke("report", corpus, "-o", tmp_path / "missing" / "report.html", "-j", "1")
    assert result.exit_code == 4 and "while writing" in result.stderr


# -- the real thing: the page in headless Chromium --------------------------------------------------------

def chromium(tmp_path, *args):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    profile = tmp_path / "chromium-profile"
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--virtual-time-budget=5000", *map(str, args)]
    result = subprocess.run(command, capture_output=True, timeout=60, check=False,
                            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    return result.stdout.decode("utf-8")


def test_the_page_in_headless_chromium(corpus, tmp_path):
    out = tmp_path / "report.html"
    assert invoke("report", corpus, "-o", out, "-j", "1").exit_code == 1
    page_text = out.read_text(encoding="utf-8")
    network = re.findall(r"""(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", page_text, re.I)
    assert not network and not re.search(r"<(?:script|link|iframe|object)\b|@import|url\(", page_text, re.I)
    expected = json.loads(invoke("check", corpus, "--format", "json", "-j", "1").stdout)["total"]

    page = dom(chromium(tmp_path, "--dump-dom", out.as_uri()))
    assert page.one("body") and page.one(id="documents").attrs["data-value"] == "13"
    languages = {bar.attrs["data-label"]: int(bar.attrs["data-value"])
                 for bar in page.one("svg", id="languages-chart").all("rect", "bar")}
    assert languages == expected["languages"] == {"fr": 8, "de": 3, "en": 2}
    columns = list(page.one("svg", id="length-histogram").all("rect", "bar"))
    assert columns and sum(int(bar.attrs["data-value"]) for bar in columns) == 13
    assert {bar.attrs["data-label"]: int(bar.attrs["data-value"]) for bar in columns if bar.attrs["data-value"] != "0"} \
        == {bucket_label(int(key)): n for key, n in expected["length_histogram"].items()}

    mojibake = page.one("table", id="checks").one("tr", data_name="max_mojibake_rate")
    assert mojibake.attrs["data-passed"] == "false" and "FAIL" in mojibake.text and "15.38%" in mojibake.text
    hits = page.one("table", id="rules-per-source")
    assert hits.one("td", data_source="actu.fr", data_rule="strip_related").attrs["data-value"] == "3"
    assert hits.one("td", data_source="presse.fr", data_rule="strip_related").attrs["data-value"] == "0"
    rates = page.one("table", id="rates-per-source")
    assert float(rates.one("tr", data_source="presse.fr").attrs["data-mojibake-rate"]) == 0.5

    boilerplate = page.one("div", "problem", data_check="max_boilerplate_rate")
    examples = list(boilerplate.all("article", "example"))
    assert [e.attrs["data-id"] for e in examples] == ["actu-1", "actu-2", "actu-3"]
    for example in examples:
        removed = [li.text for li in example.one("div", "step", data_step="strip_related").all("li", "removed")]
        assert removed == ["Articles similaires", "- Impôts : ce qui change en 2025",
                           "- La réforme des retraites adoptée"]
    assert "<script>alert(1)</script>" in examples[1].text and not list(page.all("script"))
    repairs = page.one("div", "problem", data_check="max_mojibake_rate").all("li", "replacement")
    assert any("L’administration a publié lundi" in li.text for li in repairs)

    screenshot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={screenshot}", "--window-size=1200,2400", out.as_uri())
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 30_000


def test_the_signal_histograms_have_a_column_per_language_and_their_percentiles():
    page_data = data()
    histogram = [[0.0, 5], [0.1, 0], [0.2, 1]] + [[tenth / 10, 0] for tenth in range(3, 10)]
    signals = {lang: {"dup_line_frac": {"p5": 0.0, "p50": 0.0, "p95": 0.2, "histogram": histogram},
                      "words": {"p5": 40.0, "p50": 120.0, "p95": 400.0, "histogram": [[32.0, 1], [64.0, 3]]}}
               for lang in ("fr", "de")}
    page = dom(render(page_data._replace(total={**page_data.total, "signals": signals, "counts": {"flagged": 3},
                                                "flags_by_signal": {"dup_line_frac": 2}})))
    table = page.one("table", id="signal-histograms")
    assert [th.attrs["data-lang"] for th in table.all("th") if "data-lang" in th.attrs] == ["fr", "de"]
    row = table.one("tr", data_signal="dup_line_frac")
    cells = list(row.all("td"))
    assert cells[1].attrs["data-flagged"] == "2"
    first = cells[2]
    assert first.attrs["data-p95"] == "0.2" and "p95 0.2" in first.text
    assert first.one("span", "spark").text == "█" + "\u2002" + "▂" + "\u2002" * 7
    assert "3 documents fail a threshold" in page.one(id="signals").text
