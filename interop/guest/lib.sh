# Helpers for scenario guest scripts (sourced; busybox sh). Every step logs its command, output, exit code and
# time to $OUT/steps.log; `fail` marks the scenario failed but lets it go on so one run shows every problem.
OUT=${OUT:-/host/out}
IN=${IN:-/host/in}
FAILED=0

now_ms() { awk '{ printf "%d", $1 * 1000 }' /proc/uptime; }

# step NAME CMD...: runs CMD, output into $OUT/NAME.txt; fails the scenario on a non-zero exit.
step() {
  name=$1; shift
  t0=$(now_ms)
  "$@" > "$OUT/$name.txt" 2>&1
  rc=$?
  t1=$(now_ms)
  echo "step $name rc=$rc ms=$((t1 - t0)) :: $*" | tee -a "$OUT/steps.log"
  if [ $rc -ne 0 ]; then
    FAILED=1
    echo "---- $name output (tail) ----"; tail -n 25 "$OUT/$name.txt"; echo "----"
  fi
  return $rc
}

# step_fails NAME CMD...: like step, but CMD must fail (exit status non-zero).
step_fails() {
  name=$1; shift
  t0=$(now_ms)
  "$@" > "$OUT/$name.txt" 2>&1
  rc=$?
  t1=$(now_ms)
  echo "step_fails $name rc=$rc ms=$((t1 - t0)) :: $*" | tee -a "$OUT/steps.log"
  if [ $rc -eq 0 ]; then FAILED=1; echo "---- $name succeeded but must fail ----"; tail -n 10 "$OUT/$name.txt"; fi
  [ $rc -ne 0 ]
}

# expect NAME REGEX: the output of step NAME must match the extended regex.
expect() {
  if grep -Eq "$2" "$OUT/$1.txt"; then
    echo "expect $1 /$2/ ok" | tee -a "$OUT/steps.log"
  else
    echo "expect $1 /$2/ FAILED" | tee -a "$OUT/steps.log"
    FAILED=1
  fi
}

# fail MESSAGE: records a failed check.
fail() { echo "FAIL: $*" | tee -a "$OUT/steps.log"; FAILED=1; }

# arm_fault SPEC...: asks kiln-usbredir to arm faults now (see kiln-usbredir --help) and waits until it did.
arm_fault() {
  printf '%s\n' "$@" > /host/ctl/fault.tmp && mv /host/ctl/fault.tmp /host/ctl/fault
  i=0
  while [ ! -e /host/ctl/fault.armed ]; do
    i=$((i + 1)); [ $i -gt 100 ] && { fail "fault $* not armed within 10 s"; return 1; }
    sleep 0.1
  done
  rm -f /host/ctl/fault.armed
  echo "armed fault $*" | tee -a "$OUT/steps.log"
}

# done_scenario: exit status of the scenario.
done_scenario() { exit $FAILED; }
