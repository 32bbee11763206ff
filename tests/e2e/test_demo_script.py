#!/usr/bin/env python3
"""scripts/demo-burn (the README's demo) runs with this build's kiln, burns the whole album and leaves a CUE+BIN and a
TOC+WAV that cd-info and cdrdao read as 31 tracks."""
import os
import subprocess

from kiln_e2e import check, cdinfo_tracks, cdrdao_tracks, kiln_path, main


def test(work):
    script = os.path.join(os.environ.get("KILN_SOURCE_DIR", ""), "scripts", "demo-burn")
    check(os.access(script, os.X_OK), "no executable %s" % script)
    p = subprocess.run([script, work], capture_output=True, text=True, timeout=900,
                       env=dict(os.environ, KILN=kiln_path()))
    check(p.returncode == 0, "demo-burn exit %d:\n%s\n%s" % (p.returncode, p.stdout[-3000:], p.stderr[-3000:]))
    check("lead-out" in p.stdout and "Try:" in p.stdout, "demo output lacks the TOC or the hints:\n%s" % p.stdout[-3000:])
    image = os.path.join(work, "demo-image")
    tracks, _ = cdinfo_tracks(os.path.join(image, "drascula.cue"))
    check(len(tracks) == 31, "cd-info sees %d tracks in the demo image" % len(tracks))
    check(len(cdrdao_tracks(os.path.join(image, "drascula.toc"))) == 31, "cdrdao disagrees on the track count")


if __name__ == "__main__":
    main(test)
