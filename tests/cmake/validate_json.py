#!/usr/bin/env python3
"""Validates JSON against a JSON Schema: a command's standard output, or a file.
usage: validate_json.py SCHEMA -- COMMAND ARGS...
       validate_json.py SCHEMA FILE.json
"""
import json, subprocess, sys

import jsonschema

schema_path = sys.argv[1]
if "--" in sys.argv:
    command = sys.argv[sys.argv.index("--") + 1:]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"command failed ({run.returncode}): {' '.join(command)}\n{run.stderr}")
    document, what = json.loads(run.stdout), " ".join(command[1:])
else:
    with open(sys.argv[2]) as fh:
        document, what = json.load(fh), sys.argv[2]
with open(schema_path) as fh:
    schema = json.load(fh)
jsonschema.validate(document, schema)
print(f"valid against {schema_path}: {what}")
