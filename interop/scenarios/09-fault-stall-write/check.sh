# Scenario 9 host check: the disc (wodim -toc, cd-info, the export) ends exactly where wodim says the write failed,
# and what was written is the start of t1.wav.
set -euo pipefail
python3 - "$SHARE/out/wodim_burn.txt" "$SHARE/out/wodim_toc.txt" "$SHARE/out/cd_info.txt" "$EXPORT" "$SHARE/in/t1.wav" <<'PY'
import os, re, sys, wave
burn, toc, info, export, wav = sys.argv[1:]
written = int(re.search(r"error after (\d+) bytes", open(burn).read()).group(1))
sectors = written // 2352
leadout = int(re.search(r"track:lout lba:\s+(\d+)", open(toc).read()).group(1))
info_lo = int(re.search(r"^170:\s+\S+\s+(\d+)", open(info).read(), re.M).group(1))
print(f"wodim wrote {written} bytes = {sectors} sectors; wodim -toc lead-out {leadout}; cd-info lead-out {info_lo}")
problems = []
if written % 2352 or leadout != sectors or info_lo != sectors:
    problems.append("lead-out does not match the sectors written before the failure")
binp = os.path.join(export, "disc.bin")
data = open(binp, "rb").read() if os.path.exists(binp) else b""
with wave.open(wav) as w:
    pcm = w.readframes(w.getnframes())
if data != pcm[:written]:
    problems.append(f"export holds {len(data)} bytes that are not the first {written} bytes of t1.wav")
if problems:
    sys.exit("\n".join(problems))
print("OK")
PY
