#!/usr/bin/env python3
"""Scores claimlint's extraction against the external cases in ../shared/eval.

Runs ONE `claimlint extract --jsonl` process over every case (or reads saved predictions with
`--predictions`), applies the scoring rules of the eval README (implemented in matching.py),
and prints precision/recall/F1 per source × language × kind in three flavours (main, strict,
detect), with the issue's targets. Python 3.11 standard library only.

    python3 benches/eval/score.py                      # table; binary target/release/claimlint
    python3 benches/eval/score.py --check              # exit 1 when a target row misses
    python3 benches/eval/score.py --errors currency/it # failing cases of one slice, for study
    python3 benches/eval/score.py --json scores.json   # the numbers, machine-readable
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import matching  # noqa: E402  (a sibling module, found through the path set above)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
DEFAULT_BINARY = REPO_ROOT / "target" / "release" / "claimlint"
CASE_FILES = ("recognizers-dev.jsonl", "duckling-dev.jsonl")

FLAVOURS = ("main", "strict", "detect")
# F1 (main flavour) each language × source row of these kinds must reach.
TARGETS = {"number": 0.90, "percent": 0.90, "currency": 0.90, "ordinal": 0.90, "date": 0.80}
# What is scored but not held to a target, and why. Printed with every table and in README.
EXCLUSIONS = [
    (
        "kind `datetime` (all cases)",
        "times of day, recurring sets and date/time ranges are out of scope for now (issue 2, "
        "section 7); the rows are printed for information, without a target",
    ),
]


def load_cases(eval_dir: Path) -> list[dict]:
    cases = []
    for name in CASE_FILES:
        path = eval_dir / name
        if not path.exists():
            sys.exit(f"score.py: {path} not found (use --eval-dir)")
        with path.open(encoding="utf-8") as lines:
            cases.extend(json.loads(line) for line in lines if line.strip())
    return cases


def request_line(case: dict) -> str:
    request = {"id": case["id"], "text": case["input"], "lang": case["lang"]}
    if case.get("reference_datetime"):
        request["date"] = case["reference_datetime"][:10]
    return json.dumps(request, ensure_ascii=False)


def run_claimlint(binary: Path, cases: list[dict]) -> list[dict]:
    """Feeds every case to one `claimlint extract --jsonl` and returns its output lines."""
    if not binary.exists():
        sys.exit(f"score.py: {binary} not found: build it with `cargo build --release` or pass --claimlint")
    stdin = "".join(request_line(case) + "\n" for case in cases)
    process = subprocess.run(
        [str(binary), "extract", "--jsonl"],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    replies = [json.loads(line) for line in process.stdout.splitlines() if line.strip()]
    if process.returncode != 0 and not replies:
        sys.exit(f"score.py: `{binary} extract --jsonl` failed (exit {process.returncode}):\n{process.stderr.strip()}")
    return replies


def read_predictions(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def predictions_by_case(cases, replies, also_as_number: bool, byte_offsets: bool):
    """Turns output lines into {case id: [Prediction]} and collects problems.

    A line with `claims` is claimlint's own output (UTF-8 byte offsets, claimlint kinds); a
    line with `found` is the eval README's prediction format (code-point offsets unless
    --byte-offsets, eval kinds, guessed when missing)."""
    inputs = {case["id"]: case["input"] for case in cases}
    predictions = {}
    problems = defaultdict(list)
    for reply in replies:
        case_id = reply.get("id")
        if case_id not in inputs:
            problems["unknown id in output"].append(str(case_id))
            continue
        if "error" in reply:
            problems["extraction error"].append(f"{case_id}: {reply['error']}")
            predictions[case_id] = []
            continue
        text = inputs[case_id]
        offsets = matching.CodePointOffsets(text)
        found = []
        for claim in reply.get("claims", []):
            claim_predictions, offsets_ok = matching.claim_predictions(claim, text, offsets, also_as_number)
            if not offsets_ok:
                problems["claim offsets not on char boundaries or not slicing to its text"].append(
                    f"{case_id}: {claim.get('text')!r} {claim.get('start')}..{claim.get('end')}"
                )
            found.extend(claim_predictions)
        for entry in reply.get("found", []):
            start, end = int(entry["start"]), int(entry["end"])
            if byte_offsets:
                start, end = offsets.to_code_point(start)[0], offsets.to_code_point(end)[0]
            kind = entry.get("kind") or matching.guess_kind(entry)
            surface = entry.get("text", text[start:end])
            found.append(matching.Prediction(kind, start, end, surface, entry.get("value"), entry.get("unit"), kind))
        predictions[case_id] = found
    for case_id in inputs:
        if case_id not in predictions:
            problems["no output line for case"].append(case_id)
            predictions[case_id] = []
    return predictions, problems


def score_all(cases, predictions):
    """Aggregates per (source, lang, kind): case and entity counts and tp/fp/fn per flavour."""
    rows = defaultdict(lambda: {"cases": 0, "expected": 0, **{f: [0, 0, 0, 0] for f in FLAVOURS}})
    failing = defaultdict(list)  # (kind, lang, source) -> [(case, main result)]
    for case in cases:
        key = (case["source"], case["lang"], case["kind"])
        row = rows[key]
        row["cases"] += 1
        row["expected"] += len(case.get("expected") or [])
        for flavour in FLAVOURS:
            result = matching.score_case(case, predictions[case["id"]], flavour)
            counts = row[flavour]
            counts[0] += result.tp
            counts[1] += result.fp
            counts[2] += result.fn
            counts[3] += 0 if result.has_error else 1
            if flavour == "main" and result.has_error:
                failing[(case["kind"], case["lang"], case["source"])].append((case, result))
    return rows, failing


def summarise(rows) -> list[dict]:
    summary = []
    for (source, lang, kind), row in sorted(rows.items()):
        entry = {"source": source, "lang": lang, "kind": kind, "cases": row["cases"], "expected": row["expected"]}
        for flavour in FLAVOURS:
            tp, fp, fn, clean = row[flavour]
            precision, recall, f1 = matching.ratios(tp, fp, fn)
            entry[flavour] = {
                "tp": tp, "fp": fp, "fn": fn,
                "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                "cases_without_error": round(clean / row["cases"], 4),
            }
        target = TARGETS.get(kind)
        entry["target_f1"] = target
        entry["meets_target"] = None if target is None else entry["main"]["f1"] >= target
        summary.append(entry)
    return summary


def print_table(summary, out=sys.stdout) -> None:
    header = (f"{'source':<12}{'lang':<5}{'kind':<9}{'cases':>6}{'exp':>5} | "
              + " | ".join(f"{f + ' P':>8}{'R':>6}{'F1':>6}" for f in FLAVOURS)
              + f" | {'no-err':>6} | target")
    print(header, file=out)
    print("-" * len(header), file=out)
    for entry in summary:
        scores = " | ".join(
            f"{entry[f]['precision']:>8.3f}{entry[f]['recall']:>6.3f}{entry[f]['f1']:>6.3f}" for f in FLAVOURS
        )
        if entry["target_f1"] is None:
            verdict = "excluded"
        else:
            verdict = f"{'ok' if entry['meets_target'] else 'MISS'} (F1 >= {entry['target_f1']:.2f})"
        print(f"{entry['source']:<12}{entry['lang']:<5}{entry['kind']:<9}{entry['cases']:>6}{entry['expected']:>5} | "
              f"{scores} | {entry['main']['cases_without_error']:>6.3f} | {verdict}", file=out)


def describe_expected(e: dict) -> str:
    unit = f" {e['unit']}" if e.get("unit") else ""
    return f"{e['text']!r} [{e['start']}..{e['end']}] = {e.get('value')}{unit}"


def describe_prediction(p: matching.Prediction) -> str:
    unit = f" {p.unit}" if p.unit else ""
    return f"{p.text!r} [{p.start}..{p.end}] = {p.value}{unit} (claim kind {p.origin})"


def print_errors(selector: str, cases, predictions, failing) -> None:
    parts = selector.split("/")
    if len(parts) not in (2, 3):
        sys.exit("score.py: --errors wants KIND/LANG or KIND/LANG/SOURCE, e.g. currency/it")
    kind, lang = parts[0], parts[1]
    sources = [parts[2]] if len(parts) == 3 else ["recognizers", "duckling"]
    shown = 0
    for source in sources:
        for case, result in failing.get((kind, lang, source), []):
            shown += 1
            print(f"\n== {case['id']}")
            print(f"   input:    {case['input']!r}")
            for e in case.get("expected") or []:
                print(f"   expected: {describe_expected(e)}")
            for e in case.get("optional") or []:
                print(f"   optional: {describe_expected(e)}")
            relevant = [p for p in predictions[case["id"]] if p.kind in matching.RELEVANT_KINDS[kind]]
            for p in relevant:
                print(f"   found:    {describe_prediction(p)}")
            for e, p, correct in result.pairs:
                if not correct:
                    print(f"   WRONG:    {e['text']!r} matched {describe_prediction(p)}")
            for e in result.unmatched_expected:
                if not any(e is pair[0] for pair in result.pairs):
                    print(f"   MISSED:   {describe_expected(e)}")
            for p in result.false_positives:
                if not any(p is pair[1] for pair in result.pairs):
                    print(f"   EXTRA:    {describe_prediction(p)}")
    print(f"\n{shown} failing case(s) for {selector}")


def number_effect(cases, replies, byte_offsets: bool) -> str:
    """Number rows with and without money/percent claims offered as numbers."""
    lines = ["number rows, money/percent also offered as `number`: with → without (main P / R / F1)"]
    scored = {}
    for flag in (True, False):
        predictions, _ = predictions_by_case(cases, replies, flag, byte_offsets)
        number_cases = [case for case in cases if case["kind"] == "number"]
        scored[flag] = {(e["source"], e["lang"]): e for e in summarise(score_all(number_cases, predictions)[0])}
    for key in sorted(scored[True]):
        with_, without = scored[True][key]["main"], scored[False][key]["main"]
        lines.append(f"  {key[0]:<12}{key[1]:<4} {with_['precision']:.3f} / {with_['recall']:.3f} / {with_['f1']:.3f}"
                     f"  →  {without['precision']:.3f} / {without['recall']:.3f} / {without['f1']:.3f}")
    return "\n".join(lines)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR, help="folder with the case files")
    parser.add_argument("--claimlint", type=Path, default=DEFAULT_BINARY, help="the claimlint binary to run")
    parser.add_argument("--predictions", type=Path, help="score this JSONL instead of running the binary")
    parser.add_argument("--byte-offsets", action="store_true", help="`found` offsets in --predictions are UTF-8 bytes")
    parser.add_argument("--save-predictions", type=Path, help="write the binary's raw output here")
    parser.add_argument("--no-money-as-number", action="store_true",
                        help="do not offer money and percent claims as `number` predictions")
    parser.add_argument("--check", action="store_true", help="exit 1 if a row with a target misses it")
    parser.add_argument("--errors", metavar="KIND/LANG[/SOURCE]", help="print the failing cases of one slice")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the scores as JSON")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    cases = load_cases(args.eval_dir)
    if args.predictions:
        replies = read_predictions(args.predictions)
    else:
        replies = run_claimlint(args.claimlint, cases)
        if args.save_predictions:
            args.save_predictions.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in replies),
                                             encoding="utf-8")
    also_as_number = not args.no_money_as_number
    predictions, problems = predictions_by_case(cases, replies, also_as_number, args.byte_offsets)
    rows, failing = score_all(cases, predictions)
    summary = summarise(rows)

    if args.errors:
        print_errors(args.errors, cases, predictions, failing)
        return 0
    print_table(summary)
    print()
    print(number_effect(cases, replies, args.byte_offsets))
    print("\nExcluded from the targets:")
    for what, why in EXCLUSIONS:
        print(f"  - {what}: {why}")
    for problem, items in problems.items():
        print(f"\n{len(items)} × {problem}; first: {items[0]}")
    missed = [e for e in summary if e["meets_target"] is False]
    print(f"\n{len(summary) - len(missed) - sum(e['target_f1'] is None for e in summary)} target row(s) met, "
          f"{len(missed)} missed")
    if args.json:
        report = {"rows": summary, "money_and_percent_as_number": also_as_number,
                  "exclusions": [{"what": w, "why": y} for w, y in EXCLUSIONS],
                  "problems": {k: len(v) for k, v in problems.items()}}
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
