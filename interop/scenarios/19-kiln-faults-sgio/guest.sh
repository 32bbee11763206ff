# Scenario 19: kiln (SG_IO through the real kernel) under drive faults. Where recovery is right kiln recovers
# (becoming ready: it waits); otherwise it reports the matching IMAPI error, the kernel stays usable, and the disc
# holds what kiln then says it holds (compared with the export by check.sh).
. /host/lib.sh
# 1. The drive is becoming ready (2/04/01) for 3 s: kiln's TEST UNIT READY loop waits, then burns.
arm_fault not-ready-ms=3000
step kiln_not_ready kiln burn --no-finalize --drive sg:/dev/sg0 /host/in/t1.wav
expect kiln_not_ready '^Done: 1 track'
# 2. A write error (3/0C/00) inside track 2, which opens session 2 at 375 + 11400 = 11775 (session 1 was closed
#    appendable): E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE.
arm_fault write-error-lba=11850
step_fails kiln_write_error kiln burn --no-finalize --drive sg:/dev/sg0 /host/in/t2.wav
expect kiln_write_error 'E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE \(0xC0AA0301\)'
step tur_after_error sg_turs /dev/sg0
# 3. The medium is removed after 3 WRITEs of the next track: E_IMAPI_RECORDER_MEDIA_NO_MEDIA; then the disc is loaded.
arm_fault remove-after-writes=3
step_fails kiln_removed kiln burn --no-finalize --drive sg:/dev/sg0 /host/in/t3.wav
expect kiln_removed 'E_IMAPI_RECORDER_MEDIA_NO_MEDIA \(0xC0AA0202\)'
step load sg_start --load /dev/sg0
sg_turs /dev/sg0 > /dev/null 2>&1  # the unit attention after loading
step tur_ready sg_turs /dev/sg0
# What kiln says is on the disc now (check.sh compares it with the virtual drive's export).
step kiln_info kiln info --json --drive sg:/dev/sg0
cp "$OUT/kiln_info.txt" "$OUT/kiln_info.json"
done_scenario
