#!/usr/bin/env python3
"""Runs a command and validates its standard output against a JSON Schema.
usage: validate_json.py SCHEMA -- COMMAND ARGS...
"""
import json, subprocess, sys

import jsonschema

schema_path = sys.argv[1]
command = sys.argv[sys.argv.index("--") + 1:]
run = subprocess.run(command, capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"command failed ({run.returncode}): {' '.join(command)}\n{run.stderr}")
document = json.loads(run.stdout)
with open(schema_path) as fh:
    schema = json.load(fh)
jsonschema.validate(document, schema)
print(f"valid against {schema_path}: {' '.join(command[1:])}")
