#include "CLinuxDevices.h"
#include <sys/ioctl.h>
