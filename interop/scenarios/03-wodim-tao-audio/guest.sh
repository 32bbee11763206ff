# Scenario 3: a real (not dummy) Track-At-Once audio burn by wodim of three WAV tracks, then the disc read back
# through the kernel: wodim -toc, cd-info and a cdparanoia rip of every track (compared on the host by check.sh).
. /host/lib.sh
step wodim_burn wodim -v dev=/dev/sg0 gracetime=2 -tao -audio -pad /host/in/t1.wav /host/in/t2.wav /host/in/t3.wav
expect wodim_burn 'Fixating'
step wodim_toc wodim dev=/dev/sg0 -toc
step cd_info cd-info --no-header --no-device-info --no-cddb --no-analyze /dev/sr0
cd /host/out && step rip cdparanoia -d /dev/sr0 -B -Z -- 1-3
done_scenario
