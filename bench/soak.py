#!/usr/bin/env python3
"""End-to-end throughput and memory soak against `listening serve`.

Posts N unique items (batches of --batch, --clients concurrent posters) to POST /api/feedback, samples the serve
process's RSS and the pipeline status every --every items, waits until every item is responded, and prints
accepted→scored throughput and the RSS series. Usage: bench/soak.py --port P --pid PID [--items 200000]
"""
import argparse, json, threading, time, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--pid", type=int, required=True)
ap.add_argument("--items", type=int, default=200_000)
ap.add_argument("--batch", type=int, default=100)
ap.add_argument("--clients", type=int, default=4)
ap.add_argument("--every", type=int, default=20_000)
args = ap.parse_args()
base = f"http://127.0.0.1:{args.port}"
run = str(int(time.time()))
texts = ["Great pancakes and friendly staff", "Курьер опоздал, блины холодные", "Price is fine, delivery was slow",
         "Очень вкусно, но дорого", "The waiter was rude, never again", "Чисто, уютно, быстро обслужили"]

def rss_mb():
    with open(f"/proc/{args.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def status():
    with urllib.request.urlopen(base + "/api/status") as r:
        return json.load(r)

lock = threading.Lock()
next_batch = 0
accepted = 0
def poster():
    global next_batch, accepted
    while True:
        with lock:
            start = next_batch
            next_batch += args.batch
        if start >= args.items:
            return
        items = [{"kind": "review", "externalId": f"{run}-{i}", "brand": "Blinnaya",
                  "text": f"{texts[i % len(texts)]} #{i}", "rating": 1 + i % 5,
                  "createdAt": "2026-11-20T10:00:00Z"} for i in range(start, min(start + args.batch, args.items))]
        body = json.dumps(items).encode()
        req = urllib.request.Request(base + "/api/feedback", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            assert r.status == 202, r.status
        with lock:
            accepted += len(items)

t0 = time.time()
threads = [threading.Thread(target=poster) for _ in range(args.clients)]
for t in threads: t.start()
samples = []
mark = 0
while any(t.is_alive() for t in threads) or True:
    time.sleep(1)
    s = status()
    done = s["items"]["byStage"]["responded"]
    if done >= mark or done >= args.items:
        samples.append((round(time.time() - t0, 1), accepted, done, round(rss_mb())))
        print(f"t={samples[-1][0]:>7}s accepted={accepted:>7} responded={done:>7} rss={samples[-1][3]} MB", flush=True)
        mark = done + args.every
    if done >= args.items and not any(t.is_alive() for t in threads):
        break
elapsed = time.time() - t0
print(f"{args.items} items accepted→responded in {elapsed:.1f} s: {args.items / elapsed:.0f} items/s end to end")
rss = [s[3] for s in samples]
print(f"RSS MB min/max over the run: {min(rss)}/{max(rss)}; last: {rss[-1]}")
