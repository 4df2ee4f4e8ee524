#!/usr/bin/env bash
# Installs the Debian packages kioskd builds and tests against: only those missing, so that a
# machine that has them all is not touched (and needs no network).
set -euo pipefail

packages=(
    pkg-config
    libusb-1.0-0-dev   # CLibUSB: USB readers and printers
    libcups2-dev       # CCUPS: printing through CUPS
    libfreetype-dev    # CFreeType: text on the screen and receipts
    libsqlite3-dev     # GRDB and the benchmark's raw baseline
    util-linux         # setpriv: tests run kioskctl as another user
    libqrencode-dev    # CQRencode: QR codes drawn as raster for printers without hardware QR
    libpng-dev         # CPNG: the printer simulator's picture of the paper
    libdrm-dev         # CDRM: DRM dumb buffers and page flips for the screen
    fonts-noto-cjk     # Chinese text on the simulated paper (NotoSansCJK-Regular.ttc, face 2)
    fonts-hanazono     # screen text fallback: rare hanzi in names, Extensions B to F (HanaMinA/B.ttf)
    cups               # the printing tests start a private cupsd on loopback
    cups-client        # lpadmin, lpstat for those tests and for technicians
    cups-bsd           # lpr, for technicians
    cups-ipp-utils     # ippeveprinter: a real IPP printer for the tests
    dbus               # dbus-daemon: ippeveprinter needs a bus for DNS-SD
    zbar-tools         # zbarimg: the tests decode the simulated paper's QR code
    systemd            # systemd-analyze, -sysusers, -tmpfiles: the unit and package tests
    dpkg-dev           # dpkg-shlibdeps: make deb's Depends
    binutils           # strip for make deb, readelf for the package tests
    qemu-system-x86    # make test-hil: the guest kioskd runs in (bochs display, xHCI, virtio)
    python3            # make test-hil's driver (Tests/hil), also run inside the guest
    e2fsprogs          # mkfs.ext4: the guest's state disk for the power-cut test
    libkmod2           # the guest's udev (downloaded by Tests/hil/build-rig.sh) links it
    chromium           # make test: the demo page (kiosk-sim demo) clicked through in headless Chromium
    python3-websockets # make test: Tests/demo talks to Chromium over the DevTools protocol
    python3-venv       # make test-api: the venv in .build/venv-api that schemathesis is installed into
    postgresql         # initdb, postgres: the hall's store tests start a private server (kiosk-hall --database)
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
