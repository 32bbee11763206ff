# Scenario 12: the medium disappears (tray opened) after the 3rd WRITE of a wodim TAO burn. wodim must report
# 2/3A/00 (medium not present) and fail, TEST UNIT READY says not ready, START STOP UNIT (load) brings the disc back
# with a unit attention (6/28/00), and the disc then shows exactly what was written before the removal.
. /host/lib.sh
arm_fault remove-after-writes=3
step_fails wodim_burn wodim -v dev=/dev/sg0 gracetime=2 -tao -audio -pad /host/in/t1.wav /host/in/t2.wav
expect wodim_burn 'medium not present'
step_fails tur_removed sg_turs /dev/sg0
expect tur_removed 'not ready'
step load sg_start --load /dev/sg0
step_fails tur_attention sg_turs /dev/sg0
expect tur_attention 'Not ready to ready change'
step tur_ready sg_turs /dev/sg0
step wodim_toc wodim dev=/dev/sg0 -toc
step cd_info cd-info --no-header --no-device-info --no-cddb --no-analyze /dev/sr0
done_scenario
