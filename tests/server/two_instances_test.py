"""Two server instances share one PostgreSQL. Eight clients submit at once;
each application is sent to BOTH instances concurrently with one
Idempotency-Key (a retry through a load balancer). Afterwards: one
application per key, both instances answered with the same number, exactly
one of them said "created", and nothing is missing."""
import os
import shutil
import threading

import server_harness as h

CLIENTS = 8
PER_CLIENT = 25


def main():
    work = h.workdir()
    try:
        db = h.postgres_schema_url(os.environ["POWERDESK_TEST_PG_URL"], "two_instances_" + str(os.getpid()))
        key_file = h.key_file(work)
        a = h.Server(db, work, key_file)
        b = h.Server(db, work, key_file)
        body = h.application_body()
        results, lock, errors = {}, threading.Lock(), []

        def send(server, key, slot):
            status, j = server.submit(key, body)
            with lock:
                results.setdefault(key, [None, None])[slot] = (status, j["result"]["number"], j["result"]["secret"])

        def client(n):
            try:
                for i in range(PER_CLIENT):
                    key = f"two-{n}-{i:04d}"
                    ta = threading.Thread(target=send, args=(a, key, 0))
                    tb = threading.Thread(target=send, args=(b, key, 1))
                    ta.start(); tb.start(); ta.join(); tb.join()
            except Exception as e:  # surfaced below
                errors.append(repr(e))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        try:
            assert not errors, errors
            assert len(results) == CLIENTS * PER_CLIENT
            for key, (ra, rb) in results.items():
                assert ra is not None and rb is not None, key
                assert ra[1] == rb[1], f"{key}: instances gave {ra[1]} and {rb[1]}"
                assert ra[2] == rb[2], f"{key}: different secrets"
                assert sorted([ra[0], rb[0]]) == [200, 201], f"{key}: statuses {ra[0]}, {rb[0]}"
            stored_a, stored_b = a.all_applications(), b.all_applications()
            assert stored_a == stored_b
            assert len(stored_a) == len(set(stored_a)) == CLIENTS * PER_CLIENT, len(stored_a)
            assert sorted(stored_a) == sorted(r[0][1] for r in results.values())
            print(f"two instances: {len(stored_a)} applications for {len(results)} keys, each sent to both; "
                  "no duplicates, no losses")
        finally:
            a.stop()
            b.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
