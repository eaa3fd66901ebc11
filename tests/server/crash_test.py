"""SIGKILL the server while submissions are in flight, restart it on the same
database, and show every acknowledged application is there exactly once.

Usage: crash_test.py sqlite|postgresql (PostgreSQL from POWERDESK_TEST_PG_URL).
An application is acknowledged when the client got 201 with its number. After
the restart every key is sent again, as a client that never got an answer
would: acknowledged keys must come back 200 "replayed" with the same number;
keys that were in flight come back once (201 if the crash lost them, 200 if
they were stored but the answer was lost). The store then holds exactly one
application per key."""
import http.client
import os
import shutil
import sys
import threading
import time

import server_harness as h

THREADS = 8


def main(backend):
    work = h.workdir()
    try:
        if backend == "sqlite":
            db = os.path.join(work, "powerdesk.db")
        else:
            db = h.postgres_schema_url(os.environ["POWERDESK_TEST_PG_URL"], "crash_" + str(os.getpid()))
        key_file = h.key_file(work)
        body = h.application_body()
        server = h.Server(db, work, key_file)
        acknowledged, attempted, lock, stop = {}, [], threading.Lock(), threading.Event()

        def submitter(n):
            i = 0
            while not stop.is_set():
                key = f"crash-{n}-{i:05d}"
                i += 1
                with lock:
                    attempted.append(key)
                try:
                    status, j = server.submit(key, body)
                except (OSError, http.client.HTTPException):
                    continue  # the server died under us: this one was not acknowledged
                if status == 201:
                    with lock:
                        acknowledged[key] = j["result"]["number"]

        threads = [threading.Thread(target=submitter, args=(n,)) for n in range(THREADS)]
        for t in threads:
            t.start()
        deadline = time.time() + 60
        while len(acknowledged) < 150 and time.time() < deadline:
            time.sleep(0.05)
        server.kill()
        stop.set()
        for t in threads:
            t.join()
        assert len(acknowledged) >= 150, f"only {len(acknowledged)} acknowledged before the kill"
        print(f"{backend}: killed with {len(acknowledged)} acknowledged of {len(attempted)} attempted")

        server = h.Server(db, work, key_file)
        try:
            numbers = {}
            for key in attempted:
                status, j = server.submit(key, body)
                assert status in (200, 201), (key, status, j)
                number = j["result"]["number"]
                if key in acknowledged:
                    assert status == 200 and j["result"]["replayed"], f"acknowledged {key} was lost: {status}"
                    assert number == acknowledged[key], f"{key}: {number} != {acknowledged[key]}"
                numbers[key] = number
            stored = server.all_applications()
            assert len(stored) == len(set(stored)), "duplicate application numbers"
            assert sorted(stored) == sorted(numbers.values()), \
                f"store holds {len(stored)} applications for {len(numbers)} keys"
            print(f"{backend}: after restart {len(stored)} applications for {len(attempted)} keys, "
                  f"all {len(acknowledged)} acknowledged ones exactly once")
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1])
