#!/usr/bin/env python3
"""--dummy (test write) leaves the disc blank; --no-finalize leaves it appendable and a second burn adds a second
session (kiln info: 2 sessions, track 2 after the 11400-sector session gap); cd-info reads both tracks; the input
files are never modified."""
import os
import shutil

from kiln_e2e import (check, cdinfo_tracks, drascula_tracks, file_fingerprints, info_json, kiln, main,
                      require_tools)


def test(work):
    require_tools("cd-info")
    src = drascula_tracks()
    # Work on copies so a modification would be visible on files we own.
    files = []
    for p in (src[30], src[29]):
        dst = os.path.join(work, os.path.basename(p))
        shutil.copy2(p, dst)
        files.append(dst)
    before = file_fingerprints(files)
    drive = "virtual:" + os.path.join(work, "drive")

    kiln("burn", "--drive", drive, "--dummy", *files)
    info = info_json(drive)
    check(info["discStatus"] == "blank" and not info["tracks"], "--dummy wrote to the disc: %s" % info)

    kiln("burn", "--drive", drive, "--no-finalize", files[0])
    info = info_json(drive)
    check(info["discStatus"] == "appendable", "after --no-finalize the disc should be appendable: %s" % info["discStatus"])
    check(len(info["tracks"]) == 1 and len(info["sessions"]) == 1, "expected 1 track/1 session: %s" % info)

    kiln("burn", "--drive", drive, files[1])
    info = info_json(drive)
    check(info["discStatus"] == "complete", "second burn should finalize: %s" % info["discStatus"])
    check(len(info["sessions"]) == 2, "expected 2 sessions: %s" % info["sessions"])
    t1, t2 = info["tracks"]
    check(t1["session"] == 1 and t2["session"] == 2, "sessions of tracks: %s" % info["tracks"])
    gap = t2["startLba"] - (t1["startLba"] + t1["lengthSectors"])
    check(gap == 11400, "session 2 should start 11400 sectors (lead-out 6750 + lead-in 4500 + pause 150) after "
                        "session 1's end, starts %d after" % gap)

    cue = os.path.join(work, "disc.cue")
    kiln("export", "--drive", drive, "--cue", cue)
    cdi, _ = cdinfo_tracks(cue)
    check([t[1] for t in cdi] == [t1["startLba"], t2["startLba"]], "cd-info LSNs %s vs kiln %s"
          % (cdi, [t1["startLba"], t2["startLba"]]))

    check(file_fingerprints(files) == before, "an input file was modified")


if __name__ == "__main__":
    main(test)
