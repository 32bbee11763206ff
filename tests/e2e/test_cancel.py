#!/usr/bin/env python3
"""Ctrl-C mid-burn: with the virtual drive slowed to 40x real time, SIGINT is sent once the JSON progress shows
track 2 well under way (driven by events, not timers). kiln exits 130, reports the shortened track, the disc keeps
track 1 whole and a shorter track 2 (session closed), and cd-info reads the exported image."""
import json
import os
import signal
import subprocess

from kiln_e2e import check, cdinfo_tracks, drascula_tracks, info_json, kiln, kiln_path, main, require_tools


def test(work):
    require_tools("cd-info")
    files = drascula_tracks()[:3]
    drive = "virtual:" + os.path.join(work, "drive")
    cmd = [kiln_path(), "burn", "--json", "--drive", drive, "--virtual-speed", "40"] + files
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    events, planned, sent = [], None, False
    for line in proc.stdout:
        e = json.loads(line)
        events.append(e)
        if e["event"] == "start":
            planned = [t["sectors"] for t in e["tracks"]]
        if (not sent and e["event"] == "progress" and e["CurrentTrackNumber"] == 2
                and e["CurrentAction"].endswith("WRITING") and e["LastWrittenLba"] - e["StartLba"] > 1500):
            proc.send_signal(signal.SIGINT)
            sent = True
    rc = proc.wait(timeout=300)
    err = proc.stderr.read()
    check(sent, "never saw track 2 being written; events: %s" % events[-5:])
    check(rc == 130, "exit code %d after SIGINT (expected 130); stderr: %s" % (rc, err))
    done = [e for e in events if e["event"] == "track-done"]
    check(len(done) == 2 and not done[0]["cancelled"] and done[1]["cancelled"],
          "track-done events: %s" % done)
    fin = [e for e in events if e["event"] == "finished"]
    check(fin and fin[-1]["cancelled"] and not fin[-1]["ok"], "finished event: %s" % fin)

    info = info_json(drive)
    check(len(info["tracks"]) == 2, "disc should hold 2 tracks: %s" % info["tracks"])
    t1, t2 = info["tracks"]
    check(t1["lengthSectors"] == planned[0], "track 1 should be whole: %d vs %d" % (t1["lengthSectors"], planned[0]))
    check(1500 < t2["lengthSectors"] < planned[1], "track 2 should be cut short: %d of %d"
          % (t2["lengthSectors"], planned[1]))
    check(info["discStatus"] in ("complete", "appendable"), "session not closed: %s" % info["discStatus"])

    cue = os.path.join(work, "cancelled.cue")
    kiln("export", "--drive", drive, "--cue", cue)
    cdi, leadout = cdinfo_tracks(cue)
    check([t[1] for t in cdi] == [t1["startLba"], t2["startLba"]], "cd-info %s vs kiln %s" % (cdi, info["tracks"]))


if __name__ == "__main__":
    main(test)
