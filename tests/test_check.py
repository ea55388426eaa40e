"""`normalizer check`: each check fails when its problem is planted and passes when it is not."""

import itertools
import json
import xml.etree.ElementTree as ET

import pytest
from iohelpers import invoke, jsonl

FR = ["Le gouvernement a présenté mardi son projet de budget pour l'année prochaine, en hausse de deux pour cent.",
      "Les députés examineront le texte en commission la semaine prochaine avant un vote solennel en mai.",
      "La ministre de la Culture a inauguré samedi un nouveau musée consacré aux arts populaires à Lyon.",
      "Les syndicats appellent à une grève nationale jeudi pour protester contre la réforme des retraites."]
DE = ["Die Regierung hat am Dienstag ihren Haushaltsentwurf für das kommende Jahr im Bundestag vorgestellt.",
      "Der Stadtrat beschloss nach langer Debatte den Bau einer neuen Straßenbahnlinie durch die Innenstadt."]


MORE_FR = ["Le conseil municipal de Nantes a voté lundi soir la gratuité des transports pour les moins de douze ans.",
           "Une tempête a privé d'électricité près de cinquante mille foyers bretons dans la nuit de dimanche.",
           "Le prix du gazole a baissé pour la troisième semaine consécutive, selon les chiffres publiés vendredi.",
           "Un incendie a détruit un entrepôt de la zone industrielle de Lille sans faire de victime mercredi.",
           "La récolte de blé s'annonce meilleure que prévu dans la Beauce après un printemps pluvieux.",
           "Le tribunal de Marseille a condamné mardi deux anciens élus pour détournement de fonds publics."]
TRIPLES = list(itertools.combinations(range(10), 3))


def clean_corpus(n=40):
    """Distinct, clean French documents from two sources: no two share more than two of their
    three sentences (two that shared all three would be near copies)."""
    pool = FR + MORE_FR
    return [{"id": f"d{i}", "source": "a.fr" if i % 2 else "b.fr",
             "text": f"Dépêche numéro {i}.\n\n" + "\n\n".join(pool[k] for k in TRIPLES[i % len(TRIPLES)])}
            for i in range(n)]


def write(tmp_path, records, name="corpus.jsonl", extra=""):
    path = tmp_path / name
    path.write_text(jsonl(*records) + extra, encoding="utf-8")
    return path


def check(*args):
    result = invoke("check", *args, "--format", "json", "-j", "1")
    return result.exit_code, json.loads(result.stdout) if result.stdout.startswith("{") else None, result


def failed(report):
    return {c["name"] for c in report["checks"] if not c["passed"]}


def test_a_clean_corpus_passes_the_defaults(tmp_path):
    code, report, _ = check(write(tmp_path, clean_corpus()))
    assert code == 0 and report["passed"] and failed(report) == set()
    assert report["total"]["documents"] == 40 and set(report["sources"]) == {"a.fr", "b.fr"}


def test_a_freshly_cleaned_raw_corpus_passes_and_the_raw_one_fails(tmp_path):
    raw = [{**r, "text": r["text"].replace("gouvernement", "gouvernement lâ€™a").replace("Les députés", "Les dÃ©putÃ©s")
            + "\n\nArticles similaires\n- Impôts : ce qui change en 2025\n- La réforme des retraites adoptée"}
           for r in clean_corpus()]
    path = write(tmp_path, raw)
    code, report, _ = check(path)
    assert code == 1 and {"max_mojibake_rate", "max_boilerplate_rate"} <= failed(report)
    assert report["total"]["boilerplate_by_rule"]["strip_related"]["lines"] == 40 * 3
    cleaned = tmp_path / "clean.jsonl"
    assert invoke("clean", path, "-o", cleaned, "-j", "1").exit_code == 0
    code, report, _ = check(cleaned)
    assert code == 0, failed(report)


@pytest.mark.parametrize(("plant", "expected"), [
    (lambda rs: rs.__setitem__(0, {**rs[0], "text": "Lâ€™administration a publiÃ© lundi une version."}),
     "max_mojibake_rate"),
    (lambda rs: rs.__setitem__(3, {**rs[3], "text": rs[3]["text"] + "\nPartager sur Facebook"}), "max_boilerplate_rate"),
    (lambda rs: rs.append({**rs[1], "id": "copy"}), "max_duplicate_rate"),
    (lambda rs: rs.__setitem__(5, {**rs[5], "text": rs[5]["text"] + "\x07"}), "max_control_char_rate"),
    (lambda rs: [rs.__setitem__(i, {**rs[i], "text": "Oui."}) for i in range(3)], "max_short_rate"),
    (lambda rs: [rs.__setitem__(i, {**rs[i], "text": DE[i % 2]}) for i in range(2)], "max_other_language_rate"),
    (lambda rs: [rs.__setitem__(i, {**rs[i], "text": "1234 5678 90 !! ?? 42"}) for i in range(3)],
     "max_low_confidence_rate"),
    (lambda rs: rs.__setitem__(2, {**rs[2], "text": "   "}), "max_empty_rate"),
])
def test_each_check_fails_when_its_problem_is_planted(tmp_path, plant, expected):
    records = clean_corpus()
    plant(records)
    code, report, _ = check(write(tmp_path, records), "--set", "expected_languages=fr")
    assert code == 1 and expected in failed(report)
    failing = next(c for c in report["checks"] if c["name"] == expected)
    assert failing["examples"] and failing["examples"][0]["source"].endswith("corpus.jsonl")


def test_an_invalid_line_fails_with_its_file_and_line(tmp_path):
    path = write(tmp_path, clean_corpus(), extra="{not json\n")
    code, report, result = check(path)
    assert code == 1 and "max_invalid_rate" in failed(report)
    example = next(c for c in report["checks"] if c["name"] == "max_invalid_rate")["examples"][0]
    assert example["line"] == 41 and example["detail"] == "json_decode_error"
    table = invoke("check", path, "-j", "1").stdout
    assert "FAIL  max_invalid_rate" in table and "corpus.jsonl:41" in table


def test_thresholds_from_the_rule_file_a_config_file_and_the_command_line(tmp_path):
    records = clean_corpus()
    records.append({**records[1], "id": "copy"})                       # 1 duplicate in 41: 2.4 %
    path = write(tmp_path, records)
    assert check(path)[0] == 1
    rules = tmp_path / "rules.yaml"
    rules.write_text("extends: default\nquality:\n  max_duplicate_rate: 0.05\n", encoding="utf-8")
    assert check(path, "-r", rules)[0] == 0
    config = tmp_path / "quality.yaml"
    config.write_text("quality:\n  max_duplicate_rate: 0.02\n", encoding="utf-8")
    assert check(path, "-r", rules, "--config", config)[0] == 1        # the config file wins over the rules
    assert check(path, "-r", rules, "--config", config, "--set", "max_duplicate_rate=0.03")[0] == 0


@pytest.mark.parametrize(("where", "text", "message"), [
    ("config", "quality:\n  max_mojibake: 0.1\n", "unknown quality setting 'max_mojibake'; did you mean 'max_mojibake_rate'"),
    ("config", "quality:\n  max_duplicate_rate: 5\n", "quality.yaml:2: max_duplicate_rate must be a share between 0 and 1"),
    ("rules", "quality:\n  expected_languages: 3\n", "rules.yaml:2: expected_languages must be a list"),
    ("set", "max_duplicate_rate=lots", "is not a number"),
])
def test_configuration_errors_exit_2_and_name_the_place(tmp_path, where, text, message):
    path = write(tmp_path, clean_corpus(4))
    if where == "set":
        result = invoke("check", path, "--set", text)
    else:
        name = "quality.yaml" if where == "config" else "rules.yaml"
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = invoke("check", path, "--config" if where == "config" else "-r", tmp_path / name)
    assert result.exit_code == 2 and message in result.stderr


def test_junit_output_is_valid_xml_with_one_case_per_check(tmp_path):
    records = clean_corpus()
    records[0] = {**records[0], "text": "Lâ€™administration a publiÃ© lundi une version."}
    result = invoke("check", write(tmp_path, records), "--format", "junit", "-j", "1")
    assert result.exit_code == 1
    suite = ET.fromstring(result.stdout).find("testsuite")
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases) >= 9 and int(suite.get("failures")) == 1
    failure = next(case for case in cases if case.get("name") == "max_mojibake_rate").find("failure")
    assert "mojibake_rate" in failure.get("message") and "corpus.jsonl:1 d0" in failure.text


def test_github_annotations_point_at_file_and_line_and_are_capped(tmp_path):
    records = clean_corpus()
    for i in range(20):
        records[i] = {**records[i], "text": records[i]["text"] + "\nPartager sur Facebook"}
    path = write(tmp_path, records)
    lines = invoke("check", path, "--format", "github", "-j", "1").stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error file=")]
    assert errors and len(errors) <= 10
    assert errors[0].startswith(f"::error file={str(path).replace(':', '%3A')},line=1,title=normalizer check%3A "
                                f"max_boilerplate_rate::d0")
    assert lines[-1] == "::notice title=normalizer check::9 checks passed, 1 failed"


def test_markdown_is_a_table_for_a_pull_request(tmp_path):
    out = invoke("check", write(tmp_path, clean_corpus()), "--format", "markdown", "-j", "1").stdout
    assert out.startswith("### ✅ normalizer check") and "| `max_mojibake_rate` | (all) | 0% | 0.1% | ✅ |" in out


def test_baseline_fails_a_regression_and_is_never_loosened_without_allow_regression(tmp_path):
    baseline = tmp_path / "baseline.json"
    good = write(tmp_path, clean_corpus(), "good.jsonl")
    assert invoke("check", good, "--baseline", baseline, "-j", "1").exit_code == 2        # no baseline yet
    assert invoke("check", good, "--baseline", baseline, "--update-baseline", "-j", "1").exit_code == 0
    stored = json.loads(baseline.read_text())
    assert stored["metrics"]["duplicate_rate"] == 0.0
    records = clean_corpus()
    records.append({**records[1], "id": "copy"})      # within the default limit with a looser one, but worse
    worse = write(tmp_path, records, "worse.jsonl")
    code, report, _ = check(worse, "--set", "max_duplicate_rate=0.05", "--baseline", baseline)
    assert code == 1 and failed(report) == {"baseline:duplicate_rate"}
    result = invoke("check", worse, "--set", "max_duplicate_rate=0.05", "--baseline", baseline, "--update-baseline")
    assert result.exit_code == 1 and "baseline not loosened: (all) duplicate_rate" in result.stderr
    assert json.loads(baseline.read_text())["metrics"]["duplicate_rate"] == 0.0
    result = invoke("check", worse, "--set", "max_duplicate_rate=0.05", "--baseline", baseline, "--update-baseline",
                    "--allow-regression")
    assert result.exit_code == 0 and json.loads(baseline.read_text())["metrics"]["duplicate_rate"] > 0


def test_a_sample_is_deterministic_and_said(tmp_path):
    path = write(tmp_path, clean_corpus(200))
    one = check(path, "--sample", "50")[1]
    two = check(path, "--sample", "50")[1]
    assert one == two and one["sampled"] and one["records_seen"] == 200 and one["total"]["documents"] == 50
    assert "a deterministic sample of 50 of 200 records" in invoke("check", path, "--sample", "50").stdout


def test_jobs_do_not_change_the_report(tmp_path):
    records = clean_corpus(300)
    records[7] = {**records[7], "text": "Lâ€™administration a publiÃ© lundi une version."}
    path = write(tmp_path, records)
    one = invoke("check", path, "--format", "json", "-j", "1").stdout
    two = invoke("check", path, "--format", "json", "-j", "2").stdout
    assert one == two


def test_a_step_that_rejects_everything_is_flagged(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("extends: default\nsteps:\n  - id: check_language\n    allow: [de]\n", encoding="utf-8")
    out = invoke("check", write(tmp_path, clean_corpus()), "-r", rules, "-j", "1").stdout
    assert "note: step check_language would reject all 40 documents: check its options" in out


def test_check_writes_nothing_to_the_corpus_and_a_missing_input_is_exit_3(tmp_path):
    path = write(tmp_path, clean_corpus())
    before = sorted(p.name for p in tmp_path.iterdir())
    check(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert invoke("check", tmp_path / "missing.jsonl").exit_code == 3


def test_a_rule_that_finds_nothing_in_a_raw_corpus_is_flagged(tmp_path):
    records = [{**r, "text": r["text"] + "\nPartager sur Facebook"} for r in clean_corpus()]
    rules = tmp_path / "rules.yaml"
    rules.write_text("extends: default\nsteps:\n  - use: strip_lines\n    id: footer\n"
                     "    patterns: ['^© Exemple Presse$']\n", encoding="utf-8")
    out = invoke("check", write(tmp_path, records), "-r", rules, "-j", "1").stdout
    assert "note: step footer would change no document while the other rules change 40 of 40" in out
    assert "note: step strip_related" in out          # the shipped ones are judged the same way
    clean = invoke("check", write(tmp_path, clean_corpus(), "clean.jsonl"), "-r", rules, "-j", "1").stdout
    assert "note:" not in clean                       # a clean corpus: silence is expected


def test_the_pre_commit_hook_runs_check_on_the_changed_files(tmp_path):
    import re
    import shlex
    from pathlib import Path

    import yaml
    (hook,) = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "normalizer-check" and hook["language"] == "python"
    good, bad = write(tmp_path, clean_corpus(), "good.jsonl"), tmp_path / "bad.jsonl.gz"
    import gzip
    bad.write_bytes(gzip.compress(jsonl({"id": "x", "text": "Lâ€™administration a publiÃ© lundi."}).encode()))
    for path in (good, bad):
        assert re.search(hook["files"], path.name)
    assert not re.search(hook["files"], "README.md")
    program, *args = shlex.split(hook["entry"])
    assert program == "corpus-normalizer"          # the name charset-normalizer cannot take
    assert invoke(*args, good).exit_code == 0
    assert invoke(*args, good, bad).exit_code == 1


@pytest.mark.parametrize("content", ["{bad", "[1]", '{"version": 1}', '{"version": 1, "metrics": {"mojibake_rate": "x"}}'])
def test_a_baseline_that_is_not_one_is_a_usage_error(tmp_path, content):
    baseline = tmp_path / "b.json"
    baseline.write_text(content, encoding="utf-8")
    path = write(tmp_path, clean_corpus(4))
    for extra in ((), ("--update-baseline",)):
        result = invoke("check", path, "--baseline", baseline, *extra)
        assert result.exit_code == 2 and f"{baseline}:" in result.stderr
    assert baseline.read_text(encoding="utf-8") == content


def test_a_smaller_run_never_erases_what_the_baseline_holds(tmp_path):
    baseline = tmp_path / "b.json"
    records = clean_corpus()
    records.append({**records[0], "source": "c.fr", "id": "c1", "text": "Texte de la source c, assez long pour compter."})
    full = write(tmp_path, records, "full.jsonl")
    assert invoke("check", full, "--set", "expected_languages=fr", "--baseline", baseline,
                  "--update-baseline").exit_code == 0
    part = write(tmp_path, clean_corpus(10), "part.jsonl")
    assert invoke("check", part, "--baseline", baseline, "--update-baseline").exit_code == 0
    stored = json.loads(baseline.read_text())
    assert "c.fr" in stored["sources"] and stored["metrics"]["other_language_rate"] == 0.0


def test_junit_stays_valid_xml_with_control_characters_and_markdown_is_escaped(tmp_path):
    records = [{**r, "source": "a\x01b<script>|x"} for r in clean_corpus(4)]
    records.append({"id": "dup", "source": "a\x01b<script>|x", "text": records[0]["text"]})
    path = write(tmp_path, records)
    xml = invoke("check", path, "--per-source", "--format", "junit").stdout
    names = [case.get("name") for case in ET.fromstring(xml).iter("testcase")]
    assert "max_duplicate_rate[a\ufffdb<script>|x]" in names
    md = invoke("check", path, "--per-source", "--format", "markdown").stdout
    assert "`a\ufffdb<script>\\|x`" in md            # inert: a code span, its pipe escaped


def test_option_and_setting_mistakes_are_usage_errors(tmp_path):
    path = write(tmp_path, clean_corpus(4))
    french = invoke("check", path, "--set", "expected_languages=FR")
    assert french.exit_code == 2 and "did you mean 'fr'" in french.stderr
    assert invoke("check", path, "--no-group", "--per-source").exit_code == 2
    result = invoke("check", path, "-o", tmp_path / "missing" / "out.txt")      # an output that cannot be written
    assert result.exit_code == 4 and "no directory" in result.stderr
    assert "no such quality file" in invoke("check", path, "--config", tmp_path / "nope.yaml").stderr
    assert "no record has a 'nosuch' field" in invoke("check", path, "--by", "nosuch").stderr


def test_the_sample_does_not_depend_on_how_the_path_is_written(tmp_path, monkeypatch):
    path = write(tmp_path, clean_corpus(200))
    monkeypatch.chdir(tmp_path)
    absolute = check(path, "--sample", "30")[1]
    relative = check("corpus.jsonl", "--sample", "30")[1]
    dotted = check("./corpus.jsonl", "--sample", "30")[1]
    ids = [{e["id"] for e in r["total"]["examples"].get("short", [])} for r in (absolute, relative, dotted)]
    assert absolute["total"]["counts"] == relative["total"]["counts"] == dotted["total"]["counts"]
    assert absolute["total"]["length"] == relative["total"]["length"] == dotted["total"]["length"]
    assert ids[0] == ids[1] == ids[2]


def test_empty_records_are_their_own_check_with_their_own_examples(tmp_path):
    records = clean_corpus()
    records[2] = {**records[2], "text": "   "}
    code, report, _ = check(write(tmp_path, records, extra="{not json\n"))
    by_name = {c["name"]: c for c in report["checks"]}
    assert [e["detail"] for e in by_name["max_empty_rate"]["examples"]] == ["the text is empty"]
    assert [e["detail"] for e in by_name["max_invalid_rate"]["examples"]] == ["json_decode_error"]
    assert report["total"]["invalid"] == 1


def test_lone_surrogates_in_ids_and_unwritable_outputs_are_handled(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a\\ud800", "text": "Le gouvernement a pr\\u00e9sent\\u00e9 son budget mardi soir."}\n',
                    encoding="utf-8")
    result = invoke("check", path, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["total"]["documents"] == 1
    assert invoke("explain", path, "--format", "json").exit_code == 0
    assert invoke("check", path, "-o", tmp_path).exit_code == 4           # a directory: it cannot be written
    table = tmp_path / "table.txt"
    assert invoke("check", path, "-o", table, "--format", "table").exit_code == 0
    assert "\x1b[" not in table.read_text(encoding="utf-8") and "PASS" in table.read_text(encoding="utf-8")


def test_the_table_names_every_language_not_only_the_most_common(tmp_path):
    texts = {"fr": "Le conseil municipal a adopté lundi le nouveau budget après un long débat.",
             "de": "Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt beschlossen.",
             "es": "El ayuntamiento aprobó el lunes el nuevo presupuesto tras un largo debate.",
             "it": "Il consiglio comunale ha approvato lunedì il nuovo bilancio dopo un lungo dibattito.",
             "pl": "Rada miasta przyjęła w poniedziałek nowy budżet po długiej debacie.",
             "ru": "Городской совет в понедельник после долгих дебатов утвердил новый бюджет.",
             "nl": "De gemeenteraad heeft maandag na een lang debat de nieuwe begroting goedgekeurd.",
             "pt": "A câmara municipal aprovou na segunda-feira o novo orçamento após um longo debate.",
             "cs": "Městská rada v pondělí po dlouhé debatě schválila nový rozpočet města.",
             "tr": "Belediye meclisi pazartesi günü uzun bir tartışmanın ardından yeni bütçeyi onayladı."}
    path = write(tmp_path, [{"id": code, "text": text} for code, text in texts.items()])
    out = invoke("check", path, "-j", "1").stdout
    line = next(line for line in out.splitlines() if line.startswith("languages: "))
    assert sorted(item.split()[0] for item in line[len("languages: "):].split(", ")) == sorted(texts)


# -- quality signals ------------------------------------------------------------------------------------------

SPAM = "Achetez maintenant !\nAchetez maintenant !\nAchetez maintenant !\nLivraison gratuite aujourd'hui."


def test_the_flagged_rate_is_judged_only_when_set_and_names_the_failed_thresholds(tmp_path):
    records = clean_corpus()
    records[3] = {**records[3], "text": SPAM}
    path = write(tmp_path, records)
    code, report, _ = check(path)
    assert "max_flagged_rate" not in {c["name"] for c in report["checks"]}
    assert report["total"]["counts"]["flagged"] >= 1 and report["total"]["flags_by_signal"]["dup_line_frac"] == 1
    code, report, _ = check(path, "--set", "max_flagged_rate=0.01")
    (gate,) = [c for c in report["checks"] if c["name"] == "max_flagged_rate"]
    assert code == 1 and not gate["passed"]
    assert any("dup_line_frac 0.5 > 0.264 (fr)" in example["detail"] for example in gate["examples"])


def test_a_signals_percentile_is_a_gate_both_ways(tmp_path):
    path = write(tmp_path, clean_corpus())
    code, report, _ = check(path, "--set", "max_p95_dup_line_frac=0.0", "--set", "min_p10_words=40")
    gates = {c["name"]: c for c in report["checks"] if c["name"].startswith(("max_p", "min_p"))}
    assert code == 0 and gates["max_p95_dup_line_frac"]["value"] == 0.0 and gates["min_p10_words"]["passed"]
    words = gates["min_p10_words"]["value"]
    code, report, _ = check(path, "--set", f"min_p10_words={words + 1}")
    assert code == 1 and failed(report) == {"min_p10_words"}


def test_an_unknown_signal_percentile_is_a_usage_error(tmp_path):
    result = invoke("check", str(write(tmp_path, clean_corpus())), "--set", "max_p95_dup_lines=0.3")
    assert result.exit_code == 2
    assert "unknown signal 'dup_lines' in max_p95_dup_lines; did you mean 'dup_line_frac'?" in result.output


def test_the_json_has_each_signals_distribution_per_language(tmp_path):
    records = clean_corpus() + [{"id": f"de{i}", "text": text} for i, text in enumerate(DE)]
    _, report, _ = check(write(tmp_path, records))
    signals = report["total"]["signals"]
    assert set(signals) == {"fr", "de"}
    words = signals["fr"]["words"]
    assert words["p5"] <= words["p50"] <= words["p95"]
    assert sum(count for _, count in words["histogram"]) == 40
    assert [lower for lower, _ in signals["fr"]["dup_line_frac"]["histogram"]] == [i / 10 for i in range(10)]
