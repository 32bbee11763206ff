# Scenario 18 host check: the disc kiln burnt over libusb (detaching usb-storage itself) must be what scenario 03's `wodim -tao -audio` burns —
# the same checks as 03 (TAO layout with 150-sector pauses from every reader, rips and BIN = WAV PCM byte for
# byte) and the export identical (CUE TRACK/INDEX lines, BIN bytes) to kiln's in-process virtual-drive burn, which
# scenario 03 requires to be identical to wodim's.
set -e
bash "$ROOT/interop/lab/check_burn.sh" 150
bash "$ROOT/interop/lab/compare_with_kiln.sh"
