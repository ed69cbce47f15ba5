"""Research only (oos-research-2): reads /tmp/oos2/NAME.{json,f32} (bench/oos-research/oos-experiment2.ts)
and scores out-of-scope rules: threshold chosen on valid by the balanced rule, applied to
test; in@90 = test in-scope accuracy at 90 % test oos recall (oracle, curve quality).
Several NAMEs joined by commas are averaged (e.g. seeds 1-3).

    python3 bench/oos-research/oos-analyse2.py NAME[,NAME2,...] [FILTER]
"""
import json
import sys

import numpy as np

sys.path.insert(0, __file__.rsplit("/", 1)[0])


def load(name):
    meta = json.load(open(f"/tmp/oos2/{name}.json"))
    k = len(meta["labels"])
    e = len(meta["extra"])
    kb = k if meta.get("blocks") else 0
    buf = np.fromfile(f"/tmp/oos2/{name}.f32", dtype=np.float32).reshape(-1, k + e + kb).astype(np.float64)
    gold = np.array(meta["gold"])
    parts = {}
    at = 0
    for s in meta["splits"]:
        sl = slice(at, at + s["count"])
        at += s["count"]
        parts[s["split"]] = dict(z=buf[sl, :k], ex={n: buf[sl, k + i] for i, n in enumerate(meta["extra"])}, gold=gold[sl], zw=buf[sl, k + e:] if kb else None)
    return meta, parts


def evaluate(score, pred_ok, is_oos, t):
    accept = score >= t
    return np.mean(accept[~is_oos] & pred_ok[~is_oos]), np.mean(~accept[is_oos])


def choose(score, pred_ok, is_oos):
    order = np.argsort(score, kind="stable")
    s = score[order]
    ok = (pred_ok & ~is_oos)[order]
    oo = is_oos[order]
    ok_before = np.concatenate([[0], np.cumsum(ok)])
    oos_before = np.concatenate([[0], np.cumsum(oo)])
    acc = (np.sum(ok) - ok_before) / np.sum(~is_oos)
    rec = oos_before / np.sum(is_oos)
    bal = (acc + rec) / 2
    first = np.concatenate([[True], s[1:] != s[:-1]])
    cand = np.concatenate([[0], np.nonzero(first)[0]])
    best = cand[np.argmax(bal[cand])]
    return -np.inf if best == 0 else s[best]


def at_recall(score, pred_ok, is_oos, r=0.9):
    o = np.sort(score[is_oos])
    t = np.nextafter(o[int(np.ceil(r * len(o))) - 1], np.inf)
    return evaluate(score, pred_ok, is_oos, t)[0]


def lse(x):
    m = x.max(axis=1, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=1, keepdims=True)))[:, 0]


OOS_GROUP = None
OOS_POOL = "lse"


def basics(p, oos):
    z = p["z"].copy()
    if OOS_GROUP is not None and len(OOS_GROUP) > 1:
        zg = z[:, OOS_GROUP]
        z[:, oos] = lse(zg) if OOS_POOL == "lse" else zg.max(axis=1)
        z[:, [g for g in OOS_GROUP if g != oos]] = -np.inf
    zin = z.copy()
    zin[:, oos] = -np.inf
    pred = np.argmax(zin, axis=1)
    n = len(z)
    best = zin[np.arange(n), pred]
    second = np.sort(zin, axis=1)[:, -2]
    return zin, pred, best, second, z[:, oos]


class Maha:
    """Class means of (in-scope) train logits, shared covariance with shrinkage."""

    def __init__(self, z, y, k, shrink=0.1, diag=False):
        self.means = np.stack([z[y == c].mean(axis=0) if np.any(y == c) else np.zeros(z.shape[1]) for c in range(k)])
        r = z - self.means[y]
        cov = r.T @ r / len(z)
        if diag:
            cov = np.diag(np.diag(cov))
        cov = (1 - shrink) * cov + shrink * np.trace(cov) / len(cov) * np.eye(len(cov))
        self.prec = np.linalg.inv(cov)

    def dist(self, z, cls=None):
        # squared distance to every class mean (or to the given class)
        if cls is not None:
            d = z - self.means[cls]
            return np.einsum("ij,jk,ik->i", d, self.prec, d)
        zp = z @ self.prec
        a = np.einsum("ij,ij->i", zp, z)
        b = zp @ self.means.T
        c = np.einsum("ij,jk,ik->i", self.means, self.prec, self.means)
        return a[:, None] - 2 * b + c[None, :]


def scores(name):
    meta, parts = load(name)
    labels = np.array(meta["labels"])
    oos = meta["oosIndex"]
    k = len(labels)
    p = 0.5  # dropout
    drop = p / (1 - p)
    out = {}
    tr = parts["train"]
    if len(parts["held"]["gold"]) > 0:
        h = parts["held"]
        m = h["gold"] != "oos"
        tr = dict(z=h["z"][m], ex={n: v[m] for n, v in h["ex"].items()}, gold=h["gold"][m])
    ytr = np.array([list(labels).index(g) for g in tr["gold"]])
    global OOS_GROUP
    OOS_GROUP = [c for c in range(k) if labels[c].startswith("oos")]
    intents = [c for c in range(k) if c not in OOS_GROUP]
    # Mahalanobis on the intent logits (oos column dropped)
    keep = np.array(intents)
    mz = {}
    for shrink in (0.1, 0.5):
        mz[shrink] = Maha(tr["z"][:, keep], ytr, k, shrink=shrink)
    res = {}
    for split in ("valid", "test", "train"):
        q = parts[split]
        zin, pred, best, second, zo = basics(q, oos)
        ex = q["ex"]
        u = ex["unseen"]
        gap = best - zo
        margin = best - second
        base = gap - 10 * u + margin
        s = {}
        s["base: gap-10u+margin"] = base
        s["gap-10u"] = gap - 10 * u
        for a in (0.25, 0.5, 2):
            s[f"gap-10u+{a}margin"] = gap - 10 * u + a * margin
        for b in (5, 15):
            s[f"gap-{b}u+margin"] = gap - b * u + margin
        sd = np.sqrt(drop * ex["varBO"]) + 1e-6
        sds = np.sqrt(drop * ex["varBS"]) + 1e-6
        for a in (0.5, 1, 2):
            s[f"base - {a} sd(b-o)"] = base - a * sd
            s[f"base - {a} sd(b-s)"] = base - a * sds
        s["(gap+margin)/sd - 10u"] = (gap + margin) / sd - 10 * u
        s["gap/sd(b-o) + margin/sd(b-s) - 10u"] = gap / sd + margin / sds - 10 * u
        s["base - 2 maxcontrib"] = base - 2 * ex["covBO"]
        if np.any(ex["binary"] != 0):
            b = ex["binary"]
            s["binary"] = b
            s["binary - 10u"] = b - 10 * u
            for a in (0.5, 1, 2):
                s[f"base + {a} binary"] = base + a * b
        if q.get("zw") is not None:
            zw = q["zw"]
            zc = q["z"] - zw  # char part + bias
            n = len(zw)
            for nm, zz in (("word", zw), ("char", zc)):
                zi = zz.copy()
                zi[:, oos] = -np.inf
                pb = np.argmax(zi, axis=1)
                bb = zi[np.arange(n), pb]
                sb = np.sort(zi, axis=1)[:, -2]
                s[f"{nm} view: gap-10u+margin"] = bb - zz[:, oos] - 10 * u + bb - sb
                s[f"{nm}: lead of pred over own best"] = zz[np.arange(n), pred] - bb
            agree = (np.argmax(np.where(np.arange(k) == oos, -np.inf, zw), axis=1) == np.argmax(np.where(np.arange(k) == oos, -np.inf, zc), axis=1))
            s["views agree"] = agree.astype(float) + 1e-3 * base
            for a in (1, 2, 4):
                s[f"base - {a} (views disagree)"] = base - a * (~agree)
            # per-view lead of the joint prediction over the runner-up in that view (negative if the view prefers another intent)
            for a in (0.25, 0.5, 1):
                lw = zw[np.arange(n), pred] - np.max(np.where((np.arange(k) == oos) | (np.arange(k) == pred[:, None]), -np.inf, zw), axis=1)
                lc = zc[np.arange(n), pred] - np.max(np.where((np.arange(k) == oos) | (np.arange(k) == pred[:, None]), -np.inf, zc), axis=1)
                s[f"base + {a} min(view leads)"] = base + a * np.minimum(lw, lc)
                s[f"gap-10u + min(view leads)*{a*4}"] = gap - 10 * u + a * 4 * np.minimum(lw, lc)
                gw = zw[np.arange(n), pred] - zw[:, oos]
                gc = zc[np.arange(n), pred] - zc[:, oos]
                s[f"base + {a} min(view gaps)"] = base + a * np.minimum(gw, gc)
        en = lse(zin[:, keep])
        s["energy - zoos - 10u + margin"] = en - zo - 10 * u + margin
        for T in (0.5, 2):
            s[f"T{T} energy - zoos - 10u"] = T * lse(zin[:, keep] / T) - zo - 10 * u
        for shrink, m in mz.items():
            d = m.dist(q["z"][:, keep])
            dmin = d.min(axis=1)
            dpred = d[np.arange(len(d)), pred]
            s[f"-maha min (s{shrink})"] = -dmin
            s[f"-maha pred (s{shrink})"] = -dpred
            for a in (0.01, 0.03, 0.1):
                s[f"base - {a} maha pred (s{shrink})"] = base - a * dpred
                s[f"base - {a} sqrt maha pred (s{shrink})"] = base - a * 10 * np.sqrt(dpred)
        res[split] = (s, pred)
    return meta, parts, labels, res


def main():
    names = sys.argv[1].split(",")
    filt = sys.argv[2] if len(sys.argv) > 2 else ""
    table = {}
    for name in names:
        meta, parts, labels, res = scores(name)
        sv, pv = res["valid"]
        st, pt = res["test"]
        okv = labels[pv] == parts["valid"]["gold"]
        oov = parts["valid"]["gold"] == "oos"
        okt = labels[pt] == parts["test"]["gold"]
        oot = parts["test"]["gold"] == "oos"
        top1 = np.mean(okt[~oot])
        for title in sv:
            if filt not in title:
                continue
            t = choose(sv[title], okv, oov)
            a, r = evaluate(st[title], okt, oot, t)
            o90 = at_recall(st[title], okt, oot)
            v90 = at_recall(sv[title], okv, oov)
            table.setdefault(title, []).append((a, r, o90, v90, top1))
    print(f"== {','.join(names)}  top-1 test in-scope {np.mean([v[0][4] for v in table.values()][:1]) * 100:.2f}")
    print(f"{'score':44s} {'test in':>8s} {'oos rec':>8s} {'in@90':>7s} {'v in@90':>8s}  per seed in@90")
    for title, rows in table.items():
        m = np.mean(rows, axis=0) * 100
        per = " ".join(f"{r[2] * 100:.2f}" for r in rows)
        print(f"{title:44s} {m[0]:8.2f} {m[1]:8.2f} {m[2]:7.2f} {m[3]:8.2f}  {per}")


if __name__ == "__main__":
    main()
