#!/usr/bin/env bash
# Builds the hardware-in-the-loop guest: Debian's kernel, busybox-static and udev are downloaded
# with `apt-get download` (never installed on the host) and unpacked under $HIL_WORK (default
# .build/hil/rig): vmlinux (the uncompressed kernel, booted through its PVH entry point: no
# real-mode setup or in-guest decompression under TCG), initrd.gz (busybox, the modules the
# guest needs and Tests/hil/init) and udev/ (a merged-/usr tree the guest copies into its root
# and starts). Everything is kept: a second run only rebuilds the initramfs when init changes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${HIL_WORK:-$here/../../.build/hil/rig}
mkdir -p "$work/dl"
work=$(cd "$work" && pwd)
cd "$work"

# The guest's kernel modules, with their dependencies in load order (modorder.py).
modules="virtio_pci 9pnet_virtio 9p overlay evdev virtio_input bochs xhci_pci usbhid hid_generic
         ftdi_sio uinput virtio_blk crc32c_generic ext4 virtio_net"

download() {  # download PACKAGE: into dl/ unless a .deb of it is there already
    ls dl/"$1"_*.deb >/dev/null 2>&1 && return 0
    (cd dl && apt-get download "$1" >/dev/null 2>&1) && return 0
    # A fresh machine may have no package lists yet.
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    (cd dl && apt-get download "$1")
}

kernel=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
if [ -z "$kernel" ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    kernel=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
fi
download "$kernel"
download busybox-static
download udev

[ -d kernel ] || { dpkg -x dl/"$kernel"_*.deb kernel.tmp && mv kernel.tmp kernel; }
[ -d busybox ] || { dpkg -x dl/busybox-static_*.deb busybox.tmp && mv busybox.tmp busybox; }
if [ ! -d udev ]; then
    rm -rf udev.tmp && dpkg -x dl/udev_*.deb udev.tmp && mkdir -p udev.tmp/usr
    for d in bin sbin lib; do
        [ -d udev.tmp/$d ] && { mkdir -p udev.tmp/usr/$d; cp -a udev.tmp/$d/. udev.tmp/usr/$d/; rm -rf udev.tmp/$d; }
    done
    mv udev.tmp udev
fi

version=$(ls kernel/lib/modules | head -1)
moddir=kernel/lib/modules/$version
[ -f $moddir/modules.dep ] || busybox/bin/busybox depmod -b "$work/kernel" "$version"
if [ ! -f vmlinux ]; then
    python3 - kernel/boot/vmlinuz-"$version" vmlinux <<'PY'
import lzma, sys
data = open(sys.argv[1], "rb").read()
start = data.find(b"\xfd7zXZ\x00")   # the xz stream inside the bzImage
open(sys.argv[2], "wb").write(lzma.LZMADecompressor(lzma.FORMAT_XZ).decompress(data[start:]))
PY
fi

stamp=$(cat "$here/init" "$here/build-rig.sh" | md5sum | cut -d' ' -f1)
if [ ! -f initrd.gz ] || [ "$(cat initrd.stamp 2>/dev/null)" != "$stamp" ]; then
    rm -rf root && mkdir -p root/{bin,proc,sys,dev,host,newroot,rw} root/lib/modules/$version
    cp busybox/bin/busybox root/bin/
    # shellcheck disable=SC2086
    python3 "$here/modorder.py" $moddir $modules > root/lib/modules/$version/load-order
    while read -r module; do
        mkdir -p "root/lib/modules/$version/$(dirname "$module")"
        cp "$moddir/$module" "root/lib/modules/$version/$module"
    done < root/lib/modules/$version/load-order
    cp "$here/init" root/init && chmod 755 root/init
    (cd root && find . | ../busybox/bin/busybox cpio -o -H newc 2>/dev/null | gzip -6 > ../initrd.gz.tmp)
    mv initrd.gz.tmp initrd.gz
    echo "$stamp" > initrd.stamp
    echo "hil rig: kernel $version, initramfs $(du -h initrd.gz | cut -f1) in $work"
fi
