#!/usr/bin/env python3
"""Helpers of the server benchmark's run script (standard library only).

  benchtool.py movies MOVIES_JSON OUT_DIR         one compact JSON file per movie, OUT_DIR/<id>.json (for nginx)
  benchtool.py wrk WRK_OUTPUT                     prints: requests rps p50_ms p99_ms errors (tab-separated)
  benchtool.py report RESULTS SERVERS META OUT    the markdown table, printed and written to OUT
  benchtool.py jfr-top JFR_JSON [N]               top N frames (self), top-of-stack packages and nearest non-JDK packages
                                                  of the jdk.ExecutionSample events of `jfr print --json`
"""
import collections
import json
import re
import statistics
import sys


def movies(source, out_dir):
    with open(source, encoding="utf-8") as f:
        for movie in json.load(f):
            with open(f"{out_dir}/{movie['id']}.json", "w", encoding="utf-8") as out:
                json.dump(movie, out, separators=(",", ":"))


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def to_ms(text):
    match = re.fullmatch(r"([0-9.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text}")
    return float(match.group(1)) * UNITS_MS[match.group(2)]


def parse_wrk(path):
    """Requests, requests per second, p50 and p99 in ms, and errors (non-2xx answers plus socket errors)."""
    text = open(path, encoding="utf-8").read()
    requests = int(re.search(r"^\s*(\d+) requests in", text, re.M).group(1))
    rps = float(re.search(r"^Requests/sec:\s*([0-9.]+)", text, re.M).group(1))
    p50 = to_ms(re.search(r"^\s*50%\s+(\S+)", text, re.M).group(1))
    p99 = to_ms(re.search(r"^\s*99%\s+(\S+)", text, re.M).group(1))
    errors = 0
    non2xx = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", text)
    if non2xx:
        errors += int(non2xx.group(1))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if socket:
        errors += sum(int(g) for g in socket.groups())
    return requests, rps, p50, p99, errors


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def fmt(value, digits=0):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def report(results_path, servers_path, meta_path, out_path):
    rows = read_tsv(results_path)
    servers = read_tsv(servers_path)
    names = [s["name"] for s in servers]
    rss = {s["name"]: int(s["rss_kb"]) / 1024 if s["rss_kb"].isdigit() else None for s in servers}
    summary = {}
    for scenario in ("hit", "fanout", "miss"):
        for name in names:
            reps = [r for r in rows if r["scenario"] == scenario and r["server"] == name]
            if not reps:
                continue
            ordered = sorted(reps, key=lambda r: float(r["rps"]))
            median_rep = ordered[len(ordered) // 2]  # the upper middle one when REPS is even
            requests = int(median_rep["requests"])
            summary[(scenario, name)] = {
                "rps": statistics.median(float(r["rps"]) for r in reps),
                "reps": [float(r["rps"]) for r in reps],
                # wrk prints 0 latencies for a window in which no request completed
                "p50": float(median_rep["p50_ms"]) if requests else None,
                "p99": float(median_rep["p99_ms"]) if requests else None,
                "cpu": float(median_rep["cpu_s"]) * 1000 / requests if requests else None,
                "upstream": int(median_rep["upstream"]) / requests if requests else None,
                "errors": sum(int(r["errors"]) for r in reps),
            }
    floors = {"hit": "static", "fanout": "static", "miss": "bare"}
    lines = [
        "| scenario | server | req/s (median) | req/s per rep | p50 ms | p99 ms | CPU s / 1000 req | RSS MiB (end) "
        "| upstream req / req | ratio to floor | ratio to @base | errors |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scenario in ("hit", "fanout", "miss"):
        floor = summary.get((scenario, floors[scenario]))
        for name in names:
            s = summary.get((scenario, name))
            if s is None:
                continue
            ratio = f"{s['rps'] / floor['rps']:.2f}x {floors[scenario]}" if floor and floor["rps"] and s["rps"] else "n/a"
            base = summary.get((scenario, name + "@base")) if "@" not in name else None
            to_base = f"{s['rps'] / base['rps']:.2f}x" if base and base["rps"] and s["rps"] else ""
            lines.append(
                f"| {scenario} | {name} | {fmt(s['rps'])} | {' / '.join(fmt(v) for v in s['reps'])} | {fmt(s['p50'], 2)} "
                f"| {fmt(s['p99'], 2)} | {fmt(s['cpu'], 3)} | {fmt(rss.get(name))} | {fmt(s['upstream'], 2)} | {ratio} "
                f"| {to_base} | {s['errors']} |")
    meta = open(meta_path, encoding="utf-8").read().rstrip("\n")
    notes = (
        "req/s: median of the reps; p50, p99, CPU and upstream requests: from the median rep (the upper middle one"
        " when REPS is even). CPU: utime+stime of the server's JVM over the window. Upstream req / req: nginx"
        " access-log lines over the window divided by the requests wrk completed. Ratios: hit and fanout to"
        " `static`, miss to `bare`; \"ratio to @base\" compares a library server with the same variant on the"
        " BASELINE jars. Errors: non-2xx answers and socket errors over all reps. n/a: no request completed in"
        " the window (DURATION too short for that server) or no floor in the run.")
    text = "\n".join(["# Server benchmark", "", meta, "", *lines, "", notes, ""])
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(text)
    print(text)


def frame_name(frame):
    method = frame.get("method", {})
    owner = method.get("type", {}).get("name", "?").replace("/", ".")
    return owner, f"{owner}.{method.get('name', '?')}"


JDK_PREFIXES = ("java.", "javax.", "jdk.", "sun.", "com.sun.")


def package_of(class_name):
    return class_name.rpartition(".")[0] or "(default)"


def jfr_top(path, limit=25):
    with open(path, encoding="utf-8") as f:
        events = json.load(f)["recording"]["events"]
    frames = collections.Counter()
    packages = collections.Counter()
    callers = collections.Counter()
    total = 0
    for event in events:
        stack = (event.get("values", {}).get("stackTrace") or {}).get("frames") or []
        if not stack:
            continue
        total += 1
        owner, name = frame_name(stack[0])
        frames[name] += 1
        packages[package_of(owner)] += 1
        # the nearest frame outside the JDK, within the recorded depth: which code the time is spent for
        outside = next((frame_name(f)[0] for f in stack if not frame_name(f)[0].startswith(JDK_PREFIXES)), None)
        callers[package_of(outside) if outside else "(JDK only, within the recorded depth)"] += 1
    print(f"{total} execution samples")
    for title, counter in (("top frames (self)", frames), ("top-of-stack packages", packages),
                           ("nearest non-JDK package on the stack", callers)):
        print(f"  {title}:")
        for key, count in counter.most_common(limit):
            print(f"    {100.0 * count / max(total, 1):5.1f}%  {count:6d}  {key}")


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "movies" and len(argv) == 4:
        movies(argv[2], argv[3])
    elif command == "wrk" and len(argv) == 3:
        print("\t".join(str(v) for v in parse_wrk(argv[2])))
    elif command == "report" and len(argv) == 6:
        report(*argv[2:6])
    elif command == "jfr-top" and len(argv) in (3, 4):
        jfr_top(argv[2], int(argv[3]) if len(argv) == 4 else 25)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
