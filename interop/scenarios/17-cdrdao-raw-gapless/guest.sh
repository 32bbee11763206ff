# Scenario 17: a gapless disc-at-once burn by cdrdao in RAW mode (--driver generic-mmc-raw: the host sends every
# sector from the lead-in with P-W sub-channel), then read back through the kernel.
. /host/lib.sh
cat > /tmp/album.toc <<'TOC'
CD_DA
TRACK AUDIO
FILE "/host/in/t1.wav" 0
TRACK AUDIO
FILE "/host/in/t2.wav" 0
TRACK AUDIO
FILE "/host/in/t3.wav" 0
TOC
step cdrdao_raw cdrdao write --device /dev/sg0 --driver generic-mmc-raw -n /tmp/album.toc
. /host/readback.sh
done_scenario
