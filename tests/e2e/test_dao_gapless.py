"""`kiln burn --dao` of a gapless album (Drascula tracks 1-10) with CD-TEXT, MCN and ISRCs, read back by independent
readers: the BIN is exactly the concatenated oggdec PCM (each track padded with zeros only at its own end, to a
whole sector: RawImageCreator's rule), cd-info puts the tracks where the image did and shows CD-TEXT and MCN,
cueprint shows the ISRCs, cdrdao show-toc agrees on every length."""
import os
import re
import subprocess

from kiln_e2e import (SECTOR, check, cdinfo_tracks, cdrdao_tracks, decode_reference, drascula_tracks, info_json,
                      kiln, main, parse_cue, require_tools)

MCN = "4006381333931"
ISRC1, ISRC3 = "USABC2500001", "DEXYZ9912345"


def test(work):
    require_tools("cd-info", "cueprint", "cdrdao", "oggdec")
    files = drascula_tracks(10)
    drive = "virtual:" + os.path.join(work, "drive")
    kiln("burn", "--drive", drive, "--dao", "--cd-text", "--title", "Drascula: The Vampire Strikes Back",
         "--performer", "Alcachofa Soft", "--track-title", "1=Opening", "--track-title", "3=Castle",
         "--text", "2:songwriter=Clemente", "--mcn", MCN, "--isrc", "1=" + ISRC1, "--isrc", "3=" + ISRC3, *files)

    pcm = [decode_reference(f) for f in files]
    sectors = [-(-len(p) // SECTOR) for p in pcm]
    starts = [sum(sectors[:i]) for i in range(len(files))]
    leadout = sum(sectors)

    info = info_json(drive)
    check(info["discStatus"] == "complete" and not info["indeterminate"], "disc not complete: %s" % info)
    check([t["startLba"] for t in info["tracks"]] == starts, "TOC starts %s != %s"
          % ([t["startLba"] for t in info["tracks"]], starts))
    check(info["leadOutLba"] == leadout, "lead-out %d != %d" % (info["leadOutLba"], leadout))

    cue = os.path.join(work, "out", "disc.cue")
    kiln("export", "--drive", drive, "--cue", cue)
    binfile, tracks = parse_cue(cue)
    check([t["index1"] for t in tracks] == starts, "CUE INDEX 01 %s != %s" % ([t["index1"] for t in tracks], starts))
    check(all(t["index0"] is None for t in tracks), "gapless: no INDEX 00 expected")
    expected = b"".join(p + bytes(s * SECTOR - len(p)) for p, s in zip(pcm, sectors))
    with open(binfile, "rb") as f:
        got = f.read()
    check(len(got) == len(expected), "BIN %d bytes, expected %d" % (len(got), len(expected)))
    if got != expected:
        first = next(i for i in range(len(got)) if got[i] != expected[i])
        check(False, "BIN differs from the concatenated oggdec PCM at byte %d (sector %d)" % (first, first // SECTOR))

    ci_tracks, ci_leadout = cdinfo_tracks(cue)
    check([lsn for _, lsn, _ in ci_tracks] == starts and ci_leadout == leadout,
          "cd-info: %s lead-out %s" % (ci_tracks, ci_leadout))
    out = subprocess.run(["cd-info", "--no-device-info", "--no-cddb", "--cue-file", cue], capture_output=True,
                         text=True).stdout
    check("Media Catalog Number (MCN): " + MCN in out, "cd-info shows no MCN:\n" + out[-2000:])
    for text in ("TITLE: Drascula: The Vampire Strikes Back", "PERFORMER: Alcachofa Soft", "TITLE: Opening",
                 "TITLE: Castle", "SONGWRITER: Clemente"):
        check(text in out, "cd-info CD-TEXT lacks %r:\n%s" % (text, out[-3000:]))

    cp = subprocess.run(["cueprint", cue], capture_output=True, text=True).stdout
    isrcs = [m.strip() for m in re.findall(r"^ISRC:[ \t]*(.*)$", cp, re.M)]
    check(isrcs[:3] == [ISRC1, "", ISRC3], "cueprint ISRCs (tracks 1-3): %s\n%s" % (isrcs, cp[:1500]))

    toc = os.path.join(work, "out", "disc.toc")
    kiln("export", "--drive", drive, "--toc", toc)
    cd_tracks = cdrdao_tracks(toc)
    ends = starts[1:] + [leadout]
    check([(n, s, e) for n, s, e in cd_tracks] == [(i + 1, starts[i], ends[i]) for i in range(len(files))],
          "cdrdao show-toc %s != starts %s ends %s" % (cd_tracks, starts, ends))


if __name__ == "__main__":
    main(test)
