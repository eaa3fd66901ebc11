#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`), replays the saved regressions
# and fuzzes every target for a bounded time, two at a time at most.
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET]     default 30; CI (tests/run.sh) uses 20
#
#   FUZZ_TARGETS="bill identity"  only these targets (default: every target built)
#   FUZZ_JOBS=1                   targets run side by side (default and maximum 2)
#
# Under build/fuzz/: corpus/<target>/ (what the fuzzer found, kept between
# runs), seeds/<target>/ (regenerated every run: the golden requests of the
# target's operation, the hand-written seeds of tests/fuzz/seeds/<target>/,
# for the bill-run targets the files of docs/examples/bill-run,
# the fixed regressions, and for add_pack every pack of tests/packs and
# rules/, see pack_seeds.py), dict/<target>.dict, artifacts/<target>/
# (crash-*, leak-*, timeout-*, oom-* reproducers) and logs/<target>.log. Fails naming the target and the reproducer when any
# regression or fuzz run fails. docs/reliability.md explains.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-30}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: tests/fuzz/run.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi
cores=$(nproc 2>/dev/null || echo 2)
jobs=${FUZZ_JOBS:-2}
((jobs > 2)) && jobs=2
((jobs > cores)) && jobs=$cores
((jobs < 1)) && jobs=1

root=build/fuzz
bin=$root/tests/fuzz
src=tests/fuzz

echo "fuzz: configure and build (preset fuzz, -j $jobs)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"

mapfile -t built < "$bin/targets.txt"
targets=()
if [ -n "${FUZZ_TARGETS:-}" ]; then
  for t in $FUZZ_TARGETS; do
    if printf '%s\n' "${built[@]}" | grep -qx "$t"; then targets+=("$t"); else
      echo "fuzz: no target '$t' in this build (built: ${built[*]})" >&2
      exit 2
    fi
  done
else
  targets=("${built[@]}")
fi

# Sanitizer reports: stop at the first error, full stacks; addr2line when
# llvm-symbolizer (Debian package llvm) is not installed.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allow_addr2line=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
limits=(-timeout=10 -rss_limit_mb=2048)

# The golden requests of a target's operation (tests/golden/<dir>/).
golden_dirs() {
  case "$1" in
    late_fee) echo late-fee ;;
    star_tier) echo tier ;;
    validate_application) echo "validate application" ;;
    add_pack | identity | batch_* | checkpoint | server_text) ;;
    *) echo "$1" ;;
  esac
}

prepare() {  # seeds and dictionary of target $1
  local t=$1 seeds=$root/seeds/$1 d f
  rm -rf "$seeds"
  mkdir -p "$seeds" "$root/corpus/$t" "$root/artifacts/$t" "$root/logs" "$root/dict"
  for d in $(golden_dirs "$t"); do
    for f in tests/golden/"$d"/*.request.json; do
      [ -f "$f" ] && cp "$f" "$seeds/golden-$(basename "$f")"
    done
  done
  if [ "$t" = add_pack ]; then  # every pack, the large ones cut into small ones that load
    find tests/packs rules -name '*.json' -not -path 'rules/schema/*' -print0 |
      xargs -0 python3 "$src/pack_seeds.py" "$seeds" ||
      echo "fuzz: warning: some add_pack seeds could not be written (see above)" >&2
  fi
  case "$t" in  # the docs example of bill-run (the first byte of a customers seed picks CSV)
    batch_jsonl) cp docs/examples/bill-run/readings.jsonl "$seeds/docs-example-readings.jsonl" ;;
    batch_customers) { printf c; cat docs/examples/bill-run/customers.csv; } > "$seeds/docs-example-customers.csv" ;;
  esac
  if [ -d "$src/seeds/$t" ]; then cp "$src/seeds/$t"/* "$seeds/"; fi
  # Fixed regressions are good seeds too (open ones would only re-find their crash).
  for f in "$src/regressions/$t"/*; do
    case "$(basename "$f")" in open-* | README* | *.md) ;; *) [ -f "$f" ] && cp "$f" "$seeds/regression-$(basename "$f")" ;; esac
  done
  # libFuzzer starts from nothing too, but a JSON object is a better first guess.
  [ -n "$(find "$seeds" -type f | head -1)" ] || printf '{}' > "$seeds/empty-object"
  if [ "$t" = identity ]; then
    cp "$src/dict/identity.dict" "$root/dict/$t.dict"
  else
    cat "$src/dict/json.dict" > "$root/dict/$t.dict"
    [ -f "$src/dict/$t.dict" ] && cat "$src/dict/$t.dict" >> "$root/dict/$t.dict"
  fi
}

failures=()
report_failure() {  # target, what, reproducer, log
  [[ " ${failures[*]} " == *" $1 "* ]] || failures+=("$1")
  echo
  echo "FUZZ FAILURE: target $1 $2"
  echo "  reproducer: $3"
  echo "  reproduce:  $bin/fuzz_$1 $3"
  [ -n "${4:-}" ] && echo "  log:        $4"
  local first
  first=$(grep -n -m1 -E '==[0-9]+==ERROR|runtime error:|PowerDesk fuzz invariant|ERROR: libFuzzer' "${4:-/dev/null}" |
    cut -d: -f1 || true)
  if [ -n "$first" ]; then
    echo "  ---- the report (40 lines of $(basename "$4")) ----"
    sed -n "${first},$((first + 39))p" "$4" | sed 's/^/  | /'
  fi
}

echo "fuzz: targets ${targets[*]}"
for t in "${targets[@]}"; do prepare "$t"; done

# 1. Regressions: every saved reproducer must pass, except those of defects
# still open (open-*), which are reported without failing the run.
for t in "${targets[@]}"; do
  dir=$src/regressions/$t
  [ -d "$dir" ] || continue
  for f in "$dir"/*; do
    [ -f "$f" ] || continue
    name=$(basename "$f")
    case "$name" in README* | *.md) continue ;; esac
    log=$root/logs/regression-$t-$name.log
    if "$bin/fuzz_$t" "${limits[@]}" "$f" >"$log" 2>&1; then
      case "$name" in
        open-*) echo "fuzz: regression $t/$name passes now: rename it without open- so it guards the fix" ;;
        *) echo "fuzz: regression $t/$name passes" ;;
      esac
    else
      case "$name" in
        open-*) echo "fuzz: OPEN DEFECT $t/$name still fails (known, not failing the run; log $log)" ;;
        *) report_failure "$t" "fails its regression test" "$f" "$log" ;;
      esac
    fi
  done
done

# 2. Fuzzing, $jobs targets at a time.
run_one() {
  local t=$1 log=$root/logs/$1.log rc=0
  "$bin/fuzz_$t" "${limits[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$root/artifacts/$t/" -dict="$root/dict/$t.dict" \
    "$root/corpus/$t" "$root/seeds/$t" >"$log" 2>&1 || rc=$?
  echo "$rc" > "$root/logs/$t.rc"
}
echo "fuzz: ${seconds}s per target, $jobs at a time"
running=0
for t in "${targets[@]}"; do
  rm -f "$root/logs/$t.rc"
  run_one "$t" &
  running=$((running + 1))
  if ((running >= jobs)); then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

for t in "${targets[@]}"; do
  log=$root/logs/$t.log
  rc=$(cat "$root/logs/$t.rc" 2>/dev/null || echo 1)
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  corpus=$(find "$root/corpus/$t" -type f | wc -l)
  if [ "$rc" = 0 ]; then
    printf 'fuzz: %-22s ok   %9s runs, %5s edges covered, %5s corpus files\n' "$t" "${runs:-?}" "${cov:-?}" "$corpus"
    continue
  fi
  artifact=$(grep -o 'Test unit written to .*' "$log" | tail -1 | sed 's/^Test unit written to //' || true)
  kind=$(basename "${artifact:-none}" | cut -d- -f1)
  case "$kind" in
    crash | leak | timeout | oom | slow) what="found a $kind (exit $rc)" ;;
    *) what="failed (exit $rc, no reproducer written)" ;;
  esac
  report_failure "$t" "$what" "${artifact:-see the log}" "$log"
done

if ((${#failures[@]})); then
  echo
  echo "fuzz FAILED: ${failures[*]}" >&2
  echo "Keep each reproducer as a regression: cp REPRODUCER tests/fuzz/regressions/<target>/ (docs/reliability.md)." >&2
  exit 1
fi
echo "fuzz: all targets passed"
