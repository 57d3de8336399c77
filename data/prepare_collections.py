"""Rebuild the bundled collections in data/collections/ from ../shared/eval/ (run once, offline).

- wikinews-outbreaks.jsonl <- geovirus-dev (CC BY 2.5, Wikinews): id, text, url, and a title
  taken from the Wikinews URL slug.
- isaf-afghanistan.jsonl <- isaf-dev (CC BY-SA 4.0): id, text, and `published` parsed from the
  release's dateline "KABUL, Afghanistan (Jan. 25, 2013)" when present.
Gold annotations are not copied: the dashboard shows what the extractor finds.

Usage: python data/prepare_collections.py
"""

import json
import re
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from components.ingest import normalise_date  # noqa: E402

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"
DATELINE = re.compile(r"\(([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\)")


def main() -> None:
    out_dir = HERE / "collections"
    out_dir.mkdir(exist_ok=True)
    with open(EVAL / "geovirus-dev" / "geovirus-dev.jsonl", encoding="utf-8") as f, open(
        out_dir / "wikinews-outbreaks.jsonl", "w", encoding="utf-8"
    ) as out:
        for line in f:
            o = json.loads(line)
            slug = urllib.parse.unquote(o["source_url"].rsplit("/", 1)[-1]).replace("_", " ")
            rec = {"id": o["id"], "title": slug, "url": o["source_url"], "outlet": "Wikinews", "text": o["text"]}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(EVAL / "isaf-dev" / "isaf-dev.jsonl", encoding="utf-8") as f, open(
        out_dir / "isaf-afghanistan.jsonl", "w", encoding="utf-8"
    ) as out:
        for line in f:
            o = json.loads(line)
            m = DATELINE.search(o["text"])
            rec = {"id": o["id"], "outlet": "ISAF Joint Command", "text": o["text"]}
            if m:
                rec["published"] = normalise_date(m.group(1))
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
