#!/usr/bin/env python3
"""The real album: Drascula's 31 Ogg Vorbis tracks (~47 min) burnt to a fresh virtual CD-R 80, exported as CUE+BIN
and as a cdrdao TOC, and checked by readers that share no code with Kiln:
  - cd-info (libcdio) lists 31 audio tracks at the start LSNs `kiln info --json` reports, same lead-out;
  - every track's PCM in the BIN equals the file decoded by oggdec, zero-padded to whole sectors (≥ 300);
  - cdrdao show-toc agrees on the track count and every track's length;
  - kiln's peak RSS stays under 64 MB (decoding streams in fixed chunks)."""
import os
from concurrent.futures import ThreadPoolExecutor

from kiln_e2e import (SECTOR, Failure, check, cdinfo_tracks, cdrdao_tracks, decode_reference, drascula_tracks, info_json,
                      kiln, main, peak_rss_kb, padded, parse_cue, read_bin, require_tools)


def test(work):
    require_tools("cd-info", "cdrdao", "oggdec", "/usr/bin/time")
    files = drascula_tracks()
    drive = "virtual:" + os.path.join(work, "drive")
    # Peak memory must stay bounded (streaming decode): /usr/bin/time -v reports it.
    rss = peak_rss_kb(["burn", "--drive", drive, "--media", "cdr80"] + files, os.path.join(work, "time.txt"))
    check(rss < 64 * 1024, "kiln burn peaked at %.1f MB RSS (limit 64 MB)" % (rss / 1024))

    info = info_json(drive)
    tracks = info["tracks"]
    check(len(tracks) == 31, "kiln info lists %d tracks, expected 31" % len(tracks))
    check(info["discStatus"] == "complete", "disc should be finalized, is %s" % info["discStatus"])
    check(len(info["sessions"]) == 1, "expected 1 session, got %s" % info["sessions"])

    cue = os.path.join(work, "out", "album.cue")
    kiln("export", "--drive", drive, "--cue", cue)
    binfile, cue_tracks = parse_cue(cue)
    check(len(cue_tracks) == 31, "CUE has %d tracks" % len(cue_tracks))

    cdi, leadout = cdinfo_tracks(cue)
    check(len(cdi) == 31, "cd-info sees %d tracks" % len(cdi))
    check(all(t[2] == "audio" for t in cdi), "cd-info: not all tracks audio: %s" % cdi)
    check([t[1] for t in cdi] == [t["startLba"] for t in tracks],
          "start LSNs differ:\n cd-info %s\n kiln    %s" % ([t[1] for t in cdi], [t["startLba"] for t in tracks]))
    check(leadout == info["leadOutLba"], "lead-out: cd-info %s, kiln %s" % (leadout, info["leadOutLba"]))

    # BIN position of INDEX 01 must be the track's LBA plus one constant (where the BIN starts).
    origins = {c["index1"] - t["startLba"] for c, t in zip(cue_tracks, tracks)}
    check(len(origins) == 1, "CUE INDEX 01 offsets are not the TOC LBAs shifted by one constant: %s" % origins)

    with ThreadPoolExecutor(max_workers=2) as pool:
        refs = pool.map(lambda p: padded(decode_reference(p)), files)
        for i, ref in enumerate(refs):
            sectors = len(ref) // SECTOR
            check(tracks[i]["lengthSectors"] == sectors,
                  "track %d: %d sectors on disc, decoded+padded %d" % (i + 1, tracks[i]["lengthSectors"], sectors))
            got = read_bin(binfile, cue_tracks[i]["index1"], sectors)
            if got != ref:
                first = next((k for k in range(len(ref)) if k >= len(got) or got[k] != ref[k]), -1)
                raise Failure("track %d (%s): PCM differs from oggdec at byte %d" % (i + 1, files[i], first))

    toc = os.path.join(work, "out-toc", "album.toc")
    kiln("export", "--drive", drive, "--toc", toc)
    ct = cdrdao_tracks(toc)
    check(len(ct) == 31, "cdrdao sees %d tracks" % len(ct))
    lengths = [end - start for _, start, end in ct]
    check(lengths == [t["lengthSectors"] for t in tracks],
          "cdrdao lengths %s != kiln %s" % (lengths, [t["lengthSectors"] for t in tracks]))


if __name__ == "__main__":
    main(test)
