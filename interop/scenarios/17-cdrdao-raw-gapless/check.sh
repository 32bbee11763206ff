# Scenario 17 host check: gapless (no pregap after track 1), and `kiln burn --dao` of the same WAVs gives the same
# disc: the issue-5 comparison of kiln's disc-at-once with an established raw burner.
set -e
bash "$ROOT/interop/lab/check_burn.sh" 0
bash "$ROOT/interop/lab/compare_with_kiln_dao.sh" 0
