#!/usr/bin/env python3
"""Inputs that are not 44.1 kHz: a 48 kHz FLAC (sox) and a 48 kHz Opus (opusenc) made from a Drascula track are
burnt; each track has exactly round(frames × 44100 / 48000) frames (then padded to whole sectors), and its audio
matches sox's own 48→44.1 kHz conversion (correlation > 0.999 for FLAC, > 0.99 for lossy Opus)."""
import array
import math
import os
import subprocess

from kiln_e2e import SECTOR, check, drascula_tracks, info_json, kiln, main, parse_cue, read_bin, require_tools


def correlation(a, b):
    x, y = array.array("h"), array.array("h")
    x.frombytes(a)
    y.frombytes(b)
    n = min(len(x), len(y))
    sxy = sum(x[i] * y[i] for i in range(0, n, 7))
    sxx = sum(x[i] * x[i] for i in range(0, n, 7))
    syy = sum(y[i] * y[i] for i in range(0, n, 7))
    return sxy / math.sqrt(sxx * syy)


def frames48(path):
    return int(subprocess.run(["soxi", "-s", path], capture_output=True, text=True, check=True).stdout)


def test(work):
    require_tools("sox", "soxi", "opusenc")
    src = drascula_tracks()[30]  # track31.ogg, 41 s
    wav48 = os.path.join(work, "t48.wav")
    flac = os.path.join(work, "t48.flac")
    opus = os.path.join(work, "t48.opus")
    subprocess.run(["sox", src, "-r", "48000", "-b", "16", wav48], check=True, capture_output=True)
    subprocess.run(["sox", wav48, flac], check=True, capture_output=True)
    subprocess.run(["opusenc", "--quiet", wav48, opus], check=True, capture_output=True)
    n48 = frames48(wav48)
    expected_frames = (n48 * 44100 + 24000) // 48000

    drive = "virtual:" + os.path.join(work, "drive")
    kiln("burn", "--drive", drive, flac, opus)
    info = info_json(drive)
    check(len(info["tracks"]) == 2, "expected 2 tracks: %s" % info["tracks"])
    sectors = -(-expected_frames * 4 // SECTOR)
    for t in info["tracks"]:
        check(t["lengthSectors"] == sectors, "track %d: %d sectors, expected %d (%d frames)"
              % (t["number"], t["lengthSectors"], sectors, expected_frames))

    # The decoded stream itself has the exact length (not just whole sectors).
    for path in (flac, opus):
        raw = kiln("decode", path, "--out", os.path.join(work, "x.raw"))
        size = os.path.getsize(os.path.join(work, "x.raw"))
        check(size == expected_frames * 4, "%s decodes to %d bytes, expected %d" % (path, size, expected_frames * 4))

    cue = os.path.join(work, "disc.cue")
    kiln("export", "--drive", drive, "--cue", cue)
    binfile, cue_tracks = parse_cue(cue)
    ref = subprocess.run(["sox", wav48, "-t", "raw", "-e", "signed", "-b", "16", "-L", "-r", "44100", "-"],
                         capture_output=True, check=True).stdout
    for (path, floor), c in zip(((flac, 0.999), (opus, 0.99)), cue_tracks):
        got = read_bin(binfile, c["index1"], sectors)[:expected_frames * 4]
        r = correlation(ref, got)
        check(r > floor, "%s: correlation with sox's resampling %.5f <= %.3f" % (path, r, floor))


if __name__ == "__main__":
    main(test)
