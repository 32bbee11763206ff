# Scenario 7 host check: after the fault was armed the drive answered 2/04/01 at least once, then GOOD again.
set -euo pipefail
python3 - "$CDB_LOG" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
armed = next(i for i, r in enumerate(rows) if r.get("note", "").startswith("armed fault not-ready"))
after = [r for r in rows[armed:] if "cdb" in r]
nr = [r for r in after if r["sense"] == "2/04/01"]
good_tur = [r for r in after if r["cdb"].startswith("00") and r["status"] == "GOOD"]
print(f"{len(nr)} answers 2/04/01 after arming, {len(good_tur)} GOOD TEST UNIT READY after")
if not nr or not good_tur or after.index(good_tur[-1]) < after.index(nr[-1]):
    sys.exit("expected 2/04/01 answers followed by ready again")
PY
