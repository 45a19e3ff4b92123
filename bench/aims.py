#!/usr/bin/env python3
"""Issue 18's table: the figures of the last runs of bench/run's parts (logs under target/bench/) beside the issue's
"before" column, a public Vaadin sample of the same stack, the framework's floor, and the aim. Run by bench/run at the
end; on its own: python3 bench/aims.py [target/bench]. A part that has not been run shows "not run"."""
import os
import re
import statistics
import sys
import time

bench = sys.argv[1] if len(sys.argv) > 1 else "target/bench"


def read(name):
    path = os.path.join(bench, name)
    if not os.path.exists(path):
        return None, None
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read(), time.strftime("%Y-%m-%d %H:%M", time.gmtime(os.path.getmtime(path)))


sources = []
memory, when = read("memory.log")
per_page, nav = {}, {}
if memory:
    sources.append(f"memory.log ({when} UTC)")
    page = None
    for line in memory.splitlines():
        m = re.match(r"-- (\w+) (\S+) \(", line)
        if m:
            page = m.group(2)
        m = re.search(r"([0-9.]+) KB per session", line)
        if m and page:
            per_page.setdefault(page, []).append(float(m.group(1)))
        m = re.search(r"Navigation to \S+: median ([0-9.]+) ms", line)
        if m and page:
            nav.setdefault(page, []).append(float(m.group(1)))


def kb(page):
    values = per_page.get(page)
    return f"{statistics.median(values):.0f} KB" + (f" (median of {len(values)})" if len(values) > 1 else "") \
        if values else "not run"


def ms(page):
    values = nav.get(page)
    return f"{statistics.median(values):.1f} ms" if values else "not run"


data, when = read("data-scale.log")
p95 = {}
if data:
    sources.append(f"data-scale.log ({when} UTC)")
    for line in data.splitlines():
        m = re.match(r"\s*(progress, 12 weeks|caseload of 50)\b.*?10,000 patients\s+p50\s+[0-9.]+ ms\s+p95\s+([0-9.]+) ms",
                     line)
        if m:
            p95[m.group(1)] = float(m.group(2))

load, when = read("load.log")
users, cpu = "not run", "not run"
if load:
    sources.append(f"load.log ({when} UTC)")
    m = re.search(r"Largest user count with p95 <= 200 ms and no errors: (.+?) \(in-app", load)
    users = m.group(1) if m else "not found in load.log"
    per_action = re.findall(r"\(([0-9.]+) ms per action\)", load)
    if per_action:
        cpu = " / ".join(per_action) + " ms (per stage)"

cold, when = read("coldstart-summary.txt")
coldstart = "not run"
if cold:
    sources.append(f"coldstart-summary.txt ({when} UTC)")
    ways = dict(re.findall(r"^(jar|extracted|aot)\s+(-?\d+)", cold, re.M))
    if ways:
        coldstart = ", ".join(f"{way} {int(v) / 1000:.1f} s" for way, v in ways.items())

rows = [
    ("retained heap per session, Today", "226 KB", "112 KB", "43 KB", "<= 100 KB", kb("today")),
    ("same, progress", "174 KB", "", "", "<= 120 KB", kb("progress")),
    ("same, caseload (of 50 at 10,000 patients)", "183 KB (1,005 KB at 50)", "", "", "<= 120 KB", kb("caseload")),
    ("building the view on navigation, median: Today", "26 ms", "25.5 ms", "0.6 ms", "<= 8 ms", ms("today")),
    ("same, progress", "44 ms", "", "", "<= 15 ms", ms("progress")),
    ("same, caseload", "39 ms", "", "", "<= 15 ms", ms("caseload")),
    ("users at in-app p95 <= 200 ms", "100", "", "", ">= 400", users),
    ("server CPU per in-app action", "", "", "", "<= 5 ms", cpu),
    ("progress query p95 at 10,000 patients", "26 ms", "", "", "<= 10 ms",
     f"{p95['progress, 12 weeks']:.1f} ms" if "progress, 12 weeks" in p95 else "not run"),
    ("caseload of 50 p95 at 10,000 patients", "92 ms", "", "", "<= 50 ms",
     f"{p95['caseload of 50']:.1f} ms" if "caseload of 50" in p95 else "not run"),
    ("production jar cold start to a served sign-in page", "10-15 s", "", "6.4 s (hello world)", "<= 5 s", coldstart),
]
header = ("measure", "issue 18 (before)", "the sample", "Vaadin floor", "aim", "this run")
widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
print("Issue 18's table (the sample: spring-petclinic-vaadin-flow, measured in the issue; figures of this machine, "
      "read them as ratios)")
print(line(header))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows:
    print(line((r[0], r[1], r[2], r[3], r[4], r[5])))
print("From: " + (", ".join(sources) if sources else "no part has been run yet (logs under target/bench/)"))
