#!/usr/bin/env python3
"""Runs INSIDE the guest: prints kioskd's journal as JSON, read with Python's sqlite3 (not kioskd's
code), with the result of PRAGMA integrity_check.  usage: journal.py STATE_DIRECTORY"""
import json, os, sqlite3, sys

path = os.path.join(sys.argv[1], "journal.sqlite")
if not os.path.exists(path):
    print(json.dumps({"error": f"no journal at {path}"}))
    sys.exit(1)
db = sqlite3.connect(path, timeout=10)
integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
events = [{"sequence": s, "kind": k, "payload": json.loads(p)}
          for s, k, p in db.execute("SELECT sequence, kind, payload FROM event ORDER BY sequence")]
last = db.execute("SELECT last_sequence FROM journal_identity").fetchone()
journal_mode = db.execute("PRAGMA journal_mode").fetchone()[0]
print(json.dumps({"integrity": integrity, "events": events, "last_sequence": last and last[0],
                  "journal_mode": journal_mode}))
