#!/usr/bin/env python3
"""Writes facts-samples/<name>.json and <name>.expected.json from a Python spec file.

Usage: src/tools/mk_samples.py SPEC.py   -- SPEC defines SAMPLES = [(name, facts, expectation), ...].
An expectation without "strategy" gets the strategy bvb decides now (run `bvb decide` first and
review it: the script prints each one so the author can check it against the document).
"""
import json, pathlib, subprocess, sys
spec = {}
exec(pathlib.Path(sys.argv[1]).read_text(), spec)
out = pathlib.Path("facts-samples")
for name, facts, exp in spec["SAMPLES"]:
    f = out / f"{name}.json"
    facts = {"$schema": "facts.schema.json", **facts}
    f.write_text(json.dumps(facts, indent=2, ensure_ascii=False) + "\n")
    if "strategy" not in exp or "confidence" not in exp:
        d = json.loads(subprocess.run(["java", "-jar", "target/bvb.jar", "decide", str(f), "--format", "json"],
                                      capture_output=True, text=True, check=True).stdout)
        exp.setdefault("strategy", d["recommendation"]["strategy"])
        exp.setdefault("confidence", d["recommendation"]["confidence"])
        print(name, "->", d["recommendation"]["strategy"], d["recommendation"]["confidence"], d["recommendation"]["path"])
    order = ["note", "strategy", "confidence", "firedInOrder", "mustFire", "mustNotFire", "warnings", "nextSteps", "conflicts", "asOf"]
    exp = {k: exp[k] for k in order if k in exp}
    (out / f"{name}.expected.json").write_text(json.dumps(exp, indent=2, ensure_ascii=False) + "\n")
