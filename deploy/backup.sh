#!/bin/sh
# A consistent copy of a running Tongban's data, without stopping it:
#   sudo -u tongban /opt/tongban/current/deploy/backup.sh /var/lib/tongban /backup/tongban-$(date +%F)
# Each Durable Object (one per hall, one per region, the pairing codes) is one SQLite database;
# SQLite's online backup API copies each as of one instant, while the hall keeps issuing and
# calling. media/ holds content-addressed files that never change once written, so a plain copy
# is enough. Restore: stop the service, replace the data directory with the copy, start it.
# (Python 3 is on every Debian box; its sqlite3 module is the backup API.)
set -eu
from=${1:?usage: backup.sh <data dir> <new backup dir>}
to=${2:?usage: backup.sh <data dir> <new backup dir>}
[ ! -e "$to" ] || { echo "backup.sh: $to exists" >&2; exit 1; }
mkdir -p "$to"
python3 - "$from" "$to" <<'PY'
import os, sqlite3, sys
src_root, dst_root = sys.argv[1], sys.argv[2]
count = 0
for folder, _, files in os.walk(os.path.join(src_root, "objects")):
    for name in files:
        if not name.endswith(".sqlite"):
            continue
        src = os.path.join(folder, name)
        dst = os.path.join(dst_root, os.path.relpath(src, src_root))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        target = sqlite3.connect(dst)
        source.backup(target)
        target.close()
        source.close()
        count += 1
print(f"backup.sh: {count} databases copied")
PY
cp -a "$from/media" "$to/media" 2>/dev/null || mkdir -p "$to/media"
echo "backup.sh: $to"
