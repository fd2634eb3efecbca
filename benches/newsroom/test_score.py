#!/usr/bin/env python3
"""Self-test of the newsroom scorer and validation of the gold files.

Run: python3 benches/newsroom/test_score.py
"""
import json
import re
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score  # noqa: E402

HERE = Path(__file__).resolve().parent
KINDS = {"money", "percent", "count", "quantity", "number", "date", "duration", "ordinal"}
DURATION_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?$")


def g(text, start, kind="percent", value=1.0, unit="%", date=None):
    return {"text": text, "start": start, "end": start + len(text), "kind": kind,
            "value": value, "unit": unit, "date": date}


class MatchingTest(unittest.TestCase):
    def test_find_span_occurrence(self):
        self.assertEqual(score.find_span("il 5% e il 5%", "5%"), (3, 5))
        self.assertEqual(score.find_span("il 5% e il 5%", "5%", 2), (11, 13))
        self.assertIsNone(score.find_span("il 5%", "5%", 2))
        self.assertIsNone(score.find_span("il 5%", "6%"))

    def test_byte_to_char(self):
        text = "Già 3,5% più"
        b = text.encode("utf-8").index(b"3")
        self.assertEqual(b, 5)
        self.assertEqual(score.byte_to_char(text, b), 4)
        self.assertIsNone(score.byte_to_char(text, 3))  # inside "à"
        preds = score.pred_claims(text, [{"start": 5, "end": 9, "kind": "percent", "value": 3.5, "unit": "%"}])
        self.assertEqual(preds[0]["text"], "3,5%")
        self.assertEqual((preds[0]["start"], preds[0]["end"]), (4, 8))

    def test_exact_span_preferred_over_larger_overlap(self):
        gold = [g("3,5%", 10)]
        pred = [g("del 3,5%", 6), g("3,5%", 10)]
        self.assertEqual(score.match(gold, pred), [(0, 1)])

    def test_one_to_one(self):
        gold = [g("16", 0, "money"), g("19 miliardi", 5, "money")]
        pred = [g("16 e 19 miliardi", 0, "money")]
        pairs = score.match(gold, pred)
        self.assertEqual(len(pairs), 1)
        # larger overlap wins: "19 miliardi" (11 chars) over "16" (2 chars)
        self.assertEqual(pairs, [(1, 0)])

    def test_adjacent_spans_do_not_match(self):
        self.assertEqual(score.match([g("abc", 0)], [g("def", 3)]), [])

    def test_correct_pair_preferred_among_overlaps(self):
        gold = [g("12 mld di euro", 0, "money", 12e9, "EUR")]
        pred = [g("12 mld di", 0, "money", 12.0, "EUR"), g("euro", 10, "money", 12e9, "EUR")]
        # neither span is exact; the correct pair (overlap 4) wins over the wrong one (overlap 9)
        self.assertEqual(score.match(gold, pred), [(0, 1)])

    def test_values_equal(self):
        self.assertTrue(score.values_equal(1e9, 1e9 * (1 + 1e-7)))
        self.assertFalse(score.values_equal(1.0, 1.0 + 2e-6))
        self.assertTrue(score.values_equal(0, 0.0))
        self.assertFalse(score.values_equal(0, 1e-9))
        self.assertTrue(score.values_equal(None, None))
        self.assertFalse(score.values_equal(None, 0))

    def test_claim_correct(self):
        a = g("maggio", 0, "date", 2024, None, "2024-05")
        self.assertTrue(score.claim_correct(a, dict(a)))
        self.assertFalse(score.claim_correct(a, dict(a, date="2023-05")))
        self.assertFalse(score.claim_correct(a, dict(a, kind="number")))
        m = g("5 euro", 0, "money", 5, "EUR")
        self.assertFalse(score.claim_correct(m, dict(m, unit="USD")))
        self.assertFalse(score.claim_correct(m, dict(m, unit=None)))
        self.assertTrue(score.claim_correct(g("x", 0, "number", 2, None), g("x", 0, "number", 2, "")))

    def test_prf(self):
        self.assertEqual(score.prf(0, 0, 5), (None, 0.0, 0.0))
        p, r, f = score.prf(2, 4, 8)
        self.assertAlmostEqual(p, 0.5)
        self.assertAlmostEqual(r, 0.25)
        self.assertAlmostEqual(f, 1 / 3)

    def test_score_passage_numbers(self):
        gold = [g("3,5%", 0, "percent", 3.5, "%"),          # exact, correct
                g("12 mld di euro", 10, "money", 12e9, "EUR"),  # overlap, wrong value
                g("2023", 40, "date", 2023, None, "2023")]   # missed
        pred = [g("3,5%", 0, "percent", 3.5, "%"),
                g("12 mld", 10, "money", 12.0, "EUR"),
                g("31", 60, "number", 31, None)]             # false positive
        t, kinds, errors = score.score_passage(gold, pred)
        d = t.as_dict()
        self.assertEqual((d["gold"], d["pred"], d["detect_tp"], d["strict_tp"], d["exact_span_tp"]), (3, 3, 2, 1, 1))
        self.assertAlmostEqual(d["detect"]["p"], 2 / 3)
        self.assertAlmostEqual(d["detect"]["r"], 2 / 3)
        self.assertAlmostEqual(d["detect"]["f1"], 2 / 3)
        self.assertAlmostEqual(d["strict"]["p"], 1 / 3)
        self.assertAlmostEqual(d["strict"]["r"], 1 / 3)
        self.assertAlmostEqual(d["strict"]["f1"], 1 / 3)
        self.assertEqual(sorted(e[0] for e in errors), ["fp", "miss", "wrong"])
        self.assertEqual(kinds["money"].n_gold, 1)
        self.assertEqual(kinds["number"].n_pred, 1)

    def test_tally_aggregation(self):
        a, b = score.Tally(), score.Tally()
        a.n_gold, a.n_pred, a.detect, a.strict = 4, 2, 2, 1
        b.n_gold, b.n_pred, b.detect, b.strict = 6, 8, 6, 5
        a.add(b)
        d = a.as_dict()
        self.assertAlmostEqual(d["strict"]["p"], 0.6)
        self.assertAlmostEqual(d["strict"]["r"], 0.6)
        self.assertAlmostEqual(d["detect"]["p"], 0.8)
        self.assertAlmostEqual(d["detect"]["r"], 0.8)


class GoldFilesTest(unittest.TestCase):
    def rows(self, name):
        with open(HERE / name, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def test_every_line_parses_and_claims_are_found(self):
        ids = set()
        for name in ("dev.jsonl", "heldout.jsonl"):
            for p in self.rows(name):
                with self.subTest(passage=p.get("id")):
                    self.assertNotIn(p["id"], ids)
                    ids.add(p["id"])
                    self.assertIn(p["lang"], score.LANGS)
                    self.assertTrue(p["id"].startswith(p["lang"] + "-"))
                    self.assertRegex(p["date"], r"^\d{4}-\d{2}-\d{2}$")
                    self.assertIsInstance(p["text"], str)
                    self.assertGreater(len(p["claims"]), 0)
                    spans = []
                    for c in p["claims"]:
                        occ = c.get("occurrence", 1)
                        span = score.find_span(p["text"], c["text"], occ)
                        self.assertIsNotNone(span, f"{c['text']!r} (occurrence {occ}) not in text")
                        if p["text"].count(c["text"]) > 1:
                            self.assertIn("occurrence", c, f"{c['text']!r} appears more than once")
                        self.assertIn(c["kind"], KINDS)
                        self.assertIsInstance(c["value"], (int, float))
                        self.assertTrue(c["unit"] is None or isinstance(c["unit"], str))
                        if c["kind"] == "date":
                            self.assertRegex(c["date"], DATE_RE)
                            self.assertEqual(c["value"], int(c["date"][:4]))
                            self.assertIsNone(c["unit"])
                        if c["kind"] == "duration":
                            self.assertIn(c["unit"], DURATION_UNITS)
                        if c["kind"] == "percent":
                            self.assertIn(c["unit"], ("%", "pp", "bp"))
                        if c["kind"] == "money":
                            self.assertRegex(c["unit"], r"^[A-Z]{3}$")
                        if c["kind"] in ("ordinal", "number"):
                            self.assertIsNone(c["unit"])
                        spans.append(span)
                    spans.sort()
                    for a, b in zip(spans, spans[1:]):
                        self.assertLessEqual(a[1], b[0], f"gold claims overlap: {a} {b}")

    def test_split_is_every_fourth_by_position(self):
        dev, held = self.rows("dev.jsonl"), self.rows("heldout.jsonl")
        for lang in score.LANGS:
            d = [p["id"] for p in dev if p["lang"] == lang]
            h = [p["id"] for p in held if p["lang"] == lang]
            # ids carry the position within the language (…-NN); every 4th one is held out
            self.assertEqual(sorted(int(i.rsplit("-", 1)[1]) for i in h),
                             list(range(4, len(d) + len(h) + 1, 4)), lang)
            self.assertTrue(all(int(i.rsplit("-", 1)[1]) % 4 for i in d), lang)

    def test_size(self):
        rows = self.rows("dev.jsonl") + self.rows("heldout.jsonl")
        self.assertGreaterEqual(len(rows), 60)
        self.assertGreaterEqual(sum(len(p["claims"]) for p in rows), 400)
        for lang in score.LANGS:
            self.assertGreaterEqual(sum(1 for p in rows if p["lang"] == lang), 20)


if __name__ == "__main__":
    unittest.main()
