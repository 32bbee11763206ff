# Scenario 19 host check: what kiln reports over SG_IO after the faults is what the drive recorded: the track
# written before the faults, the one cut by the write error, and the one cut by the removal.
bash "$ROOT/interop/lab/check_kiln_info.sh" 3
