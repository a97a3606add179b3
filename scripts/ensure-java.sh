#!/usr/bin/env bash
# The offline database fallback (mongo-java-server, backend/src/db/mongo-java-server.ts) needs a
# Java 17+ runtime, and Maven once to fetch it from Maven Central. Installs Debian's packages when
# either is missing (CI and fresh machines), otherwise does nothing.
set -euo pipefail
java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\)\.\{0,1\}\([0-9]*\).*/\1 \2/p' | head -1 |
    awk '{ print ($1 == 1) ? $2 : $1 }'
}
packages=()
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  packages+=(openjdk-17-jre-headless)
fi
command -v mvn >/dev/null 2>&1 || packages+=(maven)
[ ${#packages[@]} -eq 0 ] && exit 0
echo "Installing Debian's ${packages[*]} (for the embedded database)..." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Need root (or sudo) to run: apt-get install -y ${packages[*]}. Or set MONGODB_URI." >&2
    exit 1
  fi
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
java -version 2>&1 | head -1
mvn --version | head -1
