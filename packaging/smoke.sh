#!/bin/sh
# Smoke test of what a patient installs:
#  1. build the PyInstaller bundle, copy it outside the repository, run it off screen:
#     --version, demo, and a --screenshot of Today that must not be blank;
#  2. build the wheel, install it into a fresh virtual environment, and do the same.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
python="$root/.venv/bin/python"
work=$(mktemp -d /tmp/symptomlog-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
mkdir -p "$HOME"

check_png() {  # not blank: more than a handful of distinct colours
    "$python" - "$1" <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1]).convert("RGB")
colours = image.getcolors(maxcolors=1_000_000) or []
print(f"{sys.argv[1]}: {image.width}x{image.height}, {len(colours)} colours")
sys.exit(0 if image.width >= 800 and len(colours) > 50 else 1)
PY
}

exercise() {  # $1: the symptomlog command to run
    "$1" --version
    "$1" --db "$work/diary-$2.sqlite3" demo
    "$1" --db "$work/diary-$2.sqlite3" --view today --screenshot "$work/today-$2.png"
    "$1" --db "$work/diary-$2.sqlite3" --view charts --screenshot "$work/charts-$2.png"
    check_png "$work/today-$2.png"
    check_png "$work/charts-$2.png"
    cp "$work/today-$2.png" "$work/charts-$2.png" "$root/build/" 2>/dev/null || true
}

echo "== 1. the bundle"
cd "$root"
make package
cp -a dist/symptomlog "$work/bundle"
exercise "$work/bundle/symptomlog" bundle
[ -x "$work/bundle/symptomlog-window" ]

echo "== 2. the wheel in a fresh virtual environment"
"$python" -m pip wheel --quiet --no-deps --wheel-dir "$work/wheels" "$root"
"$python" - "$work"/wheels/symptomlog-*.whl <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
needed = ["symptomlog/resources/fonts/DejaVuSans.ttf", "symptomlog/resources/icons/symptomlog-256.png",
          "symptomlog/resources/icons/symptomlog.svg", "symptomlog/resources/__init__.py",
          "symptomlog/resources/styles/symptomlog.qss",
          "symptomlog/resources/desktop/org.symptomlog.Symptomlog.desktop",
          "symptomlog/store/migrations/script.py.mako",
          "symptomlog/store/migrations/versions/0001_initial.py"]
missing = [n for n in needed if n not in names]
print(f"wheel: {len(names)} files; missing resources: {missing or 'none'}")
sys.exit(1 if missing else 0)
PY
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$work"/wheels/symptomlog-*.whl
exercise "$work/venv/bin/symptomlog" wheel
echo "smoke test passed"
