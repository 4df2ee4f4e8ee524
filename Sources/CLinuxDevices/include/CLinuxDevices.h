// The kernel interfaces kioskd's screen and input drivers use. Request numbers such as
// FBIOGET_VSCREENINFO or EVIOCGABS(axis) are function-like C macros that Swift cannot import,
// so each ioctl gets a small wrapper here; the structs come straight from the kernel's headers.
#ifndef CLINUXDEVICES_H
#define CLINUXDEVICES_H

#include <linux/fb.h>
#include <linux/input.h>
#include <linux/kd.h>

#endif
