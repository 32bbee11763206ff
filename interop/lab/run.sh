# Runs one scenario in a fresh VM with a fresh medium (sourced by scripts/interop-lab; bash).
#
# A scenario is a folder interop/scenarios/NAME/ with
#   guest.sh    run inside the guest (busybox sh; /host/lib.sh has step/expect/fail); exit 0 = pass
#   prepare.sh  optional, on the host before boot: env RUN, SHARE (in/ is visible as /host/in in the guest)
#   check.sh    optional, on the host after power-off: env RUN, SHARE, MEDIA, EXPORT, CDB_LOG; exit 0 = pass
#   drive.args  optional, extra kiln-usbredir arguments (e.g. --media-type none, --fault …)
#   timeout     optional, seconds for the VM (default $LAB_VM_TIMEOUT)

# lab_run_scenario DIR RUNS_DIR: prints "PASS|FAIL NAME SECONDS [reason]" on stdout, returns 0 on pass.
lab_run_scenario() {
  local dir=$1 name run share t0 reason="" vm_timeout usbredir_pid qemu_rc vm_secs=-
  name=$(basename "$dir")
  run="$2/$name"
  share="$run/share"
  rm -rf "$run" && mkdir -p "$share"/{in,out,work,scenario,ctl} "$run/media" "$run/export"
  cp "$ROOT/interop/guest/lib.sh" "$share/lib.sh"
  cp "$ROOT/interop/lab/readback.sh" "$share/readback.sh"
  cp -r "$dir"/. "$share/scenario/"
  t0=$(date +%s.%N)

  if [[ -f "$dir/prepare.sh" ]] && ! RUN="$run" SHARE="$share" ROOT="$ROOT" bash "$dir/prepare.sh" >"$run/prepare.log" 2>&1; then
    reason="prepare.sh failed"
  fi

  local extra=()
  [[ -f "$dir/drive.args" ]] && read -r -a extra < "$dir/drive.args"
  if [[ -z "$reason" ]]; then
    "$USBREDIR_BIN" --socket "$run/usbredir.sock" --media "$run/media" --export "$run/export" \
      --cdb-log "$run/cdb.jsonl" --control-dir "$share/ctl" ${LAB_STUB:+--stub} "${extra[@]}" >"$run/usbredir.log" 2>&1 &
    usbredir_pid=$!
    local i
    for i in $(seq 50); do [[ -S "$run/usbredir.sock" ]] && break; sleep 0.1; done
    [[ -S "$run/usbredir.sock" ]] || reason="kiln-usbredir did not start"
  fi

  if [[ -z "$reason" ]]; then
    local tv=$(date +%s.%N)
    vm_timeout=$LAB_VM_TIMEOUT
    [[ -f "$dir/timeout" ]] && vm_timeout=$(cat "$dir/timeout")
    timeout "$vm_timeout" qemu-system-x86_64 -accel tcg,thread=multi -cpu max -m 1024 -smp 2 -no-reboot \
      -nodefaults -display none -monitor none -serial "file:$run/console.log" \
      -kernel "$VMLINUZ" -initrd "$INITRD" \
      -append "console=ttyS0 panic=-1 quiet mitigations=off kiln.scenario=$name" \
      -chardev "socket,id=cd,path=$run/usbredir.sock" -device qemu-xhci,id=xhci -device usb-redir,chardev=cd,bus=xhci.0 \
      -virtfs "local,path=$share,mount_tag=host,security_model=none,id=host" >"$run/qemu.log" 2>&1
    qemu_rc=$?
    vm_secs=$(awk -v a="$tv" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    ((qemu_rc == 124)) && reason="VM timed out after ${vm_timeout}s"
    ((qemu_rc != 0 && qemu_rc != 124)) && reason="qemu exited with $qemu_rc"
  fi

  if [[ -n "${usbredir_pid:-}" ]]; then
    # The guest is gone; kiln-usbredir exits on its own when QEMU closes the socket (then it exports).
    local i
    for i in $(seq 50); do kill -0 "$usbredir_pid" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$usbredir_pid" 2>/dev/null
    wait "$usbredir_pid" 2>/dev/null
  fi

  if [[ -z "$reason" ]]; then
    local grc; grc=$(cat "$share/out/guest.rc" 2>/dev/null || echo none)
    [[ "$grc" == 0 ]] || reason="guest.sh exit $grc"
  fi
  if [[ -z "$reason" && -f "$dir/check.sh" ]]; then
    RUN="$run" SHARE="$share" MEDIA="$run/media" EXPORT="$run/export" CDB_LOG="$run/cdb.jsonl" ROOT="$ROOT" KILN_BIN="${KILN_BIN:-}" \
      bash "$dir/check.sh" >"$run/check.log" 2>&1 || reason="check.sh failed"
  fi

  local secs; secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  local times; times=$(tr '\n' ' ' < "$share/out/guest-times.txt" 2>/dev/null)
  if [[ -z "$reason" ]]; then
    echo "PASS $name ${secs}s (vm ${vm_secs}s; guest $times)"
    [[ -n "$LAB_KEEP" ]] || rm -rf "$run"
    return 0
  fi
  echo "FAIL $name ${secs}s (vm ${vm_secs}s): $reason (logs kept in $run)"
  lab_show_failure "$run"
  return 1
}

# Prints the tails of the logs a failed scenario left, to stderr.
lab_show_failure() {
  local run=$1 f
  for f in share/out/guest.log check.log prepare.log usbredir.log console.log; do
    [[ -s "$run/$f" ]] || continue
    printf -- '---- %s (tail) ----\n' "$f" >&2
    tail -n 30 "$run/$f" >&2
  done
}
