# Scenario 16: kiln in the guest burns the three WAVs of scenario 03 Track-At-Once over libusb (kiln's LibusbPipe
# under UsbBotTransport: kiln itself speaks Bulk-Only to our drive, VID:PID 1209:0001 from interop/usbredir
# descriptors). First kiln must refuse while usb-storage holds the interface, with the message that says what to
# do; then usb-storage is unbound from the interface, kiln burns (and reads the disc info by bus-port), the
# interface is given back to usb-storage and the disc is read back through the kernel as after wodim.
. /host/lib.sh
USBS=/sys/bus/usb/drivers/usb-storage
itf=$(cd $USBS && ls -d [0-9]*-*:* 2>/dev/null | head -n 1)
[ -n "$itf" ] || fail "no interface bound to usb-storage"
echo "usb-storage interface: $itf" | tee -a "$OUT/steps.log"
step kiln_devices kiln devices
expect kiln_devices 'usb:1209:0001'
step_fails kiln_held kiln info --drive usb:1209:0001
expect kiln_held 'usb-storage driver holds this drive; pass --detach-kernel-driver or unbind it'
echo "$itf" > $USBS/unbind
i=0; while [ -e /dev/sg0 ] && [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
[ -e /dev/sg0 ] && fail "/dev/sg0 still there after unbinding usb-storage"
step kiln_burn kiln burn --drive usb:1209:0001 /host/in/t1.wav /host/in/t2.wav /host/in/t3.wav
expect kiln_burn '^Done: 3 track'
port=${itf%%:*}
step kiln_info kiln info --drive "usb:$port"
expect kiln_info 'complete, 1 session\(s\), 3 track\(s\)'
echo "$itf" > $USBS/bind
i=0; while { [ ! -e /dev/sr0 ] || [ ! -e /dev/sg0 ]; } && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.1; done
[ -e /dev/sr0 ] && [ -e /dev/sg0 ] || fail "no /dev/sr0 + /dev/sg0 after binding usb-storage again"
sleep 1
. /host/readback.sh
done_scenario
