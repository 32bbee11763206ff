"""`kiln burn --dao --gap 2`: a 150-sector silent pause (index 0) before tracks 2..n instead of gapless; the audio
itself is unchanged. Checked in the exported CUE (INDEX 00 150 sectors before INDEX 01), the BIN (zeros in each
pause, the oggdec PCM elsewhere), cd-info and kiln info."""
import json
import os

from kiln_e2e import SECTOR, check, cdinfo_tracks, decode_reference, drascula_tracks, info_json, kiln, main, parse_cue


def test(work):
    all_tracks = drascula_tracks(31)
    files = [all_tracks[11], all_tracks[16], all_tracks[27]]  # 9 s, 13 s, 7.4 s
    drive = "virtual:" + os.path.join(work, "drive")
    events = [json.loads(l) for l in kiln("burn", "--dao", "--gap", "2", "--json", "--drive", drive, *files)
              .stdout.splitlines()]
    pcm = [decode_reference(f) for f in files]
    sectors = [-(-len(p) // SECTOR) for p in pcm]
    starts = [0, sectors[0] + 150, sectors[0] + sectors[1] + 300]
    start = events[0]
    check(start["event"] == "start" and start["mode"] == "dao" and start["trackStarts"] == starts
          and start["sectorType"] == "raw", "start event: %s" % start)
    progress = [e for e in events if e["event"] == "progress"]
    check(progress and all(e["CurrentAction"].startswith("IMAPI_FORMAT2_RAW_CD_WRITE_ACTION_") for e in progress),
          "progress events: %s" % progress[:2])
    written = [e["LastWrittenLba"] for e in progress]
    check(written == sorted(written) and written[-1] == start["leadOutLba"] + 6749, "LastWrittenLba: %s" % written[-3:])
    check([e["index"] for e in progress] == sorted(e["index"] for e in progress), "index must not go back")
    done = [(e["trackNumber"], e["startLba"]) for e in events if e["event"] == "track-done"]
    check(done == [(1, starts[0]), (2, starts[1]), (3, starts[2])], "track-done: %s" % done)
    check(events[-1]["event"] == "finished" and events[-1]["ok"], "finished: %s" % events[-1])
    info = info_json(drive)
    check([t["startLba"] for t in info["tracks"]] == starts, "TOC %s != %s" % (info["tracks"], starts))

    cue = os.path.join(work, "out", "disc.cue")
    kiln("export", "--drive", drive, "--cue", cue)
    binfile, tracks = parse_cue(cue)
    check([(t["index0"], t["index1"]) for t in tracks] == [(None, 0), (starts[1] - 150, starts[1]),
                                                          (starts[2] - 150, starts[2])],
          "CUE indexes: %s" % tracks)
    gap = bytes(150 * SECTOR)
    expected = b"".join((gap if i else b"") + p + bytes(s * SECTOR - len(p)) for i, (p, s) in enumerate(zip(pcm, sectors)))
    with open(binfile, "rb") as f:
        check(f.read() == expected, "BIN != audio with 150-sector silent pauses")
    ci, leadout = cdinfo_tracks(cue)
    check([lsn for _, lsn, _ in ci] == starts and leadout == starts[2] + sectors[2], "cd-info %s %s" % (ci, leadout))


if __name__ == "__main__":
    main(test)
