# Scenario 3 host check: the disc wodim wrote holds exactly the WAV audio (plus -pad zeros and silent pauses), and
# wodim -toc and cd-info agree on the layout: track 1 at LBA 0, each later track 150 sectors after the previous one
# ends (TAO pause, MMC-6 §4.5), audio tracks only.
set -euo pipefail
python3 "$ROOT/interop/lab/check_audio_disc.py" --toc "$SHARE/out/wodim_toc.txt" --cd-info "$SHARE/out/cd_info.txt" \
  --rips "$SHARE/out" --pause 150 "$SHARE/in/t1.wav" "$SHARE/in/t2.wav" "$SHARE/in/t3.wav"
