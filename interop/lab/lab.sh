# Functions of scripts/interop-lab (sourced by it; bash). Paths: ROOT = repo, CACHE = out/interop.

log() { printf '[interop-lab %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Installs the Debian packages in scripts/deps-apt-interop.txt that are missing (apt-get, as root).
lab_install_deps() {
  local missing=() p
  while read -r p; do
    [[ -z "$p" || "$p" == \#* ]] && continue
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done < "$ROOT/scripts/deps-apt-interop.txt"
  ((${#missing[@]} == 0)) && return 0
  log "installing: ${missing[*]}"
  local sudo=""; [[ $EUID -ne 0 ]] && sudo=sudo
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >"$CACHE/apt.log" 2>&1; then
    $sudo apt-get update >>"$CACHE/apt.log" 2>&1
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>"$CACHE/apt.log" 2>&1 \
      || die "apt-get install failed (see $CACHE/apt.log)"
  fi
}

# Fetches the kernel that linux-image-amd64 depends on, unpacked (never installed) under $CACHE/kernel/$KVER.
# Sets KVER, KROOT (the unpacked tree) and VMLINUZ.
lab_fetch_kernel() {
  local pkg
  pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
  if [[ -z "$pkg" ]]; then
    apt-get update >>"$CACHE/apt.log" 2>&1
    pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
  fi
  [[ -n "$pkg" ]] || die "cannot resolve the kernel package behind linux-image-amd64"
  KVER=${pkg#linux-image-}
  KROOT="$CACHE/kernel/$KVER"
  VMLINUZ="$KROOT/boot/vmlinuz-$KVER"
  if [[ ! -f "$KROOT/.ready" ]]; then
    log "fetching $pkg"
    rm -rf "$KROOT" && mkdir -p "$KROOT"
    (cd "$CACHE/kernel" && rm -f "${pkg}"_*.deb && apt-get download "$pkg" >>"$CACHE/apt.log" 2>&1) || die "apt-get download $pkg failed"
    dpkg-deb -x "$CACHE/kernel/${pkg}"_*.deb "$KROOT"
    depmod -b "$KROOT" "$KVER" || die "depmod failed"
    touch "$KROOT/.ready"
  fi
  [[ -f "$VMLINUZ" ]] || die "no $VMLINUZ"
}

# Builds kiln-usbredir in $BUILD (the top-level project when it adds interop/, else the standalone wrapper).
# Sets USBREDIR_BIN.
lab_build_usbredir() {
  local src="$ROOT"
  if ! grep -q 'add_subdirectory(interop)' "$ROOT/CMakeLists.txt"; then
    src="$ROOT/interop/lab/standalone" BUILD="$BUILD-standalone"
  fi
  log "building kiln-usbredir in $BUILD"
  # Tests are off only in a build dir of the lab's own: a reused one (scripts/test passes the native build) keeps
  # its settings, or the next native test run would find its test targets gone.
  local testing=()
  [[ -f "$BUILD/CMakeCache.txt" ]] || testing=(-DBUILD_TESTING=OFF)
  cmake -S "$src" -B "$BUILD" -DKILN_ROOT="$ROOT" "${testing[@]}" >"$CACHE/cmake.log" 2>&1 || { tail -20 "$CACHE/cmake.log"; die "cmake configure failed"; }
  cmake --build "$BUILD" --target kiln-usbredir -j"${LAB_JOBS:-2}" >>"$CACHE/cmake.log" 2>&1 || { grep -E 'error' "$CACHE/cmake.log" | head -20; die "build failed (see $CACHE/cmake.log)"; }
  USBREDIR_BIN="$BUILD/interop/kiln-usbredir"
  [[ -x "$USBREDIR_BIN" ]] || die "no $USBREDIR_BIN"
}

# Builds the `kiln` CLI in $BUILD for the host-side comparisons (kiln burning the same album into an in-process
# virtual drive) and for the guest. Sets KILN_BIN; a CLI that does not build stops the lab (the comparisons must not
# pass by being skipped). The standalone wrapper (no top-level interop/) has no CLI and says so.
lab_build_kiln() {
  KILN_BIN=""
  grep -q 'add_subdirectory(interop)' "$ROOT/CMakeLists.txt" || { log "WARNING: standalone build, no kiln CLI"; return 0; }
  log "building kiln in $BUILD"
  if cmake --build "$BUILD" --target kiln -j"${LAB_JOBS:-2}" >>"$CACHE/cmake.log" 2>&1 && [[ -x "$BUILD/native-helper/kiln" ]]; then
    KILN_BIN="$BUILD/native-helper/kiln"
  else
    grep -E 'error' "$CACHE/cmake.log" | head -20; die "the kiln CLI did not build (see $CACHE/cmake.log)"
  fi
}

# Prints, in load order (dependencies first), the modules.dep paths needed for the named modules.
lab_module_order() {
  local dep="$KROOT/lib/modules/$KVER/modules.dep"
  awk -v want="$*" '
    { sub(":", "", $1); deps[$1] = ""; for (i = 2; i <= NF; i++) deps[$1] = deps[$1] " " $i
      n = $1; sub(".*/", "", n); sub("\\.ko.*", "", n); path[n] = $1 }
    function visit(p,   d, k, i) {
      if (p in seen) return; seen[p] = 1
      k = split(deps[p], d, " "); for (i = k; i >= 1; i--) visit(d[i])
      print p
    }
    END { k = split(want, w, " "); for (i = 1; i <= k; i++) { if (!(w[i] in path)) { print "missing " w[i] > "/dev/stderr"; continue } visit(path[w[i]]) } }
  ' "$dep"
}

# Copies an executable and its shared libraries (ldd) into the initramfs root $1.
lab_copy_binary() {
  local root=$1 bin=$2 lib
  install -D -m 755 "$bin" "$root$bin"
  for lib in $(ldd "$bin" 2>/dev/null | grep -oE '/[^ ]+'); do
    [[ -e "$root$lib" ]] || install -D -m 755 "$lib" "$root$lib"
  done
}

# Builds $CACHE/initramfs.cpio.gz: busybox, the modules, the tools (with their libraries), /init. Sets INITRD.
lab_build_initramfs() {
  local root="$CACHE/initramfs" m tool
  rm -rf "$root" && mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,lib/modules,usr/bin,usr/sbin,root}
  cp /bin/busybox "$root/bin/busybox"
  install -m 755 "$ROOT/interop/guest/init" "$root/init"
  : > "$root/etc/kiln-modules"
  # Load order from modules.dep; see interop/README.md for why each is needed.
  for m in $(lab_module_order usb-storage sr_mod sg xhci-pci 9p 9pnet_virtio virtio_pci); do
    install -D -m 644 "$KROOT/lib/modules/$KVER/$m" "$root/lib/modules/$m"
    case "$m" in
      */usb-storage.ko*) echo "$m delay_use=0" ;;
      *) echo "$m" ;;
    esac >> "$root/etc/kiln-modules"
  done
  for tool in wodim readom cdrskin cdrdao sg_inq sg_raw sg_turs sg_modes sg_get_config sg_vpd sg_readcap sg_start \
              lsscsi cdparanoia cd-info cd-read cd-drive; do
    local path; path=$(command -v "$tool") || die "tool $tool missing on the host"
    lab_copy_binary "$root" "$path"
  done
  if [[ -n "${KILN_BIN:-}" && -x "$KILN_BIN" ]]; then  # for guest-side kiln scenarios; stripped (debug info is ~20 MB)
    lab_copy_binary "$root" "$KILN_BIN"
    strip --strip-debug "$root$KILN_BIN"
    ln -sf "$KILN_BIN" "$root/usr/bin/kiln"
  fi
  mkdir -p "$root/usr/share/cdrdao" && cp -r /usr/share/cdrdao/. "$root/usr/share/cdrdao/"
  echo "root:x:0:0:root:/root:/bin/sh" > "$root/etc/passwd"
  echo "root:x:0:" > "$root/etc/group"
  INITRD="$CACHE/initramfs.cpio.gz"
  (cd "$root" && find . | busybox cpio -o -H newc 2>/dev/null | gzip -1 > "$INITRD") || die "cpio failed"
  log "initramfs: $(du -h "$INITRD" | cut -f1), $(wc -l < "$root/etc/kiln-modules") modules"
}
