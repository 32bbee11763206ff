# Scenario 4: a real Track-At-Once audio burn by cdrskin (libburn) of the three WAV tracks, then read back.
. /host/lib.sh
step cdrskin_burn cdrskin -v dev=/dev/sr0 gracetime=0 -tao -audio -pad /host/in/t1.wav /host/in/t2.wav /host/in/t3.wav
. /host/readback.sh
done_scenario
