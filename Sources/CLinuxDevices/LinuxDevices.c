#include "CLinuxDevices.h"
#include <string.h>
#include <sys/ioctl.h>

int kiosk_fb_get_var(int fd, struct fb_var_screeninfo *info) { return ioctl(fd, FBIOGET_VSCREENINFO, info); }
int kiosk_fb_put_var(int fd, struct fb_var_screeninfo *info) { return ioctl(fd, FBIOPUT_VSCREENINFO, info); }
int kiosk_fb_get_fix(int fd, struct fb_fix_screeninfo *info) { return ioctl(fd, FBIOGET_FSCREENINFO, info); }
int kiosk_fb_pan_display(int fd, struct fb_var_screeninfo *info) { return ioctl(fd, FBIOPAN_DISPLAY, info); }
int kiosk_fb_blank(int fd, int level) { return ioctl(fd, FBIOBLANK, (unsigned long)level); }

int kiosk_fb_wait_for_vsync(int fd) {
    // The argument is the CRTC number; 0 is the only one fbdev drivers know.
    uint32_t crtc = 0;
    return ioctl(fd, FBIO_WAITFORVSYNC, &crtc);
}

int kiosk_kd_get_mode(int fd, int *mode) { return ioctl(fd, KDGETMODE, mode); }
int kiosk_kd_set_mode(int fd, int mode) { return ioctl(fd, KDSETMODE, (unsigned long)mode); }

int kiosk_evdev_get_abs(int fd, unsigned int axis, struct input_absinfo *info) { return ioctl(fd, EVIOCGABS(axis), info); }
int kiosk_evdev_grab(int fd, int grab) { return ioctl(fd, EVIOCGRAB, (unsigned long)grab); }

int kiosk_evdev_get_name(int fd, char *name, unsigned int length) {
    if (length == 0) return -1;
    memset(name, 0, length);
    // length - 1: the kernel does not NUL-terminate a name that fills the buffer.
    return ioctl(fd, EVIOCGNAME(length - 1), name);
}

int kiosk_evdev_get_bits(int fd, unsigned int type, uint8_t *bits, unsigned int length) {
    memset(bits, 0, length);
    return ioctl(fd, EVIOCGBIT(type, length), bits);
}

int kiosk_evdev_get_key_state(int fd, uint8_t *bits, unsigned int length) {
    memset(bits, 0, length);
    return ioctl(fd, EVIOCGKEY(length), bits);
}

int kiosk_evdev_get_mt_slots(int fd, int32_t *values, unsigned int count) {
    return ioctl(fd, EVIOCGMTSLOTS(sizeof(int32_t) * (count + 1)), values);
}

int kiosk_uinput_set_evbit(int fd, int type) { return ioctl(fd, UI_SET_EVBIT, type); }
int kiosk_uinput_set_keybit(int fd, int code) { return ioctl(fd, UI_SET_KEYBIT, code); }
int kiosk_uinput_set_absbit(int fd, int code) { return ioctl(fd, UI_SET_ABSBIT, code); }
int kiosk_uinput_set_propbit(int fd, int property) { return ioctl(fd, UI_SET_PROPBIT, property); }
int kiosk_uinput_abs_setup(int fd, const struct uinput_abs_setup *setup) { return ioctl(fd, UI_ABS_SETUP, setup); }
int kiosk_uinput_dev_setup(int fd, const struct uinput_setup *setup) { return ioctl(fd, UI_DEV_SETUP, setup); }
int kiosk_uinput_dev_create(int fd) { return ioctl(fd, UI_DEV_CREATE); }
int kiosk_uinput_dev_destroy(int fd) { return ioctl(fd, UI_DEV_DESTROY); }

int kiosk_uinput_get_sysname(int fd, char *name, unsigned int length) {
    if (length == 0) return -1;
    memset(name, 0, length);
    return ioctl(fd, UI_GET_SYSNAME(length - 1), name);
}

int kiosk_drm_create_dumb(int fd, uint32_t width, uint32_t height, uint32_t bpp,
                          uint32_t *handle, uint32_t *pitch, uint64_t *size) {
    struct drm_mode_create_dumb request;
    memset(&request, 0, sizeof request);
    request.width = width;
    request.height = height;
    request.bpp = bpp;
    int result = drmIoctl(fd, DRM_IOCTL_MODE_CREATE_DUMB, &request);
    if (result == 0) {
        *handle = request.handle;
        *pitch = request.pitch;
        *size = request.size;
    }
    return result;
}

int kiosk_drm_map_dumb(int fd, uint32_t handle, uint64_t *offset) {
    struct drm_mode_map_dumb request;
    memset(&request, 0, sizeof request);
    request.handle = handle;
    int result = drmIoctl(fd, DRM_IOCTL_MODE_MAP_DUMB, &request);
    if (result == 0) *offset = request.offset;
    return result;
}

int kiosk_drm_destroy_dumb(int fd, uint32_t handle) {
    struct drm_mode_destroy_dumb request;
    memset(&request, 0, sizeof request);
    request.handle = handle;
    return drmIoctl(fd, DRM_IOCTL_MODE_DESTROY_DUMB, &request);
}

// Flips completed during one kiosk_drm_read_flip_events call on this thread. The page flip's
// user data is not used: kioskd waits for one flip at a time.
static __thread int kiosk_flip_count;

static void kiosk_count_flip(int fd, unsigned int sequence, unsigned int seconds, unsigned int microseconds, void *data) {
    (void)fd; (void)sequence; (void)seconds; (void)microseconds; (void)data;
    kiosk_flip_count += 1;
}

int kiosk_drm_read_flip_events(int fd) {
    drmEventContext context;
    memset(&context, 0, sizeof context);
    context.version = 2;
    context.page_flip_handler = kiosk_count_flip;
    kiosk_flip_count = 0;
    // drmHandleEvent reads once and dispatches every event in what it read.
    if (drmHandleEvent(fd, &context) != 0) return -1;
    return kiosk_flip_count;
}

int kiosk_drm_page_flip(int fd, uint32_t crtc, uint32_t framebuffer) {
    return drmModePageFlip(fd, crtc, framebuffer, DRM_MODE_PAGE_FLIP_EVENT, NULL);
}
