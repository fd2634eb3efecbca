"""Scoring rules for the external extraction cases in ../shared/eval (see its README.md).

This module is the pure part of the scorer: it turns claimlint claims into eval predictions,
matches predictions to expected entities one-to-one, decides whether a pair is correct, and
counts true/false positives per case in three flavours (main, strict, detect). It does no I/O,
so `test_score.py` can drive it with hand-made cases. The design choice a reader must know:
one claim may be offered under several eval kinds (a money amount is also a number), and each
case only looks at predictions of its own kind, exactly as the eval README prescribes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# Which eval kind(s) a claimlint claim is offered as, and which claim field gives its value.
# Every row is listed in benches/README.md; change both together.
#
#   claimlint kind        eval kind(s)                               value used
#   money                 currency (+ number, see ALSO_AS_NUMBER)   value_text, unit = ISO code
#   percent, unit "%"     percent  (+ number)                        value_text
#   percent, unit "pp"    number only (points are not a percentage)  value_text
#   ordinal               ordinal                                    value_text
#   date                  date                                       the claim's `date` string
#   number/count/quantity number                                     value_text
#     except a quantity whose unit is glued to the figure ("180ml", "29km"): see GLUED_UNIT
#   duration              number, and duration (datetime cases)      value_text / TIMEX "P2Y"
ALSO_AS_NUMBER = ("money", "percent")

# A quantity written as one token, figure and unit glued ("180ml", "0,25ml", "29km"), is a
# measurement, not a free-standing number: the Recognizers number model reports nothing there
# (eval README), so such claims are not offered as `number` predictions. A quantity with a space
# before its unit ("3 km") still is. The rule looks only at the claim's own text.
GLUED_UNIT = re.compile(r"^[+\-\u2212]?[\d.,]*\d[^\W\d_]+$")

# Predictions of which eval kinds a case of a given kind looks at (README rule 1).
DATE_KINDS = ("date", "daterange", "datetime", "time", "timerange", "datetimerange", "duration", "set")
RELEVANT_KINDS = {
    "number": ("number",),
    "ordinal": ("ordinal",),
    "percent": ("percent",),
    "currency": ("currency",),
    "date": ("date", "daterange"),
    "datetime": DATE_KINDS,
}
# Case kinds whose values are TIMEX/ISO strings compared as text rather than as numbers.
STRING_VALUED_KINDS = ("date", "datetime")

DURATION_TIMEX_UNIT = {"years": "Y", "months": "M", "weeks": "W", "days": "D"}

RELATIVE_TOLERANCE = 1e-9


@dataclass
class Prediction:
    """One found entity, in code-point offsets, as the scorer sees it."""

    kind: str
    start: int
    end: int
    text: str
    value: object
    unit: str | None = None
    origin: str = ""  # the claimlint kind it came from, for error reports


@dataclass
class CaseResult:
    """Counts for one case in one flavour, plus the pairs for error reports."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    pairs: list = field(default_factory=list)  # (expected, prediction, correct)
    unmatched_expected: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)

    @property
    def has_error(self) -> bool:
        return self.fp > 0 or self.fn > 0


# ---------------------------------------------------------------------------------------------
# Offsets


class CodePointOffsets:
    """Converts UTF-8 byte offsets into `text` to code-point offsets."""

    def __init__(self, text: str):
        self.byte_starts = []
        position = 0
        for character in text:
            self.byte_starts.append(position)
            position += len(character.encode("utf-8"))
        self.byte_starts.append(position)

    def to_code_point(self, byte_offset: int) -> tuple[int, bool]:
        """Returns the code-point offset and whether the byte offset was on a char boundary
        (an offset inside a character is rounded down to that character's start)."""
        index = bisect.bisect_right(self.byte_starts, byte_offset) - 1
        index = max(index, 0)
        return index, self.byte_starts[index] == byte_offset


# ---------------------------------------------------------------------------------------------
# Claims → predictions


def claim_predictions(claim: dict, text: str, offsets: CodePointOffsets, also_as_number: bool = True):
    """Maps one claimlint claim (byte offsets) to the eval predictions it stands for.

    Returns (predictions, offsets_ok) where offsets_ok is False when the claim's byte offsets
    do not land on character boundaries or do not slice to its `text`."""
    start, start_ok = offsets.to_code_point(int(claim.get("start", 0)))
    end, end_ok = offsets.to_code_point(int(claim.get("end", 0)))
    surface = claim.get("text", text[start:end])
    offsets_ok = start_ok and end_ok and text[start:end] == surface
    claim_kind = claim.get("kind", "")
    unit = claim.get("unit")
    value_text = claim.get("value_text")
    number_value = value_text if value_text is not None else claim.get("value")

    def make(kind: str, value: object, prediction_unit: str | None = unit) -> Prediction:
        return Prediction(kind, start, end, surface, value, prediction_unit, claim_kind)

    predictions = []
    if claim_kind == "money":
        predictions.append(make("currency", number_value))
    elif claim_kind == "percent" and unit in (None, "%"):
        predictions.append(make("percent", number_value))
    elif claim_kind == "ordinal":
        predictions.append(make("ordinal", number_value))
    elif claim_kind == "date":
        predictions.append(make("date", claim.get("date") or number_value))
    elif claim_kind == "quantity" and GLUED_UNIT.match(surface):
        pass
    elif claim_kind in ("number", "count", "quantity", "duration") or (
        claim_kind == "percent" and unit == "pp"
    ):
        predictions.append(make("number", number_value))
    if claim_kind == "duration" and unit in DURATION_TIMEX_UNIT and number_value is not None:
        predictions.append(make("duration", f"P{number_value}{DURATION_TIMEX_UNIT[unit]}"))
    if also_as_number and claim_kind in ALSO_AS_NUMBER:
        predictions.append(make("number", number_value))
    return predictions, offsets_ok


def guess_kind(found: dict) -> str:
    """The eval README's rule for a `found` entry without a kind."""
    unit, value = found.get("unit"), found.get("value")
    if unit == "%":
        return "percent"
    if unit:
        return "currency"
    if isinstance(value, str) and re.match(r"^(\d{4}|X{4})(-|$)", value):
        return "date"
    return "number"


# ---------------------------------------------------------------------------------------------
# Equality rules (README rule 3)


def parse_number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def numbers_equal(left: object, right: object) -> bool:
    a, b = parse_number(left), parse_number(right)
    if a is None or b is None:
        return False
    return a == b or abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


def same_text(a: str, b: str) -> bool:
    """Same text ignoring case and extra spaces."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def value_correct(case_kind: str, expected: dict, prediction: Prediction) -> bool:
    alts = expected.get("alts") or []
    if case_kind in STRING_VALUED_KINDS:
        if prediction.value is None:
            return False
        found = str(prediction.value).casefold()
        accepted = [expected.get("value")] + [alt.get("value") for alt in alts]
        return any(v is not None and str(v).casefold() == found for v in accepted)
    if case_kind == "currency":
        if prediction.unit is None:
            return False
        unit = prediction.unit.casefold()
        accepted = [(expected.get("value"), expected.get("unit")), (expected.get("value"), expected.get("unit_name"))]
        accepted += [(alt["value"] if alt.get("value") is not None else expected.get("value"), alt.get("unit")) for alt in alts]
        return any(
            accepted_unit is not None and accepted_unit.casefold() == unit and numbers_equal(accepted_value, prediction.value)
            for accepted_value, accepted_unit in accepted
        )
    if case_kind == "percent" and prediction.unit not in (None, "%"):
        return False
    return numbers_equal(expected.get("value"), prediction.value)


# ---------------------------------------------------------------------------------------------
# Matching (README rule 2) and counting (rules 4-5)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def exact_span(expected: dict, prediction: Prediction) -> bool:
    same_position = (prediction.start, prediction.end) == (expected["start"], expected["end"])
    return same_position or same_text(prediction.text, expected["text"])


def match(case_kind: str, expected: list, predictions: list, allow_overlap: bool, check_values: bool):
    """One-to-one greedy matching: every expected entity (in order) first takes an unused
    prediction with the exact span, then, in a second pass, one whose span overlaps. Among
    several candidates of the same pass a correct one is preferred (then the same position,
    then the larger overlap, then text order), so a wrong duplicate never hides a right one."""
    used = set()
    pairs = {}

    def correct(e, p):
        return value_correct(case_kind, e, p) if check_values else True

    passes = [exact_span] + ([lambda e, p: overlaps(e["start"], e["end"], p.start, p.end)] if allow_overlap else [])
    for accepts in passes:
        for e_index, e in enumerate(expected):
            if e_index in pairs:
                continue
            candidates = [i for i, p in enumerate(predictions) if i not in used and accepts(e, p)]
            if not candidates:
                continue

            def preference(i):
                p = predictions[i]
                overlap = min(e["end"], p.end) - max(e["start"], p.start)
                same_position = (p.start, p.end) == (e["start"], e["end"])
                return (not correct(e, p), not same_position, -overlap, i)

            chosen = min(candidates, key=preference)
            used.add(chosen)
            pairs[e_index] = chosen
    return pairs


def score_case(case: dict, predictions: list, flavour: str) -> CaseResult:
    """Scores one case. `predictions` may hold every kind; only the relevant ones count."""
    kind = case["kind"]
    relevant = [p for p in predictions if p.kind in RELEVANT_KINDS[kind]]
    expected = case.get("expected") or []
    optional = case.get("optional") or []
    check_values = flavour != "detect"
    pairs = match(kind, expected, relevant, allow_overlap=flavour != "strict", check_values=check_values)

    result = CaseResult()
    matched_predictions = set(pairs.values())
    for e_index, e in enumerate(expected):
        if e_index in pairs:
            p = relevant[pairs[e_index]]
            is_correct = value_correct(kind, e, p) if check_values else True
            result.pairs.append((e, p, is_correct))
            if is_correct:
                result.tp += 1
            else:
                result.fn += 1
                result.fp += 1
                result.unmatched_expected.append(e)
                result.false_positives.append(p)
        else:
            result.fn += 1
            result.unmatched_expected.append(e)
    for index, p in enumerate(relevant):
        if index in matched_predictions:
            continue
        if any(overlaps(o["start"], o["end"], p.start, p.end) for o in optional):
            continue
        result.fp += 1
        result.false_positives.append(p)
    return result


def ratios(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1. With nothing predicted precision is 1; with nothing expected
    recall is 1 (nothing was missed); F1 is 0 when both are 0."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
