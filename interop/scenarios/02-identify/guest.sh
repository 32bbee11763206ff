# Scenario 2: identification by each established tool succeeds as with a real drive, and the ATIP they print is
# the blank 80-minute CD-R the virtual drive holds (lead-in 97:26:66, last lead-out start 79:59:74 = LBA 359849).
. /host/lib.sh
step wodim_prcap wodim dev=/dev/sg0 -prcap
expect wodim_prcap 'Does write CD-R media'
step wodim_atip wodim -v dev=/dev/sg0 -atip
expect wodim_atip 'ATIP start of lead in: +-11634 \(97:26/66\)'
expect wodim_atip 'ATIP start of lead out: +359849 \(79:59/74\)'
step cdrskin_checkdrive cdrskin -v dev=/dev/sr0 -checkdrive
step cdrskin_atip cdrskin dev=/dev/sr0 -atip
expect cdrskin_atip 'ATIP start of lead in: +-11634 \(97:26/66\)'
expect cdrskin_atip 'ATIP start of lead out: +359849 \(79:59/74\)'
step cdrdao_drive_info cdrdao drive-info --device /dev/sg0
step cdrdao_disk_info cdrdao disk-info --device /dev/sg0
expect cdrdao_disk_info 'CD-R empty +: yes'
done_scenario
