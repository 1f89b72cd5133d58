#!/usr/bin/env python3
"""Checks that every @source quote in rules/*.drl and rules/*.csv occurs verbatim in its seed file.

Usage: src/tools/check_sources.py [SEEDS_DIR]   (default ../shared/seeds)
A quote may use " ... " to join separate passages; each part is searched on its own.
Whitespace is normalised. Exit 1 if any quote is not found.
"""
import csv, pathlib, re, sys

seeds = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
norm = lambda s: re.sub(r"\s+", " ", s).strip()
texts = {p.name: norm(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")}
bad = 0
def rules_with_sources():
    for drl in sorted(pathlib.Path("rules").glob("*.drl")):
        for m in re.finditer(r'@id\("([^"]+)"\)\s*@source\("((?:[^"\\]|\\.)*)"\)', drl.read_text(encoding="utf-8")):
            yield drl, m.group(1), m.group(2).replace('\\"', '"')
    for table in sorted(pathlib.Path("rules").glob("*.csv")):  # decision tables: the "id" and "source" columns
        labels = None
        for row in csv.reader(table.read_text(encoding="utf-8-sig").splitlines()):
            if row and row[0] == "id":
                labels = row
            elif not row or not row[0].strip() or row[0].startswith("RuleTable"):
                labels = None if not row or row[0].startswith("RuleTable") else labels
            elif labels and "source" in labels:
                yield table, row[0], row[labels.index("source")] if len(row) > labels.index("source") else ""

for drl, rid, src in rules_with_sources():
    if True:
        if ":" not in src or src.startswith("bvb"):
            continue
        f, quote = src.split(":", 1)
        if f not in texts:
            print(f"{drl.name} {rid}: unknown seed file {f}"); bad += 1; continue
        for part in quote.split(" ... "):
            if norm(part) not in texts[f]:
                print(f"{drl.name} {rid}: not found in {f}: {part.strip()!r}"); bad += 1
print("sources:", "OK" if not bad else f"{bad} problem(s)")
sys.exit(1 if bad else 0)
