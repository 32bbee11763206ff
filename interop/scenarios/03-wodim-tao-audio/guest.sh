# Scenario 3: a real (not dummy) Track-At-Once audio burn by wodim of three WAV tracks, then the disc read back
# through the kernel (wodim -toc, cdrdao read-toc, cd-info, cdparanoia rips; compared on the host by check.sh).
. /host/lib.sh
step wodim_burn wodim -v dev=/dev/sg0 gracetime=2 -tao -audio -pad /host/in/t1.wav /host/in/t2.wav /host/in/t3.wav
expect wodim_burn 'Fixating'
. /host/readback.sh
done_scenario
