#!/usr/bin/env bash
# The inbound IMAP poller is tested against a real IMAP server: Debian's dovecot, which each test starts in a temp
# directory with its own config (test/inbound/transports/dovecot.ts). Installs it when it is missing and we may
# (root with apt); otherwise says what to do. The package's own service is never started by us.
set -euo pipefail
if [ -x /usr/sbin/dovecot ] || command -v dovecot >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing dovecot-imapd for the inbound mail tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null
  exit 0
fi
echo "setup: the inbound mail tests need an IMAP server: install Debian's dovecot-imapd." >&2
exit 1
