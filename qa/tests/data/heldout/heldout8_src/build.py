"""Build heldout_8.json from batch*.py; validate schema and labels. Exit non-zero on failure."""
import csv, glob, json, os, re, sys, collections, importlib.util
HERE = os.path.dirname(os.path.abspath(__file__))
REF = '/work/shared/reference'
nsir = {r['code']: r for r in csv.DictReader(open(f'{REF}/nsir_codes.csv'))}
ho = {r['code']: r for r in csv.DictReader(open(f'{REF}/ho_offences.csv'))}
# pairs where the later class may outrank the first (genuine alternatives per the label rules)
ALT_OK = {('39', '34B'), ('58B', '30D'), ('58C', '126'), ('49', '40'), ('37.2', '48')}
items, errs = [], []
for path in sorted(glob.glob(os.path.join(HERE, 'batch*.py')), key=lambda p: int(re.findall(r'\d+', os.path.basename(p))[0])):
    import _h
    _h.ITEMS.clear()
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    items.extend(dict(x, batch=os.path.basename(path)) for x in _h.ITEMS)
import random
random.Random(20261208).shuffle(items)
seen = set()
out = []
for i, it in enumerate(items, 1):
    iid = f'h8-{i:03d}'
    n, c = it['narrative'], it['nsir_code']
    if c not in nsir or nsir[c]['crime_related'] != 'false': errs.append(f'{iid} bad nsir {c}')
    if n in seen: errs.append(f'{iid} duplicate narrative')
    seen.add(n)
    cl, ev = it['classes'], it['evidence']
    if it['crime'] != bool(cl) or it['crime'] != bool(ev): errs.append(f'{iid} crime/classes/evidence mismatch')
    if len(set(cl)) != len(cl): errs.append(f'{iid} duplicate class')
    for k in cl:
        if k not in ho: errs.append(f'{iid} unknown class {k}')
    for e in ev:
        if e not in n: errs.append(f'{iid} evidence not verbatim: {e!r}')
    if cl and all(k in ho for k in cl):
        r0 = int(ho[cl[0]]['seriousness_rank'])
        for k in cl[1:]:
            if int(ho[k]['seriousness_rank']) < r0 and (cl[0], k) not in ALT_OK:
                errs.append(f'{iid} later class {k} outranks principal {cl[0]}')
    if '\n' in it['why'] or not it['why']: errs.append(f'{iid} why')
    out.append({'id': iid, 'nsir_code': c, 'narrative': n,
                'expected': {'crime': it['crime'], 'classes': cl, 'evidence': ev, 'why': it['why']}})
    it['id'] = iid
if errs:
    print('\n'.join(errs)); sys.exit(1)
dst = os.environ.get('H8_OUT', '/work/wt/heldout8/qa/tests/data/heldout/heldout_8.json')
json.dump(out, open(dst, 'w'), indent=1, ensure_ascii=False); open(dst, 'a').write('\n')
json.load(open(dst))
g = collections.Counter(x['group'] for x in items)
k = collections.Counter(x['kind'] for x in items if x['kind'])
cls = collections.Counter(x['classes'][0] for x in items if x['classes'])
lens = [len(x['narrative']) for x in items]
print(len(items), 'items; groups', dict(g), '; crime', sum(x['crime'] for x in items))
print('negative kinds', dict(sorted(k.items())))
print('principal classes', dict(sorted(cls.items())))
print('nsir', dict(collections.Counter(x['nsir_code'] for x in items).most_common()))
print('len min/max', min(lens), max(lens), 'multi-class', sum(len(x['classes']) > 1 for x in items))
