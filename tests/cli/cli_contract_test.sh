#!/usr/bin/env bash
# The CLI contract, as a user or a script sees it:
#   exit 0 = success, JSON result on stdout;
#   exit 2 = bad input, error JSON on stdout and exactly one line on stderr;
#   exit 1 = internal failure.
# Needs POWERDESK (the binary) and SRC (the source tree); uses bash and python3.
set -euo pipefail

: "${POWERDESK:?set POWERDESK to the powerdesk binary}"
: "${SRC:?set SRC to the source directory}"

PACKS="$SRC/tests/packs"
FIX="$SRC/tests/fixtures/requests"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

CASE=""
OUT=""
ERR=""
RC=0

fail() {
  echo "FAIL [$CASE]: $*" >&2
  echo "  exit status: $RC" >&2
  echo "  stdout: ${OUT:0:600}" >&2
  echo "  stderr: ${ERR:0:600}" >&2
  exit 1
}

# run [ARGS...]: runs powerdesk with stdin from $STDIN (default /dev/null);
# sets RC, OUT, ERR and keeps the raw streams in $TMP/out and $TMP/err.
run() {
  set +e
  "$POWERDESK" "$@" <"${STDIN:-/dev/null}" >"$TMP/out" 2>"$TMP/err"
  RC=$?
  set -e
  OUT="$(cat "$TMP/out")"
  ERR="$(cat "$TMP/err")"
}

expect_rc() {
  [[ "$RC" == "$1" ]] || fail "exit status $RC, expected $1"
}

# expect_json EXPR VALUE [EXPR VALUE ...]: each Python expression over
# d = the stdout JSON prints VALUE. One python3 run checks all pairs.
expect_json() {
  local msg
  msg="$(python3 -S - "$TMP/out" "$@" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print(f"stdout is not JSON ({e})")
    sys.exit(1)
args = sys.argv[2:]
for expr, want in zip(args[0::2], args[1::2]):
    try:
        got = str(eval(expr))
    except Exception as e:
        got = f"<{type(e).__name__}: {e}>"
    if got != want:
        print(f"{expr} is '{got}', expected '{want}'")
        sys.exit(1)
PY
)" || fail "$msg"
}

stdout_lines() { wc -l <"$TMP/out" | tr -d ' '; }
stderr_lines() { wc -l <"$TMP/err" | tr -d ' '; }

# A bad-input response: exit 2, ok false, first error CODE (at PATH if
# given), and one stderr line "powerdesk: CODE ...".
expect_bad_input() {
  local code="$1" path="${2-}"
  expect_rc 2
  local checks=('d["ok"]' False 'd["api_version"]' 1 'd["errors"][0]["code"]' "$code"
    'all(e["severity"] == "error" and e["message"]["zh"] and e["message"]["en"] for e in d["errors"])' True
    'all(e["path"] == "" or e["path"].startswith("/") for e in d["errors"])' True)
  [[ -z "$path" ]] || checks+=('d["errors"][0]["path"]' "$path")
  expect_json "${checks[@]}"
  [[ "$(stderr_lines)" == 1 ]] || fail "stderr has $(stderr_lines) lines, expected exactly 1"
  [[ "$ERR" == "powerdesk: $code"* ]] || fail "stderr does not start with 'powerdesk: $code'"
}

# ---- bill ----------------------------------------------------------------------

CASE="bill from a file"
run --rules "$PACKS" bill "$FIX/bill-zj-example-a.json"
expect_rc 0
expect_json 'd["ok"]' True \
  'd["api_version"]' 1 \
  'd["result"]["total"]' 118.50 \
  'd["result"]["energy_kwh"]' 250
[[ -z "$ERR" ]] || fail "stderr is not empty on success"
[[ "$(stdout_lines)" -gt 1 ]] || fail "default output should be indented over several lines"

CASE="bill from stdin (-)"
STDIN="$FIX/bill-zj-example-a.json" run --rules "$PACKS" bill -
expect_rc 0
expect_json 'd["ok"]' True \
  'd["result"]["total"]' 118.50

CASE="bill from stdin (no file argument)"
STDIN="$FIX/bill-zj-example-a.json" run --rules "$PACKS" bill
expect_rc 0
expect_json 'd["result"]["total"]' 118.50

CASE="bill --compact prints one line"
run --rules "$PACKS" --compact bill "$FIX/bill-zj-example-a.json"
expect_rc 0
[[ "$(stdout_lines)" == 1 ]] || fail "--compact printed $(stdout_lines) lines"
expect_json 'd["result"]["total"]' 118.50
compact="$OUT"

CASE="--compact after the subcommand"
run --rules "$PACKS" bill "$FIX/bill-zj-example-a.json" --compact
expect_rc 0
[[ "$OUT" == "$compact" ]] || fail "--compact after the subcommand gives different output"

CASE="bill with POWERDESK_RULES instead of --rules"
POWERDESK_RULES="$PACKS" run --compact bill "$FIX/bill-zj-example-a.json"
expect_rc 0
[[ "$OUT" == "$compact" ]] || fail "POWERDESK_RULES gives different output"

CASE="bad input: negative kWh"
run --rules "$PACKS" bill "$FIX/bill-negative-kwh.json"
expect_bad_input PD_NUMBER_OUT_OF_RANGE /usage/kwh_by_period/peak

CASE="bad input: malformed JSON on stdin"
printf '{"region": "zj-test",' >"$TMP/truncated.json"
STDIN="$TMP/truncated.json" run --rules "$PACKS" bill -
expect_bad_input PD_JSON_MALFORMED

CASE="bad input: unknown region, compact"
printf '{"region":"mars","tariff":"residential","period":{"start":"2025-03-01","end":"2025-03-31"},"usage":{"kwh":"1"}}' \
  >"$TMP/mars.json"
run --rules "$PACKS" --compact bill "$TMP/mars.json"
expect_bad_input PD_REGION_UNKNOWN /region
[[ "$(stdout_lines)" == 1 ]] || fail "--compact error printed $(stdout_lines) lines"

CASE="bad input: invalid UTF-8"
printf '{"region":"zj\xff"}' >"$TMP/utf8.json"
run --rules "$PACKS" bill "$TMP/utf8.json"
expect_bad_input PD_JSON_MALFORMED

CASE="unreadable input file"
run --rules "$PACKS" bill "$TMP/no-such-request.json"
expect_bad_input PD_FILE_UNREADABLE

if [[ "$(id -u)" != 0 ]]; then  # root reads anything
  CASE="input file without read permission"
  cp "$FIX/bill-zj-example-a.json" "$TMP/secret.json"
  chmod 000 "$TMP/secret.json"
  run --rules "$PACKS" bill "$TMP/secret.json"
  expect_bad_input PD_FILE_UNREADABLE
fi

CASE="missing rules directory"
run --rules "$TMP/no-such-rules" bill "$FIX/bill-zj-example-a.json"
expect_bad_input PD_FILE_UNREADABLE

# ---- late fee ------------------------------------------------------------------

CASE="late-fee"
run --rules "$PACKS" late-fee "$FIX/late-fee-residential.json"
expect_rc 0
expect_json 'd["ok"]' True \
  'd["result"]["total"]' 1.80 \
  'd["result"]["lines"][0]["days"]' 18

CASE="late-fee bad customer_class"
sed 's/"residential"/"business"/' "$FIX/late-fee-residential.json" >"$TMP/fee-bad.json"
STDIN="$TMP/fee-bad.json" run --rules "$PACKS" late-fee -
expect_bad_input PD_ENUM_INVALID /customer_class

# ---- rules ---------------------------------------------------------------------

CASE="rules list"
run --rules "$PACKS" rules list
expect_rc 0
expect_json 'd["ok"]' True \
  '"zj-test-2024" in [p["id"] for p in d["result"]["packs"]]' True \
  '"test-national" in [p["id"] for p in d["result"]["packs"]]' True \
  'sorted(t["code"] for p in d["result"]["packs"] if p["id"] == "zj-test-2024" for t in p["tariffs"])' \
  "['agricultural', 'commercial_single', 'commercial_two_part', 'residential', 'residential_tou']"

CASE="rules check on the bundled packs"
run rules check "$SRC/rules"
expect_rc 0
expect_json 'd["ok"]' True \
  'len(d["result"]["packs"]) >= 6' True
[[ "$(stderr_lines)" == 1 && "$ERR" == "powerdesk: "*" valid" ]] || fail "stderr should be one 'valid' line"

CASE="rules check on the frozen test packs"
run rules check "$PACKS"
expect_rc 0

CASE="rules check on a directory with one broken pack"
mkdir -p "$TMP/packs"
cp "$PACKS"/*.json "$TMP/packs/"
python3 - "$PACKS/zj-test-2024.json" "$TMP/packs/zj-test-2024.json" <<'PY'
import json, sys
pack = json.load(open(sys.argv[1], encoding="utf-8"))
# A one-hour gap: valley now ends at 07:00, peak starts at 08:00.
pack["tou_schedules"]["residential"]["seasons"][0]["windows"][1]["to"] = "07:00"
json.dump(pack, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
run --compact rules check "$TMP/packs"
expect_bad_input PD_PACK_INVALID /tou_schedules/residential/seasons/0/windows
expect_json 'd["errors"][0]["file"].endswith("zj-test-2024.json")' True \
  'all(e["file"].endswith("zj-test-2024.json") for e in d["errors"])' True
[[ "$ERR" == *"/tou_schedules/residential/seasons/0/windows"* ]] || fail "stderr does not name the JSON pointer"

CASE="rules check on an empty directory"
mkdir -p "$TMP/empty"
run rules check "$TMP/empty"
expect_bad_input PD_FILE_UNREADABLE

# ---- usage errors --------------------------------------------------------------

CASE="unknown subcommand"
run --rules "$PACKS" frobnicate
expect_rc 2

CASE="no subcommand"
run
expect_rc 2

CASE="rules without a subcommand"
run rules
expect_rc 2

CASE="--help"
run --help
expect_rc 0
[[ "$OUT" == *"bill"* && "$OUT" == *"late-fee"* && "$OUT" == *"rules"* ]] || fail "--help does not list the subcommands"

CASE="bill --help"
run bill --help
expect_rc 0

# Last, so that it cannot hide the checks above: a directory given as the
# request file is unreadable input, not malformed JSON.
CASE="input path is a directory"
run --rules "$PACKS" bill "$TMP"
expect_bad_input PD_FILE_UNREADABLE

echo "cli_contract: all checks passed"
