// The kernel interfaces kioskd's screen and input drivers use. Request numbers such as
// FBIOGET_VSCREENINFO or EVIOCGABS(axis) are function-like C macros that Swift cannot import,
// so each ioctl gets a small wrapper here; the structs come straight from the kernel's headers.
//
// Every wrapper returns what ioctl(2) returns (-1 with errno set on failure) and never retries:
// the Swift side handles errno in one place.
#ifndef CLINUXDEVICES_H
#define CLINUXDEVICES_H

#include <stdint.h>
#include <linux/fb.h>
#include <linux/input.h>
#include <linux/kd.h>
#include <linux/uinput.h>
#include <sys/eventfd.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

// fbdev
int kiosk_fb_get_var(int fd, struct fb_var_screeninfo *info);
int kiosk_fb_put_var(int fd, struct fb_var_screeninfo *info);
int kiosk_fb_get_fix(int fd, struct fb_fix_screeninfo *info);
int kiosk_fb_pan_display(int fd, struct fb_var_screeninfo *info);
/// `level`: FB_BLANK_UNBLANK (0) ... FB_BLANK_POWERDOWN (4).
int kiosk_fb_blank(int fd, int level);
/// FBIO_WAITFORVSYNC on CRTC 0. May return at once or never: call it only on a thread that may hang.
int kiosk_fb_wait_for_vsync(int fd);

// Virtual terminals
int kiosk_kd_get_mode(int fd, int *mode);
/// KD_TEXT or KD_GRAPHICS.
int kiosk_kd_set_mode(int fd, int mode);

// evdev
int kiosk_evdev_get_abs(int fd, unsigned int axis, struct input_absinfo *info);
/// 1 grabs the device exclusively, 0 releases it.
int kiosk_evdev_grab(int fd, int grab);
/// The device's name into `name` (NUL-terminated), at most `length` bytes.
int kiosk_evdev_get_name(int fd, char *name, unsigned int length);
/// The capability bits of event type `type` (0 = which event types) into `bits`.
int kiosk_evdev_get_bits(int fd, unsigned int type, uint8_t *bits, unsigned int length);
/// The key state bitmask (which keys are down now).
int kiosk_evdev_get_key_state(int fd, uint8_t *bits, unsigned int length);
/// EVIOCGMTSLOTS: `values[0]` is the ABS_MT_* code on entry; on return values[1...count] hold each slot's value.
int kiosk_evdev_get_mt_slots(int fd, int32_t *values, unsigned int count);

// uinput (tests create real evdev devices with it)
int kiosk_uinput_set_evbit(int fd, int type);
int kiosk_uinput_set_keybit(int fd, int code);
int kiosk_uinput_set_absbit(int fd, int code);
int kiosk_uinput_set_propbit(int fd, int property);
int kiosk_uinput_abs_setup(int fd, const struct uinput_abs_setup *setup);
int kiosk_uinput_dev_setup(int fd, const struct uinput_setup *setup);
int kiosk_uinput_dev_create(int fd);
int kiosk_uinput_dev_destroy(int fd);
/// The name of the event node uinput created ("event5") into `name`.
int kiosk_uinput_get_sysname(int fd, char *name, unsigned int length);

// DRM dumb buffers
int kiosk_drm_create_dumb(int fd, uint32_t width, uint32_t height, uint32_t bpp,
                          uint32_t *handle, uint32_t *pitch, uint64_t *size);
int kiosk_drm_map_dumb(int fd, uint32_t handle, uint64_t *offset);
int kiosk_drm_destroy_dumb(int fd, uint32_t handle);
/// Reads the pending DRM events on `fd` and returns how many page flips completed (0 if the
/// events were others), or -1 with errno set.
int kiosk_drm_read_flip_events(int fd);
/// drmModePageFlip asking for a completion event on `fd`.
int kiosk_drm_page_flip(int fd, uint32_t crtc, uint32_t framebuffer);

#endif
