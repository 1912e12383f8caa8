#!/bin/sh
# Installs or upgrades Tongban from this unpacked archive on a Debian box, with no network:
#   tar xzf tongban-*-linux-x64.tar.gz && sudo ./tongban/install.sh
# Code goes to /opt/tongban/releases/<version> (current → the newest), data stays in
# /var/lib/tongban, settings in /etc/tongban/tongban.env (written once, never overwritten).
# An upgrade swaps the code and restarts; each hall's database migrates when it first wakes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
version=$(cat "$here/VERSION")
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }

id tongban >/dev/null 2>&1 || useradd --system --home-dir /var/lib/tongban --shell /usr/sbin/nologin tongban
release=/opt/tongban/releases/$version
mkdir -p /opt/tongban/releases /var/lib/tongban/objects /var/lib/tongban/media /etc/tongban/tls
rm -rf "$release.new" && cp -a "$here" "$release.new" && rm -rf "$release" && mv "$release.new" "$release"
ln -sfn /etc/tongban/tls "$release/app/tls"
chown -R tongban:tongban /var/lib/tongban
chmod 700 /var/lib/tongban

if [ ! -f /etc/tongban/tongban.env ]; then
  random() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
  admin=$(random 24)
  sed -e "s|^TONGBAN_TOKENS=.*|TONGBAN_TOKENS={\"$admin\": \"admin\"}|" \
      -e "s|^TONGBAN_TICKET_SECRET=.*|TONGBAN_TICKET_SECRET=$(random 32)|" \
      "$here/deploy/tongban.env.example" > /etc/tongban/tongban.env
  chmod 600 /etc/tongban/tongban.env
  echo "install.sh: wrote /etc/tongban/tongban.env; the admin token is $admin (keep it safe)"
fi

ln -sfn "$release" /opt/tongban/current.new && mv -T /opt/tongban/current.new /opt/tongban/current
cp "$here/deploy/tongban.service" /etc/systemd/system/tongban.service
systemctl daemon-reload
systemctl enable tongban >/dev/null 2>&1
systemctl restart tongban
echo "install.sh: Tongban $version is running (systemctl status tongban; journalctl -u tongban)"
