# Scenario 3 host check: the disc wodim wrote holds exactly the WAV audio (plus -pad zeros and silent pauses), and
# wodim -toc (guest), cd-info (guest, through the kernel), cd-info on the virtual drive's CUE/BIN export (host) and
# the export's own CUE/BIN agree on the layout: track 1 at LBA 0, each later track 150 sectors after the previous
# one ends (TAO pause, MMC-6 §4.5), audio tracks only; the rips and the BIN hold the WAV PCM byte for byte.
set -euo pipefail
[[ -f "$EXPORT/disc.cue" ]] || { echo "no export $EXPORT/disc.cue"; exit 1; }
cat "$EXPORT/disc.cue"
cd-info --no-header --no-device-info --no-cddb --no-analyze --cue-file "$EXPORT/disc.cue" > "$RUN/cd_info_export.txt" 2>&1 || true
python3 "$ROOT/interop/lab/check_audio_disc.py" --toc "$SHARE/out/wodim_toc.txt" \
  --cd-info "$SHARE/out/cd_info.txt" --cd-info "$RUN/cd_info_export.txt" --cue "$EXPORT/disc.cue" \
  --rips "$SHARE/out" --pause 150 "$SHARE/in/t1.wav" "$SHARE/in/t2.wav" "$SHARE/in/t3.wav"
