#!/usr/bin/env bash
# Install Debian packages when a file they provide is missing: system-deps.sh PACKAGE:FILE ...
set -euo pipefail
missing=()
for spec in "$@"; do
  package=${spec%%:*}; file=${spec#*:}
  [ -e "$file" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
