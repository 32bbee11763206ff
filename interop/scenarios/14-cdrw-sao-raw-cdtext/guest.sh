# Scenario 14: the other write modes through real tools on one CD-RW, blanked in between: wodim -sao (cue sheet),
# wodim -raw96r (raw sectors with P-W sub-channel from the lead-in on), then cdrdao write --driver
# generic-mmc-raw of a TOC with CD-TEXT; cdrdao read-toc must read the CD-TEXT back from the lead-in.
. /host/lib.sh
step wodim_sao wodim -v dev=/dev/sg0 gracetime=2 -sao -audio -pad /host/in/t1.wav /host/in/t2.wav
step toc_sao wodim dev=/dev/sg0 -toc
expect toc_sao 'track: +2 lba: +375 '
expect toc_sao 'track:lout lba: +900 '
step blank1 wodim dev=/dev/sg0 gracetime=2 blank=fast
step wodim_raw96r wodim -v dev=/dev/sg0 gracetime=2 -raw96r -audio -pad /host/in/t1.wav /host/in/t2.wav
step toc_raw wodim dev=/dev/sg0 -toc
expect toc_raw 'track: +2 lba: +375 '
expect toc_raw 'track:lout lba: +900 '
step blank2 wodim dev=/dev/sg0 gracetime=2 blank=fast
cat > /tmp/album.toc <<'TOC'
CD_DA
CD_TEXT { LANGUAGE_MAP { 0 : EN } LANGUAGE 0 { TITLE "Kiln Album" PERFORMER "Kiln" } }
TRACK AUDIO
CD_TEXT { LANGUAGE 0 { TITLE "One" PERFORMER "Kiln" } }
FILE "/host/in/t1.wav" 0
TRACK AUDIO
CD_TEXT { LANGUAGE 0 { TITLE "Two" PERFORMER "Kiln" } }
PREGAP 00:02:00
FILE "/host/in/t2.wav" 0
TOC
step cdrdao_raw cdrdao write --device /dev/sg0 --driver generic-mmc-raw -n /tmp/album.toc
step wodim_toc wodim dev=/dev/sg0 -toc
step cdrdao_read_toc cdrdao read-toc --device /dev/sg0 --datafile disc.bin "$OUT/read_toc.toc"
expect cdrdao_read_toc 'Reading of toc data finished successfully'
step cd_info cd-info --no-header --no-device-info --no-cddb --no-analyze /dev/sr0
(cd "$OUT" && step rip cdparanoia -d /dev/sr0 -B -Z -- 1-)
done_scenario
