#!/usr/bin/env python3
"""--json: every stdout line is one JSON object; burn emits start, progress (IMAPI property names), track-done per
track and finished; errors are {"event":"error","name","hresult"}; info/devices --json parse too."""
import json
import os

from kiln_e2e import Failure, check, drascula_tracks, kiln, main

PROGRESS_KEYS = {"CurrentAction", "CurrentTrackNumber", "StartLba", "SectorCount", "LastReadLba", "LastWrittenLba",
                 "ElapsedTime", "RemainingTime", "TotalSystemBuffer", "UsedSystemBuffer", "FreeSystemBuffer"}


def lines(text):
    out = []
    for line in text.splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            raise Failure("not JSON: %r" % line)
    return out


def test(work):
    files = drascula_tracks()[29:31]
    drive = "virtual:" + os.path.join(work, "drive")
    events = lines(kiln("burn", "--json", "--drive", drive, *files).stdout)
    kinds = [e["event"] for e in events]
    check(kinds[0] == "start" and kinds[-1] == "finished", "first/last events: %s" % kinds)
    check(kinds.count("track-done") == 2, "track-done events: %s" % kinds)
    progress = [e for e in events if e["event"] == "progress"]
    check(progress, "no progress events")
    check(all(PROGRESS_KEYS <= set(e) for e in progress), "progress keys missing: %s" % progress[0])
    check(all(e["CurrentAction"].startswith("IMAPI_FORMAT2_TAO_WRITE_ACTION_") for e in progress),
          "CurrentAction names: %s" % {e["CurrentAction"] for e in progress})
    check(events[-1]["ok"] is True and events[-1]["tracksWritten"] == 2, "finished: %s" % events[-1])
    check(len(events[0]["tracks"]) == 2 and events[0]["neededSectors"] > 0, "start: %s" % events[0])

    info = json.loads(kiln("info", "--json", "--drive", drive).stdout)
    check([t["number"] for t in info["tracks"]] == [1, 2], "info tracks: %s" % info["tracks"])
    check(info["tracks"][0]["startMsf"] == "00:02:00", "track 1 starts at 00:02:00: %s" % info["tracks"][0])

    err = lines(kiln("burn", "--json", "--drive", drive, os.path.join(work, "nope.wav"), expect=1).stdout)
    check(err and err[-1]["event"] == "error" and err[-1]["name"] == "HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND"
          and err[-1]["hresult"] == "0x80070002", "error event: %s" % err)

    dev = json.loads(kiln("devices", "--json", env={"XDG_DATA_HOME": os.path.join(work, "xdg")}).stdout)
    check(dev["drives"][0]["drive"] == "virtual:" + os.path.join(work, "xdg", "kiln", "virtual-drive"),
          "devices: %s" % dev)


if __name__ == "__main__":
    main(test)
