#!/usr/bin/env python3
"""The site's real offers as a search corpus, for the benchmark's quality table.

    content-corpus.py CONTENT_DIR OUT.json

Reads content/site.yml and content/angebote/**/*.md and writes the published
offers (not drafts, not inactive) as SearchDocuments, as the generator hands
them to the index builder: body as plain text, of the places only name,
district and city.
"""
import glob
import json
import os
import re
import sys

import yaml


def plain(markdown):
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"^\s{0,3}(#{1,6}|[-*+]|\d+\.|>)\s*", "", text, flags=re.M)
    text = re.sub(r"[*_`]+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def main():
    content, out = sys.argv[1], sys.argv[2]
    site = yaml.safe_load(open(os.path.join(content, "site.yml"), encoding="utf-8-sig"))
    towns = {m["id"]: m for m in site["municipalities"]}
    documents = []
    for path in sorted(glob.glob(os.path.join(content, "angebote", "**", "*.md"), recursive=True)):
        text = open(path, encoding="utf-8-sig").read().replace("\r\n", "\n")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        if meta.get("draft") or meta.get("status") == "inactive":
            continue
        ids = meta["municipalities"]
        county = any(towns[i].get("county_wide") for i in ids)
        place = "Kreis Unna (kreisweit)" if county else ", ".join(towns[i]["name"] for i in ids)
        documents.append({
            "url": f"/angebote/{os.path.splitext(os.path.basename(path))[0].lower()}/",
            "title": meta["title"], "summary": meta["summary"], "topics": meta.get("topics") or [],
            "body": plain(body), "place": place,
            "locations": [", ".join(str(loc[k]).strip() for k in ("name", "district", "city") if loc.get(k))
                          for loc in meta.get("locations") or []], "municipalities": ids, "countyWide": county,
            "lifePhases": meta["life_phases"], "areas": meta["areas"], "free": bool(meta.get("free")),
            "languages": meta.get("languages") or [], "accessible": meta.get("accessible"),
        })
    vocabularies = {
        "towns": [{"id": m["id"], "name": m["name"]} for m in site["municipalities"] if not m.get("county_wide")],
        "lifePhases": [{"id": p["id"], "name": p["name"]} for p in site["life_phases"]],
        "areas": [{"id": a["id"], "name": a["name"]} for a in site["areas"]],
    }
    json.dump({"vocabularies": vocabularies, "documents": documents}, open(out, "w", encoding="utf-8"),
              ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
