#!/usr/bin/env python3
"""Seed models/muscles.tsv and models/layers.tsv from BodyParts3D's parts.tsv.

Run once by hand; afterwards the TSV files are edited directly (Latin names,
regions). Only part names and file IDs are read, never mesh data.
usage: tools/seed_catalog.py ../shared/anatomy models
"""
import csv, re, sys, collections, os

REGION = {}
def reg(region, names):
    for n in names.split(';'):
        n = n.strip()
        if n: REGION[n] = region

reg('head', 'inferior oblique;superior oblique;inferior rectus;superior rectus;lateral rectus;medial rectus;'
    'levator palpebrae superioris;levator veli palatini;tensor veli palatini;genioglossus;hyoglossus;'
    'palatopharyngeus;salpingopharyngeus')
reg('neck', 'sternocleidomastoid;scalenus anterior;scalenus medius;scalenus posterior;splenius capitis;'
    'splenius cervicis;semispinalis capitis;semispinalis cervicis;longissimus capitis;longissimus cervicis;'
    'iliocostalis cervicis;longus capitis;rectus capitis anterior;rectus capitis lateralis;'
    'rectus capitis posterior major;rectus capitis posterior minor;obliquus capitis inferior;'
    'obliquus capitis superior;levator scapulae;omohyoid;sternohyoid;sternothyroid;thyrohyoid;stylohyoid;'
    'mylohyoid;geniohyoid;digastric;platysma;stylopharyngeus;superior pharyngeal constrictor;'
    'middle pharyngeal constrictor;inferior pharyngeal constrictor;Oblique part of cricothyroid;'
    'Straight part of cricothyroid;lateral crico-arytenoid;posterior crico-arytenoid;thyro-arytenoid;'
    'oblique arytenoid;aryepiglotticus;vocalis;cervical rotator;Inferior oblique part of longus colli;'
    'Superior oblique part of longus colli;Vertical intermediate part of longus colli')
reg('shoulder', 'Acromial part of deltoid;Clavicular part of deltoid;Spinal part of deltoid;supraspinatus;'
    'infraspinatus;teres major;teres minor;subscapularis')
reg('upper_back', 'Descending part of trapezius;Transverse part of trapezius;Ascending part of trapezius;'
    'rhomboid major;rhomboid minor;serratus posterior superior')
reg('chest', 'Clavicular part of pectoralis major;Sternocostal part of pectoralis major;'
    'Abdominal part of pectoralis major;pectoralis minor;subclavius;serratus anterior;transversus thoracis;'
    'Set of levatores costarum breves;Set of levatores costarum longi')
reg('upper_arm', 'Long head of biceps brachii;Short head of biceps brachii;brachialis;coracobrachialis;'
    'Long head of triceps brachii;Lateral head of triceps brachii;Medial head of triceps brachii;anconeus')
reg('forearm', 'brachioradialis;extensor carpi radialis longus;extensor carpi radialis brevis;'
    'extensor carpi ulnaris;extensor digitorum;extensor digiti minimi;extensor indicis;extensor pollicis brevis;'
    'extensor pollicis longus;abductor pollicis longus;supinator;pronator quadratus;Humeral head of pronator teres;'
    'Ulnar head of pronator teres;flexor carpi radialis;Humeral head of flexor carpi ulnaris;'
    'Ulnar head of flexor carpi ulnaris;palmaris longus;flexor digitorum superficialis;'
    'flexor digitorum profundus;flexor pollicis longus')
reg('hand', 'abductor pollicis brevis;Superficial head of flexor pollicis brevis;opponens pollicis;'
    'Oblique head of adductor pollicis;Transverse head of adductor pollicis;Abductor digiti minimi of hand;'
    'Flexor digiti minimi brevis of hand;Opponens digiti minimi of hand;Set of dorsal interossei of hand;'
    'Set of palmar interossei of hand;Set of lumbricals of hand;flexor pollicis brevis')
reg('back', 'iliocostalis lumborum;iliocostalis thoracis;longissimus thoracis;spinalis thoracis;'
    'semispinalis thoracis;interspinalis thoracis;lumbar rotator;serratus posterior inferior')
reg('abdomen', 'external oblique')
reg('pelvis', 'coccygeus;iliococcygeus;pubococcygeus;puborectalis')
reg('hip', 'gluteus maximus;gluteus medius;gluteus minimus;piriformis;gemellus superior;gemellus inferior;'
    'obturator internus;obturator externus;quadratus femoris;tensor fasciae latae;psoas major;iliacus')
reg('thigh', 'rectus femoris;vastus lateralis;vastus medialis;vastus intermedius;sartorius;gracilis;pectineus;'
    'adductor longus;adductor brevis;adductor magnus;adductor minimus;Long head of biceps femoris;'
    'Short head of biceps femoris;semitendinosus;semimembranosus')
reg('leg', 'Lateral head of gastrocnemius;Medial head of gastrocnemius;soleus;plantaris;popliteus;'
    'tibialis anterior;tibialis posterior;extensor digitorum longus;extensor hallucis longus;fibularis longus;'
    'fibularis brevis;fibularis tertius;flexor digitorum longus;flexor hallucis longus')
reg('foot', 'extensor hallucis brevis;flexor digitorum brevis;flexor accessorius;Abductor digiti minimi of foot;'
    'abductor hallucis;Flexor digiti minimi brevis of foot;Opponens digiti minimi of foot;'
    'Lateral head of flexor hallucis brevis;Medial head of flexor hallucis brevis;'
    'Oblique head of adductor hallucis;Transverse head of adductor hallucis;First lumbrical of foot;'
    'Second lumbrical of foot;Third lumbrical of foot;Fourth lumbrical of foot;'
    'First plantar interosseous of foot;Second plantar interosseous of foot;Third plantar interosseous of foot')

# Muscles BodyParts3D lacks, taken from Z-Anatomy (node names in muscular.glb).
ZANATOMY = [
    ('latissimus_dorsi', 'Latissimus dorsi', 'Musculus latissimus dorsi', 'back'),
    ('quadratus_lumborum', 'Quadratus lumborum', 'Musculus quadratus lumborum', 'back'),
    ('rectus_abdominis', 'Rectus abdominis', 'Musculus rectus abdominis', 'abdomen'),
    ('internal_abdominal_oblique', 'Internal oblique', 'Musculus obliquus internus abdominis', 'abdomen'),
    ('transversus_abdominis', 'Transversus abdominis', 'Musculus transversus abdominis', 'abdomen'),
    ('multifidus_lumborum', 'Multifidus (lumbar)', 'Musculus multifidus lumborum', 'back'),
    ('multifidus_thoracis', 'Multifidus (thoracic)', 'Musculus multifidus thoracis', 'back'),
    ('multifidus_colli', 'Multifidus (neck)', 'Musculus multifidus cervicis', 'neck'),
    ('masseter', 'Masseter', 'Musculus masseter', 'head'),
    ('temporalis', 'Temporalis', 'Musculus temporalis', 'head'),
    ('lateral_pterygoid', 'Lateral pterygoid', 'Musculus pterygoideus lateralis', 'head'),
    ('medial_pterygoid', 'Medial pterygoid', 'Musculus pterygoideus medialis', 'head'),
]

PART = re.compile(r'^(?P<part>.+?) (?P<kind>part|head|belly) of (?P<m>.+)$', re.I)

def snake(s):
    return re.sub(r'[^a-z0-9]+', '_', s.lower()).strip('_')

def muscle_id(base):
    m = PART.match(base)
    if base.startswith('Set of '):
        return snake(base[7:])
    if m:
        return snake(m.group('m') + ' ' + m.group('part') + ('' if m.group('kind') == 'part' else ' ' + m.group('kind')))
    return snake(base)

def common(base):
    b = base[7:] if base.startswith('Set of ') else base
    return b[0].upper() + b[1:]

def main(src, out):
    rows = list(csv.DictReader(open(os.path.join(src, 'bodyparts3d', 'parts.tsv')), delimiter='\t'))
    sides = collections.defaultdict(lambda: {'right': [], 'left': []})
    bones = []
    bone_re = re.compile(r'\b(bone|vertebra|rib|sacrum|coccyx|sternum|manubrium|mandible|maxilla|hyoid|femur|tibia|fibula|patella|humerus|ulna|radius|scapula|clavicle|calcaneus|talus|navicular|cuboid|cuneiform|metatarsal|metacarpal|phalanx|scaphoid|lunate|triquetral|pisiform|trapezium|trapezoid|capitate|hamate|atlas|axis|xiphoid process)\b', re.I)
    bone_not = re.compile(r'artery|vein|nerve|ligament|cartilage|disk|membrane|tendon|joint|branch|bursa|marrow|lobule|gyrus|tributary|segment', re.I)
    for r in rows:
        n = r['name']; f = r['file'][:-4]
        if bone_re.search(n) and not bone_not.search(n):
            bones.append(f); continue
        m = re.search(r'\b(right|left)\b ?', n, re.I)
        if not m: continue
        base = (n[:m.start()] + n[m.end():]).strip()
        sides[base][m.group(1).lower()].append(f)
    lower = {k.lower(): k for k in sides}
    entries = []
    for base, region in REGION.items():
        key = lower.get(base.lower())
        if key is None:
            print('missing in parts.tsv:', base, file=sys.stderr); continue
        s = sides[key]
        if not s['right'] or not s['left']:
            print('one side only:', base, s, file=sys.stderr); continue
        latin = 'Musculus ' + key if not PART.match(key) else ''
        entries.append((muscle_id(key), common(key), latin, region,
                        '+'.join('bp3d:' + x for x in sorted(s['right'])),
                        '+'.join('bp3d:' + x for x in sorted(s['left']))))
    for zid, name, latin, region in ZANATOMY:
        entries.append((zid.replace('internal_abdominal_oblique', 'internal_oblique'), name, latin, region,
                        'zanatomy:' + zid, 'zanatomy:' + zid))
    entries.sort(key=lambda e: e[0])
    with open(os.path.join(out, 'muscles.tsv'), 'w') as fh:
        fh.write('# Myomap muscle catalog: the one place muscle names live.\n')
        fh.write('# Columns: id, common name, Latin name, region, right-side sources, left-side sources.\n')
        fh.write('# Sources: bp3d:FJxxxx (BodyParts3D part file) or zanatomy:NODE (Z-Anatomy muscular.glb node,\n')
        fh.write('# registered into the BodyParts3D frame and split by side). Several sources join with +.\n')
        fh.write('id\tcommon_name\tlatin_name\tregion\tright\tleft\n')
        for e in entries: fh.write('\t'.join(e) + '\n')
    with open(os.path.join(out, 'layers.tsv'), 'w') as fh:
        fh.write('# Context layers (not pickable). Columns: layer, source.\n')
        fh.write('layer\tsource\n')
        fh.write('skin\tbp3d:FJ2810\n')
        for b in sorted(bones): fh.write('skeleton\tbp3d:' + b + '\n')
    print(len(entries), 'muscles,', len(bones), 'bone parts')

main(sys.argv[1], sys.argv[2])
