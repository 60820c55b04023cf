#!/usr/bin/env bash
# Replays Northpay webhook deliveries that failed (saved as JSON in the dead-letter folder) against a
# checkout instance, signed the way Northpay signs them. For staging and incident clean-up only.
# @risk R-2
#
# Usage: scripts/replay-webhooks.sh DEAD_LETTER_DIR [BASE_URL]
set -euo pipefail

dir="${1:?usage: replay-webhooks.sh DEAD_LETTER_DIR [BASE_URL]}"
base_url="${2:-http://localhost:8080}"
secret="${NORTHPAY_WEBHOOK_SECRET:?set NORTHPAY_WEBHOOK_SECRET; unsigned replays are refused}"

shopt -s nullglob
files=("$dir"/*.json)
if [ ${#files[@]} -eq 0 ]; then
  echo "no deliveries in $dir"
  exit 0
fi

failed=0
for file in "${files[@]}"; do
  body="$(cat "$file")"
  timestamp="$(date +%s)"
  signature="$(printf '%s.%s' "$timestamp" "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')"
  status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$base_url/webhooks/northpay" \
    -H 'content-type: application/json' \
    -H "northpay-signature: t=$timestamp,v1=$signature" \
    --data-binary "@$file")"
  if [ "$status" = "200" ] || [ "$status" = "202" ]; then
    echo "replayed $(basename "$file") -> $status"
    mv "$file" "$file.done"
  else
    echo "FAILED $(basename "$file") -> $status" >&2
    failed=$((failed + 1))
  fi
done

[ "$failed" -eq 0 ]
