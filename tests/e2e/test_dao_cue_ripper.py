"""`kiln burn --cue` of ripper-style cue sheets. The same 3-track album (Drascula tracks 4, 6, 8 made into WAVs
with sox) is described three ways — whipper (one FILE per track, the next track's INDEX 00 pregap audio at the end
of the previous FILE), cyanrip-style (pregap at the start of the track's own FILE: INDEX 00 00:00:00), EAC
(one FILE, INDEX 00s) — with CATALOG, ISRC, FLAGS DCP, TITLE/PERFORMER/SONGWRITER, INDEX 02 and REM lines. Each
burns to a fresh virtual disc; the exported CUE must have the input layout (INDEX 00/01/02 where the sheet put
them, CATALOG, ISRC, DCP, CD-TEXT) and the BIN must be bit-exact the WAVs' audio; cd-info agrees."""
import os
import re
import subprocess
import wave

from kiln_e2e import SECTOR, check, cdinfo_tracks, drascula_tracks, info_json, kiln, main, require_tools

MCN = "0724384960650"


def msf(sectors):
    return "%02d:%02d:%02d" % (sectors // 4500, sectors // 75 % 60, sectors % 75)


def write_wav(path, pcm):
    with wave.open(path, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(pcm)


def sox_pcm(path):
    return subprocess.run(["sox", path, "-t", "raw", "-e", "signed", "-b", "16", "-L", "-c", "2", "-r", "44100", "-"],
                          capture_output=True, check=True).stdout


HEADER = """REM GENRE Soundtrack
REM DATE 1996
REM COMMENT "ripper-style test sheet"
CATALOG %s
PERFORMER "Alcachofa Soft"
TITLE "Drascula Suite"
""" % MCN

TRACK_META = {
    1: '    TITLE "Prelude"\n    PERFORMER "Orchestra A"\n    ISRC ESA019600001\n',
    2: '    TITLE "Castle Gate"\n    SONGWRITER "Clemente"\n    FLAGS DCP\n',
    3: '    TITLE "Finale"\n    ISRC ESA019600003\n',
}


def whipper(a, b, c, work, p2, p3, idx2):
    """One FILE per track; track n+1's INDEX 00 lies in FILE n (whipper, EAC "gaps appended to previous")."""
    for name, pcm in (("01.wav", a), ("02.wav", b), ("03.wav", c)):
        write_wav(os.path.join(work, name), pcm)
    la, lb = len(a) // SECTOR, len(b) // SECTOR
    return HEADER + (
        'FILE "01.wav" WAVE\n  TRACK 01 AUDIO\n' + TRACK_META[1] + '    INDEX 01 00:00:00\n'
        '  TRACK 02 AUDIO\n' + TRACK_META[2] + '    INDEX 00 %s\n' % msf(la - p2) +
        'FILE "02.wav" WAVE\n    INDEX 01 00:00:00\n'
        '  TRACK 03 AUDIO\n' + TRACK_META[3] + '    INDEX 00 %s\n' % msf(lb - p3) +
        'FILE "03.wav" WAVE\n    INDEX 01 00:00:00\n    INDEX 02 %s\n' % msf(idx2))


def cyanrip(a, b, c, work, p2, p3, idx2):
    """One FILE per track holding its own pregap: INDEX 00 00:00:00, INDEX 01 after it (cyanrip, EAC "left out")."""
    s2, s3 = len(a) - p2 * SECTOR, len(b) - p3 * SECTOR
    for name, pcm in (("t1.wav", a[:s2]), ("t2.wav", a[s2:] + b[:s3]), ("t3.wav", b[s3:] + c)):
        write_wav(os.path.join(work, name), pcm)
    return HEADER + (
        'FILE "t1.wav" WAVE\n  TRACK 01 AUDIO\n' + TRACK_META[1] + '    INDEX 01 00:00:00\n'
        'FILE "t2.wav" WAVE\n  TRACK 02 AUDIO\n' + TRACK_META[2] + '    INDEX 00 00:00:00\n    INDEX 01 %s\n' % msf(p2) +
        'FILE "t3.wav" WAVE\n  TRACK 03 AUDIO\n' + TRACK_META[3] + '    INDEX 00 00:00:00\n    INDEX 01 %s\n' % msf(p3) +
        '    INDEX 02 %s\n' % msf(p3 + idx2))


def eac(a, b, c, work, p2, p3, idx2):
    """One FILE for the whole disc with INDEX 00s (EAC "image + cue")."""
    write_wav(os.path.join(work, "image.wav"), a + b + c)
    la, lb = len(a) // SECTOR, len(b) // SECTOR
    return HEADER + (
        'FILE "image.wav" WAVE\n  TRACK 01 AUDIO\n' + TRACK_META[1] + '    INDEX 01 00:00:00\n'
        '  TRACK 02 AUDIO\n' + TRACK_META[2] + '    INDEX 00 %s\n    INDEX 01 %s\n' % (msf(la - p2), msf(la)) +
        '  TRACK 03 AUDIO\n' + TRACK_META[3] + '    INDEX 00 %s\n    INDEX 01 %s\n' % (msf(la + lb - p3), msf(la + lb)) +
        '    INDEX 02 %s\n' % msf(la + lb + idx2))


def exported(cue):
    """(catalog, [per track: {index: sectors}, isrc, flags, title]) from kiln's exported CUE."""
    text = open(cue).read()
    cat = re.search(r"^CATALOG (\d+)", text, re.M)
    tracks = []
    for block in re.split(r"^\s*TRACK ", text, flags=re.M)[1:]:
        idx = {int(n): (int(m) * 60 + int(s)) * 75 + int(f)
               for n, m, s, f in re.findall(r"INDEX (\d+) (\d+):(\d+):(\d+)", block)}
        isrc = re.search(r"ISRC (\S+)", block)
        title = re.search(r'TITLE "(.*)"', block)
        tracks.append({"index": idx, "isrc": isrc.group(1) if isrc else "",
                       "dcp": bool(re.search(r"FLAGS.*DCP", block)), "title": title.group(1) if title else ""})
    return (cat.group(1) if cat else ""), tracks, text


def test(work):
    require_tools("sox", "cd-info")
    src = drascula_tracks(8)
    a, b, c = sox_pcm(src[3]), sox_pcm(src[5]), sox_pcm(src[7])
    check(all(len(x) % SECTOR == 0 for x in (a, b, c)), "tracks 4/6/8 are expected to be whole sectors")
    p2, p3, idx2 = 150, 75, 2250
    la, lb, lc = len(a) // SECTOR, len(b) // SECTOR, len(c) // SECTOR
    want_index = [{1: 0}, {0: la - p2, 1: la}, {0: la + lb - p3, 1: la + lb, 2: la + lb + idx2}]
    for style in (whipper, cyanrip, eac):
        d = os.path.join(work, style.__name__)
        os.makedirs(d)
        sheet = os.path.join(d, "album.cue")
        with open(sheet, "w") as f:
            f.write(style(a, b, c, d, p2, p3, idx2))
        before = {n: os.stat(os.path.join(d, n)).st_mtime_ns for n in os.listdir(d)}
        drive = "virtual:" + os.path.join(work, "drive-" + style.__name__)
        kiln("burn", "--drive", drive, "--cue", sheet)
        check(before == {n: os.stat(os.path.join(d, n)).st_mtime_ns for n in before}, "inputs were modified")
        info = info_json(drive)
        check(info["discStatus"] == "complete", "%s: disc %s" % (style.__name__, info["discStatus"]))
        cue = os.path.join(d, "out", "disc.cue")
        kiln("export", "--drive", drive, "--cue", cue)
        cat, tracks, text = exported(cue)
        name = style.__name__
        check(cat == MCN, "%s: CATALOG %r" % (name, cat))
        check([t["index"] for t in tracks] == want_index, "%s: indexes %s != %s\n%s"
              % (name, [t["index"] for t in tracks], want_index, text))
        check([t["isrc"] for t in tracks] == ["ESA019600001", "", "ESA019600003"], "%s: ISRCs %s" % (name, tracks))
        check([t["dcp"] for t in tracks] == [False, True, False], "%s: FLAGS DCP %s" % (name, tracks))
        check([t["title"] for t in tracks] == ["Prelude", "Castle Gate", "Finale"], "%s: titles %s" % (name, tracks))
        check('TITLE "Drascula Suite"' in text and 'SONGWRITER "Clemente"' in text, "%s: CD-TEXT\n%s" % (name, text))
        with open(os.path.join(d, "out", "disc.bin"), "rb") as f:
            check(f.read() == a + b + c, "%s: BIN is not bit-exact the WAVs' audio" % name)
        ci, leadout = cdinfo_tracks(cue)
        check([lsn for _, lsn, _ in ci] == [0, la, la + lb] and leadout == la + lb + lc,
              "%s: cd-info %s lead-out %s" % (name, ci, leadout))


if __name__ == "__main__":
    main(test)
