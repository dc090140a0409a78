"""Build dev8.json from dev8/batchNN.txt (writer dev8; see README_dev8.md).

Block format:
  ### NSIR_CODE | CLASS[,CLASS...] | tag        (classes '-' for no crime; tag = kind of negative or theme)
  narrative (one line)
  E: evidence || evidence                        (crime items only)
  W: why
Each batch is shuffled with seed 8000+N and numbered d8-(50(N-1)+1).. so landed ids stay put.
"""
import csv, json, random, re, sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REF = Path('/work/shared/reference')
ho = {r['code']: r for r in csv.DictReader(open(REF / 'ho_offences.csv'))}
nsir = {r['code']: r for r in csv.DictReader(open(REF / 'nsir_codes.csv'))}

def parse(path):
    items, cur = [], None
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        if line.startswith('### '):
            if cur: items.append(cur)
            parts = [p.strip() for p in line[4:].split('|')]
            code, cls = parts[0], parts[1]
            tag = parts[2] if len(parts) > 2 else ''
            cur = {'nsir': code, 'classes': [] if cls == '-' else [c.strip() for c in cls.split(',')],
                   'tag': tag, 'narr': None, 'ev': [], 'why': None, 'src': path.name}
        elif line.startswith('E: '):
            cur['ev'] = [e.strip() for e in line[3:].split('||') if e.strip()]
        elif line.startswith('W: '):
            cur['why'] = line[3:].strip()
        else:
            assert cur['narr'] is None, (path, line[:60])
            cur['narr'] = line.strip()
    if cur: items.append(cur)
    return items

errs, out, tags = [], [], Counter()
batches = sorted(HERE.glob('batch*.txt'))
for b in batches:
    n = int(re.search(r'(\d+)', b.name).group(1))
    items = parse(b)
    random.Random(8000 + n).shuffle(items)
    for i, it in enumerate(items):
        iid = 'd8-%03d' % (50 * (n - 1) + i + 1)
        crime = bool(it['classes'])
        where = f"{b.name}: {it['narr'][:50]!r}"
        if it['nsir'] not in nsir or nsir[it['nsir']]['crime_related'] != 'false':
            errs.append(f'bad nsir {it["nsir"]} {where}')
        for c in it['classes']:
            if c not in ho: errs.append(f'bad class {c} {where}')
        if len(set(it['classes'])) != len(it['classes']): errs.append(f'dup class {where}')
        if crime and not it['ev']: errs.append(f'no evidence {where}')
        if not crime and it['ev']: errs.append(f'evidence on non-crime {where}')
        for e in it['ev']:
            if e not in it['narr']: errs.append(f'evidence not verbatim {e!r} {where}')
        if not it['why']: errs.append(f'no why {where}')
        if i >= 50: errs.append(f'batch {b.name} over 50')
        tags[(crime, it['tag'])] += 1
        out.append({'id': iid, 'nsir_code': it['nsir'], 'narrative': it['narr'],
                    'expected': {'crime': crime, 'classes': it['classes'], 'evidence': it['ev'], 'why': it['why']}})
narrs = Counter(o['narrative'] for o in out)
errs += [f'duplicate narrative {k[:60]!r}' for k, v in narrs.items() if v > 1]
if errs:
    print('\n'.join(errs)); sys.exit(1)
json.dump(out, open(HERE.parent / 'dev8.json', 'w'), indent=1, ensure_ascii=False)
json.load(open(HERE.parent / 'dev8.json'))
cat = Counter(ho[o['expected']['classes'][0]]['category'] for o in out if o['expected']['crime'])
print(len(out), 'items;', sum(o['expected']['crime'] for o in out), 'crime')
print('principal group:', dict(cat))
print('multi-class:', sum(len(o['expected']['classes']) > 1 for o in out))
print('negative kinds:', dict(Counter(t for (c, t) in tags.elements() if not c)))
print('principal classes:', dict(Counter(o['expected']['classes'][0] for o in out if o['expected']['crime'])))
