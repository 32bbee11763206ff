# Scenario 8 host check: the phase error made the host reset the device (BOT reset FFh or a USB port reset) and
# commands were answered after that reset.
set -euo pipefail
grep -E 'Bulk-Only Mass Storage Reset|USB port reset' "$RUN/usbredir.log"
python3 - "$CDB_LOG" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
armed = next(i for i, r in enumerate(rows) if r.get("note", "").startswith("armed fault phase-error"))
after = [r for r in rows[armed:] if "cdb" in r and r["cdb"].startswith("12") and r["status"] == "GOOD"]
print(f"{len(after)} GOOD INQUIRY after the phase error")
if len(after) < 2:
    sys.exit("expected INQUIRY to work after the phase error")
PY
