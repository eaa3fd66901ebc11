#!/usr/bin/env bash
# bill-run over PostgreSQL: load a run (one partition per billing cycle),
# start three worker processes, SIGKILL one while it holds a partition, let
# the others finish; every reading is billed exactly once and the export is
# byte-identical to the file-mode run of the same files.
set -euo pipefail
: "${POWERDESK:?}" "${SRC:?}"
[ -n "${POWERDESK_TEST_PG_URL:-}" ] || { echo "FAIL: POWERDESK_TEST_PG_URL is not set (the postgres fixture)" >&2; exit 1; }
url=$POWERDESK_TEST_PG_URL
psql=$(ls -d /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)
t=$(mktemp -d)
schema="bill_run_test_$$_${RANDOM}"  # other tests share the server
sql() { "$psql" "$url" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
cleanup() { for p in $(jobs -p); do kill -KILL "$p" 2>/dev/null || true; done; sql "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; rm -rf "$t"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
sql "SELECT 1" >/dev/null || fail "PostgreSQL at $url is not reachable"

# 4000 customers in 20 cycles, one reading each, plus records that must be rejected.
python3 "$SRC/tests/bench/gen_bill_run.py" "$t" 4000 >/dev/null
cat >> "$t/readings.jsonl" <<'JSONL'
{"customer": "NOBODY", "start": "2025-01-01", "end": "2025-01-31", "kwh": "1"}
not json
{"customer": "C00000001", "start": "2025-02-01", "end": "2025-02-28", "kwh": "x"}
JSONL
echo '{"customer": "C00000000", "region": "zhejiang", "tariff": "residential", "cycle": "x"}' >> "$t/customers.jsonl"

"$POWERDESK" bill-run --readings "$t/readings.jsonl" --customers "$t/customers.jsonl" -o "$t/file.jsonl" 2>/dev/null
"$POWERDESK" bill-run --pg "$url" --schema "$schema" --run r1 --load --readings "$t/readings.jsonl" --customers "$t/customers.jsonl" 2>"$t/load.err"
grep -q "4000 customers, 4003 readings, 21 partitions" "$t/load.err" || fail "load: $(cat "$t/load.err")"
set +e; "$POWERDESK" bill-run --pg "$url" --schema "$schema" --run r1 --load --readings "$t/readings.jsonl" --customers "$t/customers.jsonl" 2>/dev/null; rc=$?; set -e
[ "$rc" = 2 ] || fail "loading the same run twice: rc $rc"
set +e; "$POWERDESK" bill-run --pg "$url" --schema "$schema" --run r1 --export -o "$t/early.jsonl" 2>/dev/null; rc=$?; set -e
[ "$rc" = 2 ] || fail "export of an unfinished run: rc $rc"

# Three workers; each pauses 400 ms inside every partition's transaction (after inserting its bills).
for w in 1 2 3; do
  "$POWERDESK" bill-run --pg "$url" --schema "$schema" --run r1 --worker --worker-name "w$w" --partition-delay-ms 400 2>"$t/w$w.err" &
  eval "pid$w=$!"
done
for _ in $(seq 1 200); do grep -q "claimed partition" "$t/w1.err" && break; sleep 0.05; done
grep -q "claimed partition" "$t/w1.err" || fail "worker 1 never claimed a partition"
sleep 0.2
kill -KILL "$pid1"
wait "$pid1" 2>/dev/null || true
claimed=$(grep -c "claimed partition" "$t/w1.err"); finished=$(grep -c "' done:" "$t/w1.err" || true)
[ "$claimed" -gt "$finished" ] || fail "worker 1 was not inside a partition when killed"
wait "$pid2" || fail "worker 2 failed: $(cat "$t/w2.err")"
wait "$pid3" || fail "worker 3 failed: $(cat "$t/w3.err")"

[ "$(sql "SELECT count(*) FROM $schema.partitions WHERE run = 'r1' AND status <> 'done'")" = 0 ] || fail "partitions left"
# Exactly once: 4000 bills, one per customer, one per reading line; 3 rejected readings.
[ "$(sql "SELECT count(*), count(DISTINCT customer), count(DISTINCT line) FROM $schema.bills WHERE run = 'r1'")" = "4000|4000|4000" ] || fail "bills not exactly once"
[ "$(sql "SELECT count(*) FROM $schema.rejects WHERE run = 'r1' AND source = 'readings'")" = 3 ] || fail "reading rejects"
[ "$(sql "SELECT count(*) FROM $schema.bills b JOIN $schema.rejects r USING (run, line) WHERE run = 'r1' AND r.source = 'readings'")" = 0 ] || fail "a reading both billed and rejected"
# Another worker now finds nothing to do.
"$POWERDESK" bill-run --pg "$url" --schema "$schema" --run r1 --worker --worker-name w4 2>"$t/w4.err"
grep -q "(0 partitions billed here)" "$t/w4.err" || fail "late worker: $(cat "$t/w4.err")"

"$POWERDESK" bill-run --pg "$url" --schema "$schema" --run r1 --export -o "$t/pg.jsonl" 2>/dev/null
cmp "$t/file.jsonl" "$t/pg.jsonl" || fail "PostgreSQL bills differ from the file-mode run"
cmp "$t/file.jsonl.rejects.jsonl" "$t/pg.jsonl.rejects.jsonl" || fail "PostgreSQL rejects differ from the file-mode run"
python3 -c "
import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
for k in ('readings','customers','kwh','amount','by_tariff','rejects_by_code'): assert a[k]==b[k], (k, a[k], b[k])
assert a['readings']=={'read':4003,'billed':4000,'rejected':3}, a['readings']
" "$t/file.jsonl.summary.json" "$t/pg.jsonl.summary.json" || fail "summary totals differ"
echo "worker 1 killed inside partition $claimed; workers 2 and 3 finished: $(grep -c "' done:" "$t/w2.err") + $(grep -c "' done:" "$t/w3.err") partitions"
echo PASS
