# Scenario 5 host check: cdrskin -sao writes tracks back to back (no pregap after track 1); see check_burn.sh.
bash "$ROOT/interop/lab/check_burn.sh" 0
