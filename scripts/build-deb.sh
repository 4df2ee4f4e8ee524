#!/usr/bin/env bash
# `make deb`: builds the release binaries (static Swift standard library, stripped) and packs
# two Debian packages from staging trees, with no debhelper:
#   kioskd      kioskd, kioskctl, the unit, sysusers/tmpfiles/modules-load files, the udev rules,
#               /etc/kioskd/kioskd.toml (a conffile)          -> on every kiosk
#   kiosk-hall  kiosk-hall, its unit, sysusers/tmpfiles files, /etc/default/kiosk-hall (a conffile)
#                                                             -> on the hall's server
# kiosk-sim (simulated hardware) is for development and tests and is not packaged.
# The packages land in $DEB_OUTPUT (default .build-release/deb/). Needs dpkg-dev (dpkg-shlibdeps).
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-release
output="${DEB_OUTPUT:-$scratch/deb}"
version=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/KioskValues/KioskVersion.swift)
architecture=$(dpkg --print-architecture)
maintainer="kioskd developers <kioskd@localhost>"
[ -n "$version" ] || { echo "build-deb: no version in Sources/KioskValues/KioskVersion.swift" >&2; exit 1; }

echo "== release build (nice -n 10; --static-swift-stdlib; scratch path $scratch)"
# Only the packaged programs: the package's other products (the fuzzing target's shared library)
# cannot link with the Swift runtime static.
for product in kioskd kioskctl kiosk-hall; do
    nice -n 10 swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product "$product"
done
bin="$scratch/release"

# The C libraries the binaries link, as Depends, from the libraries' shlibs/symbols files.
# dpkg-shlibdeps wants to run in a source tree with debian/control: give it a scratch one.
# Arguments: the staged binaries.
shared_library_depends() {
    local work="$scratch/deb-shlibs"
    rm -rf "$work" && mkdir -p "$work/debian"
    printf 'Source: kioskd\n\nPackage: kioskd\nArchitecture: any\n' > "$work/debian/control"
    local binaries=()
    for path in "$@"; do binaries+=("$PWD/$path"); done
    (cd "$work" && dpkg-shlibdeps -O "${binaries[@]}") | sed -n 's/^shlibs:Depends=//p'
}

# stage PACKAGE: a fresh staging tree with DEBIAN/ and the maintainer scripts.
stage() {
    local package=$1 root="$scratch/deb-root/$1"
    rm -rf "$root"
    install -d -m 0755 "$root/DEBIAN" "$root/usr/bin" "$root/usr/lib/systemd/system" "$root/usr/lib/sysusers.d" \
        "$root/usr/lib/tmpfiles.d" "$root/usr/share/doc/$package"
    for script in postinst prerm postrm; do
        install -m 0755 "packaging/$package/$script" "$root/DEBIAN/$script"
    done
    install -m 0644 README.md "$root/usr/share/doc/$package/README.md"
    # The documents README maps (configuration, operations, hardware, protocols, ...).
    install -d -m 0755 "$root/usr/share/doc/$package/docs/protocols"
    install -m 0644 docs/*.md docs/hall-api.yaml "$root/usr/share/doc/$package/docs/"
    install -m 0644 docs/protocols/*.md "$root/usr/share/doc/$package/docs/protocols/"
    printf 'kioskd\n\nCopyright: the kioskd developers.\nSource: this package is built from the kioskd repository by scripts/build-deb.sh.\n' \
        > "$root/usr/share/doc/$package/copyright"
    chmod 0644 "$root/usr/share/doc/$package/copyright"
}

# install_binary NAME ROOT: stripped (debug symbols are not shipped to kiosks), mode 0755.
install_binary() {
    install -m 0755 "$bin/$1" "$2/usr/bin/$1"
    strip --strip-unneeded "$2/usr/bin/$1"
}

# control PACKAGE ROOT DEPENDS DESCRIPTION...
control() {
    local package=$1 root=$2 depends=$3
    shift 3
    {
        echo "Package: $package"
        echo "Version: $version"
        echo "Architecture: $architecture"
        echo "Maintainer: $maintainer"
        echo "Section: misc"
        echo "Priority: optional"
        echo "Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)"
        echo "Depends: $depends"
        for line in "$@"; do echo "$line"; done
    } > "$root/DEBIAN/control"
}

mkdir -p "$output"

echo "== kioskd package"
root="$scratch/deb-root/kioskd"
stage kioskd
install_binary kioskd "$root"
install_binary kioskctl "$root"
install -m 0644 systemd/kioskd.service "$root/usr/lib/systemd/system/kioskd.service"
install -m 0644 systemd/sysusers.d/kioskd.conf "$root/usr/lib/sysusers.d/kioskd.conf"
install -m 0644 systemd/tmpfiles.d/kioskd.conf "$root/usr/lib/tmpfiles.d/kioskd.conf"
install -D -m 0644 systemd/modules-load.d/kioskd.conf "$root/usr/lib/modules-load.d/kioskd.conf"
install -D -m 0644 udev/70-kioskd.rules "$root/usr/lib/udev/rules.d/70-kioskd.rules"
install -D -m 0644 packaging/kioskd/kioskd.toml "$root/etc/kioskd/kioskd.toml"
echo /etc/kioskd/kioskd.toml > "$root/DEBIAN/conffiles"
libraries=$(shared_library_depends "$root/usr/bin/kioskd" "$root/usr/bin/kioskctl")
control kioskd "$root" "$libraries, fonts-noto-cjk, fonts-hanazono, systemd (>= 247) | adduser" \
    "Recommends: cups-client" \
    "Suggests: cups, espeak-ng" \
    "Description: self-service kiosk daemon for government service halls" \
    " kioskd drives a kiosk's ID card reader, ESC/POS and CUPS printers, framebuffer" \
    " touchscreen and QR scanner, journals every transaction in SQLite and syncs it to" \
    " the hall. kioskctl is the technicians' tool. Installing enables nothing: see" \
    " /usr/share/doc/kioskd/docs/operations.md."
dpkg-deb --build --root-owner-group -Zxz "$root" "$output/kioskd_${version}_${architecture}.deb"

echo "== kiosk-hall package"
root="$scratch/deb-root/kiosk-hall"
stage kiosk-hall
install_binary kiosk-hall "$root"
install -m 0644 systemd/kiosk-hall.service "$root/usr/lib/systemd/system/kiosk-hall.service"
install -m 0644 systemd/sysusers.d/kiosk-hall.conf "$root/usr/lib/sysusers.d/kiosk-hall.conf"
install -m 0644 systemd/tmpfiles.d/kiosk-hall.conf "$root/usr/lib/tmpfiles.d/kiosk-hall.conf"
install -D -m 0644 packaging/kiosk-hall/kiosk-hall.default "$root/etc/default/kiosk-hall"
echo /etc/default/kiosk-hall > "$root/DEBIAN/conffiles"
libraries=$(shared_library_depends "$root/usr/bin/kiosk-hall")
control kiosk-hall "$root" "${libraries:+$libraries, }systemd (>= 247) | adduser" \
    "Description: hall server for kioskd kiosks" \
    " kiosk-hall receives every kiosk's journal over mutual TLS, serves the catalog," \
    " numbers queue tickets and shows the morning report. Installing enables nothing:" \
    " see /usr/share/doc/kiosk-hall/docs/operations.md."
dpkg-deb --build --root-owner-group -Zxz "$root" "$output/kiosk-hall_${version}_${architecture}.deb"

ls -l "$output"/*.deb
