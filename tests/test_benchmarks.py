"""Each quality benchmark runs on a 20-item sample of the shared data and writes its report.

They need ../shared (the licensed corpora); without it they skip with a reason.
"""

from __future__ import annotations

import json

from benchmarks import carb, model_quality, redocred


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


def test_model_quality_on_20_documents(shared_dir, tmp_path):
    report = model_quality.main(["--shared", str(shared_dir), "--limit", "20", "--no-speed",
                                 "--report", str(tmp_path / "m.json"),
                                 "--teacher-python", str(tmp_path / "no-teacher")])
    held = report["redocred_heldout"]
    assert held["docs"] == 20 and 0 < held["student"]["ALL"]["f"] <= 1
    assert held["teacher"].startswith("skipped: no teacher venv")
