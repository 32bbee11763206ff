# Scenario 5: a real Session-At-Once audio burn by cdrskin (SEND CUE SHEET + WRITE from LBA -150), then read back.
. /host/lib.sh
step cdrskin_burn cdrskin -v dev=/dev/sr0 gracetime=0 -sao -audio -pad /host/in/t1.wav /host/in/t2.wav /host/in/t3.wav
. /host/readback.sh
done_scenario
