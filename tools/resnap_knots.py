#!/usr/bin/env python3
"""Moves every knot `position` in content/muscles/*.yaml onto the nearest surface of the
muscles its entry covers, after the pack's geometry changed (e.g. a new importer step).
Only the numbers on `position:` lines change; the rest of each file is left as written.
usage: tools/resnap_knots.py [build/myomap]   (run from the repository root)
"""
import glob, re, subprocess, sys

import yaml

exe = sys.argv[1] if len(sys.argv) > 1 else "build/myomap"
POSITION = re.compile(r"^(\s*position:\s*)\[([^\]]*)\](.*)$")

def nearest(muscles, point):
    best = None
    for m in muscles:
        out = subprocess.run([exe, "author", "surface", m, ",".join(f"{v:.5f}" for v in point)],
                             capture_output=True, text=True, check=True).stdout
        found = re.search(r"surface \[([^\]]*)\] distance ([0-9.e-]+)", out)
        p = [float(v) for v in found.group(1).split(",")]
        d = float(found.group(2))
        if best is None or d < best[1]:
            best = (p, d)
    return best

moved = 0
for path in sorted(glob.glob("content/muscles/*.yaml")):
    entry = yaml.safe_load(open(path))
    if not entry.get("knots"):
        continue
    lines = open(path).read().split("\n")
    for i, line in enumerate(lines):
        m = POSITION.match(line)
        if not m:
            continue
        point = [float(v) for v in m.group(2).split(",")]
        p, d = nearest(entry["covers"], point)
        if d > 0.0005:
            lines[i] = f"{m.group(1)}[{p[0]:.4f}, {p[1]:.4f}, {p[2]:.4f}]{m.group(3)}"
            moved += 1
            print(f"{path}:{i + 1}: moved {d * 1000:.1f} mm")
    open(path, "w").write("\n".join(lines))
print(f"{moved} knot(s) moved")
