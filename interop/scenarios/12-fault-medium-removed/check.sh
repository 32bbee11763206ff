# Scenario 12 host check: the disc ends exactly after the sectors of the WRITEs answered GOOD before the removal
# (from the CDB log), in wodim -toc, cd-info and the export, and those sectors are the start of t1.wav.
set -euo pipefail
python3 - "$CDB_LOG" "$SHARE/out/wodim_toc.txt" "$SHARE/out/cd_info.txt" "$EXPORT/disc.bin" "$SHARE/in/t1.wav" <<'PY'
import json, re, sys, wave
log, toc, info, binp, wav = sys.argv[1:]
rows = [json.loads(l) for l in open(log)]
written = sum(int(r["cdb"].replace(" ", "")[14:18], 16) for r in rows
              if "cdb" in r and r["cdb"].startswith("2a") and r["status"] == "GOOD")
removed = [r for r in rows if "cdb" in r and r["cdb"].startswith("2a") and r["sense"] == "2/3a/00"]
leadout = int(re.search(r"track:lout lba:\s+(\d+)", open(toc).read()).group(1))
info_lo = int(re.search(r"^170:\s+\S+\s+(\d+)", open(info).read(), re.M).group(1))
print(f"{written} sectors written GOOD, {len(removed)} WRITE answered 2/3A/00; lead-out: wodim {leadout}, cd-info {info_lo}")
with wave.open(wav) as w:
    pcm = w.readframes(w.getnframes())
data = open(binp, "rb").read()
problems = []
if not removed: problems.append("no WRITE saw the medium removed")
if not (written == leadout == info_lo): problems.append("lead-out is not where the writes stopped")
if data != pcm[:written * 2352]: problems.append("export is not the first written sectors of t1.wav")
sys.exit("\n".join(problems)) if problems else print("OK")
PY
