# Scenario 7: the drive reports 2/04/01 (becoming ready) for 3 s. TEST UNIT READY shows it, wodim -atip waits for
# the drive like for a real one and then reads the ATIP; the kernel stays usable.
. /host/lib.sh
step tur_ready sg_turs /dev/sg0
arm_fault not-ready-ms=3000
step_fails tur_not_ready sg_turs /dev/sg0
expect tur_not_ready 'not ready'
step wodim_atip wodim -v dev=/dev/sg0 -atip
expect wodim_atip 'ATIP start of lead out: +359849'
step tur_again sg_turs /dev/sg0
done_scenario
