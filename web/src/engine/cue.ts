/** CUE sheets for a BIN holding the disc's audio from LBA 0 (the 2-second pauses included as silence). */

/** "mm:ss:ff" of a position in a CUE file (relative to the file start, 75 frames per second). */
export function msf(lba: number): string {
  const f = lba % 75, s = Math.floor(lba / 75) % 60, m = Math.floor(lba / 4500);
  return [m, s, f].map((v) => String(v).padStart(2, '0')).join(':');
}

export interface CueTrack { number: number; startLba: number; pregap: number }

/** One FILE, one AUDIO TRACK per entry; INDEX 00 where a track's pregap starts, INDEX 01 at its start. */
export function buildCue(binName: string, tracks: readonly CueTrack[]): string {
  const lines = [`REM COMMENT "Kiln virtual drive"`, `FILE "${binName}" BINARY`];
  for (const t of tracks) {
    lines.push(`  TRACK ${String(t.number).padStart(2, '0')} AUDIO`);
    if (t.pregap > 0 && t.startLba - t.pregap >= 0) lines.push(`    INDEX 00 ${msf(t.startLba - t.pregap)}`);
    lines.push(`    INDEX 01 ${msf(t.startLba)}`);
  }
  return lines.join('\n') + '\n';
}
