# Scenario 3 host check: TAO layout, pause 150 sectors between tracks (MMC-6 §4.5); see check_burn.sh.
set -e
bash "$ROOT/interop/lab/check_burn.sh" 150
bash "$ROOT/interop/lab/compare_with_kiln.sh"
