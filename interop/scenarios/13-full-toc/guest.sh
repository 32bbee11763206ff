# Scenario 13: the full TOC (READ TOC format 2, what readom -fulltoc and raw rippers read) of a 3-track audio disc
# written by cdrskin -sao: every descriptor of session 1 has ADR 1 (bits 7-4) and audio CONTROL 0 (bits 3-0),
# A0/A1 name tracks 1 and 3, A2 and the track points give the lead-out and starts (checked on the host).
. /host/lib.sh
step burn cdrskin -v dev=/dev/sr0 gracetime=0 -sao -audio -pad /host/in/t1.wav /host/in/t2.wav /host/in/t3.wav
step fulltoc readom dev=/dev/sg0 -fulltoc
step wodim_toc wodim dev=/dev/sg0 -toc
done_scenario
