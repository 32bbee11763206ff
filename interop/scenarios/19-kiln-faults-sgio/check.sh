# Scenario 19 host check: the tracks kiln reports after the faults (kiln info --json in the guest, through SG_IO)
# are the tracks the virtual drive recorded (its CUE export read by cd-info): same count, starts and lead-out.
set -euo pipefail
cd-info --no-header --no-device-info --no-cddb --no-analyze --cue-file "$EXPORT/disc.cue" > "$RUN/cd_info_export.txt" 2>&1 || true
python3 - "$SHARE/out/kiln_info.json" "$RUN/cd_info_export.txt" <<'PY'
import json, re, sys
info = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
starts = [int(m.group(1)) for m in re.finditer(r"^\s*\d+:\s+\S+\s+(\d+)\s+audio", text, re.M)]
leadout = int(re.search(r"^170:\s+\S+\s+(\d+)", text, re.M).group(1))
kiln = [t["startLba"] for t in info["tracks"]]
kiln_end = info["tracks"][-1]["startLba"] + info["tracks"][-1]["lengthSectors"]
print(f"kiln info: starts {kiln}, end {kiln_end}; cd-info on the export: starts {starts}, lead-out {leadout}")
problems = []
if len(kiln) < 2: problems.append("kiln reports fewer than the 2 tracks written before the removal")
if kiln != starts: problems.append("track starts differ")
if kiln_end != leadout: problems.append("end of the last track differs from the export's lead-out")
sys.exit("\n".join(problems)) if problems else print("OK")
PY
