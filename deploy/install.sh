#!/bin/sh
# Installs or upgrades Tongban from this unpacked archive on a Debian box, with no network:
#   tar xzf tongban-*-linux-x64.tar.gz && sudo ./tongban/install.sh
# Code goes to /opt/tongban/releases/<version> (current → the newest), data stays in
# /var/lib/tongban, settings in /etc/tongban/tongban.env (written once, never overwritten).
# An upgrade swaps the code and restarts; each hall's database migrates when it first wakes.
#
# DESTDIR=/some/dir installs into that directory as if it were / — the user in its etc/passwd
# (useradd --prefix; etc/passwd, group, shadow and gshadow must exist there), the unit enabled
# with systemctl --root — and starts nothing: for building an image, or checking what an install
# writes (scripts/install-proof.mjs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
version=$(cat "$here/VERSION")
root=${DESTDIR:-}
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }

if [ -n "$root" ]; then
  [ -f "$root/etc/passwd" ] || { echo "install.sh: DESTDIR=$root has no etc/passwd" >&2; exit 1; }
  grep -q '^tongban:' "$root/etc/passwd" || useradd --prefix "$root" --system --home-dir /var/lib/tongban --shell /usr/sbin/nologin --user-group tongban
else
  id tongban >/dev/null 2>&1 || useradd --system --home-dir /var/lib/tongban --shell /usr/sbin/nologin --user-group tongban
fi
# By number: under DESTDIR the user is in that tree's passwd, not this machine's.
uid=$(awk -F: '$1 == "tongban" { print $3 }' "$root/etc/passwd")
gid=$(awk -F: '$1 == "tongban" { print $4 }' "$root/etc/passwd")
release=$root/opt/tongban/releases/$version
mkdir -p "$root/opt/tongban/releases" "$root/var/lib/tongban/objects" "$root/var/lib/tongban/media" "$root/etc/tongban/tls" "$root/etc/systemd/system"
rm -rf "$release.new" && cp -a "$here" "$release.new" && rm -rf "$release" && mv "$release.new" "$release"
ln -sfn /etc/tongban/tls "$release/app/tls"
chown -R "$uid:$gid" "$root/var/lib/tongban"
chmod 700 "$root/var/lib/tongban"

if [ ! -f "$root/etc/tongban/tongban.env" ]; then
  random() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
  admin=$(random 24)
  sed -e "s|^TONGBAN_TOKENS=.*|TONGBAN_TOKENS={\"$admin\": \"admin\"}|" \
      -e "s|^TONGBAN_TICKET_SECRET=.*|TONGBAN_TICKET_SECRET=$(random 32)|" \
      "$here/deploy/tongban.env.example" > "$root/etc/tongban/tongban.env"
  chmod 600 "$root/etc/tongban/tongban.env"
  echo "install.sh: wrote /etc/tongban/tongban.env; the admin token is $admin (keep it safe)"
fi

ln -sfn "releases/$version" "$root/opt/tongban/current.new" && mv -T "$root/opt/tongban/current.new" "$root/opt/tongban/current"
cp "$here/deploy/tongban.service" "$root/etc/systemd/system/tongban.service"
if [ -n "$root" ]; then
  systemctl --root="$root" enable tongban >/dev/null 2>&1
  echo "install.sh: Tongban $version installed under $root (not started)"
  exit 0
fi
systemctl daemon-reload
systemctl enable tongban >/dev/null 2>&1
systemctl restart tongban
echo "install.sh: Tongban $version is running (systemctl status tongban; journalctl -u tongban)"
