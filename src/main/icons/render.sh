#!/bin/bash
# Draws the Physio Portal icon (a white crescent moon and a leaf on the header blue, #1a5276) and renders every
# file the browser asks for into src/main/resources/META-INF/resources. The drawing lives only here; run it again
# after changing it:   src/main/icons/render.sh
# Needs ImageMagick with its SVG coder (Debian: apt-get install imagemagick). Uses /usr/bin/convert by default.
set -euo pipefail
CONVERT=${CONVERT:-/usr/bin/convert}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/META-INF/resources"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
BLUE='#1a5276'

# The drawing on a 512 x 512 canvas. The moon is a circle (centre 236,268, radius 164) with a circle
# (centre 318,204, radius 144) taken out; the two meet at (212.8,105.6) and (387.9,329.9). The leaf hangs in
# the hollow, clear of the moon. Shifted by (15,-12) so the whole picture sits on the centre. Its farthest point,
# the leaf's tip, is then 198 px from the centre; the maskable icon draws it at 90 % (178 px), well inside the
# 205 px circle every platform mask keeps (the inner 80 %).
MOON='<path fill="#fff" stroke="none" d="M212.8 105.6 A164 164 0 1 0 387.9 329.9 A144 144 0 0 1 212.8 105.6 Z"/>'
LEAF='<path fill="#fff" stroke="none" d="M288 290 Q415.6 283.3 404 156 Q276.4 162.7 288 290 Z"/>
  <path d="M305.4 269.9 L369.2 196.2" stroke="'"$BLUE"'" stroke-width="7" stroke-linecap="round" fill="none"/>
  <path d="M288 290 L274 306" stroke="#fff" stroke-width="10" stroke-linecap="round" fill="none"/>'

svg() { # $1 background element, $2 transform of the drawing, $3 the drawing
  printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">\n  %s\n  <g transform="%s">\n  %s\n  </g>\n</svg>\n' "$1" "$2" "$3"
}
ROUNDED='<rect width="512" height="512" rx="112" fill="'"$BLUE"'" stroke="none"/>'
SQUARE='<rect width="512" height="512" fill="'"$BLUE"'" stroke="none"/>'

# "any": a rounded tile with transparent corners. Also the SVG favicon.
svg "$ROUNDED" "translate(15 -12)" "$MOON
  $LEAF" > "$out/favicon.svg"
# "maskable" and Apple's icon: the blue fills the square (the platform cuts its own shape; Apple wants no transparency).
svg "$SQUARE" "translate(256 256) scale(0.9) translate(-256 -256) translate(15 -12)" "$MOON
  $LEAF" > "$work/maskable.svg"
svg "$SQUARE" "translate(15 -12)" "$MOON
  $LEAF" > "$work/full.svg"
# Tab-sized (16 to 48 px): the moon alone, larger, so it still reads as a moon at 16 px.
svg "$ROUNDED" "translate(256 256) scale(1.22) translate(-241 -268)" "$MOON" > "$work/small.svg"

png() { # $1 source svg, $2 size, $3 target (8 bits a channel, with alpha)
  "$CONVERT" -background none -density 384 "$1" -resize "$2x$2" -strip -depth 8 "PNG32:$3"
}
opaque() { # the same without an alpha channel
  "$CONVERT" -density 384 "$1" -resize "$2x$2" -background "$BLUE" -alpha remove -alpha off -strip -depth 8 "PNG24:$3"
}
png "$out/favicon.svg" 192 "$out/icons/icon-192.png"
png "$out/favicon.svg" 512 "$out/icons/icon-512.png"
opaque "$work/maskable.svg" 512 "$out/icons/icon-maskable-512.png"
opaque "$work/full.svg" 180 "$out/icons/apple-touch-icon.png"
for size in 16 32 48; do
  png "$work/small.svg" "$size" "$work/favicon-$size.png"
done
"$CONVERT" "$work/favicon-16.png" "$work/favicon-32.png" "$work/favicon-48.png" "$out/favicon.ico"
# The notification badge: Android shows only its shape (the alpha channel), in white, in the status bar. The moon
# alone, as on the favicon, on no tile.
svg '' "translate(256 256) scale(1.22) translate(-241 -268)" "$MOON" > "$work/badge.svg"
png "$work/badge.svg" 96 "$out/icons/badge-96.png"
echo "rendered into $out"
