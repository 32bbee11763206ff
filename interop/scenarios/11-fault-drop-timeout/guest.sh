# Scenario 11: the drive never answers one command (BotDevice drops it; bulk IN NAKs forever). The SG_IO timeout
# (3 s) must fire, Linux must abort (the held bulk IN is cancelled) and reset the device, and the drive must
# answer normally afterwards: the kernel must not wedge.
. /host/lib.sh
step inq_before sg_inq /dev/sg0
arm_fault drop=1
step_fails inq_dropped sg_raw -t 3 -r 36 /dev/sg0 12 00 00 00 24 00
step inq_after sg_inq /dev/sg0
expect inq_after 'Vendor identification: KILN'
step tur_after sg_turs /dev/sg0
dmesg > $OUT/dmesg-after.txt
done_scenario
