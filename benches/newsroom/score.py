#!/usr/bin/env python3
"""Score `claimlint extract` on the newsroom evaluation set (benches/newsroom/).

Stdlib only. By default scores dev.jsonl; heldout.jsonl only with --heldout.
See benches/newsroom/README.md for the annotation conventions and the matching rules.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_BINARY = REPO / "target" / "release" / "claimlint"
LANGS = ("it", "en", "es")
REL_TOL = 1e-6


# ---------------------------------------------------------------- loading

def find_span(text, sub, occurrence=1):
    """Character span of the `occurrence`-th (1-based) plain-substring occurrence of sub."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return None
    return (pos, pos + len(sub))


def load_gold(path):
    """Parse a gold JSONL file; every claim gets its character span ("start", "end")."""
    passages = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            p = json.loads(line)
            for c in p["claims"]:
                span = find_span(p["text"], c["text"], c.get("occurrence", 1))
                if span is None:
                    raise ValueError(f"{path}:{lineno} {p['id']}: claim {c['text']!r} not found")
                c["start"], c["end"] = span
            passages.append(p)
    return passages


def byte_to_char(text, b):
    """Convert a UTF-8 byte offset into a code-point offset (None if not on a boundary)."""
    prefix = text.encode("utf-8")[:b]
    try:
        return len(prefix.decode("utf-8"))
    except UnicodeDecodeError:
        return None


def pred_claims(text, claims):
    """Normalise the binary's claims: char spans, and the fields the scorer compares."""
    out = []
    for c in claims:
        s, e = byte_to_char(text, c["start"]), byte_to_char(text, c["end"])
        if s is None or e is None:
            continue
        out.append({"text": text[s:e], "start": s, "end": e, "kind": c.get("kind"),
                    "value": c.get("value"), "unit": c.get("unit"), "date": c.get("date")})
    return out


def run_binary(binary, passages, lang):
    """Run `extract --jsonl` once for one language group; every line carries its own date.

    Returns (predictions by id, error message or None). A language the binary refuses
    gives no predictions and the error text.
    """
    lines = "".join(json.dumps({"id": p["id"], "text": p["text"], "lang": p["lang"],
                                "date": p.get("date")}, ensure_ascii=False) + "\n"
                    for p in passages)
    try:
        r = subprocess.run([str(binary), "extract", "--jsonl", "--lang", lang],
                           input=lines.encode("utf-8"), capture_output=True, timeout=600)
    except OSError as exc:
        sys.exit(f"score.py: cannot run {binary}: {exc}")
    stdout = r.stdout.decode("utf-8", "replace")
    stderr = r.stderr.decode("utf-8", "replace")
    by_id, errors = {}, []
    for line in stdout.splitlines():
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except ValueError:
            errors.append(f"unparseable output line: {line[:80]}")
            continue
        if "error" in d:
            errors.append(str(d["error"]))
            continue
        by_id[d.get("id")] = d.get("claims", [])
    if not by_id:
        msg = errors[0] if errors else (stderr.strip().splitlines() or [f"exit {r.returncode}"])[0]
        return {}, msg
    return by_id, (f"{len(errors)} line(s) failed: {errors[0]}" if errors else None)


# ---------------------------------------------------------------- matching

def overlap(a, b):
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def values_equal(a, b, rel=REL_TOL):
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b))


def claim_correct(g, p):
    """Strict agreement of a matched pair: kind, value (relative 1e-6), unit, and date string."""
    if g["kind"] != p.get("kind"):
        return False
    if not values_equal(g["value"], p.get("value")):
        return False
    if (g.get("unit") or None) != (p.get("unit") or None):
        return False
    if g["kind"] == "date" and g.get("date") != p.get("date"):
        return False
    return True


def match(gold, pred):
    """One-to-one matching of gold and predicted claims of one passage by span overlap.

    Candidate pairs are the overlapping ones (adjacent spans do not overlap). They are taken
    greedily in this order: exact span first, then a strictly correct pair, then the larger
    overlap, then text order. Returns a list of (gold index, pred index) pairs.
    """
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = overlap(g, p)
            if ov <= 0:
                continue
            exact = g["start"] == p["start"] and g["end"] == p["end"]
            cands.append((not exact, not claim_correct(g, p), -ov, g["start"], p["start"], i, j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for *_, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def prf(tp, n_pred, n_gold):
    """Precision, recall, F1. Precision is None when nothing was predicted."""
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    if not tp or p is None or r is None:
        f = 0.0
    else:
        f = 2 * p * r / (p + r)
    return p, r, f


class Tally:
    def __init__(self):
        self.n_gold = self.n_pred = self.detect = self.strict = self.exact_span = 0

    def add(self, other):
        for k in ("n_gold", "n_pred", "detect", "strict", "exact_span"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def as_dict(self):
        dp, dr, df = prf(self.detect, self.n_pred, self.n_gold)
        sp, sr, sf = prf(self.strict, self.n_pred, self.n_gold)
        return {"gold": self.n_gold, "pred": self.n_pred, "detect_tp": self.detect,
                "strict_tp": self.strict, "exact_span_tp": self.exact_span,
                "detect": {"p": dp, "r": dr, "f1": df}, "strict": {"p": sp, "r": sr, "f1": sf}}


def score_passage(gold, pred):
    """Score one passage: returns (Tally, per-kind tallies, list of error records)."""
    t = Tally()
    t.n_gold, t.n_pred = len(gold), len(pred)
    by_kind = {}
    pairs = match(gold, pred)
    matched_g = {i: j for i, j in pairs}
    matched_p = {j for _, j in pairs}
    errors = []
    for i, g in enumerate(gold):
        k = by_kind.setdefault(g["kind"], Tally())
        k.n_gold += 1
        if i in matched_g:
            p = pred[matched_g[i]]
            t.detect += 1
            k.detect += 1
            if g["start"] == p["start"] and g["end"] == p["end"]:
                t.exact_span += 1
                k.exact_span += 1
            if claim_correct(g, p):
                t.strict += 1
                k.strict += 1
            else:
                errors.append(("wrong", g, p))
        else:
            errors.append(("miss", g, None))
    for j, p in enumerate(pred):
        by_kind.setdefault(p.get("kind"), Tally()).n_pred += 1
        if j not in matched_p:
            errors.append(("fp", None, p))
    return t, by_kind, errors


# ---------------------------------------------------------------- report

def fmt(x):
    return "  n/a" if x is None else f"{x:.3f}"


def describe(c):
    if c is None:
        return "-"
    extra = f" date={c.get('date')}" if c.get("kind") == "date" else ""
    return f"{c['text']!r} {c.get('kind')} {c.get('value')!r} {c.get('unit')!r}{extra}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--binary", default=str(DEFAULT_BINARY), help="claimlint binary")
    ap.add_argument("--heldout", action="store_true",
                    help="score heldout.jsonl instead of dev.jsonl (never use it for tuning)")
    ap.add_argument("--errors", metavar="LANG", help="print misses, wrong values and false positives of LANG")
    ap.add_argument("--json", metavar="OUT", help="write the scores as JSON to OUT")
    args = ap.parse_args(argv)

    split = "heldout" if args.heldout else "dev"
    passages = load_gold(HERE / f"{split}.jsonl")
    results, errors_by_lang, notes = {}, {}, {}
    total = Tally()
    kinds_total = {}
    for lang in LANGS:
        group = [p for p in passages if p["lang"] == lang]
        if not group:
            continue
        preds, err = run_binary(args.binary, group, lang)
        if err:
            notes[lang] = err
        lt, lkinds, lerrs = Tally(), {}, []
        for p in group:
            pred = pred_claims(p["text"], preds.get(p["id"], []))
            t, kinds, errs = score_passage(p["claims"], pred)
            lt.add(t)
            for k, v in kinds.items():
                lkinds.setdefault(k, Tally()).add(v)
                kinds_total.setdefault(k, Tally()).add(v)
            lerrs.extend((p["id"],) + e for e in errs)
        results[lang] = {"passages": len(group), "supported": bool(preds), **lt.as_dict(),
                         "kinds": {k: v.as_dict() for k, v in sorted(lkinds.items(), key=lambda kv: str(kv[0]))}}
        errors_by_lang[lang] = lerrs
        total.add(lt)

    print(f"newsroom set, split={split}, binary={args.binary}")
    hdr = f"{'lang':<8}{'pass':>5}{'gold':>6}{'pred':>6} | {'det P':>6}{'det R':>7}{'det F1':>7} | {'str P':>6}{'str R':>7}{'str F1':>7} | {'exact':>6}"
    print(hdr)
    print("-" * len(hdr))

    def row(name, n, d, suffix=""):
        print(f"{name:<8}{n:>5}{d['gold']:>6}{d['pred']:>6} | {fmt(d['detect']['p']):>6}{fmt(d['detect']['r']):>7}"
              f"{fmt(d['detect']['f1']):>7} | {fmt(d['strict']['p']):>6}{fmt(d['strict']['r']):>7}"
              f"{fmt(d['strict']['f1']):>7} | {d['exact_span_tp']:>6}{suffix}")

    for lang, d in results.items():
        suffix = "" if d["supported"] else "  not supported by the binary (0 recall)"
        row(lang, d["passages"], d, suffix)
    overall = total.as_dict()
    row("overall", len(passages), overall)
    for lang, msg in notes.items():
        print(f"note [{lang}]: {msg}")

    print("\nrecall by kind (gold claims; all languages)")
    for k, v in sorted(kinds_total.items(), key=lambda kv: str(kv[0])):
        d = v.as_dict()
        if d["gold"]:
            print(f"  {str(k):<10}{d['gold']:>5} gold  detect R {fmt(d['detect']['r'])}  strict R {fmt(d['strict']['r'])}")

    if args.errors:
        lang = args.errors
        print(f"\nerrors for {lang} ({split}):")
        for pid, what, g, p in errors_by_lang.get(lang, []):
            print(f"  {pid:<16}{what:<6} gold: {describe(g)}\n  {'':<22}pred: {describe(p)}")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"split": split, "binary": args.binary, "languages": results,
                       "overall": overall, "notes": notes}, f, ensure_ascii=False, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
