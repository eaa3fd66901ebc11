"""A throwaway PostgreSQL server of the fault tests' own (not the ctest
fixture's): a free loopback port and a data folder under /tmp, so stopping it
mid-test cannot hurt any other test. Same way of running it as
tests/pg/postgres.sh (Debian's binaries, run as the postgres user when root)."""
import glob
import os
import shutil
import socket
import subprocess
import tempfile

BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in p.split("/")[4].split(".")])[-1]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres(args):
    return (["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []) + args


class OwnPostgres:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="powerdesk-fault-pg-")
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        subprocess.run(as_postgres([BIN + "/initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                                    "--locale=C.UTF-8"]), check=True, capture_output=True)
        self.start()

    def start(self):
        subprocess.run(as_postgres([BIN + "/pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "server.log"), "-w",
                                    "-t", "60", "-o", f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir}",
                                    "start"]), check=True, capture_output=True)

    def crash(self):
        """Stop at once, as a crash or a pulled cable would: no goodbye to clients."""
        subprocess.run(as_postgres([BIN + "/pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop"]),
                       check=True, capture_output=True)

    def url(self, user="postgres", password=None):
        auth = user + (":" + password if password is not None else "")
        return f"postgresql://{auth}@127.0.0.1:{self.port}/postgres"

    def sql(self, statement):
        """Runs SQL as the superuser; returns the rows as lists of text."""
        out = subprocess.run([BIN + "/psql", self.url(), "-XAtq", "-v", "ON_ERROR_STOP=1", "-F", "|", "-c", statement],
                             check=True, capture_output=True, text=True).stdout
        return [line.split("|") for line in out.splitlines()]

    def require_password(self, user, password):
        """A role that must log in with a password (scram), for the wrong-password test."""
        self.sql(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'; GRANT ALL ON SCHEMA public TO {user}")
        hba = os.path.join(self.data, "pg_hba.conf")
        with open(hba) as f:
            rules = f.read()
        with open(hba, "w") as f:
            f.write(f"host all {user} 127.0.0.1/32 scram-sha-256\n" + rules)  # first matching line wins
        # A restart rather than a reload: the rule is in force when this returns.
        subprocess.run(as_postgres([BIN + "/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"]), check=True,
                       capture_output=True)
        self.start()

    def destroy(self):
        subprocess.run(as_postgres([BIN + "/pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)
