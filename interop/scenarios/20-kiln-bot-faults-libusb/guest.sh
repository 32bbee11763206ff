# Scenario 20: Bulk-Only Transport faults handled by kiln's own UsbBotTransport (kiln over libusb, usb-storage
# unbound, so no kernel driver recovers for it). A phase error (CSW status 2) makes kiln run reset recovery
# (Bulk-Only Mass Storage Reset + CLEAR_FEATURE(HALT) on both endpoints) and retry: the burn succeeds. A STALL of a
# WRITE's data phase makes kiln clear the halt, read the CSW and REQUEST SENSE (0B/4B/00): the burn fails with an
# IMAPI error, the drive still answers, and the disc holds what kiln says (check.sh compares with the export).
. /host/lib.sh
USBS=/sys/bus/usb/drivers/usb-storage
itf=$(cd $USBS && ls -d [0-9]*-*:* 2>/dev/null | head -n 1)
[ -n "$itf" ] || fail "no interface bound to usb-storage"
echo "$itf" > $USBS/unbind
i=0; while [ -e /dev/sg0 ] && [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
# 1. Phase error on the 12th command kiln sends: recovered (reset recovery + one retry), the burn completes.
arm_fault phase-error=12
step kiln_phase_error kiln burn --no-finalize --drive usb:1209:0001 /host/in/t1.wav
expect kiln_phase_error '^Done: 1 track'
# 2. The 5th WRITE(10)'s data phase stalls: kiln reports the sense as an IMAPI error and exits non-zero.
arm_fault stall=2a:5
step_fails kiln_stall kiln burn --no-finalize --drive usb:1209:0001 /host/in/t2.wav
expect kiln_stall 'E_IMAPI_[A-Z_]+ \(0x[0-9A-F]{8}\): WRITE\(10\) failed: sense B/4B/00'
# The drive answers afterwards, and kiln tells what is on the disc.
step kiln_info kiln info --json --drive usb:1209:0001
cp "$OUT/kiln_info.txt" "$OUT/kiln_info.json"
echo "$itf" > $USBS/bind
done_scenario
