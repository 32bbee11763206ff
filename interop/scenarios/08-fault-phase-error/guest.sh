# Scenario 8: the drive answers one command with a CSW phase error (BOT §6.7). Linux's usb-storage must recover
# (reset recovery) and the next INQUIRY must work; the kernel must not wedge.
. /host/lib.sh
step inq_before sg_inq /dev/sg0
arm_fault phase-error=1
sg_inq /dev/sg0 > $OUT/inq_phase_error.txt 2>&1; echo "inq with phase error: rc=$?" | tee -a $OUT/steps.log
step inq_after sg_inq /dev/sg0
expect inq_after 'Vendor identification: KILN'
step lsscsi /usr/bin/lsscsi -g
expect lsscsi '/dev/sr0 +/dev/sg0'
dmesg > $OUT/dmesg-after.txt
done_scenario
