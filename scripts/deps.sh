#!/usr/bin/env bash
# Installs the system packages the build and tests need, only when missing (fresh machines).
# An argument PKG=CMD is satisfied by CMD on the PATH however it was installed (Node.js may come
# from elsewhere, with its own npm, and Debian's npm would conflict with it).
set -euo pipefail
need=()
for arg in "$@"; do
  pkg=${arg%%=*}
  if [[ $arg == *=* ]]; then
    command -v "${arg#*=}" >/dev/null 2>&1 && continue
  fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing: ${need[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
