#!/usr/bin/env python3
"""The PostgreSQL scale benchmark (issue 15): 4 concurrent writers, then 1, 2 and 4 concurrent
`check --all --worker` processes, with the same corpus on SQLite beside it, through the real CLI.

What it does, in order:

1. Starts its own PostgreSQL cluster, as tests/common/pg.rs does: `initdb` in a temp dir from
   the newest `/usr/lib/postgresql/<version>/bin`, a free port on 127.0.0.1, the socket in that
   dir, run as the `postgres` user (`runuser`) when this script runs as root. The server keeps
   its default durability (`fsync`, `synchronous_commit` on) and memory settings. The cluster
   is stopped and its dir removed at the end, also on an error, Ctrl-C or SIGTERM.
2. Writes N generated articles (`gen-corpus`, ~4.2 KB each) into a temp folder, dealt
   round-robin into 4 sub-folders.
3. Per repeat: creates an empty database and times 4 concurrent
   `claimlint --db postgres://… add PART` processes, one per sub-folder (wall time from the
   start of the first to the end of the last; MB/s = corpus bytes / that time, MB = 10^6 bytes).
4. The database of the last repeat becomes the template. For each worker count W in 1, 2, 4
   and each repeat: `CREATE DATABASE … TEMPLATE` (not timed), so every run starts from the
   same added, never-checked archive; then W concurrent
   `claimlint --db … check --all --worker --jobs 1 --format json --fail-on never > /dev/null`
   processes are timed together (`--jobs 1`, so W is the number of checking threads), and
   afterwards the script counts the runs: every draft must have exactly one (else it exits 1).
5. SQLite: per repeat, one `claimlint --db FILE add PART1 PART2 PART3 PART4` on a fresh file,
   then `check --all --format json --fail-on never` with `--jobs 1` and `--jobs 2`, each on a
   fresh copy of the added file (one process; `--jobs` threads).

It prints the median over the repeats of wall time, MB/s for add, articles/s for check and
the speed-up against 1 worker (against `--jobs 1` for SQLite), and the spread (min–max).
`--json FILE` also writes every single run. Python 3.11 standard library only; needs Debian's
`postgresql` package (`initdb`, `pg_ctl`, `psql`).

    python3 benches/pg_scale.py                          # 10,000 articles, 3 repeats
    python3 benches/pg_scale.py --articles 100000 --repeat 1
    python3 benches/pg_scale.py --no-build --articles 1000 --repeat 1   # a quick look

The machine's core count bounds the speed-up: on 2 cores, 4 workers cannot beat 2.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", REPO_ROOT / "target"))
BINARY = TARGET / "release" / "claimlint"
GENERATOR = TARGET / "release" / "examples" / "gen-corpus"
WRITERS = 4
WORKER_COUNTS = (1, 2, 4)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build() -> None:
    command = ["cargo", "build", "--release", "--bin", "claimlint", "--example", "gen-corpus"]
    log("$ " + " ".join(command))
    subprocess.run(command, cwd=REPO_ROOT, check=True)


def find_pg_bin() -> Path:
    found = []
    for entry in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        version = entry.parent.parent.name
        if version.isdigit():
            found.append((int(version), entry.parent))
    if not found:
        raise SystemExit("no PostgreSQL in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
    return max(found)[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A throw-away PostgreSQL cluster; `stop()` stops it and removes its dir."""

    def __init__(self, parent: Path | None):
        self.bin = find_pg_bin()
        self.as_postgres = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="claimlint-pgbench-", dir=parent))
        self.data = self.root / "data"
        self.port = 0
        self.started = False

    def tool(self, program: str) -> list[str]:
        path = str(self.bin / program)
        return ["runuser", "-u", "postgres", "--", path] if self.as_postgres else [path]

    def start(self) -> None:
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        subprocess.run(self.tool("initdb") + ["-D", str(self.data), "-U", "postgres",
                       "--auth=trust", "--encoding=UTF8", "--locale=C"],
                       check=True, stdout=subprocess.DEVNULL)
        for attempt in range(4):
            self.port = free_port()
            options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                       "-c max_connections=50")
            started = subprocess.run(self.tool("pg_ctl") + ["-D", str(self.data), "-l",
                                     str(self.root / "server.log"), "-w", "-t", "60",
                                     "-o", options, "start"], stdout=subprocess.DEVNULL)
            if started.returncode == 0:
                self.started = True
                return
        raise SystemExit("pg_ctl start failed:\n" + (self.root / "server.log").read_text())

    def stop(self) -> None:
        if self.started:
            subprocess.run(self.tool("pg_ctl") + ["-D", str(self.data), "-m", "fast", "-w",
                           "stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        result = subprocess.run([str(self.bin / "psql"), "-h", "127.0.0.1", "-p",
                                 str(self.port), "-U", "postgres", "-d", database, "-XAtq",
                                 "-v", "ON_ERROR_STOP=1", "-c", statement],
                                check=True, capture_output=True, text=True)
        return result.stdout.strip()


def timed_together(commands: list[list[str]]) -> float:
    """Starts every command at once, waits for all; wall seconds. Exit 0 or 1 (findings)
    is success; anything else stops the benchmark with the command's stderr."""
    errors = [tempfile.TemporaryFile() for _ in commands]
    started = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=error)
                 for command, error in zip(commands, errors)]
    codes = [process.wait() for process in processes]
    wall = time.perf_counter() - started
    for command, code, error in zip(commands, codes, errors):
        error.seek(0)
        tail = error.read()[-600:].decode(errors="replace")
        error.close()
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited {code}: {tail}")
    return wall


def generate(corpus: Path, articles: int) -> tuple[list[Path], int]:
    subprocess.run([str(GENERATOR), str(corpus), "--articles", str(articles)], check=True,
                   stdout=subprocess.DEVNULL)
    files = sorted(path for path in corpus.iterdir() if path.suffix == ".txt")
    parts = [corpus / f"part-{index}" for index in range(WRITERS)]
    for part in parts:
        part.mkdir()
    for index, path in enumerate(files):
        path.rename(parts[index % WRITERS] / path.name)
    return parts, sum(path.stat().st_size for part in parts for path in part.iterdir())


def check_command(database: str, jobs: int, worker: bool) -> list[str]:
    return [str(BINARY), "--db", database, "check", "--all", *(["--worker"] if worker else []),
            "--jobs", str(jobs), "--format", "json", "--fail-on", "never"]


def postgres_runs(cluster: Cluster, parts: list[Path], text_bytes: int, articles: int,
                  repeat: int) -> dict:
    adds = []
    for round_ in range(repeat):
        name = f"added_{round_}"
        cluster.sql(f"CREATE DATABASE {name}")
        log(f"postgres: {WRITERS} writers, round {round_ + 1}/{repeat}")
        adds.append(timed_together([[str(BINARY), "--db", cluster.url(name), "add", str(part)]
                                    for part in parts]))
        if round_ + 1 < repeat:
            cluster.sql(f"DROP DATABASE {name}")
    template = f"added_{repeat - 1}"
    drafts = int(cluster.sql("SELECT count(*) FROM drafts", template))
    if drafts != articles:
        raise SystemExit(f"postgres: {drafts} drafts stored for {articles} articles")
    checks: dict[int, list[float]] = {}
    for workers in WORKER_COUNTS:
        checks[workers] = []
        for round_ in range(repeat):
            name = f"check_{workers}_{round_}"
            cluster.sql(f"CREATE DATABASE {name} TEMPLATE {template}")
            log(f"postgres: {workers} worker(s), round {round_ + 1}/{repeat}")
            url = cluster.url(name)
            checks[workers].append(timed_together(
                [check_command(url, 1, True) for _ in range(workers)]))
            runs, checked = cluster.sql(
                "SELECT count(*) || ' ' || count(DISTINCT draft_id) FROM rule_runs",
                name).split()
            if int(runs) != drafts or int(checked) != drafts:
                raise SystemExit(f"postgres, {workers} workers: {runs} runs for {checked} "
                                 f"of {drafts} drafts; each must be checked exactly once")
            cluster.sql(f"DROP DATABASE {name}")
    size = int(cluster.sql(f"SELECT pg_database_size('{template}')"))
    return {"add_seconds": adds, "check_seconds": checks, "db_bytes": size,
            "text_bytes": text_bytes}


def sqlite_runs(workdir: Path, parts: list[Path], text_bytes: int, articles: int,
                repeat: int) -> dict:
    adds = []
    checks: dict[int, list[float]] = {1: [], 2: []}
    added = workdir / "added.db"
    for round_ in range(repeat):
        for stale in workdir.glob("added.db*"):
            stale.unlink()
        log(f"sqlite: add, round {round_ + 1}/{repeat}")
        adds.append(timed_together([[str(BINARY), "--db", str(added), "add",
                                     *map(str, parts)]]))
    with sqlite3.connect(added) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        drafts = conn.execute("SELECT count(*) FROM drafts").fetchone()[0]
    if drafts != articles:
        raise SystemExit(f"sqlite: {drafts} drafts stored for {articles} articles")
    copy = workdir / "check.db"
    for jobs in checks:
        for round_ in range(repeat):
            for stale in workdir.glob("check.db*"):
                stale.unlink()
            shutil.copyfile(added, copy)
            log(f"sqlite: check --jobs {jobs}, round {round_ + 1}/{repeat}")
            checks[jobs].append(timed_together([check_command(str(copy), jobs, False)]))
            with sqlite3.connect(copy) as conn:
                runs = conn.execute("SELECT count(*) FROM rule_runs").fetchone()[0]
            if runs != drafts:
                raise SystemExit(f"sqlite, --jobs {jobs}: {runs} runs for {drafts} drafts")
    return {"add_seconds": adds, "check_seconds": checks,
            "db_bytes": added.stat().st_size, "text_bytes": text_bytes}


def spread(seconds: list[float]) -> str:
    return f"{min(seconds):.1f}–{max(seconds):.1f}" if len(seconds) > 1 else "—"


def table(results: dict, articles: int) -> str:
    text_mb = results["text_mb"]
    lines = [f"{articles} articles, {text_mb:.1f} MB of text, median of {results['repeat']} "
             f"run(s) (min–max wall s in brackets)",
             f"{'engine':<10} {'step':<34} {'wall s':>8} {'spread':>11} {'rate':>16} "
             f"{'vs 1':>6}"]
    for engine, label_of in (("postgres", lambda w: f"check, {w} worker(s) --jobs 1"),
                             ("sqlite", lambda j: f"check --all --jobs {j}")):
        runs = results[engine]
        add = statistics.median(runs["add_seconds"])
        what = f"add, {WRITERS} writers" if engine == "postgres" else "add, one process"
        lines.append(f"{engine:<10} {what:<34} {add:>8.1f} {spread(runs['add_seconds']):>11} "
                     f"{text_mb / add:>10.1f} MB/s {'':>6}")
        base = None
        for count, seconds in runs["check_seconds"].items():
            median = statistics.median(seconds)
            base = base or median
            lines.append(f"{engine:<10} {label_of(count):<34} {median:>8.1f} "
                         f"{spread(seconds):>11} {articles / median:>8.0f} articles/s "
                         f"{base / median:>5.2f}×")
        lines.append(f"{engine:<10} {'database size':<34} "
                     f"{runs['db_bytes'] / 1e6:>8.1f} MB ({runs['db_bytes'] / runs['text_bytes']:.2f}× the text)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step (median)")
    parser.add_argument("--tmp-dir", type=Path, help="where the corpus, files and cluster go")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every run as JSON")
    args = parser.parse_args()
    if not args.no_build:
        build()
    # SIGTERM ends the script through the same `finally` as an error or Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cluster = Cluster(args.tmp_dir)
    workdir = Path(tempfile.mkdtemp(prefix="claimlint-pgscale-", dir=args.tmp_dir))
    try:
        cluster.start()
        log(f"cluster on 127.0.0.1:{cluster.port}; generating {args.articles} articles")
        parts, text_bytes = generate(workdir / "corpus", args.articles)
        results = {
            "articles": args.articles,
            "repeat": args.repeat,
            "text_mb": text_bytes / 1e6,
            "cores": os.cpu_count(),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "postgres_version": cluster.sql("SHOW server_version"),
        }
        results["postgres"] = postgres_runs(cluster, parts, text_bytes, args.articles,
                                            args.repeat)
        results["sqlite"] = sqlite_runs(workdir, parts, text_bytes, args.articles,
                                        args.repeat)
        results["load_average_after"] = os.getloadavg()
    finally:
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(results, args.articles))
    print(f"{results['cores']} cores, PostgreSQL {results['postgres_version']}, "
          f"{results['date']}, load average after: "
          + " ".join(f"{load:.2f}" for load in results["load_average_after"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
