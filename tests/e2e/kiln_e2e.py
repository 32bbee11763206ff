"""Helpers for Kiln's end-to-end tests: run `kiln`, read its CUE/TOC exports and ask independent readers
(cd-info from libcdio, cdrdao, oggdec/sox/ffmpeg) what they see. Every check raises Failure; main() turns it
into exit status 1 with the message."""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SECTOR = 2352
DRASCULA = "/usr/share/scummvm/drascula/audio"


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def kiln_path():
    path = os.environ.get("KILN")
    check(path and os.access(path, os.X_OK), "set $KILN to the kiln binary (ctest does)")
    return path


def require_tools(*tools):
    missing = [t for t in tools if shutil.which(t) is None]
    check(not missing, "missing tools: %s (see scripts/deps-apt.txt)" % " ".join(missing))


def kiln(*args, expect=0, timeout=600, env=None):
    """Runs kiln with args; checks the exit code (None = any). Returns CompletedProcess (text)."""
    cmd = [kiln_path()] + [str(a) for a in args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                       env=None if env is None else dict(os.environ, **env))
    if expect is not None and p.returncode != expect:
        raise Failure("%s\n -> exit %d (expected %d)\nstdout:\n%s\nstderr:\n%s"
                      % (" ".join(cmd), p.returncode, expect, p.stdout[-3000:], p.stderr[-3000:]))
    return p


def peak_rss_kb(args, time_file):
    """Runs kiln under /usr/bin/time -v (must exit 0); returns 'Maximum resident set size' in kB."""
    cmd = ["/usr/bin/time", "-v", "-o", time_file, kiln_path()] + [str(a) for a in args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    check(p.returncode == 0, "%s -> exit %d\n%s" % (" ".join(cmd), p.returncode, p.stderr[-3000:]))
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(time_file).read())
    check(m, "no RSS in /usr/bin/time output")
    return int(m.group(1))


def file_fingerprints(paths):
    """(size, mtime_ns, sha256) per file: inputs must never be modified."""
    import hashlib
    out = []
    for p in paths:
        st = os.stat(p)
        with open(p, "rb") as f:
            out.append((st.st_size, st.st_mtime_ns, hashlib.sha256(f.read()).hexdigest()))
    return out


def drascula_tracks(count=31):
    """track1.ogg … track31.ogg in numeric order (Debian package drascula-music)."""
    paths = [os.path.join(DRASCULA, "track%d.ogg" % i) for i in range(1, count + 1)]
    check(all(os.path.exists(p) for p in paths), "install drascula-music (%s)" % DRASCULA)
    return paths


def info_json(drive):
    return json.loads(kiln("info", "--drive", drive, "--json").stdout)


def parse_cue(path):
    """Returns (bin path, [{'number', 'index1': sector offset in the bin, 'index0': offset or None}])."""
    tracks, binfile = [], None
    with open(path) as f:
        for line in f:
            m = re.match(r'\s*FILE\s+"(.*)"\s+(\w+)', line)
            if m:
                check(binfile is None, "kiln's CUE must have exactly one FILE")
                binfile = os.path.join(os.path.dirname(path), m.group(1))
            m = re.match(r"\s*TRACK\s+(\d+)\s+AUDIO", line)
            if m:
                tracks.append({"number": int(m.group(1)), "index0": None, "index1": None})
            m = re.match(r"\s*INDEX\s+(\d+)\s+(\d+):(\d+):(\d+)", line)
            if m:
                sectors = (int(m.group(2)) * 60 + int(m.group(3))) * 75 + int(m.group(4))
                tracks[-1]["index%d" % min(int(m.group(1)), 1)] = sectors
    check(binfile and tracks, "no FILE/TRACK in %s" % path)
    return binfile, tracks


def cdinfo_tracks(cue):
    """cd-info's view of a CUE+BIN: ([(number, lsn, type)], lead-out lsn)."""
    p = subprocess.run(["cd-info", "--no-device-info", "--no-cddb", "--cue-file", cue],
                       capture_output=True, text=True, timeout=120)
    tracks, leadout = [], None
    for line in p.stdout.splitlines():
        m = re.match(r"\s*(\d+):\s+(\d\d:\d\d:\d\d)\s+(\d+)\s+(\w+)", line)
        if not m:
            continue
        if int(m.group(1)) == 170 or m.group(4) == "leadout":
            leadout = int(m.group(3))
        else:
            tracks.append((int(m.group(1)), int(m.group(3)), m.group(4)))
    check(tracks, "cd-info read no tracks from %s:\n%s\n%s" % (cue, p.stdout[-2000:], p.stderr[-2000:]))
    return tracks, leadout


def cdrdao_tracks(toc):
    """cdrdao show-toc: [(number, start sectors, end sectors)]."""
    p = subprocess.run(["cdrdao", "show-toc", toc], capture_output=True, text=True, timeout=120,
                       cwd=os.path.dirname(toc))
    out = p.stdout + p.stderr
    tracks = []
    for m in re.finditer(r"TRACK\s+(\d+)\s+Mode AUDIO[^:\n]*:.*?START\s+\S+\(\s*(\d+)\).*?END\s+\S+\(\s*(\d+)\)", out, re.S):
        tracks.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    check(tracks, "cdrdao show-toc read no tracks from %s:\n%s" % (toc, out[-2000:]))
    return tracks


def decode_reference(path):
    """The file decoded by an independent decoder to raw 44.1 kHz s16le stereo (oggdec for Ogg Vorbis)."""
    if path.endswith(".ogg") and shutil.which("oggdec"):
        cmd = ["oggdec", "-Q", "-R", "-o", "-", path]
    else:
        cmd = ["sox", path, "-t", "raw", "-e", "signed", "-b", "16", "-L", "-c", "2", "-r", "44100", "-"]
    return subprocess.run(cmd, capture_output=True, check=True).stdout


def padded(pcm):
    """PCM padded with zeros to whole sectors and to 300 sectors minimum (what a TAO track holds)."""
    sectors = max(300, -(-len(pcm) // SECTOR))
    return pcm + bytes(sectors * SECTOR - len(pcm))


def read_bin(binfile, sector_offset, sectors):
    with open(binfile, "rb") as f:
        f.seek(sector_offset * SECTOR)
        return f.read(sectors * SECTOR)


def main(test):
    """Runs test(workdir) in a fresh temp dir; prints PASS/FAIL; exit status 0/1."""
    work = tempfile.mkdtemp(prefix="kiln-e2e-")
    t0 = time.time()
    try:
        test(work)
    except Failure as e:
        print("FAIL: %s" % e)
        print("(work dir kept: %s)" % work)
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)
    print("PASS (%.1f s)" % (time.time() - t0))
    sys.exit(0)
