# Scenario 10: a CD-RW through its life with real tools: wodim -multi leaves session 1 open (-msinfo must say the
# next session starts 11400 sectors after it: lead-out + lead-in + pregap), a second wodim burn closes the disc
# (2 sessions in wodim -toc and cd-info), wodim blank=fast erases it, cdrskin -sao writes t3 on the erased disc.
. /host/lib.sh
step atip wodim -v dev=/dev/sg0 -atip
expect atip 'Is erasable'
step burn1 wodim -v dev=/dev/sg0 gracetime=2 -multi -tao -audio -pad /host/in/t1.wav
step msinfo wodim dev=/dev/sg0 -msinfo
expect msinfo '^0,11775$'
step burn2 wodim -v dev=/dev/sg0 gracetime=2 -tao -audio -pad /host/in/t2.wav
step toc2 wodim dev=/dev/sg0 -toc
expect toc2 'track: +2 lba: +11775 '
expect toc2 'track:lout lba: +12300 '
step info2 cd-info --no-header --no-device-info --no-cddb --no-analyze /dev/sr0
expect info2 'Last CD Session LSN: 11775'
step blank wodim -v dev=/dev/sg0 gracetime=2 blank=fast
step disk_info cdrdao disk-info --device /dev/sg0
expect disk_info 'CD-RW +: yes'
expect disk_info 'CD-R empty +: yes'
step burn3 cdrskin -v dev=/dev/sr0 gracetime=0 -sao -audio -pad /host/in/t3.wav
step wodim_toc wodim dev=/dev/sg0 -toc
(cd "$OUT" && step rip cdparanoia -d /dev/sr0 -B -Z -- 1-)
done_scenario
