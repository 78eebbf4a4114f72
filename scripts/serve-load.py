#!/usr/bin/env python3
"""Load on `patuh serve` from 50 concurrent clients (Python's standard library only).

  serve-load.py bench --patuh BIN [--clients 50] [--seconds 30]
      Sustained submissions per second, latency percentiles of the submission (POST until the
      thank-you page), and the server's peak memory (VmHWM), for the README (acceptance 5).
  serve-load.py kill --patuh BIN [--clients 50] [--seconds 4]
      Kills the server with SIGKILL while the clients submit, restarts it, and checks that every
      submission that got its thank-you page is in the database and that the database passes
      PRAGMA integrity_check (acceptance 4). Exit status 0 when both hold.

Each client is a citizen at the counter: it opens the questionnaire (GET, which gives a new
device cookie and a one-time token), then submits it (POST) with that cookie, over one
keep-alive connection. The server runs with --per-address-limit 0: every client comes from
127.0.0.1, which the per-address limit would otherwise stop after 2000 an hour.
"""
import argparse
import http.client
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGISTRY = os.path.join(ROOT, "Tests/PatuhServeTests/Fixtures/registry.xml")
UNITS = ["1471-disdukcapil", "1471-dpmptsp", "14-dpmptsp", "1401-disdukcapil", "13-dpmptsp"]


def start(patuh, data, port=0):
    log = open(os.path.join(data, f"serve-{time.time_ns()}.log"), "w+")
    proc = subprocess.Popen([patuh, "serve", "--data", data, "--registry", REGISTRY, "--period", "2026-S2",
                             "--listen", f"127.0.0.1:{port}", "--per-address-limit", "0"],
                            stdout=subprocess.DEVNULL, stderr=log, cwd=ROOT)
    for _ in range(300):
        log.seek(0)
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", log.read())
        if m:
            return proc, int(m.group(1))
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    log.seek(0)
    raise SystemExit("the server did not start:\n" + log.read())


class Client(threading.Thread):
    def __init__(self, port, stop, seed):
        super().__init__(daemon=True)
        self.port, self.stop, self.rng = port, stop, random.Random(seed)
        self.acknowledged = []  # response ids of thank-you pages received
        self.latencies = []
        self.errors = 0

    def run(self):
        conn = None
        while not self.stop.is_set():
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                unit = self.rng.choice(UNITS)
                conn.request("GET", f"/s/{unit}")
                page = conn.getresponse()
                html = page.read().decode()
                cookie = (page.getheader("Set-Cookie") or "").split(";")[0]
                token = re.search(r'name="token" value="([0-9a-f]{32})"', html).group(1)
                fields = [("token", token), ("period", "2026-S2"), ("lang", "id"), ("gender", self.rng.choice("LP")),
                          ("age", str(self.rng.randint(18, 70))), ("comment", "uji beban")]
                fields += [(f"a_U{n}", str(self.rng.randint(1, 4))) for n in range(1, 10)]
                body = urllib.parse.urlencode(fields)
                t0 = time.perf_counter()
                conn.request("POST", f"/s/{unit}", body=body,
                             headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
                answer = conn.getresponse()
                text = answer.read().decode()
                elapsed = time.perf_counter() - t0
                m = re.search(r"<code>(w-[0-9a-f]+)</code>", text)
                if answer.status == 200 and m:
                    self.acknowledged.append(m.group(1))
                    self.latencies.append(elapsed)
                else:
                    self.errors += 1
            except Exception:
                # The server was killed (or the connection dropped): what was not acknowledged is not counted.
                self.errors += 1
                if conn is not None:
                    conn.close()
                conn = None
                if self.stop.is_set():
                    break
                time.sleep(0.05)


def load(port, clients, seconds):
    stop = threading.Event()
    threads = [Client(port, stop, seed) for seed in range(clients)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    return stop, threads


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def bench(args):
    data = tempfile.mkdtemp(prefix="patuh-serve-bench-")
    proc, port = start(args.patuh, data)
    try:
        # A warm-up second, not measured.
        stop, threads = load(port, args.clients, 1)
        stop.set()
        for t in threads:
            t.join()
        t0 = time.perf_counter()
        stop, threads = load(port, args.clients, args.seconds)
        stop.set()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        peak = peak_kib(proc.pid)
    finally:
        proc.terminate()
        proc.wait()
    latencies = sorted(x for t in threads for x in t.latencies)
    n = len(latencies)
    errors = sum(t.errors for t in threads)
    if n == 0:
        raise SystemExit("no submission was acknowledged")

    def pct(p):
        return latencies[min(n - 1, int(p * n))] * 1000

    print(f"patuh serve, {args.clients} clients, {wall:.1f} s: {n} submissions acknowledged, {errors} errors")
    print(f"  sustained: {n / wall:.0f} submissions/s (each also fetched its questionnaire page)")
    print(f"  submission latency: p50 {pct(0.50):.1f} ms, p99 {pct(0.99):.1f} ms, max {latencies[-1] * 1000:.1f} ms")
    print(f"  server peak memory (VmHWM): {peak / 1024:.1f} MiB")


def kill(args):
    data = tempfile.mkdtemp(prefix="patuh-serve-kill-")
    proc, port = start(args.patuh, data)
    stop, threads = load(port, args.clients, args.seconds)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stop.set()
    for t in threads:
        t.join()
    acknowledged = {x for t in threads for x in t.acknowledged}
    # Restart on the same folder (SQLite recovers its write-ahead log), then look.
    proc, port = start(args.patuh, data)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/s/1471-disdukcapil")
        serving = conn.getresponse().status == 200
    finally:
        proc.terminate()
        proc.wait()
    db = sqlite3.connect(os.path.join(data, "patuh-serve.sqlite"))
    stored = {row[0] for row in db.execute("SELECT id FROM response")}
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    missing = acknowledged - stored
    print(f"kill -9 after {args.seconds} s of {args.clients} clients: {len(acknowledged)} thank-you pages, "
          f"{len(stored)} responses in the database after restart, {len(missing)} acknowledged but missing; "
          f"integrity_check: {integrity}; serving after restart: {serving}")
    ok = not missing and integrity == "ok" and serving and len(acknowledged) > 0
    print("serve-load.py kill: " + ("durable" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["bench", "kill"])
    parser.add_argument("--patuh", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=None)
    args = parser.parse_args()
    if args.seconds is None:
        args.seconds = 30 if args.mode == "bench" else 4
    (bench if args.mode == "bench" else kill)(args)


if __name__ == "__main__":
    main()
