#!/usr/bin/env bash
# bill-run in file mode SIGKILLed at every point where it makes something
# durable, then resumed: no bill lost, none twice, the same bytes.
#
# strace delivers SIGKILL on entry to the Nth call of one system call
# (write, fdatasync, fsync, rename, unlink), for every N until a run finishes
# untouched: before the customers' rejects, inside every chunk and checkpoint
# (bills written but not synced, synced but checkpoint not renamed, ...),
# before the summary is renamed, before the checkpoint is deleted, and after
# the run is complete but before its last line is printed. After each kill
# `--resume` must give bills and rejects byte-identical to an uninterrupted
# run, each (customer, start, end) exactly once, the same summary totals, and
# no checkpoint or temporary file left.
set -euo pipefail
: "${POWERDESK:?}" "${SRC:?}"
command -v strace >/dev/null || { echo "FAIL: strace is not installed (native/setup.sh)" >&2; exit 1; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 3000 readings of 500 customers in 12 chunks, plus a rejected customer and two rejected readings.
python3 "$SRC/tests/bench/gen_bill_run.py" "$t/in" 3000 500 >/dev/null
echo '{"customer": "X1", "region": "mars", "tariff": "residential", "cycle": "x"}' >> "$t/in/customers.jsonl"
printf '%s\n' 'not json' '{"customer": "NOBODY", "start": "2025-01-01", "end": "2025-01-31", "kwh": "1"}' >> "$t/in/readings.jsonl"
run() { "$POWERDESK" bill-run --readings "$t/in/readings.jsonl" --customers "$t/in/customers.jsonl" --chunk 256 --threads 2 "$@"; }
run -o "$t/full.jsonl" 2>/dev/null
[ "$(wc -l < "$t/full.jsonl")" = 3000 ] && [ "$(wc -l < "$t/full.jsonl.rejects.jsonl")" = 3 ] || fail "reference run"

same_as_full() {  # $1: output of a resumed run
  cmp -s "$t/full.jsonl" "$1" || fail "$2: bills differ from the uninterrupted run"
  cmp -s "$t/full.jsonl.rejects.jsonl" "$1.rejects.jsonl" || fail "$2: rejects differ"
  python3 - "$t/full.jsonl" "$1" <<'PY' || fail "$2: bill keys or summary differ"
import collections, json, sys
full, cut = sys.argv[1], sys.argv[2]
keys = lambda p: collections.Counter((b["customer"], b["period"]["start"], b["period"]["end"]) for b in map(json.loads, open(p)))
a, b = keys(full), keys(cut)
assert max(b.values()) == 1, "a bill twice"
assert a == b, f"lost {sorted(a - b)[:3]} extra {sorted(b - a)[:3]}"
s, r = json.load(open(full + ".summary.json")), json.load(open(cut + ".summary.json"))
for k in ("readings", "customers", "kwh", "amount", "by_tariff", "rejects_by_code"):
    assert s[k] == r[k], (k, s[k], r[k])
PY
  ! ls "$1".*tmp "$1.checkpoint" >/dev/null 2>&1 || fail "$2: checkpoint or temporary file left: $(ls "$t")"
}

points=0
for call in write fdatasync fsync rename unlink; do
  for n in $(seq 1 400); do
    rm -f "$t"/cut.jsonl*
    rc=0  # the subshell keeps bash's "Killed" notice out of the test's output
    # LeakSanitizer cannot run under ptrace (an ASan build would exit 1 at the
    # end of an untouched run); leaks are still checked in the runs below.
    (ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
     strace -f -qq -o /dev/null -e inject="$call:signal=KILL:when=$n" \
      "$POWERDESK" bill-run --readings "$t/in/readings.jsonl" --customers "$t/in/customers.jsonl" --chunk 256 \
      --threads 2 --checkpoint-ms 1 -o "$t/cut.jsonl"; exit $?) 2>/dev/null || rc=$?
    [ "$rc" = 0 ] && break  # fewer than n such calls: every point of this call was tried
    [ "$rc" = 137 ] || fail "$call #$n: exit $rc, not killed"
    run -o "$t/cut.jsonl" --resume 2>/dev/null || fail "$call #$n: --resume failed"
    same_as_full "$t/cut.jsonl" "killed before $call #$n"
    points=$((points + 1))
  done
  [ "$n" -gt 1 ] && [ "$n" -lt 400 ] || fail "$call: $((n - 1)) kill points"
  echo "$call: killed before each of $((n - 1)) calls, every resume exact"
done
echo "$points kill points, no bill lost or duplicated"
echo PASS
