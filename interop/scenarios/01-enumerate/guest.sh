# Scenario 1: the kernel enumerates the virtual drive as a CD writer; lsscsi, sg_inq and sg_get_config answer.
. /host/lib.sh
step lsscsi /usr/bin/lsscsi -g   # full path: busybox sh would run its own lsscsi applet
expect lsscsi 'cd/dvd +KILN +Virtual CD-RW .*/dev/sr0 +/dev/sg0'
step sg_inq sg_inq /dev/sg0
expect sg_inq 'Peripheral device type: cd/dvd'
step sg_get_config sg_get_config /dev/sg0
expect sg_get_config 'Current profile: CD-R'
step cdrom_info cat /proc/sys/dev/cdrom/info
expect cdrom_info 'drive name:[[:space:]]+sr0'
step sr0_mode_2a sg_modes --page=0x2a /dev/sg0
done_scenario
