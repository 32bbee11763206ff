// (interface only; this unit keeps the library non-empty until the drive model lands)
#include "vdrive/scsi_target.h"
