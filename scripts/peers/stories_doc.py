# Document sentiment of the 13 dev stories by class, with the mixed flag (model card, "The 13 dev stories").
# usage: python3 stories_doc.py REPO OUT MODEL... (several models: the mean of their probabilities); LISTENING_BIN overrides the binary.
import json, subprocess, sys, collections
repo, out = sys.argv[1:3]; models = sys.argv[3:]
stories = ['demo','restaurant','electronics','fashion','pharmacy','petshop','diy','telecom','hotel','bank','tyres','fitness','taxi']
import os; B = os.environ.get('LISTENING_BIN', repo + '/functions/Listening/bin/Release/net10.0/listening')
L = ['negative','neutral','positive']
conf = collections.Counter(); mixed = collections.Counter(); per = {}
for s in stories:
    d = repo + ('/samples/demo' if s == 'demo' else '/samples/stories/' + s)
    labels = {}
    for line in open(d + '/labels.jsonl'):
        j = json.loads(line); 
        if j.get('spam'): continue
        labels[(j['source'], j['externalId'])] = j['sentiment']
    items = [json.loads(l) for l in open(d + '/feedback.jsonl') if l.strip()]
    items = [i for i in items if (i['source'], i['externalId']) in labels]
    inp = ''.join(json.dumps({'id': str(k), 'text': i['text'], 'kind': i.get('kind')}, ensure_ascii=False) + '\n' for k, i in enumerate(items))
    outs = [[json.loads(x) for x in subprocess.run([B, 'score', '--model', m], input=inp, capture_output=True, text=True).stdout.splitlines()] for m in models]
    res = []
    for rows in zip(*outs):
        pr = {l: sum(r['probabilities'][l] for r in rows) / len(rows) for l in L}
        lab = 'negative' if pr['negative'] >= pr['neutral'] and pr['negative'] >= pr['positive'] else 'positive' if pr['positive'] >= pr['neutral'] else 'neutral'
        res.append({'label': lab if len(rows) > 1 else rows[0]['label'], 'mixed': rows[0].get('mixed')})
    c = collections.Counter()
    for i, r in zip(items, res):
        g = labels[(i['source'], i['externalId'])]
        c[(g, r['label'])] += 1; conf[(g, r['label'])] += 1
        if r.get('mixed'): mixed[g] += 1
    per[s] = c
def f1s(c):
    out = {}
    for l in L:
        tp = c[(l,l)]; p = sum(c[(a,l)] for a in L); a = sum(c[(l,b)] for b in L)
        pr = tp/p if p else 0; rc = tp/a if a else 0
        out[l] = (2*pr*rc/(pr+rc) if pr+rc else 0, pr, rc, a)
    return out
with open(out, 'w') as f:
    for s in stories:
        r = f1s(per[s]); f.write(f"{s:12} macro-F1 {sum(v[0] for v in r.values())/3:.3f}  " + '  '.join(f"{l[:3]} F1 {r[l][0]:.3f} (n={r[l][3]})" for l in L) + '\n')
    r = f1s(conf)
    f.write(f"{'all':12} macro-F1 {sum(v[0] for v in r.values())/3:.3f}  " + '  '.join(f"{l[:3]} F1 {r[l][0]:.3f} P {r[l][1]:.3f} R {r[l][2]:.3f} (n={r[l][3]})" for l in L) + '\n')
    f.write('confusion (gold → predicted): ' + '; '.join(f"{g}: " + ' '.join(f"{p[:3]} {conf[(g,p)]}" for p in L) for g in L) + '\n')
    f.write('marked mixed, by gold label: ' + ', '.join(f"{g} {mixed[g]} of {sum(conf[(g,p)] for p in L)}" for g in L) + '\n')
print(open(out).read())
