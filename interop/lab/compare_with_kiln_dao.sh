# Burns the same three WAVs with `kiln burn --dao` (disc-at-once, RAW write mode through RawImageCreator +
# RawCdWriter) into a fresh in-process virtual drive on the host, and compares its export with the export of the
# disc the guest's burner wrote disc-at-once: same CUE layout (TRACK/INDEX positions), same BIN bytes (program
# area and lead-out position). Usage: bash compare_with_kiln_dao.sh PAUSE_SECONDS (0 = gapless).
# Env: KILN_BIN (empty: skipped, says so), RUN, SHARE, EXPORT.
set -euo pipefail
gap=${1:-0}
if [[ -z "${KILN_BIN:-}" ]]; then echo "SKIP kiln --dao comparison: no kiln CLI"; exit 0; fi
dir="$RUN/kiln-host-dao"
rm -rf "$dir" && mkdir -p "$dir"
gap_args=()
[[ "$gap" != 0 ]] && gap_args=(--gap "$gap")
"$KILN_BIN" burn --dao "${gap_args[@]}" --drive "virtual:$dir/drive" --media cdr80 \
  "$SHARE/in/t1.wav" "$SHARE/in/t2.wav" "$SHARE/in/t3.wav" > "$dir/burn.log" 2>&1 \
  || { tail -20 "$dir/burn.log"; echo "kiln burn --dao failed"; exit 1; }
"$KILN_BIN" export --drive "virtual:$dir/drive" --cue "$dir/disc.cue" > "$dir/export.log" 2>&1 \
  || { cat "$dir/export.log"; echo "kiln export failed"; exit 1; }
index_lines() { grep -E '^\s*(TRACK|INDEX)' "$1" | tr -s ' '; }
if ! diff <(index_lines "$EXPORT/disc.cue") <(index_lines "$dir/disc.cue"); then
  echo "kiln --dao's layout differs from the guest burner's"; exit 1
fi
cmp "$EXPORT/disc.bin" "$dir/disc.bin" || { echo "kiln --dao's BIN differs from the guest burner's"; exit 1; }
echo "kiln --dao (in-process virtual drive) wrote the same disc: same CUE layout, BIN identical ($(stat -c %s "$dir/disc.bin") bytes)"
