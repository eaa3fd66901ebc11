"""The SQLite database's file system fills up while the server runs.

The database lives on its own 2 MiB tmpfs (mounted here, always unmounted).
Five applications are stored; then a file takes every free block. A new
submission must answer 503 with the exact PD_STORE_UNAVAILABLE envelope
("nothing was saved"), and so must the next ones. Reads that write nothing
still work (the applicant's status, /readyz, which probes reading, not
writing); a staff read is refused the same way, because it cannot be
audited (no unaudited access). The file read
directly shows nothing half-written — five applications, each with exactly
one "submitted" event, no stray event — and PRAGMA integrity_check is ok.
Once the file is removed, the same server (not restarted) takes the refused
keys as new applications (201: the 503 stored nothing) and the database is
still sound."""
import os
import shutil
import sqlite3
import subprocess

import server_harness as h

UNAVAILABLE = {"api_version": "1", "ok": False, "errors": [{
    "code": "PD_STORE_UNAVAILABLE", "path": "", "severity": "error",
    "message": {"zh": "数据库暂时不可用，未保存任何内容，请稍后重试",
                "en": "The database is unavailable; nothing was saved, try again later"}}]}
STAFF = {"Authorization": "Bearer " + h.STAFF_TOKEN}


def fill(path):
    """Writes until the file system refuses; returns the bytes written."""
    written = 0
    with open(path, "wb", buffering=0) as f:
        block = b"\0" * 4096
        while True:
            try:
                written += f.write(block)
            except OSError as e:
                assert e.errno == 28, e  # ENOSPC
                return written


def check_database(path, applications, audits):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("SELECT count(*), count(number), count(DISTINCT idempotency_key) FROM applications"
                          ).fetchall() == [(applications,) * 3]
        assert db.execute("SELECT count(*) FROM applications a WHERE (SELECT count(*) FROM events e "
                          "WHERE e.application_id = a.id AND e.kind = 'submitted' AND e.seq = 1) <> 1 "
                          "OR (SELECT count(*) FROM events e WHERE e.application_id = a.id) <> 1").fetchall() == [(0,)]
        assert db.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                          "(SELECT 1 FROM applications a WHERE a.id = e.application_id)").fetchall() == [(0,)]
        assert db.execute("SELECT count(*) FROM audit_log").fetchall() == [(audits,)]  # staff calls only
    finally:
        db.close()


def main():
    work = h.workdir()
    mount = os.path.join(work, "small")
    server = None
    try:
        os.mkdir(mount)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount], check=True)
        db = os.path.join(mount, "pd.db")
        server = h.Server(db, work, h.key_file(work))
        body = h.application_body()
        for i in range(5):
            status, j = server.submit(f"before-{i}", body)
            assert status == 201, (status, j)
        first = j["result"]

        filler = os.path.join(mount, "filler")
        written = fill(filler)
        for key in ("disk-full-0", "disk-full-1", "disk-full-2"):
            status, j = server.submit(key, body)
            assert (status, j) == (503, UNAVAILABLE), (key, status, j)
        status, j = server.request("GET", "/api/v1/staff/applications", headers=STAFF)
        assert (status, j) == (503, UNAVAILABLE), ("staff read without its audit entry", status, j)
        status, j = server.request("POST", f"/api/v1/applications/{first['number']}/status", {"secret": first["secret"]})
        assert status == 200 and j["result"]["number"] == first["number"], (status, j)
        status, j = server.request("GET", "/readyz")
        assert status == 200 and j["result"]["applications"] == 5, (status, j)
        check_database(db, 5, 0)
        print(f"disk full ({written} bytes of filler): 3 submissions and a staff read refused with "
              "PD_STORE_UNAVAILABLE, status and readyz answered, 5 applications intact, integrity ok")

        os.remove(filler)
        for key in ("disk-full-0", "disk-full-1", "disk-full-2", "after-free-0"):
            status, j = server.submit(key, body)
            assert status == 201 and not j["result"]["replayed"], (key, status, j)
        status, j = server.submit("disk-full-0", body)
        assert status == 200 and j["result"]["replayed"], (status, j)
        status, j = server.request("GET", "/api/v1/staff/applications", headers=STAFF)
        assert status == 200 and len(j["result"]["applications"]) == 9, (status, j)
        server.stop()
        log = server.proc.stderr.read()
        assert log.count("database or disk is full") == 4, log  # the operator's log says why
        server = None
        check_database(db, 9, 1)
        print("space freed: the refused keys stored as new (201), 9 applications, integrity ok, "
              "no restart needed")
        print("PASS")
    finally:
        if server:
            server.stop()
        if os.path.ismount(mount):
            subprocess.run(["umount", mount], check=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
