#!/usr/bin/env sh
# Writes the class-data sharing archive bvb.jsa beside the jar at build time, from a decision on a
# bundled sample with a warm rule cache: the archive then holds the classes a cached `bvb decide`
# loads, whatever command a user happens to run first. Usage: make-cds-archive.sh TARGET_DIR BASE_DIR
set -e
target=$1
base=$2
cache="$target/cds-rule-cache"
rm -f "$target/bvb.jsa"
export BVB_CACHE_DIR="$cache"
# Through the daemon's client (so the archive holds its classes too), which never starts a daemon here.
export BVB_DAEMON_START=0
# First run: compiles the rules into the throw-away cache (and writes an archive of the compile path).
"$target/bvb" decide "$base/facts-samples/sc-01-chatbot.json" --rules "$base/rules" > /dev/null
rm -f "$target/bvb.jsa"
# Second run: loads the cached rule set; the launcher archives the classes it used at exit.
"$target/bvb" decide "$base/facts-samples/sc-01-chatbot.json" --rules "$base/rules" > /dev/null
rm -rf "$cache"
test -f "$target/bvb.jsa"
