# Scenario 13 host check: parse readom -fulltoc (descriptors "SS AC TT PT ... PM PS PF") and compare with wodim -toc.
set -euo pipefail
python3 - "$SHARE/out/fulltoc.txt" "$SHARE/out/wodim_toc.txt" <<'PY'
import re, sys
full, toc = open(sys.argv[1]).read(), open(sys.argv[2]).read()
starts = [int(x) for x in re.findall(r"track:\s+\d+ lba:\s+(\d+)", toc)]
leadout = int(re.search(r"track:lout lba:\s+(\d+)", toc).group(1))
desc = [bytes.fromhex(l.replace(" ", "")) for l in re.findall(r"^((?:[0-9A-F]{2} ){10}[0-9A-F]{2})\s*$", full, re.M)]
print(f"{len(desc)} descriptors; wodim -toc starts {starts}, lead-out {leadout}")
msf = lambda d: (d[8] * 60 + d[9]) * 75 + d[10] - 150
problems = []
points = {d[3]: d for d in desc if d[0] == 1}
for d in desc:
    if d[0] == 1 and (d[3] <= 0x99 or d[3] in (0xA0, 0xA1, 0xA2)) and d[1] != 0x10:
        problems.append(f"point {d[3]:02X}: ADR/CONTROL byte {d[1]:02X}, expected 10 (ADR 1, audio CONTROL 0)")
if 0xA0 not in points or points[0xA0][8] != 1: problems.append("A0 does not name track 1")
if 0xA1 not in points or points[0xA1][8] != len(starts): problems.append(f"A1 does not name track {len(starts)}")
if 0xA2 not in points or msf(points[0xA2]) != leadout: problems.append("A2 is not the lead-out")
for n, s in enumerate(starts, 1):
    if n not in points or msf(points[n]) != s: problems.append(f"track {n} point does not start at {s}")
print("\n".join("DIFF: " + p for p in problems) or "OK")
sys.exit(1 if problems else 0)
PY
