#!/usr/bin/env python3
"""Edit-to-served latency of a live-preview server (ladderbook serve, hugo server).

    bench/latency.py CONTENT_DIR BASE_URL [--edits 50] [--warmup 3] [--seed 1]

CONTENT_DIR is the `content/` folder of a ladder written by bench/generate (ladderbook's or
Hugo's: both keep competencies at content/competencies/<level>/<pillar>.md, and both serve
the level's page at /levels/<level>/). BASE_URL is the server, such as http://127.0.0.1:3000.

For each edit the probe picks a competency file (seeded, spread over levels and pillars),
saves it atomically (writes `.<name>.bench~` beside it, then renames it over the file) with a
new marker word in its first expectation, and polls that level's page over HTTP until the
marker appears. The latency is the time from the rename to the first response that shows the
marker. The first `--warmup` edits are not counted. Between edits the probe waits `--settle`
seconds so that one edit's rebuild never overlaps the next.

Prints each edit's latency and a final line
    RESULT edits=50 median_ms=12.3 p95_ms=20.1 min_ms=9.8 max_ms=25.0 mean_ms=13.0
and exits 1 if the server does not come up or an edit is not served within --timeout.
Only the standard library is used; only BASE_URL is contacted (it must be loopback).
"""

import argparse
import http.client
import json
import math
import os
import random
import re
import statistics
import sys
import time
import urllib.parse

MARKER_RE = re.compile(r" zqmark[0-9a-z]+")


class Poller:
    """Fetches pages over one kept-alive connection, reconnecting when it drops."""

    def __init__(self, base, timeout):
        u = urllib.parse.urlsplit(base)
        if u.scheme != "http" or u.hostname not in ("127.0.0.1", "localhost", "::1"):
            sys.exit("error: BASE_URL must be http://127.0.0.1:PORT (loopback only), not %s" % base)
        self.host, self.port, self.timeout = u.hostname, u.port or 80, timeout
        self.conn = None

    def get(self, path):
        """(status, body) or (None, b"") when the server cannot be reached."""
        for attempt in (0, 1):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self.conn.request("GET", path, headers={"Cache-Control": "no-cache"})
                r = self.conn.getresponse()
                body = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return r.status, body
            except (OSError, http.client.HTTPException):
                self.close()
        return None, b""

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def competencies(content):
    root = os.path.join(content, "competencies")
    out = []
    for level in sorted(os.listdir(root)):
        d = os.path.join(root, level)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".md") and not name.startswith((".", "_")):
                out.append((level, os.path.join(d, name)))
    if not out:
        sys.exit("error: no competency files under %s" % root)
    return out


def with_marker(text, marker):
    """The file's text with ` <marker>` at the end of its first expectation."""
    if MARKER_RE.search(text):
        return MARKER_RE.sub(" " + marker, text, count=1)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("- "):
            if line.endswith("."):
                lines[i] = line[:-1] + " " + marker + "."
            else:
                lines[i] = line + " " + marker
            return "\n".join(lines)
    raise ValueError("no expectation (a line starting with '- ') to mark")


def atomic_save(path, text):
    d, name = os.path.split(path)
    tmp = os.path.join(d, "." + name + ".bench~")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def percentile(sorted_xs, p):
    """Nearest-rank percentile."""
    k = max(1, math.ceil(p / 100.0 * len(sorted_xs)))
    return sorted_xs[k - 1]


def main():
    ap = argparse.ArgumentParser(prog="bench/latency.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("content", metavar="CONTENT_DIR")
    ap.add_argument("base", metavar="BASE_URL")
    ap.add_argument("--edits", type=int, default=50, help="measured edits (default 50)")
    ap.add_argument("--warmup", type=int, default=3, help="edits before measuring (default 3)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--poll-interval", type=float, default=0.002, help="seconds between polls (default 0.002)")
    ap.add_argument("--settle", type=float, default=0.5, help="seconds to wait after each served edit (default 0.5)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds an edit may take to show (default 30)")
    ap.add_argument("--startup-timeout", type=float, default=120.0, help="seconds for the server to come up (default 120)")
    ap.add_argument("--label", default="server")
    ap.add_argument("--json", metavar="FILE", help="also write the latencies and summary here")
    ap.add_argument("--quiet", "-q", action="store_true", help="print only the RESULT line")
    a = ap.parse_args()

    files = competencies(a.content)
    rng = random.Random(a.seed)
    poller = Poller(a.base.rstrip("/"), timeout=5.0)

    # Wait for the server to serve the first level page.
    first_level = files[0][0]
    deadline = time.monotonic() + a.startup_timeout
    while True:
        status, _ = poller.get("/levels/%s/" % first_level)
        if status == 200:
            break
        if time.monotonic() > deadline:
            sys.exit("error: %s did not serve /levels/%s/ within %.0f s (last status %s)"
                     % (a.label, first_level, a.startup_timeout, status))
        time.sleep(0.1)
    time.sleep(a.settle)

    nonce = "%06x" % rng.randrange(16 ** 6)
    order = files[:]
    rng.shuffle(order)
    lat = []
    total = a.warmup + a.edits
    for i in range(total):
        level, path = order[i % len(order)]
        url = "/levels/%s/" % level
        marker = "zqmark%sn%d" % (nonce, i)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        atomic_save(path, with_marker(text, marker))
        t0 = time.perf_counter()
        needle = marker.encode()
        polls = 0
        while True:
            status, body = poller.get(url)
            polls += 1
            if status == 200 and needle in body:
                dt = (time.perf_counter() - t0) * 1000.0
                break
            if time.perf_counter() - t0 > a.timeout:
                sys.exit("error: %s: edit %d of %s did not show on %s within %.0f s"
                         % (a.label, i + 1, path, url, a.timeout))
            time.sleep(a.poll_interval)
        measured = i >= a.warmup
        if measured:
            lat.append(dt)
        if not a.quiet:
            print("%s edit %2d%s %-55s %8.1f ms (%d polls)" % (
                a.label, i + 1, "" if measured else " (warm-up)",
                os.path.relpath(path, a.content), dt, polls), flush=True)
        time.sleep(a.settle)
    poller.close()

    s = sorted(lat)
    summary = {
        "label": a.label, "edits": len(s), "median_ms": statistics.median(s),
        "p95_ms": percentile(s, 95), "min_ms": s[0], "max_ms": s[-1], "mean_ms": statistics.fmean(s),
    }
    print("RESULT label=%s edits=%d median_ms=%.1f p95_ms=%.1f min_ms=%.1f max_ms=%.1f mean_ms=%.1f" % (
        a.label, summary["edits"], summary["median_ms"], summary["p95_ms"], summary["min_ms"],
        summary["max_ms"], summary["mean_ms"]), flush=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(dict(summary, latencies_ms=lat), f, indent=1)


if __name__ == "__main__":
    main()
