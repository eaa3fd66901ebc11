#!/usr/bin/env bash
# Every example in docs/examples runs with the bundled packs and succeeds, so
# the documentation never shows a request the CLI would refuse.
set -euo pipefail
fail=0
for f in "$SRC"/docs/examples/*.json; do
  op=bill
  case "$(basename "$f")" in late-fee-*) op=late-fee ;; quote-*) op=quote ;; compare-*) op=compare ;; esac
  if ! out=$("$POWERDESK" --rules "$SRC/rules" "$op" "$f" --compact); then
    echo "FAIL: $f: $out"
    fail=1
  fi
done
[ "$fail" -eq 0 ] && echo "docs examples: all ran"
exit "$fail"
