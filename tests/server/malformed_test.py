"""The malformed-input catalogue over HTTP (tests/malformed/catalogue.json):
every broken request to every facade route gets its documented status, code
and pointer; broken submissions to the intake route are refused the same way
and nothing at all is written to the database; status lookups with a broken
body are refused as malformed JSON. Then a good submission still works.

Usage: malformed_test.py (POWERDESK, SRC from the environment; SQLite)."""
import http.client
import json
import os
import shutil
import sqlite3
import sys

import server_harness as h

TABLES = ("applications", "completed_steps", "events", "audit_log")


def post(server, path, body, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
        r = conn.getresponse()
        return r.status, json.loads(r.read())
    finally:
        conn.close()


def body_of(case):
    return bytes.fromhex(case["body_hex"]) if "body_hex" in case else case["body"].encode("utf-8")


def rows(db):
    with sqlite3.connect(db) as c:
        return {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


class Checker:
    def __init__(self):
        self.failures, self.count = [], 0

    def expect(self, what, status, answer, want_status, want_code, want_path):
        self.count += 1
        errors = answer.get("errors") or []
        got = (status, errors[0]["code"], errors[0]["path"]) if errors else (status, None, None)
        want = (want_status, want_code, want_path if want_path is not None else got[2])
        well_formed = all(e["message"]["zh"] and e["message"]["en"] and e["severity"] == "error" for e in errors)
        if got != want or not well_formed or answer.get("ok") is not False:
            self.failures.append(f"{what}: want {want}, got {got}: {json.dumps(answer, ensure_ascii=False)[:300]}")


def facade_routes(server, catalogue, check):
    for case in catalogue["cases"]:
        route = catalogue["operations"][case["operation"]]["route"]
        status, answer = post(server, route, body_of(case))
        what = f"{route} {case['name']}"
        if case.get("answer") == "report":
            issues = [i for i in answer.get("result", {}).get("issues", []) if i["severity"] == "error"]
            got = (status, answer.get("result", {}).get("valid"), issues[0]["code"] if issues else None,
                   issues[0]["path"] if issues else None)
            check.count += 1
            if got != (200, False, case["code"], case["path"]):
                check.failures.append(f"{what}: want 200 valid false {case['code']} at {case['path']}, got {got}")
            continue
        check.expect(what, status, answer, case.get("http", 422), case["code"], case.get("http_path", case.get("path")))


def intake(server, catalogue, check):
    """Submissions: the validate cases sent whole (the JSON itself broken)
    and, for those validate reports as form problems, inside {"application"}."""
    n = 0
    for case in catalogue["cases"]:
        if case["operation"] != "validate":
            continue
        n += 1
        key = {"Idempotency-Key": f"malformed-{n:04d}"}
        what = f"/api/v1/applications {case['name']}"
        if case.get("answer") == "report":
            wrapped = b'{"application":' + body_of(case) + b"}"
            status, answer = post(server, "/api/v1/applications", wrapped, key)
            check.expect(what, status, answer, 422, case["code"], "/application" + case["path"])
        elif case["code"] in ("PD_JSON_MALFORMED", "PD_DUPLICATE_KEY") or case.get("path") == "":
            status, answer = post(server, "/api/v1/applications", body_of(case), key)
            check.expect(what, status, answer, case.get("http", 422), case["code"],
                         case.get("http_path", case.get("path")))


def status_lookups(server, check):
    for name, body, code, path in [
        ("truncated", b'{"secret":"AB', "PD_JSON_MALFORMED", "/secret"),
        ("not-utf8", b'{"phone":"\xff"}', "PD_JSON_MALFORMED", "/phone"),
        ("array", b"[]", "PD_FIELD_TYPE", ""),
        ("no-credential", b"{}", "PD_FIELD_MISSING", "/secret"),
        ("too-deep", b'{"secret":' + b"[" * 100 + b"]" * 100 + b"}", "PD_JSON_MALFORMED", ""),
    ]:
        status, answer = post(server, "/api/v1/applications/BJ20250602000001/status", body)
        check.expect(f"status {name}", status, answer, 400 if name == "too-deep" else 422, code, path)


def main():
    with open(os.path.join(h.SRC, "tests/malformed/catalogue.json"), encoding="utf-8") as f:
        catalogue = json.load(f)
    work = h.workdir()
    server = None
    try:
        db = os.path.join(work, "powerdesk.db")
        server = h.Server(db, work, h.key_file(work))
        before = rows(db)
        check = Checker()
        facade_routes(server, catalogue, check)
        intake(server, catalogue, check)
        status_lookups(server, check)
        after = rows(db)
        if after != before or after["applications"] != 0:
            check.failures.append(f"the database changed: {before} -> {after}")
        # The server still takes a good application, once.
        status, answer = server.submit("malformed-good-0001", h.application_body())
        if status != 201 or rows(db)["applications"] != 1:
            check.failures.append(f"good submission after the catalogue: {status} {answer}")
        print(f"{check.count} malformed requests checked, database unchanged: {after}")
        for f in check.failures:
            print("FAIL", f)
        return 1 if check.failures else 0
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
