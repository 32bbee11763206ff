# Shared by scripts/demo-burn and scripts/bench-burn (source it; bash).
#   kiln_find BUILD_DIR BUILD_TYPE   → sets $KILN (honours an existing $KILN), building target kiln if needed
#   drascula_album                   → prints Drascula's 31 tracks in numeric order (track1.ogg … track31.ogg)

KILN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DRASCULA_DIR=/usr/share/scummvm/drascula/audio

kiln_find() {
  local build="$1" type="${2:-RelWithDebInfo}"
  if [ -n "${KILN:-}" ]; then
    [ -x "$KILN" ] || { echo "KILN=$KILN is not executable" >&2; return 1; }
    return 0
  fi
  KILN="$KILN_ROOT/$build/native-helper/kiln"
  # Rebuild when missing, asked to, or not a working kiln (e.g. an old placeholder binary).
  if [ ! -x "$KILN" ] || [ -n "${KILN_REBUILD:-}" ] || ! "$KILN" --version 2>/dev/null | grep -q '^kiln'; then
    echo "building kiln ($type) in $build …" >&2
    local log="$KILN_ROOT/$build/kiln-build.log"
    mkdir -p "$KILN_ROOT/$build"
    if ! { cmake -S "$KILN_ROOT" -B "$KILN_ROOT/$build" -DCMAKE_BUILD_TYPE="$type" &&
           cmake --build "$KILN_ROOT/$build" --target kiln -j"$(nproc)"; } >"$log" 2>&1; then
      tail -30 "$log" >&2
      echo "building kiln failed (full log: $log)" >&2
      return 1
    fi
  fi
  export KILN
}

drascula_album() {
  local i
  if [ ! -e "$DRASCULA_DIR/track31.ogg" ]; then
    echo "Drascula's soundtrack is missing: apt-get install drascula-music (or run scripts/setup)" >&2
    return 1
  fi
  for i in $(seq 1 31); do echo "$DRASCULA_DIR/track$i.ogg"; done
}
