# Scenario 15: kiln in the guest burns the three WAVs of scenario 03 Track-At-Once through the kernel's SCSI
# generic driver (SG_IO on /dev/sg0: kiln's SgIoTransport), then the disc is read back through the kernel exactly
# as after wodim (wodim -toc, cdrdao read-toc, cd-info, cdparanoia rips; compared on the host by check.sh).
. /host/lib.sh
step kiln_devices kiln devices
expect kiln_devices 'sg:/dev/sg0'
step kiln_burn kiln burn --drive sg:/dev/sg0 /host/in/t1.wav /host/in/t2.wav /host/in/t3.wav
expect kiln_burn '^Done: 3 track'
step kiln_info kiln info --drive sg:/dev/sr0
. /host/readback.sh
done_scenario
