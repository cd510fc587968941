#!/usr/bin/env python3
"""The PDF self-care plan for three muscles: paper, page count, pictures, every patient
step and red flag of the content (sides resolved), no raw side tokens, an atomic write, and
page 1 compared with a baseline.
usage: care_plan_pdf_test.py MYOMAP CONTENT_DIR OUT_DIR BASELINE COMPARE
"""
import os, re, subprocess, sys

import yaml

myomap, content, out_dir, baseline, compare = sys.argv[1:6]
plan = [("trapezius_descending", "left", "upper_trapezius"), ("infraspinatus", "right", "infraspinatus"),
        ("gluteus_minimus", "right", "gluteus_minimus")]
pdf = os.path.join(out_dir, "care-plan-three.pdf")
if os.path.exists(pdf):
    os.remove(pdf)
args = [myomap, "--care-plan", pdf, "--size", "600x600", "--paper", "a4"]
for muscle, side, _ in plan:
    args += ["--select", f"{muscle}:{side}"]
run = subprocess.run(args, capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"--care-plan failed ({run.returncode}): {run.stderr}")

def tool(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

info = tool("pdfinfo", pdf)
pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
if "595.28 x 841.89" not in info:
    sys.exit("the plan is not A4:\n" + info)
if not 6 <= pages <= 30:
    sys.exit(f"{pages} pages for three muscles (expected 6 to 30)")
images = [l for l in tool("pdfimages", "-list", pdf).splitlines()[2:] if l.strip()]
docs = {entry: yaml.safe_load(open(os.path.join(content, "muscles", entry + ".yaml"))) for _, _, entry in plan}
techniques = sum(len(d.get("self_massage", [])) + len(d.get("stretches", [])) for d in docs.values())
# Two chart views per muscle, and one picture beside every technique.
if len(images) != 2 * len(plan) + techniques:
    sys.exit(f"{len(images)} pictures (expected two views per muscle and one per technique, {2 * len(plan) + techniques})")
if images[0].split()[0] != "1":
    sys.exit("the first muscle's pictures are not on page 1")
pictured_pages = {int(l.split()[0]) for l in images}
page_text = [re.sub(r"\s+", "", tool("pdftotext", "-raw", "-f", str(p), "-l", str(p), pdf, "-")) for p in range(1, pages + 1)]
for muscle, side, entry in plan:
    for t in docs[entry].get("self_massage", []) + docs[entry].get("stretches", []):
        heading = re.sub(r"\s+", "", f"{t['name']}({side}side)")
        on = [p + 1 for p, txt in enumerate(page_text) if heading in txt]
        if not on or not any(p in pictured_pages for p in on):
            sys.exit(f"{entry}: the technique '{t['name']}' has no picture on its page {on}")

# Text, with all white space removed: line breaks fall anywhere in a wrapped paragraph.
text = re.sub(r"\s+", "", tool("pdftotext", "-raw", pdf, "-"))
def squash(s):
    return re.sub(r"\s+", "", s)
for token in ("{sore}", "{other}", "{Sore}", "{Other}"):
    if token in text:
        sys.exit(f"raw side token {token} in the PDF")
for needle in ("Name:", "Date:", "notadiagnosis", "Yourplanataglance", "Whentoseeaclinician", "Fromthefront", "Fromtheleftside"):
    if needle not in text:
        sys.exit(f"the plan lacks '{needle}'")
checked = 0
for muscle, side, entry in plan:
    other = "left" if side == "right" else "right"
    def resolve(s):
        return (s.replace("{sore}", side).replace("{other}", other)
                 .replace("{Sore}", side.capitalize()).replace("{Other}", other.capitalize()))
    doc = yaml.safe_load(open(os.path.join(content, "muscles", entry + ".yaml")))
    wanted = [f"{doc['title']}({side}side)"] if "title" in doc else []
    for t in doc.get("self_massage", []) + doc.get("stretches", []):
        wanted += t.get("steps", [])
        wanted.append(f"{t['name']}({side}side)")
    wanted += doc.get("red_flags", [])
    for w in wanted:
        if squash(resolve(w)) not in text:
            sys.exit(f"{entry} ({side}): the PDF lacks: {resolve(w)}")
        checked += 1
print(f"{pages} pages, {len(images)} pictures, {checked} steps, headings and red flags found")

# Written atomically: a folder that does not exist fails cleanly and leaves nothing behind.
bad = os.path.join(out_dir, "no-such-folder", "plan.pdf")
run = subprocess.run([myomap, "--care-plan", bad, "--select", "infraspinatus", "--size", "300x300"], capture_output=True, text=True)
if run.returncode == 0 or "plan.pdf" not in run.stderr:
    sys.exit(f"writing into a missing folder did not fail clearly ({run.returncode}): {run.stderr}")
run = subprocess.run([myomap, "--care-plan", os.path.join(out_dir, "letter.pdf"), "--select", "infraspinatus", "--size", "300x300",
                      "--paper", "letter"], capture_output=True, text=True)
if run.returncode != 0 or "612 x 792" not in tool("pdfinfo", os.path.join(out_dir, "letter.pdf")):
    sys.exit("--paper letter did not give a Letter page")

# Page 1 as a picture, against the baseline (MYOMAP_UPDATE_BASELINES=1 rewrites it).
prefix = os.path.join(out_dir, "care-plan-page")
tool("pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", "-singlefile", pdf, prefix)
res = subprocess.run([compare, prefix + ".png", baseline, prefix + "-diff.png"], capture_output=True, text=True)
print(res.stdout + res.stderr)
sys.exit(res.returncode)
