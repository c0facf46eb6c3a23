"""Each benchmark runs on a small sample (20 items of the shared data, or the seed export)
and writes its report.

Those on the shared data need ../shared (the licensed corpora); without it they skip with a reason.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from benchmarks import build_phases, carb, model_quality, news, query_speed, redocred, scale
from kg.infer.model import LocatedInModel
from kg.query_scope import PER_ARTICLE_QUERIES, RANKED_QUERIES

ROOT = Path(__file__).resolve().parent.parent


def test_build_phases_on_the_seeds(tmp_path):
    report = build_phases.main(["seeds", "--report", str(tmp_path / "p.json")])
    phases = report["phases"]
    assert {"parsing and reading", "reading rules", "loading the pipeline", "exports",
            "exports: the store", "exports: N-Quads", "exports: the overview diagram"} <= set(phases)
    top = ("parsing and reading", "reading the files", "the graph", "exports")
    assert 0 < sum(phases[p] for p in top if p in phases) <= report["seconds"]
    assert phases["reading rules"] + phases["loading the pipeline"] <= phases["parsing and reading"]
    assert json.loads((tmp_path / "p.json").read_text()) == report
    build_module = sys.modules["kg.build"]  # (kg.build is also kg's build function)
    assert not hasattr(build_module.extract_article, "__wrapped__")  # the timers are taken off


def test_carb_on_20_sentences(shared_dir, tmp_path):
    report = carb.main(["--shared", str(shared_dir), "--limit", "20", "--report", str(tmp_path / "c.json")])
    assert report["sentences"] == 20 and report["predicted_tuples"] > 0
    assert 0 < report["f1"] <= 1 and report["curve"]
    assert json.loads((tmp_path / "c.json").read_text())["f1"] == report["f1"]


def test_redocred_on_20_documents(shared_dir, tmp_path):
    report = redocred.main(["--shared", str(shared_dir), "--limit", "20",
                            "--report", str(tmp_path / "r.json")])
    assert report["documents"] == 20 and report["failed_documents"] == []
    mentions = report["all"]["entity_mentions"]["ALL"]
    assert mentions["gold"] > 0 and 0 < mentions["f"] <= 1
    inferred = report["with_inferred"]
    assert inferred["inferred_relations"] > 0
    assert inferred["all"]["typed_relations"]["tp"] >= report["all"]["typed_relations"]["tp"]
    assert sum(row["relations"] for row in inferred["calibration_heldout_odd"]) > 0


def test_train_located_in_on_20_documents(shared_dir, tmp_path):
    spec = importlib.util.spec_from_file_location("train_located_in",
                                                  ROOT / "training/train_located_in.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    model = train.main(["--shared", str(shared_dir), "--limit", "20", "--out", str(tmp_path / "m.json")])
    assert model.about["trained on"] == "Re-DocRED dev, the 10 even-numbered documents"
    assert 0 < model.about["positive"] < model.about["examples"]
    assert LocatedInModel.from_json((tmp_path / "m.json").read_text()) == model
    assert model.weights["place in first sentence"] > 0  # a country named early is the subject's


def test_model_quality_on_20_documents(shared_dir, tmp_path):
    report = model_quality.main(["--shared", str(shared_dir), "--limit", "20", "--no-speed",
                                 "--report", str(tmp_path / "m.json"),
                                 "--teacher-python", str(tmp_path / "no-teacher")])
    held = report["redocred_heldout"]
    assert held["docs"] == 20 and 0 < held["student"]["ALL"]["f"] <= 1
    assert held["teacher"].startswith("skipped: no teacher venv")


def test_query_speed_on_the_seed_export(tmp_path):
    report = query_speed.main([str(ROOT / "exports"), "--repeat", "1", "--page-size", "1",
                               "--report", str(tmp_path / "q.json")])
    assert {r["engine"] for r in report["rows"]} == {"oxigraph", "rdflib"}
    paged = {r["query"] for r in report["rows"] if "page_size" in r}
    assert paged == {*PER_ARTICLE_QUERIES, *RANKED_QUERIES}
    assert not any(r["timed_out"] for r in report["rows"])
    assert all(r["median_seconds"] > 0 for r in report["rows"])
    assert json.loads((tmp_path / "q.json").read_text()) == report


def test_news_on_two_dev_documents(shared_dir, tmp_path):
    report = news.main(["--shared", str(shared_dir), "--limit", "2", "--splits", "dev",
                        "--report", str(tmp_path / "n.json")])
    dev = report["splits"]["dev"]
    assert dev["documents"] == 2 and set(dev["genres"]) == {"interview", "news"}
    assert report["gold_tables"] == 63 and report["gold_rows"] > 2000
    people = dev["genres"]["news"]["mentions"]["person"]
    assert people["tp"] > 0 and 0 < people["f"] <= 1
    relations = dev["news_and_interview_relations"]["curve"][0]
    assert relations["threshold"] == 0.0 and relations["gold"] > 0
    missed = dev["missed_news_and_interview_rows"]  # every missed row has one reason
    assert sum(missed.values()) == relations["gold"] - relations["found"]
    assert json.loads((tmp_path / "n.json").read_text()) == report


def test_scale_on_six_articles(shared_dir, tmp_path):
    report = scale.main(["--shared", str(shared_dir), "--sizes", "6", "--report", str(tmp_path / "s.json")])
    row = report["sizes"][0]
    assert row["articles"] == 6 and row["words"] > 0 and row["bare_nlp_pipe_words_per_second"] > 0
    assert row["kg_pipeline_nlp_pipe_words_per_second"] > 0  # spaCy's own loading, and kg's pipeline
    build = row["build_1_process"]
    assert build["seconds"] > 0 and build["peak_rss_mb"] > 0 and build["share_of_bare_nlp_pipe"] > 0
    assert build["share_of_kg_pipeline_nlp_pipe"] > 0
    assert row["export_sizes_mb"]["graph.nq"] > 0 and "extractions.jsonl" in row["export_sizes_mb"]
    assert report["add_one_article"]["incremental"]  # one read, the six kept
    assert {q["query"] for q in report["queries_on_store"]} == {q["query"] for q in report["queries"]}
    assert not any(q["timed_out"] for q in report["queries_on_store"])


NAMING = """# newdoc id = GUM_news_naming
# meta::genre = news
# newpar
# sent_id = GUM_news_naming-1
# text = Biologist Nick Bos studies ants.
1\tBiologist\tbiologist\tNOUN\tNN\t_\t4\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-3-coref-Nick_Bos
2\tNick\tNick\tPROPN\tNNP\t_\t1\tappos\t_\t_
3\tBos\tBos\tPROPN\tNNP\t_\t2\tflat\t_\tEntity=1)
4\tstudies\tstudy\tVERB\tVBZ\t_\t0\troot\t_\t_
5\tants\tant\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# newpar
# sent_id = GUM_news_naming-2
# text = Bos said so.
1\tBos\tBos\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-sssss-cf1-1-coref-Nick_Bos)
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tso\tso\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"""


def test_a_description_holding_its_own_name_is_counted_apart_and_right():
    from kg.eval.gum import parse_conllu
    from kg.eval.news import NAMING_DESCRIPTION, score_resolution
    from kg.model import Mention

    doc = parse_conllu(NAMING, name="GUM_news_naming")
    assert [(m.text, m.kind) for m in doc.mentions] == [("Biologist Nick Bos", "description"),
                                                        ("Bos", "named")]
    at = doc.text.index
    ours = [Mention(doc.name, at("Nick Bos"), at("Nick Bos") + 8, "Nick Bos", "nick-bos"),
            Mention(doc.name, at("Bos said"), at("Bos said") + 3, "Bos", "nick-bos")]
    assert score_resolution(doc, ours) == {NAMING_DESCRIPTION: {"right": 1}}
    assert score_resolution(doc, ours[:1]) == {"description": {"unresolved": 1}}  # no identity


REGION = """# newdoc id = GUM_voyage_region
# meta::genre = voyage
# newpar
# sent_id = GUM_voyage_region-1
# text = York lies in northern England.
1\tYork\tYork\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-place-new-sssss-cf1-1-coref-York)
2\tlies\tlie\tVERB\tVBZ\t_\t0\troot\t_\t_
3\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_
4\tnorthern\tnorthern\tADJ\tJJ\t_\t5\tamod\t_\tEntity=(2-place-new-sssss-cf2-2-coref-Northern_England
5\tEngland\tEngland\tPROPN\tNNP\t_\t2\tobl\t_\tEntity=2)|SpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"""


def test_a_link_counts_for_a_node_only_where_the_phrase_is_the_name():
    from kg.eval.gum import parse_conllu
    from kg.eval.news import links_its_name

    doc = parse_conllu(REGION, name="GUM_voyage_region")
    york, region = [m for m in doc.mentions if m.kind == "named"]
    assert (york.link, region.text, region.link) == ("York", "northern England", "Northern_England")
    # kg's node England, read from "England", is not counted as holding Northern_England
    assert links_its_name(doc, york) and not links_its_name(doc, region)


CAPTION = """# newdoc id = GUM_news_caption
# newpar
# newpar_block = p (2 s) | figure rend:::"Picture of Quat" (1 s) | caption (1 s)
# sent_id = GUM_news_caption-1
# text = Elizabeth Quat
1\tElizabeth\tElizabeth\tPROPN\tNNP\t_\t0\troot\t_\t_
2\tQuat\tQuat\tPROPN\tNNP\t_\t1\tflat\t_\t_

# sent_id = GUM_news_caption-2
# text = In Kowloon she won.
1\tIn\tin\tADP\tIN\t_\t2\tcase\t_\t_
2\tKowloon\tKowloon\tPROPN\tNNP\t_\t4\tobl\t_\t_
3\tshe\tshe\tPRON\tPRP\t_\t4\tnsubj\t_\t_
4\twon\twin\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
"""


def test_a_caption_gum_sets_inside_a_paragraph_stands_on_its_own_line():
    from kg.eval.gum import parse_conllu

    doc = parse_conllu(CAPTION, name="GUM_news_caption")
    assert doc.text == "Elizabeth Quat\n\nIn Kowloon she won."
    assert [doc.text[s:e] for _, s, e in doc.sentences] == ["Elizabeth Quat", "In Kowloon she won."]
