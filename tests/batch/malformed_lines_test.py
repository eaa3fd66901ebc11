"""Malformed readings in `powerdesk bill-run`, JSONL and CSV: each broken line
is rejected with its documented code and pointer (docs/batch-billing.md,
docs/api.md), nothing is billed for it, the good lines around it are billed
exactly, and read = billed + rejected.

The good lines are customer ZJ-0002 of docs/examples/bill-run (Zhejiang,
residential, no carry-in, so first tier: 0.538 CNY/kWh for annual use up to
2760 kWh, 浙江省物价局《关于完善居民生活用电阶梯电价政策有关事项的通知》
as cited in rules/zhejiang/zhejiang-2025.json): 200 kWh × 0.538 = 107.60 CNY.

Usage: malformed_lines_test.py (POWERDESK, SRC from the environment)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

POWERDESK = os.environ["POWERDESK"]
SRC = os.environ["SRC"]
DATES = b'"start":"2025-03-01","end":"2025-03-31"'
GOOD_JSONL = b'{"customer":"ZJ-0002",' + DATES + b',"kwh":"200"}'


def reading(kwh_raw):
    return b'{"customer":"ZJ-0002",' + DATES + b',"kwh":' + kwh_raw + b"}"


# (line, code, path) — the line numbers are those of the file, from 1.
JSONL = [
    (GOOD_JSONL, None, None),
    (GOOD_JSONL[:30], "PD_JSON_MALFORMED", "/start"),                        # truncated
    (reading(b'"2\xff00"'), "PD_JSON_MALFORMED", "/kwh"),                     # invalid UTF-8
    (b'{"customer":"' + "张三".encode("gbk") + b'",' + DATES + b',"kwh":"1"}',
     "PD_JSON_MALFORMED", "/customer"),                                      # GBK text
    ('{"customer":"ZJ-0002","kwh":"1"}'.encode("utf-16-le"), "PD_JSON_MALFORMED", ""),  # UTF-16
    (reading(b"[" * 100 + b"]" * 100), "PD_JSON_MALFORMED", "/kwh" + "/0" * 63),  # nesting
    (reading(b"1e400"), "PD_NUMBER_OUT_OF_RANGE", "/kwh"),                    # beyond double
    (reading(b"100000000000000000000"), "PD_NUMBER_OUT_OF_RANGE", "/kwh"),    # beyond 64 bits
    (reading(b'"1e30"'), "PD_NUMBER_OUT_OF_RANGE", "/kwh"),                   # absurdly large
    (reading(b"true"), "PD_FIELD_TYPE", "/kwh"),                              # wrong type
    (reading(b'"2OO"'), "PD_NUMBER_INVALID", "/kwh"),
    (b'{"customer":"ZJ-0002","customer":"ZJ-0003",' + DATES + b',"kwh":"1"}', "PD_DUPLICATE_KEY", "/customer"),
    (b"[]", "PD_FIELD_TYPE", ""),
    (b'"ZJ-0002"', "PD_FIELD_TYPE", ""),
    (b'{"customer":"ZJ-0002",' + DATES + b',"kwh":"1","kwhh":"2"}', "PD_FIELD_UNKNOWN", "/kwhh"),
    (b'{"customer":"ZJ-0002","start":"2025-02-30","end":"2025-03-31","kwh":"1"}', "PD_DATE_INVALID", "/start"),
    (b'{"customer":"ZJ-0002","start":"2025-03-01","end":"2025-03-31"}', "PD_USAGE_MISSING", "/kwh"),
    (b'{"customer":"ZJ-9999",' + DATES + b',"kwh":"1"}', "PD_CUSTOMER_UNKNOWN", "/customer"),
    (GOOD_JSONL, None, None),
]

CSV_HEADER = b"customer,start,end,kwh"
GOOD_CSV = b"ZJ-0002,2025-03-01,2025-03-31,200"
CSV = [
    (GOOD_CSV, None, None),
    (b'"ZJ-0002,2025-03-01,2025-03-31,200', "PD_CSV_MALFORMED", ""),           # quote never closed
    (GOOD_CSV + b",5", "PD_CSV_MALFORMED", ""),                               # one field too many
    (b"ZJ-0002,2025-03-01,2025-03-31", "PD_CSV_MALFORMED", ""),               # one too few
    (b"ZJ-0002,2025-03-01,2025-03-31,2\xff0", "PD_NUMBER_INVALID", "/kwh"),   # invalid UTF-8
    ("张三".encode("gbk") + b",2025-03-01,2025-03-31,1", "PD_CUSTOMER_ID_INVALID", "/customer"),  # GBK
    (b"ZJ-0002,2025-03-01,2025-03-31,1e400", "PD_NUMBER_OUT_OF_RANGE", "/kwh"),
    (b"ZJ-0002,2025-03-01,2025-03-31,100000000000000000000", "PD_NUMBER_OUT_OF_RANGE", "/kwh"),
    (b"ZJ-0002,2025-03-01,2025-03-31,-5", "PD_NUMBER_OUT_OF_RANGE", "/kwh"),
    (b"ZJ-0002,2025-03-01,2025-03-31,1.0001", "PD_NUMBER_TOO_PRECISE", "/kwh"),
    (b"ZJ-0002,2025-13-01,2025-03-31,1", "PD_DATE_INVALID", "/start"),
    (GOOD_CSV, None, None),
]


def run(work, name, header, cases):
    readings = os.path.join(work, name)
    with open(readings, "wb") as f:
        f.write(b"".join(line + b"\n" for line in ([header] if header else []) + [c[0] for c in cases]))
    out = os.path.join(work, name + ".bills.jsonl")
    subprocess.run([POWERDESK, "bill-run", "--readings", readings,
                    "--customers", os.path.join(SRC, "docs/examples/bill-run/customers.csv"), "-o", out],
                   check=True, capture_output=True)
    with open(out, encoding="utf-8") as f:
        bills = [json.loads(line) for line in f]
    with open(out + ".rejects.jsonl", encoding="utf-8") as f:
        rejects = [json.loads(line) for line in f if '"source":"readings"' in line]
    with open(out + ".summary.json", encoding="utf-8") as f:
        summary = json.load(f)

    failures = []
    first = 2 if header else 1
    want = [(first + i, code, path) for i, (_, code, path) in enumerate(cases) if code]
    got = [(r["line"], r["errors"][0]["code"], r["errors"][0]["path"]) for r in rejects]
    for w, g in zip(want, got):
        if w != g:
            failures.append(f"{name}: line {w[0]}: want {w[1]} at '{w[2]}', got {g}")
    if len(want) != len(got):
        failures.append(f"{name}: {len(want)} rejects expected, {len(got)} written")
    for r in rejects:
        for e in r["errors"]:
            if not (e["message"]["zh"] and e["message"]["en"]):
                failures.append(f"{name}: line {r['line']}: a message is missing a language")
    good = sum(1 for c in cases if not c[1])
    if [b["total"] for b in bills] != ["107.60"] * good:
        failures.append(f"{name}: bills {[b.get('total') for b in bills]}, want {good} × 107.60")
    r = summary["readings"]
    if (r["read"], r["billed"], r["rejected"]) != (len(cases), good, len(cases) - good):
        failures.append(f"{name}: summary {r}")
    return failures


def main():
    work = tempfile.mkdtemp(prefix="powerdesk-malformed-lines-")
    try:
        failures = run(work, "readings.jsonl", None, JSONL) + run(work, "readings.csv", CSV_HEADER, CSV)
        print(f"{len(JSONL)} JSONL and {len(CSV)} CSV readings checked")
        for f in failures:
            print("FAIL", f)
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
