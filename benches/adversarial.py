#!/usr/bin/env python3
"""Wall time and peak memory of `claimlint extract` on adversarial shapes of input (issue 12).

Extraction must take time linear in the input size whatever the text looks like, not only on
prose. Each shape below is generated at two sizes (default 1 MB and 5 MB, 10^6 bytes) as one
line with no full stop, written to the binary's stdin, and
`claimlint extract --lang it --format json -` is timed (stdout is read and thrown away). The
script prints, per shape and size, the wall seconds, the peak resident memory (max RSS of the
child, Linux) and the ratio of the large size's time to the small one's: about the size ratio
(5) when extraction is linear, much more when a stage is quadratic. A run that does not finish
within `--timeout` seconds is reported as such. Python 3.11 standard library and GNU time (`/usr/bin/time`).

    cargo build --release
    python3 benches/adversarial.py                      # every shape, 1 MB and 5 MB
    python3 benches/adversarial.py --sizes 1 --shape figures --shape digits
    python3 benches/adversarial.py --prose-mb 25 --prose-mb 50   # memory on ordinary prose
"""

from __future__ import annotations

import argparse
import os
import signal
import threading
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
TIME = "/usr/bin/time"
DEFAULT_BINARY = REPO_ROOT / "target" / "release" / "claimlint"
ARTICLES = REPO_ROOT / "fixtures" / "articles"

# name → the unit repeated to fill the line (bytes). Each is a shape a quadratic stage trips on.
SHAPES: dict[str, bytes] = {
    "figures": b"a1,2.3% ",            # many figures in one sentence
    "spaced-numbers": b"1 2 3 4 ",      # a long run of bare numbers
    "commas": b"1,",                    # 1,1,1,1,… (separators the number reader may follow)
    "dots": b"1.",                      # 1.1.1.1…
    "percents": b"12%",                 # 12%12%12%… with no space at all
    "digits": b"1234567890",            # one 5 MB run of digits
    "letters": b"abcdefghij",           # one 5 MB word
    "separators": b",;:-/ ",            # punctuation only
    "currency-words": b"10 euro di dollari ",  # repeated currency words and figures
    "currency-symbols": b"\xe2\x82\xac 5 $ ",  # "€ 5 $ " again and again
    "parentheses": b"((((\"\xc2\xab",  # opening brackets and quotes, never closed
    "bracketed-figures": b"(3%) \xc2\xab4\xc2\xbb ",  # "(3%) «4» "
    "words": b"il governo ha detto che ",      # one long sentence of prose words
    "newlines": b"1\n",                 # a megabyte of one-figure lines
    "prose-one-line": b"",              # the fixture articles on one line, full stops removed
}


def fixture_prose() -> bytes:
    texts = [p.read_bytes() for p in sorted(ARTICLES.glob("*.txt"))]
    return b" ".join(texts)


def shape_text(name: str, size: int) -> bytes:
    unit = SHAPES[name]
    if name == "prose-one-line":
        unit = fixture_prose().replace(b".", b" ").replace(b"\n", b" ") + b" "
    repeated = unit * (size // len(unit) + 1)
    text = repeated[:size]
    # Never cut a multi-byte character in two.
    return text.decode("utf-8", errors="ignore").encode()


def prose_text(size: int) -> bytes:
    unit = fixture_prose() + b"\n\n"
    return (unit * (size // len(unit) + 1))[:size].decode("utf-8", errors="ignore").encode()


def run(binary: Path, text: bytes, timeout: float) -> tuple[float | None, float, int]:
    """Seconds (None on timeout), peak RSS in MB and output bytes of one extraction."""
    started = time.perf_counter()
    # GNU time reports the child's own peak (a forked child inherits this script's high-water
    # mark, so rusage from here would not).
    proc = subprocess.Popen([TIME, "-f", "%M", str(binary), "extract", "--lang", "it",
                             "--format", "json", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    # GNU time and claimlint are one process group: a timeout ends both.
    timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
    timer.start()
    writer = threading.Thread(target=lambda: (proc.stdin.write(text), proc.stdin.close()))
    writer.start()
    errors = threading.Thread(target=lambda: setattr(proc, "error_text", proc.stderr.read()))
    errors.start()
    out = proc.stdout.read()
    writer.join()
    errors.join()
    proc.wait()
    seconds = time.perf_counter() - started
    killed = not timer.is_alive()
    timer.cancel()
    if killed:
        return None, 0.0, 0
    if proc.returncode not in (0, 1):
        sys.exit(f"claimlint failed ({proc.returncode}): {proc.error_text.decode(errors='replace')}")
    peak_kib = int(proc.error_text.decode().split()[-1])
    return seconds, peak_kib / 1024, len(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", type=Path, default=DEFAULT_BINARY)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 5.0],
                        help="input sizes in MB (10^6 bytes)")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES),
                        help="only these shapes (repeatable)")
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--prose-mb", type=float, action="append", default=[],
                        help="also measure peak memory on ordinary prose of this size")
    args = parser.parse_args()
    shapes = args.shape or list(SHAPES)
    sizes = sorted(args.sizes)
    header = ["shape"] + [f"{s:g} MB s" for s in sizes] + ["ratio", "peak MB"]
    print(" | ".join(header))
    for name in shapes:
        cells, times, peak = [name], [], 0.0
        for size in sizes:
            seconds, size_peak, _ = run(args.binary, shape_text(name, int(size * 1e6)),
                                        args.timeout)
            peak = max(peak, size_peak)
            cells.append("timeout" if seconds is None else f"{seconds:.3f}")
            times.append(seconds)
        ratio = (f"{times[-1] / times[0]:.1f}"
                 if len(times) > 1 and None not in times and times[0] > 0 else "-")
        cells += [ratio, f"{peak:.1f}"]
        print(" | ".join(cells), flush=True)
    for size in sorted(args.prose_mb):
        text = prose_text(int(size * 1e6))
        seconds, peak, _ = run(args.binary, text, args.timeout * 10)
        print(f"prose {len(text) / 1e6:.1f} MB: {seconds:.2f} s, peak {peak:.1f} MB "
              f"({peak / (len(text) / 1e6):.2f}x the input)", flush=True)

if __name__ == "__main__":
    main()
