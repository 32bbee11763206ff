# Scenario 9: the 5th WRITE(10) of a wodim TAO burn has its data phase STALLed. wodim must report a write error
# with the sense a real drive gives for an aborted data phase (ABORTED COMMAND 0B/4B/00 DATA PHASE ERROR),
# the kernel must stay usable, and the disc must hold exactly what was written before the failure (wodim fixates
# what it has): checked on the host against wodim's own byte count.
. /host/lib.sh
arm_fault stall=2a:5
step_fails wodim_burn wodim -v dev=/dev/sg0 gracetime=2 -tao -audio -pad /host/in/t1.wav /host/in/t2.wav
expect wodim_burn 'write track data: error after [0-9]+ bytes'
expect wodim_burn 'Sense Code: 0x4B Qual 0x00'
step tur_after sg_turs /dev/sg0
step wodim_toc wodim dev=/dev/sg0 -toc
step cd_info cd-info --no-header --no-device-info --no-cddb --no-analyze /dev/sr0
done_scenario
