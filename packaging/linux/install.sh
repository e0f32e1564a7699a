#!/bin/sh
# Install the built bundle for this user: ~/.local/opt/symptomlog, commands in ~/.local/bin,
# the menu entry (.desktop), the AppStream metadata and the icons. Run after `make package`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle="$root/dist/symptomlog"
resources="$root/resources"  # the icons and the desktop files (also inside the bundle)
[ -x "$bundle/symptomlog-window" ] || { echo "no bundle in $bundle: run 'make package' first" >&2; exit 1; }
data="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/symptomlog"
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications" "$data/metainfo"
rm -rf "$opt" && cp -a "$bundle" "$opt"
ln -sf "$opt/symptomlog" "$HOME/.local/bin/symptomlog"
ln -sf "$opt/symptomlog-window" "$HOME/.local/bin/symptomlog-window"
sed "s|^Exec=symptomlog-window|Exec=$opt/symptomlog-window|" \
    "$resources/desktop/org.symptomlog.Symptomlog.desktop" > "$data/applications/org.symptomlog.Symptomlog.desktop"
cp "$resources/desktop/org.symptomlog.Symptomlog.metainfo.xml" "$data/metainfo/"
for size in 16 24 32 48 64 128 256 512; do
    dir="$data/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    cp "$resources/icons/symptomlog-$size.png" "$dir/org.symptomlog.Symptomlog.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$resources/icons/symptomlog.svg" "$data/icons/hicolor/scalable/apps/org.symptomlog.Symptomlog.svg"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "installed: $opt; menu entry $data/applications/org.symptomlog.Symptomlog.desktop"
