#!/usr/bin/env sh
# Installs Debian's chromium for the HTML report's integration test when it is missing and this
# build may install packages (root with apt-get). Otherwise it only says what is missing; the test
# itself then fails with the same instruction.
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "bvb: installing chromium for the HTML report test (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
else
  echo "bvb: chromium is missing; install it (sudo apt-get install chromium) for the HTML report test"
fi
exit 0
