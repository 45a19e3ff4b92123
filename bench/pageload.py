#!/usr/bin/env python3
"""Medians of Lighthouse runs (issue 23): reads target/bench/lighthouse/<label>/<page>-<n>.json, prints a table.

The portal's setups (compression-off, compression-on) have a row per page; the folder "floor" holds the runs on
bench/floor-app, a one-view Vaadin app of the same versions, printed last as the framework's floor.
"""
import json
import pathlib
import statistics
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/bench/lighthouse")
pages = ["login", "today", "diary_log", "progress"]
FLOOR = "floor"


def figures(report):
    audits = report["audits"]
    cats = report["categories"]
    transfer = audits.get("total-byte-weight", {}).get("numericValue", 0)
    return {
        "perf": cats["performance"]["score"] * 100,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "a11y": cats["accessibility"]["score"] * 100,
        "bp": cats["best-practices"]["score"] * 100,
        "kb": transfer / 1024,
    }


def row(setup, page, files):
    runs = [figures(json.loads(f.read_text())) for f in files]
    if not runs:
        return
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"{setup:<24} {page:<10} {len(runs):>4} {med['perf']:>5.0f} {med['lcp']:>6.1f} "
          f"{med['tbt']:>7.0f} {med['a11y']:>5.0f} {med['bp']:>8.0f} {med['kb']:>12.0f}")


print(f"{'setup':<24} {'page':<10} {'runs':>4} {'perf':>5} {'LCP s':>6} {'TBT ms':>7} {'a11y':>5} {'best pr.':>8} {'transfer KB':>12}")
for label_dir in sorted(p for p in root.iterdir() if p.is_dir() and p.name != FLOOR):
    for page in pages:
        row(label_dir.name, "/" + page.replace("_", "/"), sorted(label_dir.glob(f"{page}-*.json")))
floor = root / FLOOR
if floor.is_dir():
    row("Vaadin floor (one view)", "/", sorted(floor.glob("view-*.json")))
