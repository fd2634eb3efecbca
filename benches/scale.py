#!/usr/bin/env python3
"""The newsroom-scale benchmark (issue 12): how `add`, `check --all`, the store and `diff` grow
from 10,000 to 100,000 articles, through the real CLI.

For each size this script writes the generated corpus (`gen-corpus`, ~4.2 KB per article) into
a temporary folder, then measures on a fresh database:

* `claimlint --db X add DIR`: wall time, MB/s (article bytes / wall, MB = 10^6 bytes) and the
  peak resident memory of that one process (os.wait4);
* `taskset -c 0 claimlint --db X check --all --jobs 1 --format json > /dev/null`: articles/s on
  one core and its peak memory (the first check of every draft, so every run and finding is
  written);
* the same again (an unchanged re-check: it must add no rows);
* the database size after both checks (after a WAL checkpoint) against the article bytes;
* `claimlint diff A@1 A@2` of two drafts of a 10,000-word article, claims only
  (`--no-findings`) and with the findings delta read from stored runs (median of 7 runs
  each, process start included).

Targets (README, Performance): add ≥ 20 MB/s, check ≥ 1,000 articles/s on one core, peak
memory ≤ 150 MB and flat, the store ≤ 2× the text, diff < 20 ms. Python 3.11 standard
library only; needs `taskset` (util-linux) for the one-core run.

    python3 benches/scale.py                       # 10k and 100k articles (~7 minutes)
    python3 benches/scale.py --sizes 2000,10000    # a quicker look
    python3 benches/scale.py --json scale.json     # also write the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
BINARY = REPO_ROOT / "target" / "release" / "claimlint"
GENERATOR = REPO_ROOT / "target" / "release" / "examples" / "gen-corpus"


def build() -> None:
    command = ["cargo", "build", "--release", "--bin", "claimlint", "--example", "gen-corpus"]
    print("$", " ".join(command), file=sys.stderr)
    subprocess.run(command, cwd=REPO_ROOT, check=True)


def run(command: list[str], stdout=subprocess.DEVNULL) -> dict:
    """Runs one command; returns wall seconds, peak RSS in MB and the exit code."""
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        tail = stderr.read()[-400:].decode(errors="replace")
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}: {tail}")
    return {"seconds": wall, "peak_mb": usage.ru_maxrss / 1024, "code": code}


def corpus_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir() if path.suffix == ".txt")


def db_size(database: Path) -> int:
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return database.stat().st_size


def row_counts(database: Path) -> tuple[int, int]:
    with sqlite3.connect(database) as conn:
        runs = conn.execute("SELECT COUNT(*) FROM rule_runs").fetchone()[0]
        findings = conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
    return runs, findings


def long_article(words: int, changed: bool) -> str:
    """A long article of repeated, varied news sentences with figures; the second draft
    changes one figure in every tenth paragraph."""
    paragraphs = []
    n = 0
    while sum(len(p.split()) for p in paragraphs) < words:
        share = 12 + n % 30 + (1 if changed and n % 10 == 0 else 0)
        paragraphs.append(
            f"In quarter {n % 4 + 1} the group sold {3_000 + n * 7:,} cars, up {share}.5% on "
            f"the year, and revenue reached ${n % 9 + 1}.{n % 10} billion, equivalent to "
            f"€{n % 9 + 1}.{(n + 3) % 10} billion. The board, founded in {1950 + n % 60}, "
            f"met {n % 5 + 2} times over {n % 12 + 1} months."
        )
        n += 1
    return "date 2024-03-01\nlang en\n\n" + "\n\n".join(paragraphs) + "\n"


def measure_diff(workdir: Path) -> dict:
    """Median ms of `diff --no-findings` (claims only) and of `diff` with the findings delta
    read from the runs `check` stored, for two drafts of a 10,000-word article."""
    database = workdir / "diff.db"
    for changed in (False, True):
        path = workdir / "long-article.txt"
        path.write_text(long_article(10_000, changed))
        run([str(BINARY), "--db", str(database), "add", str(path)])
    run([str(BINARY), "--db", str(database), "check", "--fail-on", "never",
         "long-article@1", "long-article@2"])
    medians = {}
    for name, extra in (("claims_ms", ["--no-findings"]), ("with_findings_ms", [])):
        times = []
        for _ in range(7):
            started = time.perf_counter()
            subprocess.run(
                [str(BINARY), "--db", str(database), "diff", *extra,
                 "long-article@1", "long-article@2"],
                stdout=subprocess.DEVNULL,
                check=False,
            )
            times.append((time.perf_counter() - started) * 1000)
        medians[name] = statistics.median(times)
    return medians


def measure(size: int, workdir: Path) -> dict:
    corpus = workdir / f"corpus-{size}"
    database = workdir / f"scale-{size}.db"
    subprocess.run([str(GENERATOR), str(corpus), "--articles", str(size)], check=True,
                   stdout=subprocess.DEVNULL)
    text = corpus_bytes(corpus)
    add = run([str(BINARY), "--db", str(database), "add", str(corpus)])
    check_command = ["taskset", "-c", "0", str(BINARY), "--db", str(database), "check",
                     "--all", "--jobs", "1", "--format", "json", "--fail-on", "never"]
    first = run(check_command)
    rows_after_first = row_counts(database)
    second = run(check_command)
    rows_after_second = row_counts(database)
    size_bytes = db_size(database)
    shutil.rmtree(corpus)
    database.unlink()
    return {
        "articles": size,
        "text_mb": text / 1e6,
        "add_seconds": add["seconds"],
        "add_mb_per_s": text / 1e6 / add["seconds"],
        "add_peak_mb": add["peak_mb"],
        "check_seconds": first["seconds"],
        "check_articles_per_s": size / first["seconds"],
        "check_peak_mb": first["peak_mb"],
        "recheck_seconds": second["seconds"],
        "recheck_peak_mb": second["peak_mb"],
        "recheck_added_rows": [b - a for a, b in zip(rows_after_first, rows_after_second)],
        "db_mb": size_bytes / 1e6,
        "db_to_text": size_bytes / text,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if shutil.which("taskset") is None:
        raise SystemExit("taskset (util-linux) is needed for the one-core check run")
    if not args.no_build:
        build()
    sizes = [int(size) for size in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="claimlint-scale-") as tmp:
        workdir = Path(tmp)
        for size in sizes:
            print(f"measuring {size} articles …", file=sys.stderr)
            results.append(measure(size, workdir))
        diff_ms = measure_diff(workdir)
    print(f"{'articles':>9} {'text MB':>8} {'add MB/s':>9} {'add MB':>7} {'check art/s':>12} "
          f"{'check MB':>9} {'recheck s':>10} {'rows added':>11} {'db MB':>7} {'db/text':>8}")
    for r in results:
        print(f"{r['articles']:>9} {r['text_mb']:>8.1f} {r['add_mb_per_s']:>9.1f} "
              f"{r['add_peak_mb']:>7.1f} {r['check_articles_per_s']:>12.0f} "
              f"{r['check_peak_mb']:>9.1f} {r['recheck_seconds']:>10.2f} "
              f"{str(r['recheck_added_rows']):>11} {r['db_mb']:>7.1f} {r['db_to_text']:>8.2f}")
    print(f"diff of two drafts of a 10,000-word article, median of 7 runs: "
          f"{diff_ms['claims_ms']:.1f} ms claims only (--no-findings), "
          f"{diff_ms['with_findings_ms']:.1f} ms with the stored findings delta")
    if args.json:
        args.json.write_text(json.dumps({"sizes": results, "diff_ms": diff_ms}, indent=2))


if __name__ == "__main__":
    main()
