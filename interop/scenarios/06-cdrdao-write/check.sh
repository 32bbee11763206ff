# Scenario 6 host check: the TOC asks for PREGAP 00:02:00 before tracks 2 and 3 (150 sectors); see check_burn.sh.
bash "$ROOT/interop/lab/check_burn.sh" 150
