# Scenario 14 host check: the final (cdrdao raw) disc holds t1 and t2 with a 150-sector pregap in every reader and
# in the export, byte for byte; CD-TEXT (album + track titles) is in cdrdao read-toc's TOC and in the CUE export.
set -euo pipefail
python3 "$ROOT/interop/lab/check_audio_disc.py" --pause 150 --toc "$SHARE/out/wodim_toc.txt" \
  --read-toc "$SHARE/out/read_toc.toc" --cd-info "$SHARE/out/cd_info.txt" --cue "$EXPORT/disc.cue" \
  --rips "$SHARE/out" "$SHARE/in/t1.wav" "$SHARE/in/t2.wav"
for title in 'TITLE "Kiln Album"' 'TITLE "One"' 'TITLE "Two"' 'PERFORMER "Kiln"'; do
  grep -q "$title" "$SHARE/out/read_toc.toc" || { echo "cdrdao read-toc lacks $title"; exit 1; }
  grep -q "$title" "$EXPORT/disc.cue" || { echo "CUE export lacks $title"; exit 1; }
done
echo "CD-TEXT OK"
