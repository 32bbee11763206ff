#!/usr/bin/env python3
"""The CLI's error paths: every failure names its IMAPI HRESULT, exits 1 (2 for usage), and nothing is written
when the problem is found up front (missing file, non-audio file, album longer than the disc, > 99 tracks);
drive faults injected into the virtual drive surface as HRESULTs."""
import os
import re

from kiln_e2e import check, drascula_tracks, info_json, kiln, main


def expect_error(args, name, value, drive_dir=None):
    p = kiln(*args, expect=1)
    check("%s (%s)" % (name, value) in p.stderr, "expected %s (%s) in stderr, got:\n%s" % (name, value, p.stderr))
    if drive_dir:
        check(not os.path.exists(drive_dir), "the drive directory was created although nothing should be touched")
    return p


def test(work):
    files = drascula_tracks()
    drive_dir = os.path.join(work, "untouched")
    drive = "virtual:" + drive_dir

    expect_error(["burn", "--drive", drive, files[0], os.path.join(work, "missing.flac")],
                 "HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND", "0x80070002", drive_dir)

    text = os.path.join(work, "notes.wav")
    with open(text, "w") as f:
        f.write("this is a text file, not a WAV\n" * 20)
    expect_error(["burn", "--drive", drive, files[0], text], "E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED", "0xC0AA050D",
                 drive_dir)
    expect_error(["burn", "--drive", drive] + [files[30]] * 100, "E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED", "0xC0AA0508",
                 drive_dir)

    # 2 × 47 min does not fit a 74-min CD-R: refused before the first WRITE, disc still blank.
    small = "virtual:" + os.path.join(work, "cdr74")
    p = expect_error(["burn", "--drive", small, "--media", "cdr74"] + files + files,
                     "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE", "0xC0AA0509")
    check("nothing was written" in p.stderr, "the message should say nothing was written: %s" % p.stderr)
    info = info_json(small)
    check(info["discStatus"] == "blank" and not info["tracks"], "cdr74 disc was touched: %s" % info)
    check(info["freeSectors"] == 332849, "a blank CD-R 74 has 332849 free sectors, kiln says %s" % info["freeSectors"])

    # Drive faults: a WRITE error mid-track stops the burn with the drive's HRESULT, the disc keeps the damaged
    # track (the session is closed); a drive that is not ready for 1.5 s is waited for.
    faulty = "virtual:" + os.path.join(work, "faulty")
    p = kiln("burn", "--drive", faulty, "--virtual-fault", "write-error-lba=1000", files[30], expect=1)
    check(re.search(r"kiln: E_\w+ \(0x[0-9A-F]{8}\): .*", p.stderr), "no HRESULT line: %s" % p.stderr)
    info = info_json(faulty)
    check(len(info["tracks"]) == 1 and info["tracks"][0]["damaged"] and info["tracks"][0]["lengthSectors"] == 1000,
          "after a write error at LBA 1000: %s" % info["tracks"])
    kiln("burn", "--drive", "virtual:" + os.path.join(work, "slow"), "--virtual-fault", "not-ready-ms=1500", files[30])
    expect_error(["info", "--drive", faulty, "--virtual-fault", "explode"], "E_INVALIDARG", "0x80070057")

    # Usage errors: exit 2, no HRESULT.
    kiln("burn", expect=2)
    kiln("burn", "--bogus-option", files[0], expect=2)
    kiln("frobnicate", expect=2)
    kiln("export", "--drive", small, expect=2)                     # neither --cue nor --toc
    kiln("export", "--drive", small, "--cue", "a.cue", "--toc", "a.toc", expect=2)
    expect_error(["info", "--drive", "/dev/sr0"], "E_INVALIDARG", "0x80070057")


if __name__ == "__main__":
    main(test)
