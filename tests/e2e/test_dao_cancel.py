"""Ctrl-C during a disc-at-once burn (IDiscFormat2RawCD::CancelWrite): on a CD-RW throttled to 4x, SIGINT once the
JSON progress shows sectors burnt (event-driven, no timers): exit 130, the finished event and the text say the disc
is INDETERMINATE and offer `kiln blank`; `kiln info` shows it; `kiln blank` makes it blank and a new burn works.
On a CD-R (text output, SIGINT once the drive has recorded the first WRITE) the message says it cannot be reused and
`kiln blank` fails with E_IMAPI_ERASE_MEDIA_IS_NOT_ERASABLE."""
import json
import os
import signal
import subprocess
import time

from kiln_e2e import check, drascula_tracks, info_json, kiln, kiln_path, main


def cancel_json_cdrw(work, files):
    d = os.path.join(work, "rw")
    drive = "virtual:" + d
    cmd = [kiln_path(), "burn", "--json", "--dao", "--drive", drive, "--media", "cdrw80", "--virtual-speed", "4"] + files
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    events, sent = [], False
    for line in proc.stdout:
        e = json.loads(line)
        events.append(e)
        if (not sent and e["event"] == "progress" and e["CurrentAction"].endswith("WRITING")
                and e["LastWrittenLba"] - e["StartLba"] > 300):
            proc.send_signal(signal.SIGINT)
            sent = True
    rc = proc.wait(timeout=300)
    err = proc.stderr.read()
    check(sent, "never saw sectors burnt; last events: %s" % events[-3:])
    check(rc == 130, "exit %d after SIGINT (expected 130); stderr: %s" % (rc, err))
    fin = [e for e in events if e["event"] == "finished"][-1]
    check(fin["cancelled"] and not fin["ok"] and fin.get("indeterminate"), "finished: %s" % fin)
    check("INDETERMINATE" in fin["message"] and "kiln blank --drive " + drive in fin["message"],
          "message should say indeterminate and offer kiln blank: %s" % fin["message"])
    disc = [e for e in events if e["event"] == "disc"]
    check(disc and disc[-1]["indeterminate"], "no disc event showing the indeterminate disc: %s" % disc)

    info = info_json(drive)
    check(info["indeterminate"] and info["discStatus"] == "incomplete" and info["erasable"], "info: %s" % info)
    text = kiln("info", "--drive", drive).stdout
    check("INDETERMINATE" in text and "kiln blank" in text, "kiln info text:\n" + text)
    again = kiln("burn", "--dao", "--drive", drive, files[0], expect=1)
    check("E_IMAPI_DF2RAW_MEDIA_IS_NOT_BLANK" in again.stderr, "burn on the indeterminate disc: " + again.stderr)

    blank = kiln("blank", "--drive", drive)
    check("blank" in blank.stdout, "kiln blank output: " + blank.stdout)
    info = info_json(drive)
    check(info["discStatus"] == "blank" and not info["indeterminate"] and not info["tracks"], "after blank: %s" % info)
    kiln("burn", "--dao", "--drive", drive, files[0])
    check(info_json(drive)["discStatus"] == "complete", "a burn after blanking should complete")


def cancel_text_cdr(work, files):
    d = os.path.join(work, "r")
    drive = "virtual:" + d
    cmd = [kiln_path(), "burn", "--dao", "--drive", drive, "--media", "cdr80", "--virtual-speed", "4"] + files
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    state = os.path.join(d, "state.json")
    # The drive saves "incomplete": true when it accepts the first WRITE (vdrive RAW contract); wait for that.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if json.load(open(state)).get("incomplete"):
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    check(proc.returncode == 130, "CD-R: exit %d; stdout %s stderr %s" % (proc.returncode, out, err))
    check("INDETERMINATE" in out and "CD-R" in out and "cannot be erased" in out, "CD-R message:\n" + out)
    check(info_json(drive)["indeterminate"], "CD-R should show indeterminate")
    p = kiln("blank", "--drive", drive, expect=1)
    check("E_IMAPI_ERASE_MEDIA_IS_NOT_ERASABLE" in p.stderr, "blank on CD-R: " + p.stderr)


def test(work):
    files = drascula_tracks(3)
    cancel_json_cdrw(work, files)
    cancel_text_cdr(work, files)


if __name__ == "__main__":
    main(test)
