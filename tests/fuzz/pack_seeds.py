#!/usr/bin/env python3
"""Seeds for the add_pack fuzz target, written by tests/fuzz/run.sh.

    pack_seeds.py OUT_DIR PACK.json...

A pack up to 64 KB is a seed as it is. A larger one (the national pack is
about 480 KB, and mutating and loading that much per run leaves a few runs a
second) becomes several small packs that still load: its header (id, region,
names, version, effective dates) and parameters with one section each, the
sections that are maps split one entry per seed (each decision table, each
business), and the GB/T 2260 division list cut to one
province's codes. Written compact: only the structure matters here.
"""
import json
import os
import sys

SMALL = 64 * 1024
HEADER = ("id", "region", "region_name", "version", "effective")
SPLIT_BY_ENTRY = ("decision_tables", "businesses")


def write(out_dir, name, pack):
    with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
        json.dump(pack, f, ensure_ascii=False, separators=(",", ":"))


def main():
    out_dir, files = sys.argv[1], sys.argv[2:]
    for path in files:
        stem = "pack-" + os.path.splitext(os.path.basename(path))[0]
        with open(path, "rb") as f:
            raw = f.read()
        if len(raw) <= SMALL:
            with open(os.path.join(out_dir, stem + ".json"), "wb") as f:
                f.write(raw)
            continue
        pack = json.loads(raw)
        base = {k: pack[k] for k in HEADER if k in pack}
        if "parameters" in pack:
            base["parameters"] = pack["parameters"]
        write(out_dir, stem + "-header.json", base)
        for section, value in pack.items():
            if section in HEADER or section in ("parameters", "$schema"):
                continue
            if section in SPLIT_BY_ENTRY and isinstance(value, dict):
                for i, (key, entry) in enumerate(value.items()):
                    write(out_dir, f"{stem}-{section}-{i:03d}.json", {**base, section: {key: entry}})
            elif section == "divisions" and isinstance(value, dict):
                cut = {k: ([row for row in v if str(row[0]).startswith(("33", "11"))]
                           if isinstance(v, list) else v) for k, v in value.items()}
                write(out_dir, f"{stem}-{section}.json", {**base, section: cut})
            else:
                write(out_dir, f"{stem}-{section}.json", {**base, section: value})


if __name__ == "__main__":
    main()
