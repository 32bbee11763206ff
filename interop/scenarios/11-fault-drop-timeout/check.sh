# Scenario 11 host check: the held bulk IN of the dropped command was cancelled, the host reset the device (port
# reset or BOT reset) and INQUIRY was answered GOOD again afterwards.
set -euo pipefail
sed -n '/armed fault drop/,$p' "$RUN/usbredir.log" | grep -E 'host cancelled bulk IN'
sed -n '/armed fault drop/,$p' "$RUN/usbredir.log" | grep -E 'USB port reset|Bulk-Only Mass Storage Reset'
python3 - "$CDB_LOG" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
armed = next(i for i, r in enumerate(rows) if r.get("note", "").startswith("armed fault drop"))
good = [r for r in rows[armed:] if "cdb" in r and r["cdb"].startswith("12") and r["status"] == "GOOD"]
print(f"{len(good)} GOOD INQUIRY after the dropped command")
if not good:
    sys.exit("INQUIRY never worked again")
PY
