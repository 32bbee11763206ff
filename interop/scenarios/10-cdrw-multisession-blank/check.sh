# Scenario 10 host check: after blanking and the cdrskin SAO burn the disc holds t3.wav only (track 1 at 0,
# lead-out 325): wodim -toc, the rip and the export agree and the audio is byte-identical.
set -euo pipefail
python3 "$ROOT/interop/lab/check_audio_disc.py" --pause 0 --toc "$SHARE/out/wodim_toc.txt" --rips "$SHARE/out" \
  --cue "$EXPORT/disc.cue" "$SHARE/in/t3.wav"
