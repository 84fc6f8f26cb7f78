#!/usr/bin/env bash
# Renders the icon's source, installer/leaklens.svg, to the PNG that jpackage takes (--icon), installer/leaklens.png.
# Both files are committed; run this only after changing the SVG. rsvg-convert (Debian: librsvg2-bin) draws the
# gradients and clip paths faithfully; ImageMagick's convert is the fallback.
set -euo pipefail
cd "$(dirname "$0")"
size=256
if command -v rsvg-convert >/dev/null; then
  rsvg-convert --width "$size" --height "$size" leaklens.svg --output leaklens.png
else
  /usr/bin/convert -background none -density 96 leaklens.svg -resize "${size}x${size}" leaklens.png
fi
echo "rendered installer/leaklens.png (${size}x${size})"
