"""`normalizer rules suggest`: a planted footer is found, per source, and the proposed rule works."""

import json
import random

import yaml
from iohelpers import invoke, read_jsonl

from normalizer.review.suggest import line_key, line_pattern

WORDS = ("le gouvernement a présenté mardi son projet de budget pour l'année prochaine les députés ont "
         "voté le texte que le Sénat examinera en mai selon le ministre").split()


def corpus(tmp_path, n=60):
    rng = random.Random(7)
    path = tmp_path / "crawl.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(3))
            record = {"id": f"d{i}", "text": body}
            if i % 3 == 0:
                record["source"] = "example.fr"
                record["text"] += f"\n\nExample Presse, édition {2020 + i % 4} — 12 rue de la Paix, Paris"
            elif i % 3 == 1:
                record["url"] = f"https://www.autre.fr/article/{i}"
                if i % 2:
                    record["text"] = "Publié par la rédaction de Autre\n\n" + record["text"]
            else:
                record["source"] = "third.fr"
                record["text"] += "\n\nPartager sur Facebook"        # the default rules already remove it
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_the_planted_footer_is_found_per_source_and_nothing_is_removed(tmp_path):
    path = corpus(tmp_path)
    before = path.read_bytes()
    result = invoke("rules", "suggest", path, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 60
    assert report["groups"] == {"example.fr": 20, "www.autre.fr": 20, "third.fr": 20}
    found = {(s["group"], s["line"]): s for s in report["suggestions"]}
    footer = next(s for (group, line), s in found.items() if line.startswith("Example Presse, édition 20"))
    assert footer["group"] == "example.fr" and footer["docs"] == 20 and footer["share"] == 1.0
    assert footer["trailing"] == 1.0
    byline = found[("www.autre.fr", "Publié par la rédaction de Autre")]
    assert byline["docs"] == 10 and byline["trailing"] == 0.0
    # what the default rules already remove is not suggested again; random prose is not suggested
    assert not any("Partager" in line for _, line in found)
    assert len(found) == 2
    assert path.read_bytes() == before


def test_the_snippet_is_a_working_rule_with_passing_examples(tmp_path):
    path = corpus(tmp_path)
    result = invoke("rules", "suggest", path)
    assert "example.fr: 20 of 20 documents (100%), last line in 100%" in result.stdout
    snippet = result.stdout.split("(nothing has been removed):\n")[1]
    steps = yaml.safe_load(snippet)
    assert [s["id"] for s in steps] == ["repeated_example_fr", "repeated_www_autre_fr"]
    assert steps[0]["where"] == "trailing" and "where" not in steps[1]
    rules = tmp_path / "mined.yaml"
    rules.write_text("extends: default\nsteps:\n" + "\n".join("  " + line for line in snippet.splitlines()),
                     encoding="utf-8")
    tested = invoke("rules", "test", rules, "--no-vocabulary")
    assert tested.exit_code == 0 and "0 failed" in tested.stdout
    out = tmp_path / "out.jsonl"
    assert invoke("clean", path, "-r", rules, "-o", out, "-j", "1").exit_code == 0
    texts = [r["text"] for r in read_jsonl(out)]
    assert len(texts) == 60 and not any("©" in t or "Publié par" in t for t in texts)
    again = json.loads(invoke("rules", "suggest", out, "-r", rules, "--format", "json").stdout)
    assert again["suggestions"] == []


def test_thresholds_and_raw_mode(tmp_path):
    path = corpus(tmp_path)
    strict = json.loads(invoke("rules", "suggest", path, "--min-share", "0.6", "--format", "json").stdout)
    assert [s["group"] for s in strict["suggestions"]] == ["example.fr"]          # the byline is in 50%
    raw = json.loads(invoke("rules", "suggest", path, "--raw", "--format", "json").stdout)
    assert any(s["line"] == "Partager sur Facebook" for s in raw["suggestions"])
    whole = json.loads(invoke("rules", "suggest", path, "--no-group", "--format", "json").stdout)
    assert "no record has a 'nosuch' field" in invoke("rules", "suggest", path, "--by", "nosuch").stderr
    assert set(whole["groups"]) == {"(all)"}


def test_lines_are_compared_with_digits_and_spaces_loosened():
    assert line_key("  © 2024   Example ") == line_key("© 2025 Example") == "© 0 Example"
    pattern = line_pattern("© 2024 Example (Paris) [AFP] $5 a.m.")
    import re
    assert re.fullmatch(pattern, "© 2031  Example (Paris) [AFP] $5 a.m.")
    assert re.fullmatch(pattern, "\t  © 2031 Example (Paris) [AFP] $5 a.m. ")
    assert not re.fullmatch(pattern, "© 2031 Example (Paris) [AFP] $5 a-m.")


def test_indented_lines_and_look_alike_sources_give_working_distinct_steps(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = []
    for i in range(12):
        source = ("a.b", "a-b", "a_b")[i % 3]
        lines.append(json.dumps({"id": str(i), "source": source,
                                 "text": f"Le texte numéro {i} parle du budget voté mardi.\n   Indented  footer"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    snippet = invoke("rules", "suggest", path).stdout.split("(nothing has been removed):\n")[1]
    steps = yaml.safe_load(snippet)
    assert len({s["id"] for s in steps}) == 3
    for step in steps:
        (example,) = step["patterns"][0]["examples"]
        assert example["output"] != example["input"]         # the rule removes its own line
    rules = tmp_path / "mined.yaml"
    rules.write_text("extends: default\nsteps:\n" + "\n".join("  " + line for line in snippet.splitlines()),
                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert invoke("clean", path, "-r", rules, "-o", out, "-j", "1").exit_code == 0
    assert not any("footer" in r["text"] for r in read_jsonl(out))


def test_groups_with_the_same_slug_get_distinct_ids_without_looping():
    from normalizer.review.suggest import Suggestion, rule_snippet
    suggestions = [Suggestion(group, "Footer line", r"^\s*Footer\s+line\s*$", 5, 5, 1.0,
                              (("d", "Body text.", "Footer line", ""),)) for group in ("a", "a 3", "a.", "a-3")]
    ids = [step["id"] for step in rule_snippet(suggestions)]
    assert len(set(ids)) == 4
