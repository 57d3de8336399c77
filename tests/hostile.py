"""A seeded generator of malformed and odd inputs, interleaved with good articles (issue 9).

:func:`write_corpus` writes files into a folder and returns what it wrote: the good articles (by
file name, with their text) and every other input by name. Kinds: binary noise, empty, whitespace
only, over-long text, mis-encoded bytes, UTF-16 without a byte-order mark, HTML with scripts and
frames and no body, non-English, right-to-left and zero-width characters, control characters, a
1 MB line, giant numbers, broken and deeply nested JSON, bad sidecars (a billion-laughs bomb, an
impossible date, a title that is a mapping, bad YAML), odd file names, symbolic-link loops, JSON
Lines files of blank or no-break-space lines. Everything but the good articles and the 1 MB line
is tiny, so reading and refusing them is fast.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

# Good articles: invented, short, each with a quotation, a place or a toll, so "the same records as
# alone" compares real records.
GOOD = [
    "Ferry service resumes in Split\n\nFerries to the islands resumed on Monday, port officials in Split said. "
    "\"Every route is open again,\" said harbour master Ivo Maric.",
    "Landslide in Assam\n\nA landslide killed four people and injured nine in Assam on Tuesday, police said.",
    "Council backs new tram line\n\nThe city council in Lyon approved a new tram line on Wednesday. "
    "\"It will cut journeys by half,\" said councillor Marie Dubois.",
    "Wildfire near Perth\n\nA wildfire near Perth destroyed twelve homes on Thursday, firefighters said.",
]

BOMB = ("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + "".join(f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, n in zip("abcdefgh", "bcdefghi"))
        + "title: *i\n")

NON_ENGLISH = [
    "Der Stadtrat hat am Montag beschlossen, die neue Straßenbahnlinie zu bauen. Die Bürgermeisterin sagte, "
    "die Arbeiten würden im Frühjahr beginnen und zwei Jahre dauern. Die Opposition kritisierte die Kosten.",
    "Le conseil municipal a approuvé lundi la construction de la nouvelle ligne de tramway. La maire a déclaré "
    "que les travaux commenceraient au printemps et dureraient deux ans. L'opposition a critiqué le coût.",
    "El ayuntamiento aprobó el lunes la construcción de la nueva línea de tranvía. La alcaldesa dijo que las "
    "obras comenzarían en primavera y durarían dos años. La oposición criticó el coste del proyecto.",
    "مجلس المدينة وافق يوم الاثنين على بناء خط الترام الجديد. وقالت رئيسة البلدية إن الأعمال ستبدأ في الربيع "
    "وتستمر عامين. وانتقدت المعارضة التكلفة العالية للمشروع وطالبت بمراجعة الخطة.",
]


def _bad_inputs(rng: random.Random, i: int) -> list[tuple[str, bytes]]:
    """One hostile input (sometimes with its sidecar) of kind ``i % 24``: ``[(file name, bytes)]``."""
    k = i % 24
    n = f"bad{i:04d}"
    if k == 0:
        return [(f"{n}.txt", bytes(rng.randrange(256) for _ in range(rng.randrange(16, 400))))]
    if k == 1:
        return [(f"{n}.txt", b"")]
    if k == 2:
        return [(f"{n}.md", rng.choice([b"   \n\t\n", b"\n\n\n", "\u00a0\u2003\n".encode()]))]
    if k == 3:
        return [(f"{n}.txt", b"Long\n\n" + b"word " * 41_000)]  # over 200,000 characters
    if k == 4:
        return [(f"{n}.txt", "Caf\u00e9 owners in D\u00fcsseldorf protest\n\nThey met.".encode("utf-16-le"))]
    if k == 5:
        return [(f"{n}.html", b"<html><head><script>alert(1)</script></head><frameset><frame src='x'></frameset></html>")]
    if k == 6:
        return [(f"{n}.txt", bytes([rng.randrange(1, 9)]) * rng.randrange(40, 200))]  # control characters
    if k == 7:
        return [(f"{n}.jsonl", ('{"text": "Talks", "id": ' + "9" * rng.randrange(50, 6000) + "}\n").encode())]
    if k == 8:
        d = rng.randrange(40, 100_000)
        return [(f"{n}.jsonl", ('{"text": "Talks", "x": ' + "[" * d + "]" * d + "}\n").encode())]
    if k == 9:
        return [(f"{n}.jsonl", rng.choice([b'{"text": "Talks"', b"[1, 2]\n", b'{"title": "no text"}\n', b"{,}\n"]))]
    if k == 10:
        return [(f"{n}.txt", b"Bomb\n\nA text."), (f"{n}.meta.yaml", BOMB.encode())]
    if k == 11:
        return [(f"{n}.txt", b"Mapping\n\nA text."), (f"{n}.meta.yaml", b"title: {a: 1}\n")]
    if k == 12:
        return [(f"{n}.txt", b"Yaml\n\nA text."), (f"{n}.meta.yaml", b"title: [unclosed\n")]
    if k == 13:
        return [(f"{n}.jsonl", "\u00a0\u00a0\n\u00a0\n".encode())]
    if k == 14:
        return [(f"{n}.txt", b"A" * 1_000_001)] if i < 48 else [(f"{n}.txt", b"\xff\xfe\x00")]  # two 1 MB lines
    if k == 15:
        return [(f"{n}.htm", b"<html><body><script>document.write('x')</script></body></html>")]
    if k == 16:
        return [(f"{n}.jsonl", json.dumps({"text": "Talks", "title": {"nested": [1, 2]}}).encode() + b"\n")]
    if k == 17:
        return [(f"{n}.txt", b"\x00\x01\x02\x03" * rng.randrange(2, 50))]
    if k == 18:
        return [(f"{n}.jsonl", json.dumps({"text": "Talks", "id": ["a"]}).encode() + b"\n")]
    if k == 19:
        return [(f"{n}.txt", rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff\x00"]) + b"\x00\xd8" * 9)]
    if k == 20:
        return [(f"{n}.jsonl", b"\x00" * rng.randrange(1, 64))]
    if k == 21:
        return [(f"{n}.txt", b"\t \r\n" * rng.randrange(1, 9))]
    if k == 22:
        return [(f"{n}.md", bytes(rng.randrange(128, 256) for _ in range(rng.randrange(64, 300))))]
    return [(f"{n}.jsonl", b"\n".join(b"not json %d" % j for j in range(rng.randrange(1, 4))))]


def _odd_inputs(rng: random.Random, i: int) -> list[tuple[str, bytes]]:
    """An odd but readable article (stored, perhaps with a warning): kind ``i % 5``."""
    k = i % 5
    n = f"odd{i:03d}"
    if k == 0:
        return [(f"{n}.txt", NON_ENGLISH[i // 5 % len(NON_ENGLISH)].encode())]
    if k == 1:
        return [(f"{n}.txt", "Talks\u200b in\u200d Oslo\u2060\n\nMinisters\u200b met in Oslo.".encode())]
    if k == 2:
        return [(f"{n}.txt", "Caf\u00e9 reopens in Nice\n\nThe caf\u00e9 reopened.".encode("cp1252"))]
    if k == 3:
        return [(f"{n} ü $x;`name`.txt", b"Odd name\n\nThe mayor of Bergen spoke.")]
    return [(f"{n}.txt", b"Gift\n\nA man gave 5000000000000000000000000 coins, the mayor of Hull said."),
            (f"{n}.meta.yaml", b"published: 2024-02-31\n")]


def write_corpus(folder: Path, n_bad: int = 1000, n_odd: int = 20, seed: int = 9) -> dict:
    """Write ``n_bad`` hostile inputs, ``n_odd`` odd readable ones and the :data:`GOOD` articles into ``folder``.

    Returns:
        dict: ``good`` (file name -> text), ``bad`` (file names of hostile inputs, sidecars excluded,
        symbolic links included), ``odd`` (file names).
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    items: list[tuple[str, list[tuple[str, bytes]]]] = []
    items += [("bad", _bad_inputs(rng, i)) for i in range(n_bad)]
    items += [("odd", _odd_inputs(rng, i)) for i in range(n_odd)]
    items += [("good", [(f"good{j}.txt", t.encode())]) for j, t in enumerate(GOOD)]
    rng.shuffle(items)
    out: dict = {"good": {}, "bad": [], "odd": []}
    for kind, files in items:
        for name, data in files:
            (folder / name).write_bytes(data)
        first = files[0][0]
        if kind == "good":
            out["good"][first] = files[0][1].decode()
        else:
            out[kind].append(first)
    for j in range(3):  # symbolic-link loops: one to itself, two pointing at each other
        a, b = folder / f"loop{j}a.txt", folder / f"loop{j}b.txt"
        os.symlink(a.name, a)
        os.symlink(a.name, b)
        out["bad"] += [a.name, b.name]
    return out
