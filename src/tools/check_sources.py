#!/usr/bin/env python3
"""Checks that every @source quote in rules/*.drl occurs verbatim in its seed file.

Usage: src/tools/check_sources.py [SEEDS_DIR]   (default ../shared/seeds)
A quote may use " ... " to join separate passages; each part is searched on its own.
Whitespace is normalised. Exit 1 if any quote is not found.
"""
import pathlib, re, sys

seeds = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
norm = lambda s: re.sub(r"\s+", " ", s).strip()
texts = {p.name: norm(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")}
bad = 0
for drl in sorted(pathlib.Path("rules").glob("*.drl")):
    for m in re.finditer(r'@id\("([^"]+)"\)\s*@source\("((?:[^"\\]|\\.)*)"\)', drl.read_text(encoding="utf-8")):
        rid, src = m.group(1), m.group(2).replace('\\"', '"')
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
