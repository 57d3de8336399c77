"""Compare number-word libraries on invented count phrases: share read right and time per phrase.

Run: ``.venv/bin/python bench/bench_numbers.py``. Libraries not installed are listed as missing
(only numerizer, the winner, is pinned in requirements.txt; install ``text2num==3.1.0`` and
``number-parser==0.3.2`` to repeat the comparison). Measured 2026-12-06 on the 2-core machine:

| library | right (of 20) | µs per phrase |
|---|---:|---:|
| numerizer 0.2.4 | 17 | 260 |
| text2num 3.1.0 (alpha2digit) | 12 | 2 |
| number-parser 0.3.2 | 12 | 2060 |
| components.text.numbers (numerizer + dozen/score) | 20 | 230 |

None of the libraries reads "dozen" as a multiplier; "hundreds" is a vague quantity (a minimum,
``VAGUE_COUNTS``), not a number, so None is right for it.
"""

from __future__ import annotations

import time

CASES = [
    ("seventy-five", 75), ("two hundred and six", 206), ("1.2 million", 1_200_000), ("a dozen", 12),
    ("twenty five", 25), ("three", 3), ("one thousand two hundred", 1200), ("5 billion", 5_000_000_000),
    ("1,032", 1032), ("eleven", 11), ("a hundred", 100), ("two dozen", 24), ("half a dozen", 6),
    ("forty-one", 41), ("thousand", 1000), ("nineteen", 19), ("3.5 million", 3_500_000), ("hundreds", None),
    ("ninety-nine", 99), ("two million", 2_000_000),
]


def _as_int(text):
    try:
        return int(float(str(text).replace(",", "")))
    except (TypeError, ValueError):
        return None


def readers() -> dict:
    """name -> function(str) -> int | None, for each library that is installed."""
    out = {}
    try:
        from numerizer import numerize
        out["numerizer"] = lambda s: _as_int(numerize(s))
    except ImportError:
        print("numerizer: missing")
    try:
        from text_to_num import alpha2digit
        out["text2num"] = lambda s: _as_int(alpha2digit(s, "en"))
    except ImportError:
        print("text2num: missing")
    try:
        from number_parser import parse_number
        out["number-parser"] = parse_number
    except ImportError:
        print("number-parser: missing")
    from components.text.numbers import number_value
    out["components.text.numbers"] = number_value
    return out


def main() -> None:
    print("| library | right | µs per phrase | wrong |")
    print("|---|---:|---:|---|")
    for name, read in readers().items():
        t = time.perf_counter()
        got = [read(s) for s, _ in CASES * 5][: len(CASES)]
        us = (time.perf_counter() - t) / (5 * len(CASES)) * 1e6
        wrong = [s for (s, want), g in zip(CASES, got) if g != want]
        print(f"| {name} | {len(CASES) - len(wrong)}/{len(CASES)} | {us:.0f} | {', '.join(wrong)} |")


if __name__ == "__main__":
    main()
