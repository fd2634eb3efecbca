#!/usr/bin/env python3
"""Wall time, throughput and peak memory of `claimlint add DIR` over the generated corpus.

For each size (1× and 2× the default corpus unless --scales says otherwise) this script
writes the corpus with the `gen-corpus` example into a temporary folder, runs
`claimlint --db TMP/x.db add DIR` once on a fresh database, and prints the corpus bytes, the
wall time, MB/s (corpus bytes / wall time, MB = 10^6 bytes) and the peak resident memory of
the claimlint process. Comparing the sizes shows whether memory grows with the corpus. Only
the `add` run is timed; generating the corpus is not. Python 3.11 standard library only.

    python3 benches/add.py                    # builds release binaries, runs 1× and 2×
    python3 benches/add.py --scales 1,2,4 --check --json add.json

Peak memory comes from os.wait4 on the claimlint child: the same ru_maxrss that
resource.getrusage(RUSAGE_CHILDREN) gives, but for that one process only, so the cargo and
generator runs before it cannot inflate it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BINARY = REPO_ROOT / "target" / "release" / "claimlint"
GENERATOR = REPO_ROOT / "target" / "release" / "examples" / "gen-corpus"
DEFAULT_ARTICLES = 5_000  # keep equal to corpus::DEFAULT_ARTICLES
TARGET_MB_PER_S = 20.0
TARGET_PEAK_MB = 100.0


def build() -> None:
    command = ["cargo", "build", "--release", "--bin", "claimlint", "--example", "gen-corpus"]
    print("$", " ".join(command), file=sys.stderr)
    subprocess.run(command, cwd=REPO_ROOT, check=True)


def generate(out_dir: Path, articles: int, seed: int) -> tuple[int, int]:
    subprocess.run([str(GENERATOR), str(out_dir), "--articles", str(articles), "--seed", str(seed)],
                   check=True, stdout=subprocess.DEVNULL)
    files = [path for path in out_dir.iterdir() if path.suffix == ".txt"]
    return len(files), sum(path.stat().st_size for path in files)


def timed_add(binary: Path, database: Path, corpus_dir: Path) -> dict:
    """Runs one `add` and returns its exit code, wall seconds, peak RSS (MB) and stderr tail."""
    command = [str(binary), "--db", str(database), "add", str(corpus_dir)]
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        stderr_tail = stderr.read().decode("utf-8", "replace")[-2000:]
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak_bytes = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return {"command": " ".join(command), "exit_code": process.returncode, "wall_s": wall,
            "user_s": usage.ru_utime, "sys_s": usage.ru_stime, "peak_rss_mb": peak_bytes / 1e6,
            "stderr_tail": stderr_tail}


def measure(binary: Path, scale: int, articles: int, seed: int, work_dir: Path, repeat: int) -> dict:
    """The fastest of `repeat` runs, each on a fresh database; the peak memory is the largest."""
    corpus_dir = work_dir / f"corpus-x{scale}"
    corpus_dir.mkdir()
    files, corpus_bytes = generate(corpus_dir, articles * scale, seed)
    database = work_dir / f"x{scale}.db"
    runs = []
    for _ in range(repeat):
        for stale in work_dir.glob(f"x{scale}.db*"):
            stale.unlink()
        runs.append(timed_add(binary, database, corpus_dir))
    failed = [r for r in runs if r["exit_code"] != 0]
    run = dict(failed[0] if failed else min(runs, key=lambda r: r["wall_s"]))
    run["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    run["runs"] = len(runs)
    database_bytes = sum(path.stat().st_size for path in work_dir.glob(f"x{scale}.db*"))
    shutil.rmtree(corpus_dir)
    return {"scale": scale, "files": files, "corpus_bytes": corpus_bytes, "database_bytes": database_bytes,
            "mb_per_s": corpus_bytes / 1e6 / run["wall_s"], **run}


def report(results: list[dict]) -> list[str]:
    """Prints the table and returns the targets that were missed."""
    print(f"{'scale':>5} {'files':>7} {'corpus MB':>10} {'wall s':>8} {'MB/s':>8} {'peak RSS MB':>12} "
          f"{'user s':>7} {'sys s':>7} {'db MB':>7} {'exit':>5}")
    for r in results:
        print(f"{r['scale']:>4}× {r['files']:>7} {r['corpus_bytes'] / 1e6:>10.2f} {r['wall_s']:>8.3f} "
              f"{r['mb_per_s']:>8.2f} {r['peak_rss_mb']:>12.1f} {r['user_s']:>7.2f} {r['sys_s']:>7.2f} "
              f"{r['database_bytes'] / 1e6:>7.2f} {r['exit_code']:>5}")
    misses = []
    for r in results:
        if r["exit_code"] != 0:
            misses.append(f"{r['scale']}×: `{r['command']}` exited {r['exit_code']}:\n{r['stderr_tail'].strip()}")
        if r["mb_per_s"] < TARGET_MB_PER_S:
            misses.append(f"{r['scale']}×: {r['mb_per_s']:.2f} MB/s < {TARGET_MB_PER_S} MB/s")
        if r["peak_rss_mb"] > TARGET_PEAK_MB:
            misses.append(f"{r['scale']}×: peak RSS {r['peak_rss_mb']:.1f} MB > {TARGET_PEAK_MB} MB")
    if len(results) > 1:
        smallest, largest = results[0], results[-1]
        growth = largest["peak_rss_mb"] / smallest["peak_rss_mb"] if smallest["peak_rss_mb"] else float("nan")
        print(f"\npeak RSS at {largest['scale']}× / at {smallest['scale']}×: {growth:.2f} "
              f"(corpus {largest['corpus_bytes'] / smallest['corpus_bytes']:.2f}× larger)")
    print(f"targets: add >= {TARGET_MB_PER_S} MB/s, peak RSS <= {TARGET_PEAK_MB} MB at every size")
    return misses


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claimlint", type=Path, default=DEFAULT_BINARY, help="the claimlint binary")
    parser.add_argument("--no-build", action="store_true", help="do not run `cargo build --release` first")
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="articles at scale 1")
    parser.add_argument("--scales", default="1,2", help="comma-separated corpus multiples, e.g. 1,2,4")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per size; the fastest is reported (the machine is shared), the peak memory is the largest")
    parser.add_argument("--tmp-dir", type=Path, help="where to write corpora and databases (default: system temp)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the measurements as JSON")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]

    if not args.no_build:
        build()
    for path in (args.claimlint, GENERATOR):
        if not path.exists():
            sys.exit(f"add.py: {path} not found (build with cargo build --release --example gen-corpus)")
    with tempfile.TemporaryDirectory(prefix="claimlint-add-bench-", dir=args.tmp_dir) as work_dir:
        results = [measure(args.claimlint, scale, args.articles, args.seed, Path(work_dir), args.repeat)
                   for scale in scales]
    print(f"claimlint add, one process per run, fresh database each run, fastest of {args.repeat} "
          f"run(s) per size ({os.cpu_count()} CPUs visible)\n")
    misses = report(results)
    for miss in misses:
        print(f"MISS {miss}")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "misses": misses}, indent=2) + "\n", encoding="utf-8")
    return 1 if args.check and misses else 0


if __name__ == "__main__":
    sys.exit(main())
