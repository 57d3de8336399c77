"""Rebuild the bundled collections in data/collections/ from ../shared/eval/ (run once, offline).

- wikinews-outbreaks.jsonl <- geovirus-dev (CC BY 2.5, Wikinews): id, text, url, and a title
  taken from the Wikinews URL slug.
- isaf-afghanistan.jsonl <- isaf-dev (CC BY-SA 4.0): id and text (the reader takes the published
  date from the release's dateline "KABUL, Afghanistan (Jan. 25, 2013)").
Gold annotations are not copied: the dashboard shows what the extractor finds.

Usage: python data/prepare_collections.py
"""

import json
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"


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
            rec = {"id": o["id"], "outlet": "ISAF Joint Command", "text": o["text"]}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
