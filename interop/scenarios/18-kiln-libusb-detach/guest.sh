# Scenario 18: like 16, but kiln takes the interface from usb-storage itself (`--detach-kernel-driver`) and gives
# it back when it exits: the kernel's /dev/sr0 + /dev/sg0 come back without a manual bind, then the readback.
. /host/lib.sh
step kiln_burn kiln burn --drive usb:1209:0001 --detach-kernel-driver /host/in/t1.wav /host/in/t2.wav /host/in/t3.wav
expect kiln_burn '^Done: 3 track'
i=0; while { [ ! -e /dev/sr0 ] || [ ! -e /dev/sg0 ]; } && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.1; done
[ -e /dev/sr0 ] && [ -e /dev/sg0 ] || fail "usb-storage did not get the drive back after kiln exited"
[ -e /sys/bus/usb/drivers/usb-storage/1-1:1.0 ] || fail "interface 1-1:1.0 not bound to usb-storage again"
sleep 1
. /host/readback.sh
done_scenario
