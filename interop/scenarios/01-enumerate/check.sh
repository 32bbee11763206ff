# Scenario 1 host check: what the kernel derived from our MODE SENSE page 2Ah (/proc/sys/dev/cdrom/info) matches
# the page the virtual drive sent (taken from the CDB log), for every bit Linux reads from it (drivers/scsi/sr.c
# get_capabilities: DVD read, CD-R/CD-RW/DVD-R/DVD-RAM write, eject, max read speed / 176 kB/s; MMC-6 §7.3.4).
set -euo pipefail
python3 - "$CDB_LOG" "$SHARE/out/cdrom_info.txt" <<'PY'
import json, re, sys
log, info = sys.argv[1], sys.argv[2]
page = None
for line in open(log):
    r = json.loads(line)
    if "cdb" not in r: continue
    cdb = bytes.fromhex(r["cdb"].replace(" ", ""))
    if cdb[0] == 0x5A and cdb[2] & 0x3F == 0x2A and r["status"] == "GOOD" and r["in_len"] >= 8 + 20:
        d = bytes.fromhex(r["in_hex"].replace(" ", "").replace("…", ""))
        bdl = (d[6] << 8) | d[7]
        page = d[8 + bdl:]
        break
if page is None or page[0] & 0x3F != 0x2A:
    sys.exit("no GOOD MODE SENSE page 2Ah in the CDB log")
kv = dict(re.findall(r"^([^:\n]+):\s+(\S+)", open(info).read(), re.M))
expect = {
    "Can write CD-R": page[3] & 0x01, "Can write CD-RW": (page[3] >> 1) & 1, "Can read DVD": (page[2] >> 3) & 1,
    "Can write DVD-R": (page[3] >> 4) & 1, "Can write DVD-RAM": (page[3] >> 5) & 1,
    "Can open tray": (page[6] >> 3) & 1, "drive speed": ((page[8] << 8) | page[9]) // 176,
}
bad = [f"{k}: kernel says {kv.get(k)}, page 2Ah says {v}" for k, v in expect.items() if str(v) != kv.get(k)]
print("page 2Ah:", page[:22].hex(" "))
for k, v in expect.items(): print(f"{k}: {v} (kernel {kv.get(k)})")
if not expect["Can write CD-R"]: bad.append("page 2Ah does not claim CD-R writing")
if bad: sys.exit("\n".join(bad))
PY
