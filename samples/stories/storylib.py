"""Shared checks for the hand-labelled stories (samples/demo and samples/stories/*): validates a story's
feedback.jsonl and labels.jsonl and prints its composition, the per-factor label tables and the action
matrix the PRODUCT.md method builds from the labels. Standard library only."""
import collections, datetime as dt, json, math, re, statistics

KINDS = {'review', 'mention', 'survey'}
CHANNELS = {'site', 'app', 'contact_centre', 'social', 'reviews', 'delivery', 'store', 'survey'}
SURVEYS = {'typeform', 'formbricks', 'surveymonkey', 'qualtrics', 'google_forms'}
MENTIONS = {'twitter', 'vk', 'telegram', 'rss'}
FACTOR_IDS = {'pr': 'price', 'q': 'quality', 'd': 'delivery', 'st': 'staff', 'w': 'waiting_time', 'su': 'support',
              'ap': 'website_app', 'pay': 'payment', 'as': 'assortment', 'cl': 'cleanliness_atmosphere',
              'loc': 'location_parking', 'ret': 'returns', 'loy': 'loyalty'}
POLARITY = {'+': 'positive', '0': 'neutral', '-': 'negative'}
SENTIMENT = {'pos': 'positive', 'neu': 'neutral', 'neg': 'negative'}
POLARITY_VALUE = {'positive': 1, 'neutral': 0, 'negative': -1}
SENTIMENT_OUTCOME = {'negative': 1, 'neutral': 3, 'positive': 5}  # document sentiment on the 1-5 scale
MIN_N = 30


def lang(text):
    t = text.lower()
    return 'ru' if len(re.findall('[а-яё]', t)) > len(re.findall('[a-z]', t)) else 'en'


def parse_spec(path):
    """Spec lines: brand|source|channel|score|sentiment|codes|text."""
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.rstrip('\n').split('|')
        if len(parts) != 7:
            raise ValueError(f'{path}:{n}: expected 7 fields, got {len(parts)}')
        b, s, c, score, sentiment, codes, text = parts
        codes = codes.split()
        if sentiment not in SENTIMENT:
            raise ValueError(f'{path}:{n}: sentiment {sentiment!r}')
        for code in codes:
            if code != 'spam' and (code[:-1] not in FACTOR_IDS or code[-1] not in POLARITY):
                raise ValueError(f'{path}:{n}: factor code {code!r}')
        if len({c[:-1] for c in codes}) != len(codes):
            raise ValueError(f'{path}:{n}: a factor labelled twice')
        yield b, s, c, score, sentiment, codes, text


def label(o, sentiment, codes):
    """The hand label of one item: document sentiment and the factors the text judges."""
    lab = {'source': o['source'], 'externalId': o['externalId'], 'brand': o['brand'], 'sentiment': SENTIMENT[sentiment],
           'factors': [{'factor': FACTOR_IDS[c[:-1]], 'polarity': POLARITY[c[-1]]} for c in codes if c != 'spam']}
    if 'spam' in codes:
        lab['spam'] = True
    return lab


def validate_feedback(path, brand, competitors):
    errors, rows = [], []
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        try:
            o = json.loads(line)
        except ValueError as e:
            errors.append(f'feedback line {n}: not JSON ({e})'); continue
        bad = lambda why: errors.append(f'feedback line {n}: {why}')
        if o.get('brand') not in {brand, *competitors}: bad(f'brand {o.get("brand")!r}')
        if not str(o.get('text') or '').strip(): bad('text missing')
        if not str(o.get('externalId') or '').strip(): bad('externalId missing')
        if o.get('kind') not in KINDS: bad(f'kind {o.get("kind")!r}')
        if o.get('channel') not in CHANNELS: bad(f'channel {o.get("channel")!r}')
        if 'rating' in o and not (isinstance(o['rating'], int) and 1 <= o['rating'] <= 5): bad('rating not 1-5')
        if 'nps' in o and not (isinstance(o['nps'], int) and 0 <= o['nps'] <= 10): bad('nps not 0-10')
        if o.get('kind') == 'survey' and 'nps' not in o: bad('survey answer without nps')
        if o.get('kind') == 'mention' and ('nps' in o or 'rating' in o): bad('mention with a score')
        if o.get('brand') != brand and o.get('competitorOf') != brand: bad('competitor item without competitorOf')
        if 'url' in o and not re.match(r'https://example\.(com|ru)/', o['url']): bad('url outside example.com/.ru')
        for link in re.findall(r'https?://\S+', o.get('text', '')):
            if not re.match(r'https://example\.(com|ru)/', link): bad(f'link outside example.com/.ru: {link}')
        a = o.get('author') or {}
        if 'email' in a and not re.search(r'@example\.(com|ru)$', a['email']): bad('e-mail outside example.com/.ru')
        try:
            dt.datetime.fromisoformat(o['createdAt'].replace('Z', '+00:00'))
        except (KeyError, ValueError):
            bad('createdAt not ISO 8601')
        rows.append(o)
    return errors, rows


def validate_labels(path, rows):
    """labels.jsonl: one line per feedback line, same order, same source + externalId + brand."""
    errors, labels = [], []
    lines = open(path, encoding='utf-8').read().splitlines()
    if len(lines) != len(rows):
        errors.append(f'labels: {len(lines)} lines for {len(rows)} feedback lines')
    keys = {(o['source'], o['externalId']) for o in rows}
    for n, (line, o) in enumerate(zip(lines, rows), 1):
        bad = lambda why: errors.append(f'labels line {n}: {why}')
        try:
            lab = json.loads(line)
        except ValueError as e:
            bad(f'not JSON ({e})'); continue
        if (lab.get('source'), lab.get('externalId')) != (o['source'], o['externalId']): bad('does not match the feedback line')
        if lab.get('brand') != o['brand']: bad('brand differs from the feedback line')
        if lab.get('sentiment') not in POLARITY_VALUE: bad(f'sentiment {lab.get("sentiment")!r}')
        fs = lab.get('factors')
        if not isinstance(fs, list): bad('factors missing'); fs = []
        for f in fs:
            if f.get('factor') not in FACTOR_IDS.values(): bad(f'factor {f.get("factor")!r}')
            if f.get('polarity') not in POLARITY_VALUE: bad(f'polarity {f.get("polarity")!r}')
        if len({f.get('factor') for f in fs}) != len(fs): bad('a factor labelled twice')
        if lab.get('spam') and (fs or lab.get('sentiment') != 'neutral'): bad('spam with factors or a stance')
        if 'crossPostOf' in lab:
            cp = lab['crossPostOf']
            if (cp.get('source'), cp.get('externalId')) not in keys: bad('crossPostOf names no item')
        labels.append(lab)
    return errors, labels


def distinct(rows, labels):
    """(item, label) once per source + externalId, in first-seen order."""
    seen, out = set(), []
    for o, lab in zip(rows, labels):
        k = (o['source'], o['externalId'])
        if k not in seen:
            seen.add(k); out.append((o, lab))
    return out


def print_composition(pairs, brands):
    items = [o for o, _ in pairs]
    print(f'distinct items {len(items)}')
    head = ' '.join(f'{b:>12}' for b in brands)
    for name, key in [('language', lambda o: lang(o['text'])), ('kind', lambda o: o['kind']),
                      ('channel', lambda o: o['channel']), ('source', lambda o: o['source'])]:
        table = collections.defaultdict(collections.Counter)
        for o in items:
            table[key(o)][o['brand']] += 1
        print(f'\n{name:14} {head} {"total":>6}')
        for k, c in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
            print(f'{k:14} ' + ' '.join(f'{c[b]:12}' for b in brands) + f' {sum(c.values()):6}')
    total = collections.Counter(o['brand'] for o in items)
    print(f'\n{"items":14} ' + ' '.join(f'{total[b]:12}' for b in brands) + f' {len(items):6}')
    sent = collections.defaultdict(collections.Counter)
    for o, lab in pairs:
        sent[o['brand']][lab['sentiment']] += 1
    print('document sentiment (neg/neu/pos): ' + ', '.join(
        f'{b} {sent[b]["negative"]}/{sent[b]["neutral"]}/{sent[b]["positive"]}' for b in brands))
    for b in brands:
        r = [o['rating'] for o in items if o['brand'] == b and 'rating' in o]
        if r:
            print(f'{b}: mean rating {statistics.mean(r):.2f} (n={len(r)})')
    for b in brands:
        nps = [o['nps'] for o in items if o['brand'] == b and 'nps' in o]
        if nps:
            pro, det = sum(x >= 9 for x in nps), sum(x <= 6 for x in nps)
            print(f'{b} NPS {100 * (pro - det) / len(nps):+.0f} (n={len(nps)}, {pro} promoters, '
                  f'{len(nps) - pro - det} passives, {det} detractors)')


def outcome(o, lab, fallback):
    if 'rating' in o:
        return float(o['rating'])
    if 'nps' in o:
        return o['nps'] / 2
    return float(SENTIMENT_OUTCOME[lab['sentiment']]) if fallback else None


def corr(pairs):
    try:
        return statistics.correlation(*zip(*pairs)) if len(pairs) >= 3 else None
    except (statistics.StatisticsError, ValueError):
        return None


def factor_stats(pairs, brand):
    """factor -> dict(n, pos, neu, neg, net, lo, hi, r, n_r, r_all, r_lo, r_hi) over the brand's counted items
    (spam and the later copy of a cross-post are left out, as the pipeline leaves them out)."""
    acc = collections.defaultdict(lambda: {'c': collections.Counter(), 'scored': [], 'all': []})
    for o, lab in pairs:
        if o['brand'] != brand or lab.get('spam') or 'crossPostOf' in lab:
            continue
        for f in lab['factors']:
            a = acc[f['factor']]
            v = POLARITY_VALUE[f['polarity']]
            a['c'][f['polarity']] += 1
            y = outcome(o, lab, False)
            if y is not None:
                a['scored'].append((v, y))
            a['all'].append((v, outcome(o, lab, True)))
    out = {}
    for f, a in acc.items():
        c = a['c']; n = sum(c.values())
        vals = [1] * c['positive'] + [0] * c['neutral'] + [-1] * c['negative']
        net = statistics.mean(vals)
        se = statistics.stdev(vals) / math.sqrt(n) if n > 1 else 1.0
        r_all = corr(a['all'])
        r_lo = r_hi = None
        if r_all is not None and n > 3 and abs(r_all) < 1:
            z, dz = math.atanh(r_all), 1.96 / math.sqrt(n - 3)
            r_lo, r_hi = math.tanh(z - dz), math.tanh(z + dz)
        out[f] = dict(n=n, pos=c['positive'], neu=c['neutral'], neg=c['negative'], net=net,
                      lo=net - 1.96 * se, hi=net + 1.96 * se, r=corr(a['scored']), n_r=len(a['scored']),
                      r_all=r_all, r_lo=r_lo, r_hi=r_hi)
    return out


def fmt(x, w=5):
    return f'{x:+.2f}'.rjust(w) if x is not None else 'n/a'.rjust(w)


def print_factor_table(stats, title):
    print(f'\n{title}: n, pos/neu/neg, net [95% interval], r = corr(polarity, rating or NPS/2) over scored items '
          f'(n_r), r_all = with document sentiment as the outcome of unscored items')
    for f, s in sorted(stats.items(), key=lambda kv: -kv[1]['n']):
        print(f'  {f:22} n={s["n"]:3}  {s["pos"]:3}/{s["neu"]:<3}/{s["neg"]:<3} net {fmt(s["net"])} '
              f'[{fmt(s["lo"])} … {fmt(s["hi"])}]  r {fmt(s["r"])} (n_r={s["n_r"]:3})  r_all {fmt(s["r_all"])}')


def matrix(stats, competitor_stats, importance_key='r_all'):
    """The PRODUCT.md action matrix from label statistics: factor -> (quadrant, why)."""
    placed = {f: s for f, s in stats.items() if s['n'] >= MIN_N and s[importance_key] is not None}
    if not placed:
        return {}, None, None
    perf_med = statistics.median(s['net'] for s in placed.values())
    imp_med = statistics.median(s[importance_key] for s in placed.values())
    out = {}
    for f, s in stats.items():
        if s['n'] < MIN_N:
            out[f] = ('insufficient data', f'n={s["n"]} < {MIN_N}')
            continue
        if f not in placed:
            out[f] = ('no importance', f'n={s["n"]}, but the polarity does not vary over the items with this outcome')
            continue
        imp, perf = s[importance_key], s['net']
        deltas = {c: perf - cs[f]['net'] for c, cs in competitor_stats.items() if f in cs and cs[f]['n'] >= 10}
        ahead = all(d > 0 for d in deltas.values())
        why = (f'importance {imp:+.2f} vs median {imp_med:+.2f} ({imp - imp_med:+.2f}), performance {perf:+.2f} vs median '
               f'{perf_med:+.2f} ({perf - perf_med:+.2f}), net interval [{s["lo"]:+.2f} … {s["hi"]:+.2f}], Δ '
               + (', '.join(f'{c} {d:+.2f} (n={competitor_stats[c][f]["n"]})' for c, d in deltas.items()) or 'no competitor data'))
        if imp >= imp_med and perf < perf_med:
            q = 'fix'
        elif imp >= imp_med and perf >= perf_med and s['lo'] > 0 and ahead:
            q = 'promote'
        elif perf >= perf_med:
            q = 'maintain'
        else:
            q = 'watch'
        out[f] = (q, why)
    return out, perf_med, imp_med


def print_matrix(stats, competitor_stats, brand):
    for key in ['r_all', 'r']:
        m, pm, im = matrix(stats, competitor_stats, key)
        if pm is None:
            continue
        print(f'\naction matrix for {brand} from the labels (importance = {key}; crosshairs: performance {pm:+.2f}, '
              f'importance {im:+.2f}; competitor Δ needs competitor n ≥ 10)')
        order = {'fix': 0, 'promote': 1, 'maintain': 2, 'watch': 3, 'no importance': 4, 'insufficient data': 5}
        for f, (q, why) in sorted(m.items(), key=lambda kv: (order[kv[1][0]], -stats[kv[0]]['n'])):
            print(f'  {f:22} {q:17} {why}')


def run_check(feedback, labels_path, brand, competitors):
    """Validate, print everything; returns the process exit code."""
    errors, rows = validate_feedback(feedback, brand, competitors)
    lerrors, labels = validate_labels(labels_path, rows)
    errors += lerrors
    print('errors:', '; '.join(errors) if errors else 'none')
    if lerrors:
        return 1
    pairs = distinct(rows, labels)
    print(f'lines {len(rows)}, distinct items {len(pairs)} ({len(rows) - len(pairs)} exact duplicates), '
          f'spam {sum(1 for _, l in pairs if l.get("spam"))}, cross-post copies {sum(1 for _, l in pairs if "crossPostOf" in l)}')
    brands = [brand, *competitors]
    print_composition(pairs, brands)
    all_stats = {b: factor_stats(pairs, b) for b in brands}
    for b in brands:
        print_factor_table(all_stats[b], f'hand-labelled factor mentions of {b}')
    print_matrix(all_stats[brand], {c: all_stats[c] for c in competitors}, brand)
    return 1 if errors else 0
