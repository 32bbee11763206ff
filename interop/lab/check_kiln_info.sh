# Host check after a kiln fault scenario: the tracks kiln reported (kiln info --json in the guest, saved as
# $SHARE/out/kiln_info.json) are the tracks the virtual drive recorded (its CUE export read by cd-info): at least
# MIN_TRACKS tracks, same starts, and the last track ends at the export's lead-out.
# Usage: bash check_kiln_info.sh MIN_TRACKS. Env (from scripts/interop-lab): RUN, SHARE, EXPORT.
set -euo pipefail
min_tracks=${1:-1}
cd-info --no-header --no-device-info --no-cddb --no-analyze --cue-file "$EXPORT/disc.cue" > "$RUN/cd_info_export.txt" 2>&1 || true
python3 - "$SHARE/out/kiln_info.json" "$RUN/cd_info_export.txt" "$min_tracks" <<'PY'
import json, re, sys
info = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
min_tracks = int(sys.argv[3])
starts = [int(m.group(1)) for m in re.finditer(r"^\s*\d+:\s+\S+\s+(\d+)\s+audio", text, re.M)]
leadout = int(re.search(r"^170:\s+\S+\s+(\d+)", text, re.M).group(1))
kiln = [t["startLba"] for t in info["tracks"]]
kiln_end = info["tracks"][-1]["startLba"] + info["tracks"][-1]["lengthSectors"]
print(f"kiln info: starts {kiln}, end {kiln_end}; cd-info on the export: starts {starts}, lead-out {leadout}")
problems = []
if len(kiln) < min_tracks: problems.append(f"kiln reports fewer than {min_tracks} tracks")
if kiln != starts: problems.append("track starts differ")
if kiln_end != leadout: problems.append("end of the last track differs from the export's lead-out")
sys.exit("\n".join(problems)) if problems else print("OK")
PY
