#!/usr/bin/env python3
"""The catalogue of malformed inputs: for every operation, requests that are
truncated, of the wrong type, with huge numbers, nested too deep, not valid
UTF-8 or in another encoding, each with the error code and JSON pointer the
API documents (docs/api.md, "Error codes").

Each case starts from a valid golden request of its operation and breaks it in
one way. This script writes catalogue.json, which the tests read:
  - tests/unit/malformed_catalogue_test.cpp: the facade (native, ASan, WASM);
  - tests/server/malformed_test.py: every HTTP route, and that nothing is stored;
  - tests/batch/malformed_lines_test.sh: readings lines in bill-run.

  tests/malformed/catalogue.py          rewrite catalogue.json
  tests/malformed/catalogue.py --check  fail if catalogue.json is out of date

A body is stored as "body" (text) or, when it is not valid UTF-8, "body_hex".
`answer` "report": the issue is in validate's result, not an error envelope.
`http`, `http_path`: the server's status and pointer when they differ from the
facade's (422 and `path`).
"""
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "golden")
PLACEHOLDER = "\u0001RAW\u0001"

# Each operation: the golden request it starts from, the packs it runs on
# (frozen test packs or the bundled rules) and its HTTP route.
OPERATIONS = {
    "bill": ("bill/res-zj-shared-meter", "frozen", "/api/v1/bill"),
    "late-fee": ("late-fee/residential-20-days", "frozen", "/api/v1/late-fee"),
    "tier": ("tier/two-star-66kv-new-customer", "rules", "/api/v1/tier"),
    "eligibility": ("eligibility/new-hv-800kva", "rules", "/api/v1/eligibility"),
    "process": ("process/lv-residential-spring-festival", "rules", "/api/v1/process"),
    "validate": ("validate/ok-address-without-province-full-width", "rules", "/api/v1/validate"),
    "dedupe": ("dedupe/docs-example", "rules", "/api/v1/dedupe"),
    "match": ("match/docs-example", "rules", "/api/v1/match"),
    "quote": ("quote/estimate-zj-year", "rules", "/api/v1/quote"),
    "compare": ("compare/bj-single-vs-two-part", "rules", "/api/v1/compare"),
}


def dump(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def pointer_parts(pointer):
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def walk(doc, pointer):
    *parents, last = pointer_parts(pointer)
    for p in parents:
        doc = doc[int(p)] if isinstance(doc, list) else doc[p]
    return doc, (int(last) if isinstance(doc, list) else last)


def with_value(base, pointer, value):
    doc = copy.deepcopy(base)
    parent, key = walk(doc, pointer)
    parent[key] = value
    return doc


# ---- the ways of breaking a request: each returns the body's bytes ---------------

def text(s):
    return lambda base: s.encode("utf-8")


def raw(b):
    return lambda base: b


def cut_after(fragment):
    """The compact request cut right after `fragment` (truncated in transit)."""
    def make(base):
        body = dump(base)
        at = body.index(fragment.encode("utf-8"))
        return body[: at + len(fragment.encode("utf-8"))]
    return make


def cut_inside(pointer):
    """The request cut one character into the string at `pointer`."""
    def make(base):
        body = dump(with_value(base, pointer, "x" + PLACEHOLDER))
        return body[: body.index(dump("x" + PLACEHOLDER)) + 2]
    return make


def gbk_whole_body(base):
    """The whole request in GBK, as a client on a Chinese Windows code page sends it."""
    return json.dumps(base, ensure_ascii=False, separators=(",", ":")).encode("gbk")


def append(tail):
    return lambda base: dump(base) + tail


def set_value(pointer, value):
    return lambda base: dump(with_value(base, pointer, value))


def set_raw(pointer, raw_bytes):
    """The value at `pointer` replaced by bytes no JSON encoder would write."""
    def make(base):
        body = dump(with_value(base, pointer, PLACEHOLDER))
        return body.replace(dump(PLACEHOLDER), raw_bytes)
    return make


def remove(pointer):
    def make(base):
        doc = copy.deepcopy(base)
        parent, key = walk(doc, pointer)
        del parent[key]
        return dump(doc)
    return make


def repeat_first_key():
    """The first member written twice: {"k":v,"k":v,...}."""
    def make(base):
        key, value = next(iter(base.items()))
        return b"{" + dump(key) + b":" + dump(value) + b"," + dump(base)[1:]
    return make


def encoded(codec, bom):
    return lambda base: bom + json.dumps(base, ensure_ascii=False).encode(codec)


# Options of a case: the server refuses too-deep bodies itself, before any
# parser (400 at the root); validate reports a form's field problems in its
# result (ok, "valid": false, the issue among result.issues), not as errors.
REFUSED_BY_SERVER = {"http": 400, "http_path": ""}
REPORTED = {"answer": "report"}

DEEP = b"[" * 100 + b"]" * 100
GBK_ZHANG_SAN = b'"' + "张三".encode("gbk") + b'"'  # what a GBK client sends for 张三
LATIN1_CAFE = b'"caf\xe9"'                         # ISO-8859-1 é


def generic(op, first_key, text_field):
    """The cases every operation gets: the JSON text itself is broken, so the
    answer is the same whatever the operation (docs/api.md: PD_JSON_MALFORMED,
    PD_DUPLICATE_KEY, PD_FIELD_TYPE at the root)."""
    first = "/" + first_key
    return [
        ("empty-body", text(""), "PD_JSON_MALFORMED", "", None),
        ("only-white-space", text(" \n\t"), "PD_JSON_MALFORMED", "", None),
        ("truncated-after-first-key", cut_after('{"%s":' % first_key), "PD_JSON_MALFORMED", first, None),
        ("truncated-inside-a-string", cut_inside(text_field), "PD_JSON_MALFORMED", text_field, None),
        ("truncated-last-byte", lambda base: dump(base)[:-1], "PD_JSON_MALFORMED", "", None),
        ("trailing-garbage", append(b" x"), "PD_JSON_MALFORMED", "", None),
        ("two-documents", append(b"{}"), "PD_JSON_MALFORMED", "", None),
        ("single-quotes", text("{'%s':'x'}" % first_key), "PD_JSON_MALFORMED", "", None),
        ("trailing-comma", lambda base: dump(base)[:-1] + b",}", "PD_JSON_MALFORMED", "", None),
        ("comment", lambda base: b"/* x */" + dump(base), "PD_JSON_MALFORMED", "", None),
        ("root-array", text("[]"), "PD_FIELD_TYPE", "", None),
        ("root-string", text('"%s"' % op), "PD_FIELD_TYPE", "", None),
        ("root-number", text("42"), "PD_FIELD_TYPE", "", None),
        ("root-null", text("null"), "PD_FIELD_TYPE", "", None),
        ("duplicate-key", repeat_first_key(), "PD_DUPLICATE_KEY", first, None),
        # 100 nested arrays: the core stops at 64 levels (the root object is
        # the first), where 63 arrays are open; the server refuses the body
        # before parsing (400, at the root).
        ("nesting-100-deep", set_raw(first, DEEP), "PD_JSON_MALFORMED", first + "/0" * 63, REFUSED_BY_SERVER),
        ("nesting-just-too-deep", set_raw(first, b"[" * 64 + b"]" * 64), "PD_JSON_MALFORMED",
         first + "/0" * 63, REFUSED_BY_SERVER),
        ("invalid-utf8-byte", set_raw(text_field, b'"ab\xffcd"'), "PD_JSON_MALFORMED", text_field, None),
        ("invalid-utf8-truncated-sequence", set_raw(text_field, b'"\xe5\xbc"'), "PD_JSON_MALFORMED",
         text_field, None),
        ("invalid-utf8-overlong", set_raw(text_field, b'"\xc0\xaf"'), "PD_JSON_MALFORMED", text_field, None),
        ("invalid-utf8-encoded-surrogate", set_raw(text_field, b'"\xed\xa0\x80"'), "PD_JSON_MALFORMED",
         text_field, None),
        ("lone-surrogate-escape", set_raw(text_field, b'"\\ud800"'), "PD_JSON_MALFORMED", text_field, None),
        ("raw-nul-in-string", set_raw(text_field, b'"a\x00b"'), "PD_JSON_MALFORMED", text_field, None),
        ("gbk-text", set_raw(text_field, GBK_ZHANG_SAN), "PD_JSON_MALFORMED", text_field, None),
        ("latin1-text", set_raw(text_field, LATIN1_CAFE), "PD_JSON_MALFORMED", text_field, None),
        ("utf16le-with-bom", encoded("utf-16-le", b"\xff\xfe"), "PD_JSON_MALFORMED", "", None),
        ("utf16be-with-bom", encoded("utf-16-be", b"\xfe\xff"), "PD_JSON_MALFORMED", "", None),
        ("utf16le-without-bom", encoded("utf-16-le", b""), "PD_JSON_MALFORMED", "", None),
    ]


# ---- each operation's own fields: wrong types, huge numbers, missing, unknown ------
# (name, how, code, path, options). Paths are those the facade reads.
SPECIFIC = {
    "bill": ("region", "/tariff", [
        ("region-number", set_value("/region", 330000), "PD_FIELD_TYPE", "/region", None),
        ("period-string", set_value("/period", "2025-03"), "PD_FIELD_TYPE", "/period", None),
        ("usage-array", set_value("/usage", ["300"]), "PD_FIELD_TYPE", "/usage", None),
        ("shared-meter-string", set_value("/residential/shared_meter", "true"), "PD_FIELD_TYPE",
         "/residential/shared_meter", None),
        ("kwh-not-a-number", set_value("/usage/kwh", "3OO"), "PD_NUMBER_INVALID", "/usage/kwh", None),
        ("kwh-huge-decimal", set_value("/usage/kwh", "1e30"), "PD_NUMBER_OUT_OF_RANGE", "/usage/kwh", None),
        ("kwh-beyond-double", set_raw("/usage/kwh", b"1e400"), "PD_NUMBER_OUT_OF_RANGE", "/usage/kwh", None),
        ("kwh-30-digit-integer", set_raw("/usage/kwh", b"123456789012345678901234567890"),
         "PD_NUMBER_OUT_OF_RANGE", "/usage/kwh", None),
        ("kwh-negative", set_value("/usage/kwh", "-1"), "PD_NUMBER_OUT_OF_RANGE", "/usage/kwh", None),
        ("kwh-too-precise", set_value("/usage/kwh", "1.0001"), "PD_NUMBER_TOO_PRECISE", "/usage/kwh", None),
        ("date-not-real", set_value("/period/start", "2025-02-30"), "PD_DATE_INVALID", "/period/start", None),
        ("region-missing", remove("/region"), "PD_FIELD_MISSING", "/region", None),
        ("field-misspelt", lambda base: dump({**base, "usgae": base["usage"]}), "PD_FIELD_UNKNOWN", "/usgae",
         None),
    ]),
    "late-fee": ("region", "/customer_class", [
        ("arrears-object", set_value("/arrears", {}), "PD_FIELD_TYPE", "/arrears", None),
        ("amount-bool", set_value("/arrears/0/amount", True), "PD_FIELD_TYPE", "/arrears/0/amount", None),
        ("amount-huge", set_value("/arrears/0/amount", "1e30"), "PD_NUMBER_OUT_OF_RANGE", "/arrears/0/amount",
         None),
        ("amount-beyond-double", set_raw("/arrears/0/amount", b"-1e400"), "PD_NUMBER_OUT_OF_RANGE",
         "/arrears/0/amount", None),
        ("amount-fen-fraction", set_value("/arrears/0/amount", "1.001"), "PD_NUMBER_TOO_PRECISE",
         "/arrears/0/amount", None),
        ("paid-date-missing", remove("/paid_date"), "PD_FIELD_MISSING", "/paid_date", None),
        ("customer-class-unknown", set_value("/customer_class", "Residential"), "PD_ENUM_INVALID",
         "/customer_class", None),
    ]),
    "tier": ("region", "/customer/special_category", [
        ("customer-string", set_value("/customer", "big"), "PD_FIELD_TYPE", "/customer", None),
        ("annual-kwh-huge", set_value("/customer/annual_kwh", "1e30"), "PD_NUMBER_OUT_OF_RANGE",
         "/customer/annual_kwh", None),
        ("annual-kwh-beyond-double", set_raw("/customer/annual_kwh", b"1e400"), "PD_NUMBER_OUT_OF_RANGE",
         "/customer/annual_kwh", None),
        ("existing-customer-number", set_value("/customer/existing_customer", 0), "PD_FIELD_TYPE",
         "/customer/existing_customer", None),
        ("date-not-real", set_value("/date", "2025-13-01"), "PD_DATE_INVALID", "/date", None),
        ("customer-missing", remove("/customer"), "PD_FIELD_MISSING", "/customer", None),
    ]),
    "eligibility": ("region", "/business", [
        ("request-array", set_value("/request", []), "PD_FIELD_TYPE", "/request", None),
        ("capacity-huge", set_raw("/request/capacity_kva", b"1e30"), "PD_NUMBER_OUT_OF_RANGE",
         "/request/capacity_kva", None),
        ("capacity-beyond-double", set_raw("/request/capacity_kva", b"1e400"), "PD_NUMBER_OUT_OF_RANGE",
         "/request/capacity_kva", None),
        ("industrial-string", set_value("/customer/industrial", "yes"), "PD_FIELD_TYPE",
         "/customer/industrial", None),
        ("business-missing", remove("/business"), "PD_FIELD_MISSING", "/business", None),
    ]),
    "process": ("region", "/business", [
        ("accepted-number", set_value("/accepted", 20250124), "PD_FIELD_TYPE", "/accepted", None),
        ("accepted-not-real", set_value("/accepted", "2025-01-32"), "PD_DATE_INVALID", "/accepted", None),
        ("business-missing", remove("/business"), "PD_FIELD_MISSING", "/business", None),
    ]),
    "validate": ("region", "/applicant/name", [
        ("applicant-string", set_value("/applicant", "张三"), "PD_FIELD_TYPE", "/applicant", REPORTED),
        ("documents-object", set_value("/documents", {}), "PD_FIELD_TYPE", "/documents", REPORTED),
        ("capacity-huge", set_raw("/request/capacity_kva", b"1e30"), "PD_NUMBER_OUT_OF_RANGE",
         "/request/capacity_kva", REPORTED),
        ("capacity-beyond-double", set_raw("/request/capacity_kva", b"1e400"), "PD_NUMBER_OUT_OF_RANGE",
         "/request/capacity_kva", None),
        ("phone-number-not-string", set_value("/contact/phone", 13812345678), "PD_FIELD_TYPE",
         "/contact/phone", REPORTED),
        ("gbk-whole-body", gbk_whole_body, "PD_JSON_MALFORMED", "/applicant/name", None),
        ("business-missing", remove("/business"), "PD_FIELD_MISSING", "/business", REPORTED),
    ]),
    "dedupe": ("records", "/records/0/name", [
        ("records-object", set_value("/records", {}), "PD_FIELD_TYPE", "/records", None),
        ("phone-number-not-string", set_value("/records/0/phone", 13812345678), "PD_FIELD_TYPE",
         "/records/0/phone", None),
        ("threshold-huge", set_raw("/threshold", b"100000000000000000000"), "PD_NUMBER_OUT_OF_RANGE",
         "/threshold", None),
        ("threshold-beyond-double", set_raw("/threshold", b"1e400"), "PD_NUMBER_OUT_OF_RANGE", "/threshold",
         None),
        ("records-missing", remove("/records"), "PD_FIELD_MISSING", "/records", None),
        ("gbk-whole-body", gbk_whole_body, "PD_JSON_MALFORMED", "/records/0/name", None),
    ]),
    "match": ("record", "/record/name", [
        ("candidates-string", set_value("/candidates", "A1"), "PD_FIELD_TYPE", "/candidates", None),
        ("limit-huge", set_raw("/limit", b"100000000000000000000"), "PD_NUMBER_OUT_OF_RANGE", "/limit", None),
        ("limit-beyond-double", set_raw("/limit", b"1e400"), "PD_NUMBER_OUT_OF_RANGE", "/limit", None),
        ("record-missing", remove("/record"), "PD_FIELD_MISSING", "/record", None),
        ("gbk-whole-body", gbk_whole_body, "PD_JSON_MALFORMED", "/record/name", None),
    ]),
    "quote": ("kind", "/tariff", [
        ("usage-string", set_value("/usage", "3600"), "PD_FIELD_TYPE", "/usage", None),
        ("kwh-huge", set_value("/usage/kwh", "1e30"), "PD_NUMBER_OUT_OF_RANGE", "/usage/kwh", None),
        ("kwh-beyond-double", set_raw("/usage/kwh", b"1e400"), "PD_NUMBER_OUT_OF_RANGE", "/usage/kwh", None),
        ("year-huge", set_raw("/year", b"100000000000000000000"), "PD_NUMBER_OUT_OF_RANGE", "/year", None),
        ("kind-missing", remove("/kind"), "PD_FIELD_MISSING", "/kind", None),
    ]),
    "compare": ("region", "/tariff", [
        ("demand-string", set_value("/demand", "180"), "PD_FIELD_TYPE", "/demand", None),
        ("kwh-huge", set_value("/usage/kwh", "1e30"), "PD_NUMBER_OUT_OF_RANGE", "/usage/kwh", None),
        ("kwh-beyond-double", set_raw("/usage/kwh", b"1e400"), "PD_NUMBER_OUT_OF_RANGE", "/usage/kwh", None),
        ("month-not-real", set_value("/month", "2025-13"), "PD_DATE_INVALID", "/month", None),
        ("region-missing", remove("/region"), "PD_FIELD_MISSING", "/region", None),
    ]),
}


def read_base(golden):
    with open(os.path.join(GOLDEN, golden + ".request.json"), encoding="utf-8") as f:
        return json.load(f)


def body_entry(body):
    try:
        return {"body": body.decode("utf-8")}
    except UnicodeDecodeError:
        return {"body_hex": body.hex()}


def build():
    operations, cases = {}, []
    for op, (golden, packs, route) in OPERATIONS.items():
        base = read_base(golden)
        operations[op] = {"golden": golden, "packs": packs, "route": route, "request": base}
        first_key, text_field, specific = SPECIFIC[op]
        assert next(iter(base)) == first_key, (op, "first key")
        for name, make, code, path, options in generic(op, first_key, text_field) + specific:
            entry = {"operation": op, "name": name, **body_entry(make(base)), "code": code}
            if path is not None:
                entry["path"] = path  # absent: the code is checked, the pointer depends on where the bytes break
            entry.update(options or {})
            cases.append(entry)
    return {
        "about": "Generated by tests/malformed/catalogue.py; edit that, not this. "
                 "Each case breaks the operation's valid request one way and names the documented error.",
        "operations": operations,
        "cases": cases,
    }


def main():
    text_out = json.dumps(build(), ensure_ascii=False, indent=1) + "\n"
    path = os.path.join(HERE, "catalogue.json")
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            if f.read() != text_out:
                sys.exit("tests/malformed/catalogue.json is out of date: run tests/malformed/catalogue.py")
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text_out)
    print(f"{len(build()['cases'])} cases written to {os.path.relpath(path)}")


if __name__ == "__main__":
    main()
