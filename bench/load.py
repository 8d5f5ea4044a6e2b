"""Load the production server with wrk and compare every page with a bare Django view.

Usage:  .venv/bin/python bench/load.py [--seconds 10] [--connections 32] [--only home,question]

Needs `wrk` (Debian package), PostgreSQL and Redis on loopback. Reads DATABASE_URL (default: the
`bench_search` database, 1,000,000 questions and 1.5M answers, a stricter test than the 100,000
the issue asks for) READ-ONLY: only GET pages and the assessment API, which stores nothing; it
never migrates or seeds it. Flushes and uses REDIS_URL (default redis://127.0.0.1:6379/5).

It collects the static files, starts gunicorn with portal/gunicorn.conf.py and the production
settings (DEBUG off, Redis cache, page cache on, BENCH_BARE_VIEW on for /bench/bare/), then for
each endpoint: a warm-up, a timed wrk run at 32 connections, CPU busy % of the machine and of the
server's processes (a run under ~85 % machine busy is run again: keep-alive pins a connection to
one worker). It prints requests/s, p50/p99, errors and the ratio to the bare view, the workers'
RSS afterwards and the question page's weight, and writes bench/out/load.json and load.svg.
The API throttles are raised for the run (they would answer the bench with 429); everything else
is as in production. The machine is shared: the load average is printed, numbers are noisy.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

# The targets, as a share of the same run's bare view (None: no target).
TARGETS = {
    "question (cached)": 0.7,
    "question (uncached)": 0.1,
    "home (uncached)": 0.1,
    "assessment API": 0.3,
}
P99_TARGET_MS = 100.0
RSS_TARGET_MB = 150.0
WEIGHT_TARGET_BYTES = 60 * 1024
SEARCHES = ["合同 违约", "个人信息", "离婚 财产", "拖欠 工资", "交通事故 赔偿", "租房 押金"]
ASSESSMENTS = [
    {"conduct": "obtain", "records": {"track": 60}, "illegal_gain": "0"},
    {"conduct": "provide", "records": {"general": 6000, "lodging": 600}, "illegal_gain": "5200"},
    {"conduct": "purchase_for_business", "records": {"credit": 0}, "illegal_gain": "120.50"},
]
RANDOM_IDS = 20_000
ARTICLE = "/statutes/criminal-law/253-1/"  # 刑法第二百五十三条之一


@dataclass
class Endpoint:
    name: str
    requests: list[tuple[str, str, str]]  # (method, path, body)
    random: bool = False  # pick a request at random (else cycle through them)
    note: str = ""


@dataclass
class Run:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    machine_busy: float
    server_cpu: float  # cores the server's processes used (2.0 = two cores)
    load_average: float
    attempts: int
    note: str = ""
    ratio: float = field(default=0.0)

    @property
    def per_core(self) -> float:
        """Requests per second of one fully used core: what a shared machine can't hide."""
        return self.requests_per_second / self.server_cpu if self.server_cpu else 0.0


LUA = """
local requests = {%(requests)s}
local headers = {["Accept-Encoding"] = "br, gzip", ["Content-Type"] = "application/json"}
local pick_random = %(random)s
local counter = 0
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("seed", threads) end
init = function(args) math.randomseed(os.time() * 100 + seed); counter = math.random(#requests) end
request = function()
  local r
  if pick_random then r = requests[math.random(#requests)]
  else counter = counter %% #requests + 1; r = requests[counter] end
  return wrk.format(r[1], r[2], headers, r[3])
end
done = function(summary, latency, _)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def lua_string(text: str) -> str:
    return '"' + "".join(f"\\{byte}" for byte in text.encode()) + '"'


def write_lua(endpoint: Endpoint) -> Path:
    rows = ",".join(
        "{" + ",".join(lua_string(part) for part in request) + "}" for request in endpoint.requests
    )
    script = LUA % {"requests": rows, "random": "true" if endpoint.random else "false"}
    path = OUT / f"wrk-{re.sub(r'[^a-z]+', '-', endpoint.name.lower()).strip('-')}.lua"
    path.write_text(script)
    return path


def cpu_times() -> tuple[int, int]:
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def process_tree(root: int) -> list[int]:
    found = [root]
    for pid in list(found):
        children = Path(f"/proc/{pid}/task/{pid}/children")
        if children.exists():
            found += [int(child) for child in children.read_text().split()]
    return found


def process_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue  # a worker replaced after max_requests
        # With the children's (cutime, cstime): a worker replaced after max_requests hands its
        # time to the master when reaped, so the sum never goes back.
        total += sum(int(value) for value in stat[11:15])
    return total


def wrk(endpoint: Endpoint, script: Path, url: str, args: argparse.Namespace, seconds: float):
    command = [
        "wrk",
        f"-t{args.wrk_threads}",
        f"-c{args.connections}",
        f"-d{round(seconds)}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+)", output)
    if not match:
        raise RuntimeError(f"wrk said:\n{output}")
    requests, duration_us, p50, p99, errors = (int(value) for value in match.groups())
    if os.environ.get("BENCH_VERBOSE"):
        print(output)
    return requests, duration_us / 1e6, p50 / 1000, p99 / 1000, errors


def measure(endpoint: Endpoint, url: str, server: int, args: argparse.Namespace) -> Run:
    script = write_lua(endpoint)
    attempts = 0
    while True:
        attempts += 1
        wrk(endpoint, script, url, args, args.warmup)
        busy_before, total_before = cpu_times()
        ticks_before = process_ticks(process_tree(server))
        requests, duration, p50, p99, errors = wrk(endpoint, script, url, args, args.seconds)
        busy_after, total_after = cpu_times()
        ticks_after = process_ticks(process_tree(server))
        machine_busy = 100 * (busy_after - busy_before) / max(1, total_after - total_before)
        server_cpu = (ticks_after - ticks_before) / os.sysconf("SC_CLK_TCK") / duration
        if machine_busy >= 85 or attempts >= 3:
            break
        print(f"  {endpoint.name}: machine {machine_busy:.0f} % busy, running again")
    return Run(
        name=endpoint.name,
        requests_per_second=requests / duration,
        p50_ms=p50,
        p99_ms=p99,
        errors=errors,
        requests=requests,
        machine_busy=machine_busy,
        server_cpu=server_cpu,
        load_average=os.getloadavg()[0],
        attempts=attempts,
        note=endpoint.note,
    )


def fixtures(environment: dict[str, str]) -> dict:
    """Ids and paths read from the database (read-only), in a child Django process."""
    code = f"""
import json, random
import django
django.setup()
from consult.models import Question
visible = Question.objects.visible()
answered = visible.filter(answer_count__gt=0).order_by("-pk").values_list("pk", flat=True)[:1]
top = visible.order_by("-pk").values_list("pk", flat=True).first()
rng = random.Random(10)
# On a running site every question's related list is stored when a write changes it; a bench
# database seeded by COPY has none until `manage.py compute_related` fills them. Pages whose
# list is missing would store one on their first view (a write on a GET, not the steady state),
# so the uncached pages are drawn from questions with a stored list when there are enough.
stored = visible.filter(related_list__isnull=False)
pool = stored if stored.count() >= 1000 else visible
ids = list(pool.filter(pk__in=[rng.randint(1, top) for _ in range({RANDOM_IDS * 2})])
           .values_list("pk", flat=True)[:{RANDOM_IDS}])
if len(ids) < 1000:
    ids = list(pool.order_by("?").values_list("pk", flat=True)[:{RANDOM_IDS}])
print(json.dumps({{"question": answered[0], "random_ids": ids, "questions": visible.count(),
                  "stored_related": pool is stored}}))
"""
    output = subprocess.run(
        [str(PYTHON), "-c", code], env=environment, cwd=ROOT, capture_output=True, text=True
    )
    if output.returncode:
        raise RuntimeError(output.stderr)
    return json.loads(output.stdout.strip().splitlines()[-1])


def endpoints(data: dict) -> list[Endpoint]:
    from urllib.parse import quote

    question = f"/questions/{data['question']}/"
    return [
        Endpoint("bare view", [("GET", "/bench/bare/", "")], note="the ceiling (= 1)"),
        Endpoint("home (cached)", [("GET", "/", "")], note="page cache hit"),
        # A parameter the page cache does not know: rendered every time, as on a miss.
        Endpoint("home (uncached)", [("GET", "/?bench=1", "")], note="rendered each time"),
        Endpoint("question (cached)", [("GET", question, "")], note="page cache hit"),
        Endpoint(
            "question (uncached)",
            [("GET", f"/questions/{pk}/", "") for pk in data["random_ids"]],
            random=True,
            note=f"random among {len(data['random_ids'])} ids: mostly misses"
            + (", related lists stored" if data.get("stored_related") else ""),
        ),
        Endpoint("statute article", [("GET", ARTICLE, "")], note="page cache hit"),
        Endpoint(
            "search",
            [("GET", f"/search/?q={quote(query)}", "") for query in SEARCHES],
            note=f"{len(SEARCHES)} queries cycled, never cached",
        ),
        Endpoint("question list API", [("GET", "/api/v1/questions/", "")], note="never cached"),
        Endpoint(
            "assessment API",
            [("POST", "/api/v1/assessments/", json.dumps(facts)) for facts in ASSESSMENTS],
            note="POST, stores nothing",
        ),
    ]


def fetch(url: str, encoding: str = "br, gzip") -> tuple[int, dict[str, str], bytes]:
    # Only ever the bench's own server on loopback.
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


def page_weight(base: str, path: str, site_url: str) -> dict:
    """The question page and the CSS and JS it loads, as a browser would receive them."""
    _, headers, html = fetch(base + path)
    page = html.decode()
    wire_html = len(html)
    if "Content-Encoding" not in headers:
        # Django sends the HTML as is; the TLS proxy in front compresses it. Count it gzipped.
        wire_html = len(gzip.compress(html, compresslevel=6))
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', page)
    assets += re.findall(r'<script[^>]+src="([^"]+)"', page)
    sizes = {}
    for asset in assets:
        if asset.startswith("/"):
            _, asset_headers, body = fetch(base + asset)
            sizes[asset] = (len(body), asset_headers.get("Content-Encoding", "identity"))
    loaded = re.findall(r'(?:src|srcset)="(https?://[^"]+)"', page)
    loaded += [
        href
        for tag in re.findall(r"<link[^>]+>", page)
        if 'rel="canonical"' not in tag and 'rel="alternate"' not in tag
        for href in re.findall(r'href="(https?://[^"]+)"', tag)
    ]
    third_party = sorted({url for url in loaded if not url.startswith(site_url)})
    return {
        "html_bytes": len(html),
        "html_compressed_bytes": wire_html,
        "assets": sizes,
        "total_compressed_bytes": wire_html + sum(size for size, _ in sizes.values()),
        "third_party_requests": third_party,
    }


def worker_memory_mb(master: int) -> list[tuple[float, float]]:
    """(RSS, PSS) of each worker: RSS counts the pages shared with the master (the code and
    search tables loaded before the fork) in full, PSS only a worker's share of them."""
    sizes = []
    for pid in process_tree(master)[1:]:
        status = Path(f"/proc/{pid}/status").read_text()
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        sizes.append(
            (_kb(r"VmRSS:\s+(\d+) kB", status) / 1024, _kb(r"Pss:\s+(\d+) kB", rollup) / 1024)
        )
    return sizes


def _kb(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    if found is None:
        raise RuntimeError(f"{pattern!r} not in /proc")
    return int(found.group(1))


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited; see bench/out/gunicorn.log")
        try:
            if fetch(base + "/healthz/")[0] == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer /healthz/ within a minute")


def svg_chart(runs: list[Run]) -> str:
    """Two bar panels, req/s and p99 per endpoint, the bare view first; plain SVG."""
    row, label, bar, gap = 26, 170, 300, 40
    height = 60 + row * len(runs)
    top_rps = max(run.requests_per_second for run in runs)
    top_p99 = max(max(run.p99_ms for run in runs), P99_TARGET_MS)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label * 2 + bar * 2 + gap * 2}" '
        f'height="{height}" font-family="sans-serif" font-size="12">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{label}" y="20" font-weight="bold">requests/s (ratio to the bare view)</text>',
        f'<text x="{label * 2 + bar + gap}" y="20" font-weight="bold">p99 latency, ms</text>',
    ]
    target_x = label * 2 + bar + gap + bar * P99_TARGET_MS / top_p99
    parts.append(
        f'<line x1="{target_x:.0f}" y1="30" x2="{target_x:.0f}" y2="{height - 10}" '
        'stroke="#c00" stroke-dasharray="4 3"/>'
        f'<text x="{target_x + 3:.0f}" y="{height - 12}" fill="#c00">100 ms</text>'
    )
    for index, run in enumerate(runs):
        y = 40 + row * index
        colour = "#888" if run.name == "bare view" else "#2a6fb0"
        width = bar * run.requests_per_second / top_rps
        p99_width = bar * run.p99_ms / top_p99
        parts += [
            f'<text x="{label - 6}" y="{y + 14}" text-anchor="end">{run.name}</text>',
            f'<rect x="{label}" y="{y}" width="{width:.1f}" height="18" fill="{colour}"/>',
            f'<text x="{label + width + 4:.0f}" y="{y + 14}">'
            f"{run.requests_per_second:.0f} ({run.ratio:.{2 if run.ratio >= 0.01 else 3}f})</text>",
            f'<text x="{label * 2 + bar + gap - 6}" y="{y + 14}" text-anchor="end">{run.name}</text>',
            f'<rect x="{label * 2 + bar + gap}" y="{y}" width="{p99_width:.1f}" height="18" '
            f'fill="{colour}"/>',
            f'<text x="{label * 2 + bar + gap + p99_width + 4:.0f}" y="{y + 14}">'
            f"{run.p99_ms:.0f}</text>",
        ]
    parts.append("</svg>")
    return "\n".join(parts)


def report(runs: list[Run], rss: list[tuple[float, float]], weight: dict, data: dict) -> None:
    print(f"\n{data['questions']:,} visible questions; wrk -c{ARGS.connections}, {ARGS.seconds}s")
    header = f"{'endpoint':22} {'req/s':>8} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6}"
    print(header + f" {'busy %':>6} {'server':>6} {'/core':>6} {'load':>5}  target")
    for run in runs:
        target = TARGETS.get(run.name)
        verdicts = []
        if target is not None:
            verdicts.append(f"≥ {target}: {'yes' if run.ratio >= target else 'NO'}")
        if run.name != "bare view":
            verdicts.append(f"p99 ≤ 100: {'yes' if run.p99_ms <= P99_TARGET_MS else 'NO'}")
        print(
            f"{run.name:22} {run.requests_per_second:8.0f} {run.ratio:6.3f} {run.p50_ms:7.1f} "
            f"{run.p99_ms:7.1f} {run.errors:6d} {run.machine_busy:6.0f} {run.server_cpu:6.2f} "
            f"{run.per_core:6.0f} "
            f"{run.load_average:5.1f}  {'; '.join(verdicts)}"
        )
    print(
        "(busy %: the whole machine; server: cores gunicorn used; /core: req/s per core gunicorn "
        "used; load: 1-minute load average, of 2 cores)"
    )
    worst = max(size for size, _ in rss) if rss else 0.0
    print(
        "worker RSS (PSS) after the runs: "
        f"{', '.join(f'{size:.0f} ({share:.0f})' for size, share in rss)} MB "
        f"(≤ {RSS_TARGET_MB:.0f}: {'yes' if worst <= RSS_TARGET_MB else 'NO'}; workers are "
        "replaced every 20,000–30,000 requests: portal/gunicorn.conf.py max_requests)"
    )
    total = weight["total_compressed_bytes"]
    print(
        f"question page weight: HTML {weight['html_bytes']:,} B ({weight['html_compressed_bytes']:,}"
        f" B compressed) + {len(weight['assets'])} CSS/JS files "
        f"{sum(size for size, _ in weight['assets'].values()):,} B = {total:,} B "
        f"(< 60 KB: {'yes' if total < WEIGHT_TARGET_BYTES else 'NO'}); third-party requests: "
        f"{weight['third_party_requests'] or 'none'}"
    )


ARGS = argparse.Namespace()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8031)
    parser.add_argument("--only", default="", help="comma-separated endpoint names")
    global ARGS
    ARGS = args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    base = f"http://127.0.0.1:{args.port}"
    environment = {
        **os.environ,
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_URL": base,
        "PORT": str(args.port),
        "BENCH_BARE_VIEW": "true",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_search"
        ),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5"),
    }
    for scope in ("ANON", "USER", "WRITES", "ASSESSMENTS"):
        environment[f"THROTTLE_{scope}"] = "10000000/min"
    redis_db = environment["REDIS_URL"].rsplit("/", 1)[-1]
    subprocess.run(["redis-cli", "-n", redis_db, "flushdb"], check=True, capture_output=True)
    subprocess.run(
        [str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v0"],
        env=environment,
        cwd=ROOT,
        check=True,
    )
    data = fixtures(environment)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    selected = [
        endpoint
        for endpoint in endpoints(data)
        if endpoint.name == "bare view" or not chosen or endpoint.name in chosen
    ]
    log = (OUT / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        env=environment,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(base, server)
        for endpoint in selected:
            method, path, _ = endpoint.requests[0]
            if method == "GET":
                status, _, _ = fetch(base + path)
                assert status == 200, (endpoint.name, path, status)
        runs = []
        for endpoint in selected:
            run = measure(endpoint, base, server.pid, args)
            print(f"  {run.name}: {run.requests_per_second:.0f} req/s, p99 {run.p99_ms:.0f} ms")
            runs.append(run)
        bare = runs[0].requests_per_second
        for run in runs:
            run.ratio = run.requests_per_second / bare
        rss = worker_memory_mb(server.pid)
        weight = page_weight(base, f"/questions/{data['question']}/", base)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    report(runs, rss, weight, data)
    (OUT / "load.json").write_text(
        json.dumps(
            {
                "runs": [{**asdict(run), "per_core": run.per_core} for run in runs],
                "worker_rss_pss_mb": rss,
                "page_weight": weight,
                "questions": data["questions"],
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    (OUT / "load.svg").write_text(svg_chart(runs))
    print(f"wrote {OUT / 'load.json'} and {OUT / 'load.svg'}")


if __name__ == "__main__":
    main()
