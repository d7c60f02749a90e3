#!/usr/bin/env bash
# Builds Stempel.app (and a .dmg) on macOS: run from the project root on a macOS CI runner.
#   packaging/macos/bundle.sh [universal]
set -euo pipefail
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
if [ "${1:-}" = universal ]; then
  rustup target add aarch64-apple-darwin x86_64-apple-darwin
  cargo build --release --target aarch64-apple-darwin
  cargo build --release --target x86_64-apple-darwin
  bin=$(mktemp)
  lipo -create -output "$bin" target/aarch64-apple-darwin/release/stempel \
    target/x86_64-apple-darwin/release/stempel
else
  cargo build --release
  bin=target/release/stempel
fi
app=target/macos/Stempel.app
rm -rf "$app" && mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
install -m755 "$bin" "$app/Contents/MacOS/stempel"
sed "s/VERSION/$version/g" packaging/macos/Info.plist >"$app/Contents/Info.plist"
iconset=$(mktemp -d)/Stempel.iconset && mkdir -p "$iconset"
for s in 16 32 128 256 512; do
  sips -z $s $s assets/icon-512.png --out "$iconset/icon_${s}x${s}.png" >/dev/null
  d=$((s * 2)); [ $d -le 512 ] && sips -z $d $d assets/icon-512.png --out "$iconset/icon_${s}x${s}@2x.png" >/dev/null
done
iconutil -c icns "$iconset" -o "$app/Contents/Resources/Stempel.icns"
# Ad-hoc signature; a release job signs with a Developer ID and notarises (xcrun notarytool).
codesign --force --deep --sign - "$app"
hdiutil create -volname Stempel -srcfolder "$app" -ov -format UDZO "target/macos/Stempel-$version.dmg"
echo "built $app and target/macos/Stempel-$version.dmg"
