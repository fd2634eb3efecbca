#!/usr/bin/env python3
"""Self-test of the eval scorer: hand-made cases and predictions with known right answers.

Run with `python3 benches/eval/test_score.py` (standard library unittest). Each test builds a
case in the eval README's format and claimlint-style claims (UTF-8 byte offsets), then checks
the counts the scorer gives; a scorer that matched, compared values or converted offsets
wrongly fails here.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import matching  # noqa: E402
import score as score_script  # noqa: E402


def entity(text: str, input_text: str, value, unit=None, unit_name=None, alts=(), occurrence=0):
    """An expected entity located by its text (code-point offsets, as the eval files have)."""
    start = -1
    for _ in range(occurrence + 1):
        start = input_text.index(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text), "value": value,
            "unit": unit, "unit_name": unit_name, "alts": list(alts)}


def claim(kind: str, text: str, input_text: str, value_text, unit=None, date=None, occurrence=0):
    """A claimlint claim located by its text, with UTF-8 byte offsets as claimlint gives them."""
    start = -1
    for _ in range(occurrence + 1):
        start = input_text.index(text, start + 1)
    byte_start = len(input_text[:start].encode("utf-8"))
    byte_end = byte_start + len(text.encode("utf-8"))
    found = {"kind": kind, "text": text, "start": byte_start, "end": byte_end, "value_text": value_text, "unit": unit}
    if date is not None:
        found["date"] = date
    return found


def score(case, claims, flavour="main", also_as_number=True):
    offsets = matching.CodePointOffsets(case["input"])
    predictions = []
    for c in claims:
        predictions.extend(matching.claim_predictions(c, case["input"], offsets, also_as_number)[0])
    result = matching.score_case(case, predictions, flavour)
    return result.tp, result.fp, result.fn


def case(kind, input_text, expected, optional=None):
    built = {"id": "t", "source": "test", "lang": "en", "kind": kind, "input": input_text, "expected": expected}
    if optional:
        built["optional"] = optional
    return built


class MatchingTest(unittest.TestCase):
    def test_exact_span_with_right_value_is_a_true_positive(self):
        text = "revenue rose to 42 units"
        c = case("number", text, [entity("42", text, "42")])
        self.assertEqual(score(c, [claim("count", "42", text, "42")]), (1, 0, 0))

    def test_overlapping_span_counts_in_main_and_detect_but_not_strict(self):
        text = "about 42 units were sold"
        c = case("number", text, [entity("42", text, "42")])
        found = [claim("count", "42 units", text, "42")]
        self.assertEqual(score(c, found, "main"), (1, 0, 0))
        self.assertEqual(score(c, found, "detect"), (1, 0, 0))
        self.assertEqual(score(c, found, "strict"), (0, 1, 1))

    def test_same_text_ignoring_case_and_spaces_is_an_exact_span(self):
        text = "He paid $  5 Million today"
        expected = entity("$  5 Million", text, "5000000", "USD")
        c = case("currency", text, [expected])
        found = claim("money", "$  5 Million", text, "5000000", "USD")
        found["text"] = "$ 5 million"  # what a tool normalising spaces and case would print
        found["start"] += 1  # and a span off by one: still an exact match by text
        self.assertEqual(score(c, [found], "strict"), (1, 0, 0))

    def test_wrong_value_is_both_a_miss_and_a_false_positive_except_in_detect(self):
        text = "a total of 1,234 items"
        c = case("number", text, [entity("1,234", text, "1234")])
        found = [claim("number", "1,234", text, "1.234")]
        self.assertEqual(score(c, found, "main"), (0, 1, 1))
        self.assertEqual(score(c, found, "detect"), (1, 0, 0))

    def test_adjacent_spans_do_not_overlap(self):
        text = "code 2024-05"
        c = case("number", text, [entity("2024", text, "2024")])
        self.assertEqual(score(c, [claim("number", "-05", text, "-5")], "detect"), (0, 1, 1))

    def test_matching_is_one_to_one(self):
        text = "7 and 7"
        c = case("number", text, [entity("7", text, "7")])
        found = [claim("number", "7", text, "7"), claim("number", "7", text, "7", occurrence=1)]
        self.assertEqual(score(c, found), (1, 1, 0))

    def test_a_right_candidate_is_preferred_over_a_wrong_one_on_the_same_span(self):
        text = "the figure 3"
        c = case("number", text, [entity("3", text, "3")])
        found = [claim("number", "3", text, "30"), claim("count", "3", text, "3")]
        self.assertEqual(score(c, found), (1, 1, 0))

    def test_exact_pass_runs_before_overlap_pass(self):
        text = "12 34"
        c = case("number", text, [entity("12 34", text, "1234"), entity("34", text, "34")])
        # The prediction "34" overlaps the first entity, but its exact span is the second one.
        found = [claim("number", "34", text, "34"), claim("number", "12 34", text, "1234")]
        self.assertEqual(score(c, found), (2, 0, 0))

    def test_numbers_equal_within_relative_tolerance_only(self):
        self.assertTrue(matching.numbers_equal("103.666666666667", 103.66666666666667))
        self.assertTrue(matching.numbers_equal("0.000000000001", "1e-12"))
        self.assertFalse(matching.numbers_equal("1000000", "1000001"))
        self.assertFalse(matching.numbers_equal(None, "0"))
        self.assertFalse(matching.numbers_equal("abc", "abc"))


class UnitAndValueRulesTest(unittest.TestCase):
    dollar_alts = [{"value": None, "unit": "$"}, {"value": None, "unit": "US$"}]
    cent_alts = [{"value": None, "unit": "¢"}, {"value": "0.12", "unit": "USD"}, {"value": "0.12", "unit": "EUR"}]

    def test_money_unit_iso_code_unit_name_or_alt_unit(self):
        text = "it cost $ 150 milioni"
        for unit in ("USD", "usd", "Dollar", "US$"):
            expected = entity("$ 150 milioni", text, "150000000", "USD", "Dollar", self.dollar_alts)
            c = case("currency", text, [expected])
            self.assertEqual(score(c, [claim("money", "$ 150 milioni", text, "150000000", unit)]), (1, 0, 0), unit)

    def test_money_wrong_unit_or_no_unit_is_wrong(self):
        text = "it cost $ 150 milioni"
        expected = entity("$ 150 milioni", text, "150000000", "USD", "Dollar", self.dollar_alts)
        c = case("currency", text, [expected])
        self.assertEqual(score(c, [claim("money", "$ 150 milioni", text, "150000000", "CAD")]), (0, 1, 1))
        self.assertEqual(score(c, [claim("money", "$ 150 milioni", text, "150000000", None)]), (0, 1, 1))

    def test_money_alt_with_a_value_needs_that_value(self):
        text = "a 12-cent dividend"
        c = case("currency", text, [entity("12-cent", text, "12", "Cent", "Cent", self.cent_alts)])
        self.assertEqual(score(c, [claim("money", "12-cent", text, "0.12", "USD")]), (1, 0, 0))
        self.assertEqual(score(c, [claim("money", "12-cent", text, "0.12", "EUR")]), (1, 0, 0))
        self.assertEqual(score(c, [claim("money", "12-cent", text, "12", "USD")]), (0, 1, 1))
        self.assertEqual(score(c, [claim("money", "12-cent", text, "12", "Cent")]), (1, 0, 0))

    def test_percent_needs_percent_unit_and_points_are_not_percentages(self):
        text = "up 30 % and 2 punti percentuali"
        c = case("percent", text, [entity("30 %", text, "30", "%")])
        self.assertEqual(score(c, [claim("percent", "30 %", text, "30", "%")]), (1, 0, 0))
        # A percentage-point claim is not offered as a percent: neither matched nor a false positive.
        self.assertEqual(score(c, [claim("percent", "2 punti percentuali", text, "2", "pp")]), (0, 0, 1))

    def test_dates_compare_as_case_insensitive_strings_with_value_or_alts(self):
        text = "I'll go back Oct-2"
        alts = [{"value": "XXXX-10-02", "unit": None}, {"value": "2016-10-02", "unit": None}]
        c = case("date", text, [entity("Oct-2", text, "xxxx-10-02", alts=alts)])
        self.assertEqual(score(c, [claim("date", "Oct-2", text, "2016", date="2016-10-02")]), (1, 0, 0))
        self.assertEqual(score(c, [claim("date", "Oct-2", text, "2016", date="XXXX-10-02")]), (1, 0, 0))
        self.assertEqual(score(c, [claim("date", "Oct-2", text, "2017", date="2017-10-02")]), (0, 1, 1))

    def test_only_predictions_of_the_case_kind_count(self):
        text = "the 3rd of 5 items cost 10%"
        c = case("ordinal", text, [entity("3rd", text, "3")])
        found = [claim("ordinal", "3rd", text, "3"), claim("count", "5 items", text, "5"),
                 claim("percent", "10%", text, "10", "%")]
        self.assertEqual(score(c, found), (1, 0, 0))

    def test_money_offered_as_number_only_when_asked(self):
        text = "$20"
        c = case("number", text, [entity("20", text, "20")])
        found = [claim("money", "$20", text, "20", "USD")]
        self.assertEqual(score(c, found, also_as_number=True), (1, 0, 0))
        self.assertEqual(score(c, found, also_as_number=False), (0, 0, 1))

    def test_quantity_glued_to_its_unit_is_not_offered_as_a_number(self):
        text = "the 180ml liquid and 3 km and 0,25ml"
        c = case("number", text, [entity("3", text, "3")])
        found = [claim("quantity", "180ml", text, "180", "ml"), claim("quantity", "3 km", text, "3", "km"),
                 claim("quantity", "0,25ml", text, "0.25", "ml")]
        self.assertEqual(score(c, found), (1, 0, 0))
        self.assertEqual(score(case("number", text, []), found[:1]), (0, 0, 0))


class OptionalAndOffsetsTest(unittest.TestCase):
    def test_prediction_overlapping_an_optional_span_is_not_a_false_positive(self):
        text = "50 dollar dollar"
        alts = [{"value": None, "unit": "$"}]
        expected = entity("50 dollar", text, "50", "USD", "Dollar", alts)
        optional = entity("dollar", text, None, "USD", "Dollar", alts, occurrence=1)
        c = case("currency", text, [expected], [optional])
        found = [claim("money", "50 dollar", text, "50", "USD"), claim("money", "dollar", text, "1", "USD", occurrence=1)]
        self.assertEqual(score(c, found), (1, 0, 0))
        del c["optional"]
        self.assertEqual(score(c, found), (1, 1, 0))

    def test_byte_offsets_are_converted_to_code_points_in_multibyte_text(self):
        text = "Però il costo è di € 2,5 miliardi, più di 13,6 miliardi di ¥."
        expected = [entity("€ 2,5 miliardi", text, "2500000000", "EUR"), entity("13,6 miliardi di ¥", text, "13600000000", "JPY")]
        c = case("currency", text, expected)
        found = [claim("money", "€ 2,5 miliardi", text, "2500000000", "EUR"),
                 claim("money", "13,6 miliardi di ¥", text, "13600000000", "JPY")]
        self.assertGreater(found[0]["start"], expected[0]["start"])  # the bytes really differ
        self.assertEqual(score(c, found, "strict"), (2, 0, 0))

    def test_offsets_inside_a_character_are_reported(self):
        text = "è 5"
        offsets = matching.CodePointOffsets(text)
        self.assertEqual(offsets.to_code_point(2), (1, True))
        self.assertEqual(offsets.to_code_point(1), (0, False))
        bad = {"kind": "number", "text": "5", "start": 1, "end": 4, "value_text": "5"}
        self.assertFalse(matching.claim_predictions(bad, text, offsets)[1])

    def test_ratios_follow_the_documented_conventions(self):
        self.assertEqual(matching.ratios(0, 0, 0), (1.0, 1.0, 1.0))
        self.assertEqual(matching.ratios(0, 0, 3), (1.0, 0.0, 0.0))
        precision, recall, f1 = matching.ratios(3, 1, 2)
        self.assertAlmostEqual(precision, 0.75)
        self.assertAlmostEqual(recall, 0.6)
        self.assertAlmostEqual(f1, 2 * 0.75 * 0.6 / 1.35)


class EndToEndTest(unittest.TestCase):
    """Drives score.main on a tiny eval dir and a saved predictions file."""

    def test_check_fails_on_a_missed_target_and_passes_on_a_perfect_one(self):
        text = "sales of €5 million and 12 shops"
        cases = [
            {"id": "a", "source": "recognizers", "lang": "en", "kind": "currency", "input": text,
             "reference_datetime": None, "expected": [entity("€5 million", text, "5000000", "EUR")]},
            {"id": "b", "source": "recognizers", "lang": "en", "kind": "number", "input": text,
             "reference_datetime": None, "expected": [entity("12", text, "12")]},
        ]
        perfect = [{"id": "a", "claims": [claim("money", "€5 million", text, "5000000", "EUR")]},
                   {"id": "b", "claims": [claim("count", "12 shops", text, "12", "shops")]}]
        wrong = [{"id": "a", "claims": [claim("money", "€5 million", text, "5", "EUR")]}, {"id": "b", "claims": []}]
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / "recognizers-dev.jsonl").write_text("".join(json.dumps(c) + "\n" for c in cases))
            (tmp / "duckling-dev.jsonl").write_text("")
            for name, replies, expected_code in (("perfect", perfect, 0), ("wrong", wrong, 1)):
                path = tmp / f"{name}.jsonl"
                path.write_text("".join(json.dumps(r) + "\n" for r in replies))
                scores = tmp / f"{name}-scores.json"
                with contextlib.redirect_stdout(io.StringIO()):
                    code = score_script.main(["--eval-dir", str(tmp), "--predictions", str(path), "--check", "--json", str(scores)])
                self.assertEqual(code, expected_code, name)
                rows = json.loads(scores.read_text())["rows"]
                f1s = {row["kind"]: row["main"]["f1"] for row in rows}
                self.assertEqual(f1s, {"currency": 1.0, "number": 1.0} if name == "perfect" else {"currency": 0.0, "number": 0.0})


if __name__ == "__main__":
    unittest.main()
