# Scenario 5 host check: cdrskin -sao writes tracks back to back (no pregap after track 1); see check_burn.sh.
# The same album through `kiln burn --dao` (gapless RAW) must give the same disc.
set -e
bash "$ROOT/interop/lab/check_burn.sh" 0
bash "$ROOT/interop/lab/compare_with_kiln_dao.sh" 0
