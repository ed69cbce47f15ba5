"""GloVe research (round 4, bench/oos-research/RESULTS-4.md): reads $GLOVE_DIR/dumps/ (dump.ts) and the converted
vectors $GLOVE_DIR/{vocab.txt, glove.f32} (convert.py; GLOVE_DIR defaults to /tmp/centralino-glove), builds GloVe
sentence vectors and scores out-of-scope rules with the round-2/3 analyser's own functions (choose = balanced
threshold on valid, evaluate, at_recall = in@90), imported read-only from bench/oos-research/oos-analyse2.py.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 bench/oos-research/glove/analyse.py [--seeds 1,2,3]
        [--only SUBSTRING] [--prune N] [--int8] [--boot N] [--curve]   (all options: --help)

Combined scores: base + c * (std(base)/std(g)) * g, base = gap - 10u + margin (the product's rule),
g = a GloVe in-scope-ness signal (higher = more in scope). c is chosen on VALID (the best --crit, mean over
the seeds, one c for all seeds; default vauc = mean valid in-scope accuracy at oos recall 80, 82, ..., 98 %,
vin90 = valid in@90); the test columns use that c. "oracle c" = the c with the best test in@90
(not a result, only the ceiling). The dense models are cached in $GLOVE_DIR/dumps/dense-*.npy.
Needs python3 with numpy. See README.md in this folder.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # bench/oos-research
from importlib import import_module

A2 = import_module("oos-analyse2")  # choose, evaluate, at_recall (read-only import)

GLOVE_DIR = os.environ.get("GLOVE_DIR", "/tmp/centralino-glove")
D = f"{GLOVE_DIR}/dumps"
ap = argparse.ArgumentParser()
ap.add_argument("--seeds", default="1,2,3")
ap.add_argument("--only", default="")
ap.add_argument("--prune", type=int, default=0, help="keep only the N most frequent GloVe words")
ap.add_argument("--int8", action="store_true", help="quantise vectors to int8 (per-word absmax scale)")
ap.add_argument("--no-mlp", action="store_true")
ap.add_argument("--crit", default="vauc", help="valid criterion for c: vin90 or vauc (mean valid in@r, r = 0.80, 0.82, ..., 0.98)")
ap.add_argument("--combo-dense", default="B plain linear,B sif linear")
ap.add_argument("--combo-sig", default="sif maha,sif cen")
ap.add_argument("--weightings", default="plain,idf,sif")
ap.add_argument("--boot", type=int, default=0, help="paired bootstrap of test in@90 differences vs now (valid-chosen c)")
ap.add_argument("--curve", action="store_true", help="print every c of the grid")
args = ap.parse_args()
SEEDS = [int(s) for s in args.seeds.split(",")]
CS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5]

# ---------------- data
tok = json.load(open(f"{D}/tokens.json"))
gold = np.array(tok["gold"])
tokens = tok["tokens"]
bounds = {}
at = 0
for s in tok["splits"]:
    bounds[s["split"]] = slice(at, at + s["count"])
    at += s["count"]
TR, VA, TE = bounds["train"], bounds["valid"], bounds["test"]
vocab = open(f"{GLOVE_DIR}/vocab.txt").read().split("\n")[:-1]
G = np.fromfile(f"{GLOVE_DIR}/glove.f32", dtype=np.float32).reshape(-1, 100)
if args.prune:
    vocab, G = vocab[: args.prune], G[: args.prune]
if args.int8:
    scale = np.abs(G).max(axis=1, keepdims=True) / 127
    G = (np.round(G / scale).astype(np.int8).astype(np.float32) * scale).astype(np.float32)
gidx = {}
for i, w in enumerate(vocab):
    gidx.setdefault(w, i)

# Token statistics over the training rows (all 15100, as the classifier's vectorizer).
df, tf = {}, {}
for t in tokens[TR]:
    for w in t:
        tf[w] = tf.get(w, 0) + 1
    for w in set(t):
        df[w] = df.get(w, 0) + 1
NTR = TR.stop - TR.start
total_tf = sum(tf.values())


def idf(w):
    return np.log((1 + NTR) / (1 + df.get(w, 0))) + 1


def sif(w, a=1e-3):
    return a / (a + tf.get(w, 0) / total_tf)


def pool(weighting):
    out = np.zeros((len(tokens), 100))
    for i, t in enumerate(tokens):
        for w in t:
            g = gidx.get(w)
            if g is None:
                continue
            out[i] += (1.0 if weighting == "plain" else idf(w) if weighting == "idf" else sif(w)) * G[g]
    if weighting == "sif":  # remove the first principal component (of the training rows)
        u = np.linalg.svd(out[TR] - 0, full_matrices=False)[2][0]
        out -= np.outer(out @ u, u)
    n = np.linalg.norm(out, axis=1, keepdims=True)
    return np.where(n > 0, out / np.maximum(n, 1e-12), 0.0)


cov_tok = np.mean([all(w in gidx for w in t) for t in tokens[TE]])
cov_w = np.mean([w in gidx for t in tokens[TE] for w in t])
print(f"GloVe vocab {len(vocab)}{' int8' if args.int8 else ''}: test tokens covered {cov_w * 100:.2f} %, test rows fully covered {cov_tok * 100:.1f} %")


def load(seed):
    meta = json.load(open(f"{D}/base-s{seed}.json"))
    k = len(meta["labels"])
    buf = np.fromfile(f"{D}/base-s{seed}.f32", dtype=np.float32).reshape(-1, k + 1).astype(np.float64)
    import os
    vf = f"{D}/oovmap-s{seed}{'-p' + str(args.prune) if args.prune else ''}.f32"
    if not os.path.exists(vf):
        print(f"   (no {vf}: idea C rows use the full-vocabulary mapping)")
        vf = f"{D}/oovmap-s{seed}.f32"
    vb = np.fromfile(vf, dtype=np.float32).reshape(len(meta["variants"]), -1, k + 1).astype(np.float64)
    return meta, buf[:, :k], buf[:, k], vb


def rule(z, u, oos):
    zin = z.copy()
    zin[:, oos] = -np.inf
    pred = np.argmax(zin, axis=1)
    srt = np.sort(zin, axis=1)
    best, second = srt[:, -1], srt[:, -2]
    return best - z[:, oos] - 10 * u + (best - second), pred


# ---------------- GloVe signals per seed (dict name -> full-length array, higher = more in scope)
SENT = {}


def sent(weighting):
    if weighting not in SENT:
        SENT[weighting] = pool(weighting)
    return SENT[weighting]


def softmax_train(X, y, k, lam=1e-4, steps=400, lr=0.05, hidden=0, seed=1):
    """Full-batch Adam on cross-entropy + lam*|W|^2; optional one ReLU hidden layer."""
    rng = np.random.default_rng(seed)
    n, d = X.shape
    params = []
    if hidden:
        params += [rng.normal(0, np.sqrt(2 / d), (d, hidden)), np.zeros(hidden)]
        params += [rng.normal(0, np.sqrt(1 / hidden), (hidden, k)), np.zeros(k)]
    else:
        params += [np.zeros((d, k)), np.zeros(k)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    Y = np.eye(k)[y]
    for t in range(1, steps + 1):
        if hidden:
            h_pre = X @ params[0] + params[1]
            h = np.maximum(h_pre, 0)
            z = h @ params[2] + params[3]
        else:
            z = X @ params[0] + params[1]
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        dz = (p - Y) / n
        if hidden:
            g2 = h.T @ dz + 2 * lam * params[2]
            b2 = dz.sum(0)
            dh = dz @ params[2].T * (h_pre > 0)
            grads = [X.T @ dh + 2 * lam * params[0], dh.sum(0), g2, b2]
        else:
            grads = [X.T @ dz + 2 * lam * params[0], dz.sum(0)]
        for i, g in enumerate(grads):
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g * g
            params[i] -= lr * (m[i] / (1 - 0.9 ** t)) / (np.sqrt(v[i] / (1 - 0.999 ** t)) + 1e-8)

    def f(Xq):
        if hidden:
            return np.maximum(Xq @ params[0] + params[1], 0) @ params[2] + params[3]
        return Xq @ params[0] + params[1]

    return f


def signals(meta, z, u, vb, pred):
    labels = np.array(meta["labels"])
    oos = meta["oosIndex"]
    k = len(labels)
    y = np.array([list(labels).index(g) for g in gold[TR]])
    ins = y != oos
    out = {}
    extra_logits = {}
    mats = {}
    for wt in args.weightings.split(","):
        S = sent(wt)
        Str = S[TR][ins]
        ytr = y[TR][ins]
        ev = np.r_[VA.start:TE.stop]
        sims = S[ev] @ Str.T  # (valid+test) x in-scope train
        full = lambda a: np.concatenate([np.zeros(TR.stop), a])  # noqa: E731 (train rows unused)
        out[f"A {wt}: max cos"] = full(sims.max(axis=1))
        part = np.partition(sims, -10, axis=1)[:, -10:]
        out[f"A {wt}: top-10 mean cos"] = full(part.mean(axis=1))
        simo = S[ev] @ S[TR][~ins].T
        out[f"A {wt}: max cos in - max cos oos-train"] = full(sims.max(axis=1) - simo.max(axis=1))
        cen = np.stack([Str[ytr == c].mean(axis=0) if c != oos else np.zeros(100) for c in range(k)])
        cen /= np.maximum(np.linalg.norm(cen, axis=1, keepdims=True), 1e-12)
        cs = S @ cen.T
        cs[:, oos] = -np.inf
        out[f"A {wt}: cos to predicted intent's centroid"] = cs[np.arange(len(S)), pred]
        out[f"A {wt}: max centroid cos"] = cs.max(axis=1)
        # Mahalanobis, shared covariance (shrink 0.1) around intent means
        mu = np.stack([Str[ytr == c].mean(axis=0) if c != oos else np.zeros(100) for c in range(k)])
        r = Str - mu[ytr]
        cov = r.T @ r / len(r)
        cov = 0.9 * cov + 0.1 * np.trace(cov) / 100 * np.eye(100)
        P = np.linalg.inv(cov)
        SP = S @ P
        dist = np.einsum("ij,ij->i", SP, S)[:, None] - 2 * SP @ mu.T + np.einsum("ij,jk,ik->i", mu, P, mu)[None, :]
        dist[:, oos] = np.inf
        mats[f"{wt} maha"] = -np.sqrt(np.maximum(dist, 0))
        mats[f"{wt} cen"] = cs
        out[f"A {wt}: -mahalanobis to predicted intent"] = -np.sqrt(np.maximum(dist[np.arange(len(S)), pred], 0))
        out[f"A {wt}: -min mahalanobis"] = -np.sqrt(np.maximum(dist.min(axis=1), 0))
        # B: dense softmax (151 classes incl. oos) on standardised sentence vectors
        if True:
            mean, std = S[TR].mean(0), S[TR].std(0) + 1e-6
            X = (S - mean) / std
            for hidden in (0, 256):
                if hidden and args.no_mlp:
                    continue
                tag = f"B {wt} {'linear' if not hidden else 'mlp256'}"
                t0 = time.time()
                key = f"{wt}-{hidden}-s{meta['seed'] if hidden else 0}{'-p' + str(args.prune) if args.prune else ''}{'-q' if args.int8 else ''}"
                try:
                    zd = np.load(f"{D}/dense-{key}.npy")
                except FileNotFoundError:
                    f = softmax_train(X[TR], y[TR], k, hidden=hidden, seed=meta["seed"], steps=400 if not hidden else 300, lr=0.05 if not hidden else 0.01)
                    zd = f(X)
                    np.save(f"{D}/dense-{key}.npy", zd)
                zin = zd.copy()
                zin[:, oos] = -np.inf
                srt = np.sort(zin, axis=1)
                pd = np.argmax(zin, axis=1)
                out[f"{tag}: dense gap+margin"] = srt[:, -1] - zd[:, oos] + srt[:, -1] - srt[:, -2]
                ez = np.exp(zd - zd.max(1, keepdims=True))
                ez /= ez.sum(1, keepdims=True)
                out[f"{tag}: dense 1-P(oos)"] = 1 - ez[:, oos]
                out[f"{tag}: dense max P(intent)"] = np.max(np.where(np.arange(k) == oos, 0, ez), axis=1)
                out[f"{tag}: dense P(our predicted intent)"] = ez[np.arange(len(ez)), pred]
                extra_logits[tag] = zd
                topd = np.mean(labels[pd[TE]][gold[TE] != "oos"] == gold[TE][gold[TE] != "oos"])
                print(f"   seed {meta['seed']} {tag}: trained {time.time() - t0:.1f} s, dense-only top-1 test in-scope {topd * 100:.2f}", flush=True)
    return out, extra_logits, mats


def metrics(score, pred, labels, c_rows=None):
    okv = labels[pred[VA]] == gold[VA]
    oov = gold[VA] == "oos"
    okt = labels[pred[TE]] == gold[TE]
    oot = gold[TE] == "oos"
    t = A2.choose(score[VA], okv, oov)
    a, r = A2.evaluate(score[TE], okt, oot, t)
    vauc = np.mean([A2.at_recall(score[VA], okv, oov, r) for r in np.arange(0.80, 0.985, 0.02)])
    out = dict(in90=A2.at_recall(score[TE], okt, oot), vin90=A2.at_recall(score[VA], okv, oov), vauc=vauc, tin=a, trec=r, top1=np.mean(okt[~oot]))
    if args.boot:
        out["_te"] = (score[TE].copy(), okt)
    return out


results = {}  # name -> c -> list of per-seed metrics


def add(name, c, m):
    results.setdefault(name, {}).setdefault(c, []).append(m)


for seed in SEEDS:
    meta, z, u, vb = load(seed)
    labels = np.array(meta["labels"])
    oos = meta["oosIndex"]
    base, pred = rule(z, u, oos)
    add("now: gap - 10u + margin", 0, metrics(base, pred, labels))
    sd_base = base[VA].std()
    sig, extra, mats = signals(meta, z, u, vb, pred)
    for name, g in sig.items():
        if not any(o in name for o in args.only.split('|')):
            continue
        sg = g[VA].std() + 1e-12
        for c in CS:
            add(name, c, metrics(base + c * sd_base / sg * g, pred, labels))
        add(name, "alone", metrics(g, pred, labels))
    # B ensembles: our logits + alpha * dense logits, then the product's rule (u of our model)
    for tag, zd in extra.items():
        name = f"{tag}: logit ensemble z + a*zdense (a=c)"
        if not any(o in name for o in args.only.split('|')):
            continue
        for c in CS:
            ze = z + c * zd
            s, pe = rule(ze, u, oos)
            add(name, c, metrics(s, pe, labels))
    # E: logit ensemble (a) + a GloVe signal at the ensemble's predicted intent (c)
    for tag in args.combo_dense.split(","):
        if tag not in extra:
            continue
        for mname in args.combo_sig.split(","):
            name = f"E {tag} ensemble (a) + {mname} at predicted (c)"
            if not any(o in name for o in args.only.split('|')):
                continue
            for a in (0.2, 0.3, 0.4, 0.5, 0.75):
                s0, pe = rule(z + a * extra[tag], u, oos)
                g = mats[mname][np.arange(len(pe)), pe]
                sg = g[VA].std() + 1e-12
                sd0 = s0[VA].std()
                for c in CS:
                    add(name, (a, c), metrics(s0 + c * sd0 / sg * g, pe, labels))
    # C+E: OOV mapping (append, tau 0.6, mapped u) + logit ensemble (a) + signal at predicted (c)
    kC = meta["variants"].index("append0.6")
    ev = np.r_[VA.start:TE.stop]
    zC, uC = z.copy(), u.copy()
    zC[ev], uC[ev] = vb[kC][:, :-1], vb[kC][:, -1]
    for tag in args.combo_dense.split(","):
        if tag not in extra:
            continue
        for mname in args.combo_sig.split(","):
            name = f"C+E append0.6 + {tag} ensemble (a) + {mname} (c)"
            if not any(o in name for o in args.only.split('|')):
                continue
            for a in (0, 0.2, 0.3, 0.5):
                s0, pe = rule(zC + a * extra[tag], uC, oos)
                g = mats[mname][np.arange(len(pe)), pe]
                sg = g[VA].std() + 1e-12
                sd0 = s0[VA].std()
                for c in CS:
                    add(name, (a, c), metrics(s0 + c * sd0 / sg * g, pe, labels))
    # C: OOV mapping (valid+test rows re-scored; train rows unused)
    for k, vname in enumerate(meta["variants"]):
        zz = z.copy()
        uu = u.copy()
        ev = np.r_[VA.start:TE.stop]
        zz[ev] = vb[k][:, :-1]
        uu[ev] = vb[k][:, -1]
        for uname, uuse in (("mapped u", uu), ("original u", u)):
            name = f"C OOV->nearest train word, {vname}, {uname}"
            if not any(o in name for o in args.only.split('|')):
                continue
            s, pe = rule(zz, uuse, oos)
            add(name, 0, metrics(s, pe, labels))
    print(f"seed {seed} done", flush=True)

def boot(ms, base_ms):
    rng = np.random.default_rng(0)
    oot = gold[TE] == "oos"
    io, ii = np.nonzero(oot)[0], np.nonzero(~oot)[0]
    diffs = []
    for _ in range(args.boot):
        idx = np.concatenate([rng.choice(io, len(io)), rng.choice(ii, len(ii))])
        d = 0
        for m, b in zip(ms, base_ms):
            (s1, ok1), (s0, ok0) = m["_te"], b["_te"]
            d += A2.at_recall(s1[idx], ok1[idx], oot[idx]) - A2.at_recall(s0[idx], ok0[idx], oot[idx])
        diffs.append(d / len(ms) * 100)
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return f"{np.mean(diffs):+.2f} [{lo:+.2f}, {hi:+.2f}], P(<=0) {np.mean(np.array(diffs) <= 0):.3f}"


# ---------------- report
print(f"\n{'score':62s} {'c(valid)':>8s} {'in@90':>6s} {'v-thr in':>8s} {'/ rec':>6s} {'top-1':>6s} {'v in@90':>7s} {'v auc':>6s} | oracle c: in@90 | alone in@90 | per-seed in@90")
for name, byc in results.items():
    mean = {c: {k: np.mean([m[k] for m in ms]) * 100 for k in ms[0] if k[0] != "_"} for c, ms in byc.items() if len(ms) == len(SEEDS)}
    grid = [c for c in mean if c != "alone"]
    cv = max(grid, key=lambda c: (round(mean[c][args.crit], 6), -float(np.sum(c))))
    co = max(grid, key=lambda c: mean[c]["in90"])
    m = mean[cv]
    per = " ".join(f"{x['in90'] * 100:.2f}" for x in byc[cv])
    alone = f"{mean['alone']['in90']:.2f}" if "alone" in mean else "-"
    print(f"{name:62s} {cv!s:>8s} {m['in90']:6.2f} {m['tin']:8.2f} {m['trec']:6.2f} {m['top1']:6.2f} {m['vin90']:7.2f} {m['vauc']:6.2f} | {co!s:>5s}: {mean[co]['in90']:6.2f} | {alone:>6s} | {per}")
    print("      per seed valid-threshold test in / rec: " + "  ".join(f"{x['tin'] * 100:.2f}/{x['trec'] * 100:.2f}" for x in byc[cv]) + f"   top-1: " + " ".join(f"{x['top1'] * 100:.2f}" for x in byc[cv]))
    if args.boot and name != "now: gap - 10u + margin":
        print(f"      paired bootstrap (test rows, {args.boot} resamples, mean over seeds) in@90 change vs now: {boot(byc[cv], results['now: gap - 10u + margin'][0])}")
    if args.curve and len(grid) > 1 and not isinstance(grid[-1], tuple):
        print("      curve c: test in@90 / valid in@90 / valid auc: " + "  ".join(f"{c}: {mean[c]['in90']:.2f}/{mean[c]['vin90']:.2f}/{mean[c]['vauc']:.2f}" for c in grid))
