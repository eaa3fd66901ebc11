"""Starting `powerdesk serve` on loopback for the crash and multi-instance
tests, and talking to it with nothing but the standard library."""
import hashlib
import http.client
import json
import os
import subprocess
import tempfile
import time
import urllib.parse
import uuid

POWERDESK = os.environ["POWERDESK"]
SRC = os.environ["SRC"]
STAFF_TOKEN = "harness-staff-token-0123456789"


def application_body():
    with open(os.path.join(SRC, "tests/golden/validate/business-new-lv-residential.request.json"), encoding="utf-8") as f:
        return {"application": json.load(f)}


def staff_tokens_file(directory):
    path = os.path.join(directory, "staff-tokens")
    with open(path, "w") as f:
        f.write("harness " + hashlib.sha256(STAFF_TOKEN.encode()).hexdigest() + "\n")
    return path


def postgres_schema_url(base_url, schema):
    """A URL whose connections use their own schema (created here), so tests
    sharing one PostgreSQL server cannot see each other's rows."""
    subprocess.run(["psql", base_url, "-q", "-c", f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"],
                   check=True, capture_output=True)
    sep = "&" if "?" in base_url else "?"
    return base_url + sep + "options=" + urllib.parse.quote(f"-csearch_path={schema}")


class Server:
    def __init__(self, db, workdir, key_file, extra=()):
        self.args = [POWERDESK, "--rules", os.path.join(SRC, "rules"), "serve", "--port", "0", "--db", db,
                     "--staff-tokens", staff_tokens_file(workdir), "--secret-key-file", key_file,
                     "--today", "2025-06-02", "--access-log", "", "--submissions-per-minute", "0", *extra]
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("listening "):
            raise RuntimeError("server did not start: " + line + self.proc.stderr.read())
        self.port = int(line.split()[1])

    def kill(self):
        self.proc.kill()  # SIGKILL: no chance to finish anything
        self.proc.wait()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)

    def request(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
            h = {"Content-Type": "application/json"} if data is not None else {}
            h.update(headers or {})
            conn.request(method, path, body=data, headers=h)
            r = conn.getresponse()
            return r.status, json.loads(r.read() or b"null")
        finally:
            conn.close()

    def submit(self, key, body):
        return self.request("POST", "/api/v1/applications", body, {"Idempotency-Key": key})

    def all_applications(self):
        numbers, after = [], None
        while True:
            q = "/api/v1/staff/applications?limit=500" + (f"&after={after}" if after else "")
            status, j = self.request("GET", q, headers={"Authorization": "Bearer " + STAFF_TOKEN})
            assert status == 200, j
            numbers += [a["number"] for a in j["result"]["applications"]]
            after = j["result"]["next"]
            if not after:
                return numbers


def new_key(prefix):
    return f"{prefix}-{uuid.uuid4()}"


def key_file(directory):
    path = os.path.join(directory, "secret.key")
    with open(path, "w") as f:
        f.write(os.urandom(32).hex() + "\n")
    return path


def workdir():
    return tempfile.mkdtemp(prefix="powerdesk-server-test-")
