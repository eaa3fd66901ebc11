#!/usr/bin/env bash
# bill-run in file mode, as a user runs it: exact bills of the docs example
# (hand-checked against the packs' price notices), rejects with their codes,
# byte-identical output for any thread count and chunk size, the CSV formats,
# and a run SIGKILLed mid-way then resumed giving the uninterrupted bytes.
set -euo pipefail
: "${POWERDESK:?}" "${SRC:?}"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
ex="$SRC/docs/examples/bill-run"
fail() { echo "FAIL: $*" >&2; exit 1; }
field() { python3 -c "import json,sys; d=[json.loads(l) for l in open(sys.argv[1])]; print(eval(sys.argv[2]))" "$@"; }

# 1. The example: 9 readings, 5 bills, 4 rejects; 6 customers, 1 rejected.
"$POWERDESK" bill-run --readings "$ex/readings.jsonl" --customers "$ex/customers.csv" -o "$t/bills.jsonl" 2>"$t/err"
grep -q '^bill-run: 9 read, 5 billed, 4 rejected (customers: 6 read, 1 rejected); 970 kWh, 496.46 CNY' "$t/err" || fail "summary line: $(cat "$t/err")"
# Zhejiang TOU, facts-sheet example A (浙江居民阶梯 2760/4800 kWh, 峰 0.568/0.618, 谷 0.288/0.338):
# carry-in 2600 + 250 crosses 2760 → tier 1 peak 96, valley 64; tier 2 peak 54, valley 36 → 118.50.
[ "$(field "$t/bills.jsonl" 'd[0]["total"]')" = "118.50" ] || fail "ZJ-0001 total"
[ "$(field "$t/bills.jsonl" '[l["quantity"] for l in d[0]["lines"]]')" = "['96', '64', '54', '36']" ] || fail "ZJ-0001 lines"
# Zhejiang flat tier 1: 200 × 0.538 = 107.60; 合表 120 × 0.558 = 66.96.
[ "$(field "$t/bills.jsonl" '[b["total"] for b in d[1:3]]')" = "['107.60', '66.96']" ] || fail "ZJ flat / shared"
# Jiangsu 低保: 15 kWh free, 85 × 0.5283 = 44.9055 → 44.91; six persons: base 2760 + 100×12 = 3960,
# carry-in 2700 + 300 stays in tier 1: 300 × 0.5283 = 158.49, 960 kWh left in tier 1.
[ "$(field "$t/bills.jsonl" '[b["total"] for b in d[3:5]]')" = "['44.91', '158.49']" ] || fail "JS totals"
[ "$(field "$t/bills.jsonl" 'd[4]["tier_progress"]["remaining_in_tier_kwh"]')" = "960" ] || fail "JS tier progress"
# Every line is canonical JSON (keys sorted, compact): the same as a DOM dump.
python3 -c "
import json,sys
for l in open(sys.argv[1]):
    assert json.dumps(json.loads(l), ensure_ascii=False, separators=(',',':'), sort_keys=True) == l.rstrip('\n'), l
" "$t/bills.jsonl" || fail "not canonical"
[ "$(field "$t/bills.jsonl.rejects.jsonl" '[(r["source"], r["line"], r["errors"][0]["code"]) for r in d]')" = \
  "[('customers', 7, 'PD_REGION_UNKNOWN'), ('readings', 6, 'PD_USAGE_MISSING'), ('readings', 7, 'PD_CUSTOMER_UNKNOWN'), ('readings', 8, 'PD_PERIOD_END_BEFORE_START'), ('readings', 9, 'PD_JSON_MALFORMED')]" ] \
  || fail "rejects: $(cat "$t/bills.jsonl.rejects.jsonl")"
[ "$(field "$t/bills.jsonl.rejects.jsonl" '[e["code"] for e in d[3]["errors"]]')" = "['PD_PERIOD_END_BEFORE_START', 'PD_NUMBER_TOO_PRECISE']" ] || fail "every issue of a record"
python3 -c "
import json,sys
s=json.load(open(sys.argv[1]))
assert s['readings']=={'read':9,'billed':5,'rejected':4}, s
assert s['amount']=='496.46' and s['kwh']=='970', s
assert s['by_tariff']['zhejiang/residential_tou']=={'bills':1,'kwh':'250','amount':'118.50'}, s
assert s['rejects_by_code']=={'PD_CUSTOMER_UNKNOWN':1,'PD_JSON_MALFORMED':1,'PD_PERIOD_END_BEFORE_START':1,'PD_USAGE_MISSING':1}, s
" "$t/bills.jsonl.summary.json" || fail "summary file"
[ ! -e "$t/bills.jsonl.checkpoint" ] || fail "checkpoint left after a complete run"

# 2. CSV readings and CSV summary output; CSV row errors.
printf 'end,customer,start,kwh\n2025-03-31,ZJ-0002,2025-03-01,200\n2025-03-31,"ZJ-0002",2025-03-01\n2025-03-31,ZJ-0002,2025-03-01,abc\n"x,ZJ-0002,2025-03-01,1\n' > "$t/r.csv"
"$POWERDESK" bill-run --readings "$t/r.csv" --customers "$ex/customers.csv" -o "$t/s.csv" --format csv 2>/dev/null
[ "$(cat "$t/s.csv")" = "$(printf 'line,customer,cycle,region,tariff,start,end,kwh,total\n2,ZJ-0002,ZJ-A01,zhejiang,residential,2025-03-01,2025-03-31,200,107.60')" ] || fail "csv output: $(cat "$t/s.csv")"
[ "$(field "$t/s.csv.rejects.jsonl" '[r["errors"][0]["code"] for r in d]')" = "['PD_REGION_UNKNOWN', 'PD_CSV_MALFORMED', 'PD_NUMBER_INVALID', 'PD_CSV_MALFORMED']" ] || fail "csv rejects: $(cat "$t/s.csv.rejects.jsonl")"
printf 'customer,start,end,kwh,colour\n' > "$t/bad.csv"
set +e; "$POWERDESK" bill-run --readings "$t/bad.csv" --customers "$ex/customers.csv" -o "$t/bad.jsonl" 2>"$t/err"; rc=$?; set -e
[ "$rc" = 2 ] && grep -q PD_FIELD_UNKNOWN "$t/err" || fail "bad CSV header: rc $rc $(cat "$t/err")"

# 3. Determinism: threads 1 and 2, tiny and default chunks, JSONL and CSV input: the same bytes.
python3 "$SRC/tests/bench/gen_bill_run.py" "$t/g" 20000 3000 >/dev/null
python3 "$SRC/tests/bench/gen_bill_run.py" "$t/gc" 20000 3000 --csv >/dev/null
"$POWERDESK" bill-run --readings "$t/g/readings.jsonl" --customers "$t/g/customers.jsonl" -o "$t/a.jsonl" --threads 1 2>/dev/null
"$POWERDESK" bill-run --readings "$t/g/readings.jsonl" --customers "$t/g/customers.jsonl" -o "$t/b.jsonl" --threads 2 --chunk 7 2>/dev/null
"$POWERDESK" bill-run --readings "$t/gc/readings.csv" --customers "$t/gc/customers.jsonl" -o "$t/c.jsonl" --threads 3 --chunk 100 2>/dev/null
cmp "$t/a.jsonl" "$t/b.jsonl" || fail "threads 1 vs 2 differ"
# The CSV file has a header row: its bills say line N+1 where the JSONL's say N; nothing else differs.
python3 -c "
import json,sys
a=[json.loads(l) for l in open(sys.argv[1])]; c=[json.loads(l) for l in open(sys.argv[2])]
assert len(a)==len(c) and all(x.pop('line')+1==y.pop('line') and x==y for x,y in zip(a,c))
" "$t/a.jsonl" "$t/c.jsonl" || fail "JSONL vs CSV input differ"
cmp "$t/a.jsonl.rejects.jsonl" "$t/b.jsonl.rejects.jsonl" || fail "rejects differ"
[ "$(wc -l < "$t/a.jsonl")" = 20000 ] || fail "bill count"

# 4. Resume: SIGKILL a run once it has checkpointed, resume, compare with the uninterrupted run.
python3 "$SRC/tests/bench/gen_bill_run.py" "$t/big" 100000 30000 >/dev/null
"$POWERDESK" bill-run --readings "$t/big/readings.jsonl" --customers "$t/big/customers.jsonl" -o "$t/full.jsonl" --threads 2 2>/dev/null
"$POWERDESK" bill-run --readings "$t/big/readings.jsonl" --customers "$t/big/customers.jsonl" -o "$t/cut.jsonl" \
  --threads 2 --checkpoint-ms 50 --chunk 256 2>/dev/null &
pid=$!
for _ in $(seq 1 600); do
  if [ -f "$t/cut.jsonl.checkpoint" ] && python3 -c "import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))['next_line']>1000 else 1)" "$t/cut.jsonl.checkpoint" 2>/dev/null; then break; fi
  sleep 0.05
done
kill -KILL "$pid" 2>/dev/null || fail "the run ended before it could be killed (make the input larger)"
wait "$pid" 2>/dev/null || true
[ -f "$t/cut.jsonl.checkpoint" ] || fail "no checkpoint after the kill"
killed_at=$(wc -l < "$t/cut.jsonl")
[ "$killed_at" -lt 100000 ] || fail "killed too late"
"$POWERDESK" bill-run --readings "$t/big/readings.jsonl" --customers "$t/big/customers.jsonl" -o "$t/cut.jsonl" --threads 1 --resume 2>/dev/null
cmp "$t/full.jsonl" "$t/cut.jsonl" || fail "resumed output differs from the uninterrupted run"
cmp "$t/full.jsonl.rejects.jsonl" "$t/cut.jsonl.rejects.jsonl" || fail "resumed rejects differ"
python3 -c "
import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
for k in ('readings','customers','kwh','amount','by_tariff','rejects_by_code'): assert a[k]==b[k], k
assert b['resumed'] is True
" "$t/full.jsonl.summary.json" "$t/cut.jsonl.summary.json" || fail "resumed summary totals differ"
echo "killed at line $killed_at of 100000; resume OK"
echo PASS
