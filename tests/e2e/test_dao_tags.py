"""`kiln burn --dao --cd-text`: CD-TEXT from the files' own tags (Ogg Vorbis comments, FLAC tags read through
libsndfile), converted from UTF-8 to ISO-8859-1, with a command-line override winning over a tag. Checked in the
exported CUE (raw bytes) and by cd-info."""
import os
import subprocess

from kiln_e2e import check, kiln, main, require_tools


def test(work):
    require_tools("sox", "oggenc", "flac", "cd-info")
    wav = os.path.join(work, "tone.wav")
    subprocess.run(["sox", "-n", "-r", "44100", "-c", "2", "-b", "16", wav, "synth", "5", "sine", "440"], check=True)
    ogg, fl = os.path.join(work, "1.ogg"), os.path.join(work, "2.flac")
    subprocess.run(["oggenc", "-Q", "-t", "Caf\u00e9 Song", "-a", "Tone Band", "-l", "Test Album", "-o", ogg, wav],
                   check=True)
    subprocess.run(["flac", "-s", "-f", "-T", "TITLE=Flac Song", "-T", "ARTIST=Tone Band", "-T", "ALBUM=Test Album",
                    "-o", fl, wav], check=True)
    drive = "virtual:" + os.path.join(work, "drive")
    kiln("burn", "--dao", "--cd-text", "--track-performer", "2=Guest Artist", "--drive", drive, ogg, fl)
    cue = os.path.join(work, "out", "disc.cue")
    kiln("export", "--drive", drive, "--cue", cue)
    raw = open(cue, "rb").read()
    for text in (b'TITLE "Test Album"', b'PERFORMER "Tone Band"', b'TITLE "Caf\xe9 Song"', b'TITLE "Flac Song"',
                 b'PERFORMER "Guest Artist"'):
        check(text in raw, "exported CUE lacks %r:\n%r" % (text, raw))
    check(raw.count(b'PERFORMER "Tone Band"') == 2, "album + track 1 performer expected:\n%r" % raw)
    out = subprocess.run(["cd-info", "--no-device-info", "--no-cddb", "--cue-file", cue], capture_output=True).stdout
    check(b"TITLE: Test Album" in out and b"TITLE: Flac Song" in out, "cd-info CD-TEXT:\n%r" % out[-1500:])


if __name__ == "__main__":
    main(test)
