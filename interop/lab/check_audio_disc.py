#!/usr/bin/env python3
"""Checks an audio CD written Track-At-Once against the WAV files it was burned from (interop lab, host side).

Expected layout (MMC-6 §4.5, TAO): track 1 at LBA 0; track i+1 starts `pause` sectors after track i ends; a track
takes ceil(bytes / 2352) sectors (the burner pads the last one with zeros). Every source given is compared with:
  --toc FILE      `wodim -toc` output            → track start LBAs and lead-out
  --read-toc FILE `cdrdao read-toc` TOC file     → track start LBAs (FILE offsets + START) and lead-out
  --cd-info FILE  `cd-info` output (repeatable)  → track start LSNs, lead-out, audio type
  --rips DIR      cdparanoia -B rips trackNN.cdda.wav → audio bytes, then only zeros up to the next track
  --cue FILE      a CUE sheet with its BIN (the virtual drive's export) → INDEX 01 positions and BIN bytes
Exit status 1 with one line per difference."""
import argparse
import math
import os
import re
import sys
import wave

SECTOR = 2352


def pcm(path):
    with wave.open(path, "rb") as w:
        if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (2, 2, 44100):
            sys.exit(f"{path}: not 44.1 kHz 16-bit stereo")
        return w.readframes(w.getnframes())


def expected_layout(sources, pause):
    starts, lengths, lba = [], [], 0
    for data in sources:
        n = max(300, math.ceil(len(data) / SECTOR))
        starts.append(lba)
        lengths.append(n)
        lba += n + pause
    return starts, lengths, starts[-1] + lengths[-1]


def parse_wodim_toc(text):
    starts, leadout = [], None
    for m in re.finditer(r"track:\s*(\d+|lout)\s+lba:\s+(-?\d+)", text):
        if m.group(1) == "lout":
            leadout = int(m.group(2))
        else:
            starts.append(int(m.group(2)))
    return starts, leadout


def parse_cd_info(text):
    starts, leadout, types = [], None, []
    for m in re.finditer(r"^\s*(\d+):\s+\d\d:\d\d:\d\d\s+(\d+)\s+(\w+)", text, re.M):
        if m.group(1) == "170":
            leadout = int(m.group(2))
        else:
            starts.append(int(m.group(2)))
            types.append(m.group(3))
    return starts, leadout, types


def msf_frames(text):
    if text == "0":
        return 0
    m, sec, f = (int(x) for x in text.split(":"))
    return (m * 60 + sec) * 75 + f


def parse_cdrdao_toc(text):
    """`cdrdao read-toc` output: FILE "x" <offset> <length> per track, START <pregap> → INDEX 01 LBAs, lead-out."""
    starts, pos = [], 0
    for block in re.split(r"^TRACK\s+", text, flags=re.M)[1:]:
        m = re.search(r'^FILE\s+"[^"]*"\s+(\S+)\s+(\S+)', block, re.M)
        start = re.search(r"^START\s+(\S+)", block, re.M)
        starts.append(pos + (msf_frames(start.group(1)) if start else 0))
        pos += msf_frames(m.group(2))
    return starts, pos


def parse_cue(path):
    """Returns (bin path, [INDEX 01 LBA per track], [track types])."""
    text = open(path).read()
    file_m = re.search(r'^\s*FILE\s+"?([^"\n]+?)"?\s+BINARY', text, re.M)
    if not file_m:
        sys.exit(f"{path}: no FILE … BINARY line")
    starts, types = [], []
    for block in re.split(r"^\s*TRACK\s+", text, flags=re.M)[1:]:
        types.append(block.split()[1])
        m = re.search(r"INDEX\s+01\s+(\d+):(\d+):(\d+)", block)
        starts.append((int(m.group(1)) * 60 + int(m.group(2))) * 75 + int(m.group(3)))
    return os.path.join(os.path.dirname(path), file_m.group(1)), starts, types


def compare_audio(what, got, want, allowed_len):
    """`got` must be `want` followed only by zeros, `allowed_len` bytes long."""
    problems = []
    if len(got) != allowed_len:
        problems.append(f"{what}: {len(got)} bytes, expected {allowed_len}")
    if got[:len(want)] != want:
        first = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
        swapped = bytes(b for pair in zip(want[1::2], want[0::2]) for b in pair)
        hint = " (byte-swapped: big-endian samples)" if got[:len(want)] == swapped else ""
        problems.append(f"{what}: audio differs from the source at byte {first} (sector {first // SECTOR}){hint}")
    elif any(got[len(want):]):
        problems.append(f"{what}: non-zero bytes after the audio (padding/pause must be silence)")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--pause", type=int, default=150)
    ap.add_argument("--toc")
    ap.add_argument("--cd-info", action="append", default=[])
    ap.add_argument("--read-toc")
    ap.add_argument("--rips")
    ap.add_argument("--cue")
    a = ap.parse_args()
    sources = [pcm(p) for p in a.sources]
    starts, lengths, leadout = expected_layout(sources, a.pause)
    print(f"expected: starts {starts}, lead-out {leadout}")
    problems = []
    if a.toc:
        got = parse_wodim_toc(open(a.toc).read())
        print(f"wodim -toc: starts {got[0]}, lead-out {got[1]}")
        if got != (starts, leadout):
            problems.append(f"wodim -toc says starts {got[0]} lead-out {got[1]}")
    if a.read_toc:
        got = parse_cdrdao_toc(open(a.read_toc).read())
        print(f"cdrdao read-toc: starts {got[0]}, lead-out {got[1]}")
        if got != (starts, leadout):
            problems.append(f"cdrdao read-toc says starts {got[0]} lead-out {got[1]}")
    for path in a.cd_info:
        s, lo, types = parse_cd_info(open(path).read())
        print(f"cd-info ({os.path.basename(path)}): starts {s}, lead-out {lo}, types {types}")
        if (s, lo) != (starts, leadout):
            problems.append(f"cd-info ({path}) says starts {s} lead-out {lo}")
        if not types or any(t != "audio" for t in types):
            problems.append(f"cd-info ({path}) track types {types}")
    ends = starts[1:] + [leadout]
    if a.rips:
        for i, data in enumerate(sources):
            path = os.path.join(a.rips, f"track{i + 1:02d}.cdda.wav")
            if not os.path.exists(path):
                problems.append(f"no rip {path}")
                continue
            problems += compare_audio(f"rip of track {i + 1}", pcm(path), data, (ends[i] - starts[i]) * SECTOR)
    if a.cue:
        bin_path, s, types = parse_cue(a.cue)
        print(f"cue: starts {s}, types {types}, bin {bin_path}")
        if s != starts:
            problems.append(f"CUE INDEX 01 positions {s}")
        image = open(bin_path, "rb").read()
        for i, data in enumerate(sources):
            problems += compare_audio(f"export track {i + 1}", image[starts[i] * SECTOR:ends[i] * SECTOR], data,
                                      (ends[i] - starts[i]) * SECTOR)
    for p in problems:
        print("DIFF:", p)
    print("OK" if not problems else f"{len(problems)} difference(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
