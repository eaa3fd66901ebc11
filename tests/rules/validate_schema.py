#!/usr/bin/python3
"""Every rule pack in rules/ (and the frozen test packs) validates against
rules/schema/rulepack.schema.json, so the schema rule authors' editors use
never drifts from what the loader accepts. Usage: validate_schema.py SRC"""
import glob
import json
import sys

import jsonschema

src = sys.argv[1]
with open(f"{src}/rules/schema/rulepack.schema.json", encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
files = sorted(glob.glob(f"{src}/rules/*/*.json") + glob.glob(f"{src}/tests/packs/*.json"))
for path in files:
    if "/schema/" in path:
        continue
    with open(path, encoding="utf-8") as f:
        pack = json.load(f)
    for error in validator.iter_errors(pack):
        failed += 1
        where = "/" + "/".join(str(p) for p in error.absolute_path)
        print(f"FAIL {path} {where}: {error.message[:300]}")
# The schema must still catch mistakes: a bad hit policy, an unknown cell test.
def mutated(change):
    with open(f"{src}/rules/national/cn-national-2024.json", encoding="utf-8") as f:
        pack = json.load(f)
    change(next(iter(pack["decision_tables"].values())))
    return pack


for name, change in (("a bad hit policy", lambda t: t.update(hit_policy="SOMETIMES")),
                     ("an unknown cell test", lambda t: t["rows"][0].update(when={"x": {"~": 1}}))):
    if validator.is_valid(mutated(change)):
        print(f"FAIL the schema accepts {name}")
        failed += 1
if failed:
    sys.exit(1)
print(f"schema: {len(files) - sum('/schema/' in p for p in files)} packs valid")
