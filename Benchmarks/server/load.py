"""The web app under load (issue 12 targets: no error, p99 < 10 ms for JSON reads, memory flat).

Starts `speedwork serve` on loopback (one process, or several on one PostgreSQL), registers a
runner, uploads a generated track session, then runs wrk against each route in turn while a
thread keeps uploading generated runs through the API. Prints, per route, requests/s, latency
percentiles and errors; the server's resident memory sampled each second; and the import check:
every distinct upload is one activity, none lost or doubled.
"""

import argparse
import datetime
import http.cookiejar
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "load-test-password-1"


def gpx(start, parts):
    """A GPX run from (seconds, metres per second) parts, one point a second, heading north."""
    meters, second, points = 0.0, 0, []
    for seconds, speed in parts:
        for _ in range(seconds):
            points.append((second, 51.5 + meters / 111195.08))
            meters += speed
            second += 1
    points.append((second, 51.5 + meters / 111195.08))
    body = "\n".join('<trkpt lat="%.7f" lon="-0.1"><time>%s</time></trkpt>'
                     % (lat, (start + datetime.timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%SZ")) for s, lat in points)
    return ('<?xml version="1.0"?><gpx version="1.1" creator="speedwork-load" xmlns="http://www.topografix.com/GPX/1/1">'
            '<trk><type>running</type><trkseg>\n%s\n</trkseg></trk></gpx>' % body).encode()


def track_session(start):
    parts = [(900, 2.9)]
    for _ in range(6):
        parts += [(80, 5.0), (90, 1.4)]
    return gpx(start, parts + [(600, 2.9)])


class Server:
    def __init__(self, speedwork, database, folder, index):
        self.command = [speedwork, "serve", "--host", "127.0.0.1", "--port", "0", "--database", database,
                        "--data-folder", os.path.join(folder, "data")]
        self.environment = dict(os.environ, HOME=folder, XDG_DATA_HOME=os.path.join(folder, "xdg"))
        self.environment.pop("SPEEDWORK_DATABASE", None)
        self.log_path = os.path.join(folder, f"server-{index}.log")
        self.process = None
        self.url = None

    def start(self):
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        env=self.environment, start_new_session=True, text=True)
        found = threading.Event()

        def copy():
            for line in self.process.stdout:
                log.write(line)
                log.flush()
                match = re.search(r"(http://127\.0\.0\.1:\d+)", line)
                if match and not found.is_set():
                    self.url = match.group(1)
                    found.set()
            log.close()

        threading.Thread(target=copy, daemon=True).start()
        if not found.wait(120):
            self.stop()
            sys.exit(f"error: the server did not print its address within 120 s (see {self.log_path})")
        for _ in range(240):
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.25)
        sys.exit("error: /health did not answer")

    def rss_kb(self):
        try:
            with open(f"/proc/{self.process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            return None

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def request(method, url, body=None, headers=None, opener=None):
    call = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(call, timeout=60) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def register(url):
    """Registers through the form (CSRF token from the page, cookie kept) and makes an API token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _, _, page = request("GET", url + "/register", opener=opener)
    csrf = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({"login": "runner@example.org", "password": PASSWORD, "csrf": csrf}).encode()
    status, _, _ = request("POST", url + "/register", form, {"Content-Type": "application/x-www-form-urlencoded"}, opener)
    if status not in (200, 303):
        sys.exit(f"error: registering answered {status}")
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    status, _, body = request("POST", url + "/api/v1/tokens", json.dumps({"login": "runner@example.org", "password": PASSWORD}).encode(),
                              {"Content-Type": "application/json"})
    if status != 201:
        sys.exit(f"error: making a token answered {status}: {body[:200]!r}")
    return cookie, json.loads(body)["token"]


def upload(url, token, name, data):
    status, headers, body = request("POST", f"{url}/api/v1/uploads?name={urllib.parse.quote(name)}", data,
                                    {"Authorization": "Bearer " + token, "Content-Type": "application/octet-stream"})
    if status != 202:
        raise RuntimeError(f"upload {name} answered {status}: {body[:200]!r}")
    return json.loads(body)["id"]


def wait_for(url, token, upload_id, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, _, body = request("GET", f"{url}/api/v1/uploads/{upload_id}", headers={"Authorization": "Bearer " + token})
        if status == 200 and json.loads(body)["status"] in ("done", "failed"):
            return json.loads(body)
        time.sleep(0.2)
    raise RuntimeError(f"upload {upload_id} did not finish within {seconds} s")


def wrk(url, header, duration, connections, threads):
    command = ["wrk", "--latency", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "-H", header, url]
    output = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout

    def milliseconds(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests": int(total.group(1)) if total else 0,
        "rate": float(rate.group(1)) if rate else 0.0,
        "p50": milliseconds("50"), "p99": milliseconds("99"),
        "errors": (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket.groups())) if socket else 0),
        "raw": output,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speedwork", required=True)
    parser.add_argument("--duration", type=int, default=60, help="seconds of wrk per route (1-3600)")
    parser.add_argument("--connections", type=int, default=64, help="wrk connections (1-10000)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (1-64; one drives far more than the server answers, and a second only takes processor time from it on a small machine)")
    parser.add_argument("--database", help="a postgres:// URL (empty database); default a new SQLite file")
    parser.add_argument("--servers", type=int, default=1, help="server processes on the one database (1-8; >1 needs PostgreSQL)")
    options = parser.parse_args()
    for name, low, high in (("duration", 1, 3600), ("connections", 1, 10000), ("threads", 1, 64), ("servers", 1, 8)):
        value = getattr(options, name)
        if not low <= value <= high:
            parser.error(f"--{name} {value} is outside {low}-{high}")
    if options.servers > 1 and not (options.database or "").startswith("postgres"):
        parser.error("--servers above 1 needs a postgres:// --database (SQLite is one machine's log)")
    folder = tempfile.mkdtemp(prefix="speedwork-load-")
    database = options.database or f"sqlite://{folder}/log.sqlite"
    servers = [Server(os.path.abspath(options.speedwork), database, folder, index) for index in range(options.servers)]
    try:
        for server in servers:
            server.start()
        url = servers[0].url
        print(f"server: {len(servers)} process(es) on {database.split('@')[-1]}; wrk {options.connections} connections, "
              f"{options.threads} threads, {options.duration} s a route")
        cookie, token = register(url)
        day = datetime.datetime(2026, 11, 24, 17, 0, tzinfo=datetime.timezone.utc)
        first = wait_for(url, token, upload(url, token, "track.gpx", track_session(day)))
        if first["status"] != "done" or not first["activities"]:
            sys.exit(f"error: the seed upload did not import: {first}")
        activity = first["activities"][0]

        uploads = []
        stop = threading.Event()

        def run_file(index):
            start = day - datetime.timedelta(days=1 + index, hours=index % 5)
            return gpx(start, [(1800 + index % 60, 2.9)])

        # Made before wrk starts, so the client's own work does not take processor time from the
        # server during the run (each file is about 6 ms of Python).
        ready = [run_file(index) for index in range(4 * options.duration * 2 + 20)]

        def keep_uploading():
            """A new run every half second, spread over the servers (each a distinct file)."""
            index = 0
            while not stop.is_set():
                target = servers[index % len(servers)].url
                try:
                    data = ready[index] if index < len(ready) else run_file(index)
                    uploads.append((target, upload(target, token, f"run-{index}.gpx", data)))
                except Exception as error:  # the load run reports it; it does not stop
                    uploads.append((target, f"failed: {error}"))
                index += 1
                stop.wait(0.5)

        memory = []

        def sample_memory():
            while not stop.is_set():
                memory.append([server.rss_kb() or 0 for server in servers])
                stop.wait(1)

        threads = [threading.Thread(target=keep_uploading, daemon=True), threading.Thread(target=sample_memory, daemon=True)]
        for thread in threads:
            thread.start()
        routes = [("GET /api/v1/activities/{id}", f"{url}/api/v1/activities/{activity}", "Authorization: Bearer " + token),
                  ("GET /api/v1/activities", f"{url}/api/v1/activities", "Authorization: Bearer " + token)]
        status, _, _ = request("GET", f"{url}/api/v1/today", headers={"Authorization": "Bearer " + token})
        if status != 404:
            routes.append(("GET /api/v1/today", f"{url}/api/v1/today?date=2026-11-24", "Authorization: Bearer " + token))
        routes.append(("GET / (log page)", f"{url}/", "Cookie: " + cookie))
        results = []
        for label, address, header in routes:
            result = wrk(address, header, options.duration, options.connections, options.threads)
            results.append((label, result))
            print(f"{label:32} {result['rate']:9.0f} req/s  p50 {result['p50']:7.2f} ms  p99 {result['p99']:7.2f} ms  "
                  f"errors {result['errors']} of {result['requests']}", flush=True)
        stop.set()
        for thread in threads:
            thread.join()

        finished = [wait_for(target, token, upload_id) if not upload_id.startswith("failed") else {"status": upload_id}
                    for target, upload_id in uploads]
        failed = [item for item in finished if item["status"] != "done"]
        added = sum(item.get("added", 0) for item in finished)
        status, _, body = request("GET", f"{url}/api/v1/activities", headers={"Authorization": "Bearer " + token})
        listed = len(json.loads(body)["activities"]) if status == 200 else -1
        print(f"uploads during the run: {len(uploads)}, imported {added}, failed {len(failed)}; "
              f"the log lists {listed} activities (expected {len(uploads) + 1})")
        for index, server in enumerate(servers):
            series = [sample[index] for sample in memory if sample[index]]
            if series:
                tenth = max(1, len(series) // 10)
                early, late = statistics.median(series[tenth:2 * tenth] or series[:1]), statistics.median(series[-tenth:])
                print(f"server {index + 1} memory (RSS): {early / 1024:.0f} MB early, {late / 1024:.0f} MB late, "
                      f"{max(series) / 1024:.0f} MB at most, over {len(series)} s; every 10 s: "
                      + " ".join(f"{value / 1024:.0f}" for value in series[::10]))
        errors = sum(result["errors"] for _, result in results)
        json_p99 = max((result["p99"] for label, result in results if "/api/" in label), default=float("nan"))
        ok = errors == 0 and not failed and listed == len(uploads) + 1
        print(f"verdict: errors {errors}, JSON p99 {json_p99:.2f} ms (target < 10 ms), "
              f"imports {'exact' if listed == len(uploads) + 1 and not failed else 'NOT exact'}")
        with open(os.path.join(folder, "wrk.txt"), "w") as raw:
            for label, result in results:
                raw.write(f"== {label}\n{result['raw']}\n")
        return 0 if ok else 1
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
