import type { AudioFormat } from './types';

/** Detects the audio format from the first bytes of a file (at least 64 recommended; the first Ogg page for
 *  Ogg files), falling back to the file extension. Returns null for anything Kiln cannot decode. */
export function sniffFormat(head: Uint8Array, fileName = ''): AudioFormat | null {
  const s = (o: number, n: number) => String.fromCharCode(...head.subarray(o, o + n));
  if (s(0, 4) === 'fLaC') return 'flac';
  if (s(0, 4) === 'RIFF' && s(8, 4) === 'WAVE') return 'wav';
  if (s(0, 4) === 'OggS') {
    const text = s(0, Math.min(head.length, 512));
    if (text.includes('OpusHead')) return 'opus';
    if (text.includes('\x01vorbis')) return 'vorbis';
    if (text.includes('\x7fFLAC')) return null; // Ogg FLAC: not supported by the decoders we ship
    return null;
  }
  if (s(4, 4) === 'ftyp') return 'aac';
  if (s(0, 3) === 'ID3') return 'mp3';
  if (head.length >= 2 && head[0] === 0xff) {
    if ((head[1] & 0xf6) === 0xf0) return 'aac'; // ADTS: sync + layer 00
    if ((head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0) return 'mp3'; // MPEG audio frame sync, layer I–III
  }
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, AudioFormat> = { mp3: 'mp3', flac: 'flac', ogg: 'vorbis', oga: 'vorbis', opus: 'opus', wav: 'wav', m4a: 'aac', aac: 'aac', mp4: 'aac' };
  return byExt[ext] ?? null;
}
