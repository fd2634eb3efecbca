#!/usr/bin/env python3
"""Throughput and peak memory of `claimlint extract --jsonl`, end to end through the CLI.

The input is a JSON Lines stream (`{"id", "text", "lang"}` per article) written to the
binary's stdin through a pipe, `repeat` times over, so a large input never sits on disk or
in this script's memory; stdout (the JSON answers) is read and counted, then thrown away.
Two corpora:

- `generated`: the `gen-corpus` example's articles (default 5,000, about 21 MB);
- `newsroom`: the passages of `benches/newsroom/` (our own news-style text, Italian, English
  and Spanish), repeated until the stream is about as large as the generated corpus.

Each run is pinned to one core with `taskset -c 0` when taskset exists. The script prints,
per corpus, the input MB (10^6 bytes of article text, as in benches/README.md), the median
wall time of `--runs` runs, MB/s (text bytes / wall seconds), the output MB and the peak
resident memory of the claimlint process (VmHWM from /proc, read while it runs; Linux). `--repeat N` streams the corpus N times
in one run, to show that memory stays flat whatever the input size (e.g. `--repeat 50` is
about 1 GB). Python 3.11 standard library only.

    python3 benches/extract_cli.py                  # builds release binaries, 3 runs each
    python3 benches/extract_cli.py --repeat 50 --runs 1 --corpus generated
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BINARY = REPO_ROOT / "target" / "release" / "claimlint"
GENERATOR = REPO_ROOT / "target" / "release" / "examples" / "gen-corpus"
NEWSROOM = REPO_ROOT / "benches" / "newsroom"
TARGET_MB_PER_S = 50.0
TARGET_PEAK_MB = 100.0


def build() -> None:
    command = ["cargo", "build", "--release", "--bin", "claimlint", "--example", "gen-corpus"]
    print("$", " ".join(command), file=sys.stderr)
    subprocess.run(command, cwd=REPO_ROOT, check=True)


def generated_lines(articles: int, seed: int) -> list[bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(GENERATOR), tmp, "--articles", str(articles), "--seed", str(seed)],
                       check=True, stdout=subprocess.DEVNULL)
        lines = []
        for path in sorted(Path(tmp).iterdir()):
            text = path.read_text(encoding="utf-8")
            lang = "it" if path.name.startswith("it-") else "en"
            lines.append(json.dumps({"id": path.stem, "text": text, "lang": lang},
                                    ensure_ascii=False).encode() + b"\n")
        return lines


def newsroom_lines(target_bytes: int) -> list[bytes]:
    passages = []
    for name in ("dev.jsonl", "heldout.jsonl"):
        for line in (NEWSROOM / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                passage = json.loads(line)
                passages.append((passage["id"], passage["text"], passage["lang"]))
    lines, total, copy = [], 0, 0
    while total < target_bytes:
        for pid, text, lang in passages:
            lines.append(json.dumps({"id": f"{pid}-{copy}", "text": text, "lang": lang},
                                    ensure_ascii=False).encode() + b"\n")
            total += len(text.encode())
        copy += 1
    return lines


def text_bytes(lines: list[bytes]) -> int:
    return sum(len(json.loads(line)["text"].encode()) for line in lines)


def timed_run(binary: Path, lines: list[bytes], repeat: int) -> dict:
    command = [str(binary), "extract", "--jsonl"]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    out_bytes = 0

    def drain(stream) -> None:
        nonlocal out_bytes
        while chunk := stream.read(1 << 20):
            out_bytes += len(chunk)

    peak_kb = 0

    def watch(pid: int) -> None:
        # VmHWM, the process's own high-water mark; ru_maxrss of a forked child would also
        # count the pages this (large) script held when it forked.
        nonlocal peak_kb
        status = Path(f"/proc/{pid}/status")
        while True:
            try:
                for row in status.read_text().splitlines():
                    if row.startswith("VmHWM:"):
                        peak_kb = max(peak_kb, int(row.split()[1]))
            except (OSError, ValueError):
                return
            if done.wait(0.02):
                return

    done = threading.Event()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    reader = threading.Thread(target=drain, args=(process.stdout,))
    watcher = threading.Thread(target=watch, args=(process.pid,))
    reader.start()
    watcher.start()
    for _ in range(repeat):
        for line in lines:
            process.stdin.write(line)
    process.stdin.close()
    reader.join()
    done.set()
    watcher.join()
    _, status, _ = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return {"exit": os.waitstatus_to_exitcode(status), "wall_s": wall,
            "peak_mb": peak_kb / 1024, "out_mb": out_bytes / 1e6}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path, default=DEFAULT_BINARY)
    parser.add_argument("--no-build", action="store_true", help="use the binaries as they are")
    parser.add_argument("--corpus", choices=["generated", "newsroom", "both"], default="both")
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1, help="stream the corpus N times per run")
    parser.add_argument("--check", action="store_true", help="exit 1 below the targets")
    parser.add_argument("--json", type=Path, help="write the results as JSON")
    args = parser.parse_args(argv)
    if not args.no_build:
        build()
    corpora = {}
    if args.corpus in ("generated", "both"):
        corpora["generated"] = generated_lines(args.articles, args.seed)
    if args.corpus in ("newsroom", "both"):
        size = text_bytes(corpora["generated"]) if "generated" in corpora else 20_000_000
        corpora["newsroom"] = newsroom_lines(size)
    results, ok = [], True
    print(f"{'corpus':10} {'input MB':>9} {'wall s':>8} {'MB/s':>7} {'out MB':>8} {'peak MB':>8}")
    for name, lines in corpora.items():
        mb = text_bytes(lines) * args.repeat / 1e6
        runs = [timed_run(args.binary, lines, args.repeat) for _ in range(args.runs)]
        if any(run["exit"] != 0 for run in runs):
            print(f"{name}: claimlint exited with {[r['exit'] for r in runs]}", file=sys.stderr)
            return 2
        wall = statistics.median(run["wall_s"] for run in runs)
        peak = max(run["peak_mb"] for run in runs)
        rate = mb / wall
        ok &= rate >= TARGET_MB_PER_S and peak <= TARGET_PEAK_MB
        results.append({"corpus": name, "input_mb": mb, "wall_s": wall, "mb_per_s": rate,
                        "out_mb": runs[0]["out_mb"], "peak_mb": peak, "runs": args.runs,
                        "repeat": args.repeat})
        print(f"{name:10} {mb:9.1f} {wall:8.2f} {rate:7.1f} {runs[0]['out_mb']:8.1f} {peak:8.1f}")
    print(f"targets: >= {TARGET_MB_PER_S:.0f} MB/s, peak <= {TARGET_PEAK_MB:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
