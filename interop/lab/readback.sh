# Reads the disc back through the kernel after a burn (sourced by burn scenarios' guest.sh after lib.sh): the
# tools' own TOC readers (wodim -toc, cdrdao read-toc), cd-info, and a cdparanoia rip of every track into $OUT.
step wodim_toc wodim dev=/dev/sg0 -toc
step cdrdao_read_toc cdrdao read-toc --device /dev/sg0 --datafile disc.bin "$OUT/read_toc.toc"
step cd_info cd-info --no-header --no-device-info --no-cddb --no-analyze /dev/sr0
(cd "$OUT" && step rip cdparanoia -d /dev/sr0 -B -Z -- 1-)
