# Scenario 20 host check: what kiln reports over libusb after the BOT faults is what the drive recorded: the track
# burnt through the phase error and the one cut by the stall.
bash "$ROOT/interop/lab/check_kiln_info.sh" 2
