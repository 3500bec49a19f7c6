#!/usr/bin/env python3
"""Validates samples/demo/feedback.jsonl and prints its composition and the hand-labelled factor
mentions of the spec lines (the intended story). Exit code 1 when a line is invalid."""
import collections, datetime as dt, glob, json, os, re, statistics, sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'feedback.jsonl')
KINDS = {'review', 'mention', 'survey'}
CHANNELS = {'site', 'app', 'contact_centre', 'social', 'reviews', 'delivery', 'store', 'survey'}
SURVEYS = {'typeform', 'formbricks', 'surveymonkey', 'qualtrics', 'google_forms'}
FACTORS = {'pr': 'price', 'q': 'quality', 'd': 'delivery', 'st': 'staff', 'w': 'waiting', 'su': 'support',
           'ap': 'website/app', 'pay': 'payment', 'as': 'assortment', 'cl': 'cleanliness',
           'loc': 'location/parking', 'ret': 'returns', 'loy': 'loyalty'}

def lang(text):
    t = text.lower()
    return 'ru' if len(re.findall('[а-яё]', t)) > len(re.findall('[a-z]', t)) else 'en'

errors, rows = [], []
for n, line in enumerate(open(PATH, encoding='utf-8'), 1):
    try:
        o = json.loads(line)
    except ValueError as e:
        errors.append(f'line {n}: not JSON ({e})'); continue
    bad = lambda why: errors.append(f'line {n}: {why}')
    if not str(o.get('brand') or '').strip(): bad('brand missing')
    if not str(o.get('text') or '').strip(): bad('text missing')
    if o.get('kind') not in KINDS: bad(f'kind {o.get("kind")!r}')
    if o.get('channel') not in CHANNELS: bad(f'channel {o.get("channel")!r}')
    if 'rating' in o and not (isinstance(o['rating'], int) and 1 <= o['rating'] <= 5): bad('rating not 1-5')
    if 'nps' in o and not (isinstance(o['nps'], int) and 0 <= o['nps'] <= 10): bad('nps not 0-10')
    if o.get('kind') == 'survey' and 'nps' not in o: bad('survey answer without nps')
    if o.get('brand') != 'lavka' and o.get('competitorOf') != 'lavka': bad('competitor item without competitorOf')
    if 'url' in o and not re.match(r'https://example\.(com|ru)/', o['url']): bad('url outside example.com/.ru')
    a = o.get('author') or {}
    if 'email' in a and not re.search(r'@example\.(com|ru)$', a['email']): bad('e-mail outside example.com/.ru')
    try:
        dt.datetime.fromisoformat(o['createdAt'].replace('Z', '+00:00'))
    except (KeyError, ValueError):
        bad('createdAt not ISO 8601')
    rows.append(o)
print('errors:', '; '.join(errors) if errors else 'none')

by_key = {}
for o in rows:
    by_key[(o['source'], o['externalId'])] = o
items = list(by_key.values())
print(f'lines {len(rows)}, distinct items {len(items)} ({len(rows) - len(items)} exact duplicates)')
for name, key in [('brand', lambda o: o['brand']), ('language', lambda o: lang(o['text'])),
                  ('kind', lambda o: o['kind']), ('channel', lambda o: o['channel']), ('source', lambda o: o['source'])]:
    table = collections.defaultdict(collections.Counter)
    for o in items:
        table[key(o)][o['brand']] += 1
    print(f'\n{name:14} lavka megamart quickbasket total')
    for k, c in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        print(f'{k:14} {c["lavka"]:5} {c["megamart"]:8} {c["quickbasket"]:11} {sum(c.values()):5}')
for b in ['lavka', 'megamart', 'quickbasket']:
    r = [o['rating'] for o in items if o['brand'] == b and 'rating' in o]
    print(f'{b}: mean rating {statistics.mean(r):.2f} (n={len(r)})')
nps = [o['nps'] for o in items if 'nps' in o]
pro, det = sum(x >= 9 for x in nps), sum(x <= 6 for x in nps)
print(f'lavka NPS {100 * (pro - det) / len(nps):+.0f} (n={len(nps)}, {pro} promoters, {det} detractors)')

# Hand labels of the spec lines: factor, polarity, and the item's outcome (rating, or nps / 2).
print('\nintended factor mentions (hand labels): n, pos/neu/neg, net sentiment, r = corr(polarity, outcome)')
for brand in ['lavka', 'megamart', 'quickbasket']:
    stats = collections.defaultdict(lambda: [collections.Counter(), []])
    for path in glob.glob(os.path.join(HERE, '*.txt')):
        for line in open(path, encoding='utf-8'):
            b, src, _, score, codes, _ = line.rstrip('\n').split('|')
            if b != brand:
                continue
            for code in codes.split():
                if code[:-1] not in FACTORS:
                    continue
                s = stats[code[:-1]]
                s[0][code[-1]] += 1
                if score != '-':
                    s[1].append(({'+': 1, '0': 0, '-': -1}[code[-1]], int(score) / (2 if src in SURVEYS else 1)))
    print(brand)
    for f, (c, pairs) in sorted(stats.items(), key=lambda kv: -sum(kv[1][0].values())):
        n = sum(c.values())
        try:
            r = f'{statistics.correlation(*zip(*pairs)):+.2f}'
        except (statistics.StatisticsError, ValueError):
            r = '  n/a'
        print(f'  {FACTORS[f]:17} n={n:3}  {c["+"]:3}/{c["0"]:<2}/{c["-"]:<3} net {(c["+"] - c["-"]) / n:+.2f}  r {r}')
sys.exit(1 if errors else 0)
