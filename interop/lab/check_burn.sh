# Host check of a burn scenario (run by its check.sh): `bash check_burn.sh PAUSE`. The disc holds exactly the three
# WAVs of make_wavs.sh (plus zero padding and silent pauses of PAUSE sectors between tracks), and every reader
# agrees on that layout: wodim -toc, cdrdao read-toc and cd-info in the guest (through the kernel), cd-info on the
# virtual drive's CUE/BIN export on the host, and the CUE itself; cdparanoia rips and the BIN hold the WAV PCM
# byte for byte. Env (from scripts/interop-lab): ROOT, RUN, SHARE, EXPORT.
set -euo pipefail
pause=$1
[[ -f "$EXPORT/disc.cue" ]] || { echo "no export $EXPORT/disc.cue"; exit 1; }
cat "$EXPORT/disc.cue"
cd-info --no-header --no-device-info --no-cddb --no-analyze --cue-file "$EXPORT/disc.cue" > "$RUN/cd_info_export.txt" 2>&1 || true
python3 "$ROOT/interop/lab/check_audio_disc.py" --pause "$pause" --toc "$SHARE/out/wodim_toc.txt" \
  --read-toc "$SHARE/out/read_toc.toc" --cd-info "$SHARE/out/cd_info.txt" --cd-info "$RUN/cd_info_export.txt" \
  --cue "$EXPORT/disc.cue" --rips "$SHARE/out" "$SHARE/in/t1.wav" "$SHARE/in/t2.wav" "$SHARE/in/t3.wav"
