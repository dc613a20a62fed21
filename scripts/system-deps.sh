#!/usr/bin/env bash
# The Debian packages Perhekeskus uses: chromium (browser tests), libvoikko1 + voikko-fi (Finnish
# morphology for search), gettext (makemessages for translators), npm (axe-core for browser tests).
# Installs the missing ones when run as root; otherwise says exactly what to install.
set -euo pipefail
missing=()
has_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
has_pkg libvoikko1 || missing+=(libvoikko1)
has_pkg voikko-fi || missing+=(voikko-fi)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
# Node may come from elsewhere than Debian (nodesource): only ask for Debian's npm when none is there.
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Not a Debian system: install these (or their equivalents) yourself: ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Perhekeskus needs these Debian packages; install them as root:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  echo "(The demo runs without them; the browser tests and Finnish morphology need them.)" >&2
fi
