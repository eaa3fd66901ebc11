#!/usr/bin/env bash
# Rewrites every NAME.response.json from the native CLI. Review the diff!
set -euo pipefail
cd "$(dirname "$0")"
cli=${POWERDESK:-../../build/native-debug/native/cli/powerdesk}
for req in */*.request.json; do
  op=$(dirname "$req")
  out=${req%.request.json}.response.json
  # Billing runs on the frozen test packs; business rules on the real ones.
  case "$op" in bill|late-fee) rules=../packs ;; *) rules=../../rules ;; esac
  "$cli" --rules "$rules" "$op" "$req" --compact > "$out" || true  # error cases exit 2 by design
done
echo "regenerated $(ls */*.response.json | wc -l) responses"
