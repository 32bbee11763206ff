# Burns the same three WAVs with `kiln burn` into a fresh in-process virtual drive on the host and compares its
# export with the export of the disc the guest's burner wrote: same CUE layout (INDEX positions), same BIN bytes.
# TAO burns only (kiln writes Track-At-Once). Env: KILN_BIN (empty: skipped, says so), RUN, SHARE, EXPORT.
set -euo pipefail
if [[ -z "${KILN_BIN:-}" ]]; then echo "SKIP kiln comparison: no kiln CLI"; exit 0; fi
dir="$RUN/kiln-host"
rm -rf "$dir" && mkdir -p "$dir"
"$KILN_BIN" burn --drive "virtual:$dir/drive" --media cdr80 "$SHARE/in/t1.wav" "$SHARE/in/t2.wav" "$SHARE/in/t3.wav" > "$dir/burn.log" 2>&1 \
  || { tail -20 "$dir/burn.log"; echo "kiln burn failed"; exit 1; }
"$KILN_BIN" export --drive "virtual:$dir/drive" --cue "$dir/disc.cue" > "$dir/export.log" 2>&1 \
  || { cat "$dir/export.log"; echo "kiln export failed"; exit 1; }
index_lines() { grep -E '^\s*(TRACK|INDEX)' "$1" | tr -s ' '; }
if ! diff <(index_lines "$EXPORT/disc.cue") <(index_lines "$dir/disc.cue"); then
  echo "kiln's TAO layout differs from the guest burner's"; exit 1
fi
cmp "$EXPORT/disc.bin" "$dir/disc.bin" || { echo "kiln's BIN differs from the guest burner's"; exit 1; }
echo "kiln (in-process virtual drive) wrote the same disc: same CUE layout, BIN identical ($(stat -c %s "$dir/disc.bin") bytes)"
