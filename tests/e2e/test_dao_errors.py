"""Disc-at-once errors are reported before anything is written, with the IMAPI HRESULT and a clear message:
an album longer than the medium (E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE; the disc stays blank), a bad ISRC / MCN, a
malformed cue sheet (line-numbered), a missing FILE, CD-TEXT with the PQ-only sector type, and usage errors."""
import os

from kiln_e2e import check, drascula_tracks, info_json, kiln, main


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def test(work):
    one = drascula_tracks(1)
    drive = "virtual:" + os.path.join(work, "drive")

    # 75 minutes of silence (a sparse BINARY file) on a 74-minute CD-R.
    big = os.path.join(work, "big.bin")
    with open(big, "wb") as f:
        f.truncate(75 * 60 * 75 * 2352)
    sheet = write(os.path.join(work, "big.cue"), 'FILE "big.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n')
    p = kiln("burn", "--cue", sheet, "--drive", drive, "--media", "cdr74", expect=1)
    check("E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE" in p.stderr and "nothing was written" in p.stderr, p.stderr)
    check(info_json(drive)["discStatus"] == "blank", "the disc must stay blank")

    p = kiln("burn", "--dao", "--isrc", "1=US-ABC-25", "--drive", drive, *one, expect=1)
    check("E_INVALIDARG" in p.stderr and "--isrc" in p.stderr, p.stderr)
    p = kiln("burn", "--dao", "--isrc", "2=USABC2500001", "--drive", drive, *one, expect=1)
    check("no track 2" in p.stderr, p.stderr)
    p = kiln("burn", "--dao", "--mcn", "12345", "--drive", drive, *one, expect=1)
    check("E_INVALIDARG" in p.stderr and "13 digits" in p.stderr, p.stderr)

    bad = write(os.path.join(work, "bad.cue"),
                'REM x\nFILE "a.wav" WAVE\n    INDEX 01 00:00:00\n  TRACK 01 AUDIO\n')
    p = kiln("burn", "--cue", bad, "--drive", drive, expect=1)
    check("bad.cue:3: INDEX 01 before TRACK" in p.stderr, p.stderr)
    bad = write(os.path.join(work, "frames.cue"), 'FILE "a.wav" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:75\n')
    p = kiln("burn", "--cue", bad, "--drive", drive, expect=1)
    check("frames.cue:3: bad time '00:00:75'" in p.stderr, p.stderr)
    missing = write(os.path.join(work, "missing.cue"), 'FILE "nope.wav" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n')
    p = kiln("burn", "--cue", missing, "--drive", drive, expect=1)
    check("missing.cue:1: FILE \"nope.wav\"" in p.stderr, p.stderr)

    p = kiln("burn", "--dao", "--sector-type", "pq", "--title", "X", "--drive", drive, *one, expect=1)
    check("E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED" in p.stderr, p.stderr)
    kiln("burn", "--mcn", "1234567890123", "--drive", drive, *one, expect=2)
    kiln("burn", "--cue", sheet, "--drive", drive, *one, expect=2)
    kiln("burn", "--dao", "--no-finalize", "--drive", drive, *one, expect=2)
    check(info_json(drive)["discStatus"] == "blank", "nothing may have been written")


if __name__ == "__main__":
    main(test)
