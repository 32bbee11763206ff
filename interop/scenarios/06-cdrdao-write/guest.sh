# Scenario 6: a real disc-at-once burn by cdrdao from a TOC file (cue sheet built by cdrdao), then read back.
. /host/lib.sh
cat > /tmp/album.toc <<'TOC'
CD_DA
TRACK AUDIO
FILE "/host/in/t1.wav" 0
TRACK AUDIO
PREGAP 00:02:00
FILE "/host/in/t2.wav" 0
TRACK AUDIO
PREGAP 00:02:00
FILE "/host/in/t3.wav" 0
TOC
step cdrdao_burn cdrdao write --device /dev/sg0 -n /tmp/album.toc
. /host/readback.sh
done_scenario
