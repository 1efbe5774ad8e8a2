#!/bin/sh
# expect_exit.sh CODE PATTERN COMMAND [ARGS...]
# Runs COMMAND; fails unless it exits with CODE and its stdout+stderr match the grep -E PATTERN.
set -u
code=$1; pattern=$2; shift 2
out=$("$@" 2>&1); rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne "$code" ]; then echo "FAIL: exit code $rc, expected $code" >&2; exit 1; fi
if ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then echo "FAIL: output does not match /$pattern/" >&2; exit 1; fi
exit 0
