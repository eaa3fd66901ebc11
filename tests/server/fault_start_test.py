"""The database is unavailable when `powerdesk serve` starts: the server must
refuse to start — exit status 1, nothing on stdout (no "listening"), exactly
one line on stderr with the stable code PD_STORE_UNAVAILABLE, its zh and en
words, the reason, and never the password. Cases: SQLite folder that cannot
be made, SQLite path that is a folder, SQLite file on a read-only file system
(root ignores permissions, so a read-only mount stands in for "not
writable"), PostgreSQL with nothing listening, PostgreSQL with a wrong
password. The right password on the same server starts (the control)."""
import os
import shutil
import subprocess
import tempfile

import own_postgres
import server_harness as h

PREFIX = ("powerdesk: cannot start the server: PD_STORE_UNAVAILABLE 数据库无法打开或连接 / "
          "the database cannot be opened or reached: ")


def start(db, work, key_file):
    args = [h.POWERDESK, "--rules", os.path.join(h.SRC, "rules"), "serve", "--port", "0", "--db", db,
            "--secret-key-file", key_file, "--access-log", ""]
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


def refused(db, work, key_file, reason, secrets=()):
    r = start(db, work, key_file)
    assert r.returncode == 1, (db, r.returncode, r.stdout, r.stderr)
    assert r.stdout == "", (db, r.stdout)
    assert r.stderr == PREFIX + reason + "\n", (db, r.stderr)
    for secret in secrets:
        assert secret not in r.stderr, (db, "password in the message", r.stderr)
    print("refused:", r.stderr.strip())


def main():
    work = h.workdir()
    mount = os.path.join(work, "ro")
    pg = None
    try:
        key_file = h.key_file(work)
        blocker = os.path.join(work, "a-file")
        with open(blocker, "w") as f:
            f.write("not a folder\n")
        refused(os.path.join(blocker, "sub", "pd.db"), work, key_file,
                f"cannot create the folder '{blocker}/sub' for the SQLite database: Not a directory")
        refused(work, work, key_file, f"cannot open SQLite database '{work}': unable to open database file")

        # A database made while writable, then its file system mounted read-only; then a new file there.
        os.mkdir(mount)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount], check=True)
        server = h.Server(os.path.join(mount, "pd.db"), work, key_file)
        status, _ = server.submit(h.new_key("ro"), h.application_body())
        assert status == 201, status
        server.stop()
        subprocess.run(["mount", "-o", "remount,ro", mount], check=True)
        refused(os.path.join(mount, "pd.db"), work, key_file,
                f"SQLite database '{mount}/pd.db': unable to open database file")
        refused(os.path.join(mount, "new.db"), work, key_file,
                f"cannot open SQLite database '{mount}/new.db': unable to open database file")

        port = own_postgres.free_port()  # nothing listens there
        refused(f"postgresql://pd_app:Nobody%40Home@127.0.0.1:{port}/postgres", work, key_file,
                f"cannot connect to PostgreSQL at postgresql://pd_app:***@127.0.0.1:{port}/postgres: "
                f"connection to server at \"127.0.0.1\", port {port} failed: Connection refused "
                "Is the server running on that host and accepting TCP/IP connections?",
                secrets=("Nobody%40Home", "Nobody@Home"))

        pg = own_postgres.OwnPostgres()
        pg.require_password("pd_app", "Right-pass-123")
        for url, shown in ((pg.url("pd_app", "Wr0ng%40pass"), "pd_app:***@"),
                           (f"postgresql://pd_app@127.0.0.1:{pg.port}/postgres?password=Wr0ng%40pass", "pd_app@")):
            display = url.replace("pd_app:Wr0ng%40pass@", shown).replace("password=Wr0ng%40pass", "password=***")
            refused(url, work, key_file,
                    f"cannot connect to PostgreSQL at {display}: connection to server at \"127.0.0.1\", port {pg.port} "
                    "failed: FATAL:  password authentication failed for user \"pd_app\"",
                    secrets=("Wr0ng%40pass", "Wr0ng@pass"))

        server = h.Server(pg.url("pd_app", "Right-pass-123"), work, key_file)
        try:
            status, j = server.request("GET", "/readyz")
            assert status == 200 and j["result"]["database"] == "postgresql" and j["result"]["applications"] == 0, j
        finally:
            server.stop()
        print("PASS")
    finally:
        if pg:
            pg.destroy()
        if os.path.ismount(mount):
            subprocess.run(["umount", mount], check=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
