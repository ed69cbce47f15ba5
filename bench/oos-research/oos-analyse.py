"""Research only: reads /tmp/oos/NAME.{json,f32} (bench/oos-research/oos-experiment.ts) and scores
out-of-scope rules. For each score: threshold chosen on valid by the balanced rule
(max (in-scope acc + oos recall)/2, ties to the lowest), applied to test; plus, for
reference, test in-scope accuracy at 90 % test oos recall (oracle threshold).

    python3 bench/oos-research/oos-analyse.py NAME [NAME2 ...]
"""
import json
import sys

import numpy as np


def load(name):
    if "+" in name:
        parts = [load(n) for n in name.split("+")]
        meta, logits, extra, labels, gold, oos, nv = parts[0]
        logits = sum(p[1] for p in parts) / len(parts)
        return meta, logits, extra, labels, gold, oos, nv
    meta = json.load(open(f"/tmp/oos/{name}.json"))
    k = len(meta["labels"])
    e = len(meta["extra"])
    buf = np.fromfile(f"/tmp/oos/{name}.f32", dtype=np.float32).reshape(-1, k + e).astype(np.float64)
    logits = buf[:, :k]
    extra = {n: buf[:, k + i] for i, n in enumerate(meta["extra"])}
    labels = np.array(meta["labels"])
    gold = np.array(meta["gold"])
    oos = meta["oosIndex"]
    nv = meta["counts"][0]
    return meta, logits, extra, labels, gold, oos, nv


def evaluate(score, pred_ok, is_oos, t):
    accept = score >= t
    ins = ~is_oos
    acc = np.mean(accept[ins] & pred_ok[ins])
    rec = np.mean(~accept[is_oos])
    return acc, rec


def choose(score, pred_ok, is_oos):
    """Balanced rule, ties to the lowest threshold; vectorised."""
    order = np.argsort(score, kind="stable")
    s = score[order]
    ok = (pred_ok & ~is_oos)[order]
    oo = is_oos[order]
    n_in = np.sum(~is_oos)
    n_oos = np.sum(is_oos)
    # threshold at s[i]: reject everything before i
    ok_before = np.concatenate([[0], np.cumsum(ok)])
    oos_before = np.concatenate([[0], np.cumsum(oo)])
    acc = (np.sum(ok) - ok_before) / n_in
    rec = oos_before / n_oos
    bal = (acc + rec) / 2
    # candidate thresholds: -inf (i=0) and distinct s values (first occurrence)
    first = np.concatenate([[True], s[1:] != s[:-1]])
    cand = np.concatenate([[0], np.nonzero(first)[0]])
    best = cand[np.argmax(bal[cand])]
    return -np.inf if best == 0 else s[best]


def at_recall(score, pred_ok, is_oos, r=0.9):
    o = np.sort(score[is_oos])
    t = o[int(np.ceil(r * len(o))) - 1]
    t = np.nextafter(t, np.inf)
    return evaluate(score, pred_ok, is_oos, t)[0]


def report(title, score, pred, gold, labels, nv, results):
    pred_ok = labels[pred] == gold
    is_oos = gold == "oos"
    v = slice(0, nv)
    te = slice(nv, None)
    t = choose(score[v], pred_ok[v], is_oos[v])
    va, vr = evaluate(score[v], pred_ok[v], is_oos[v], t)
    a, r = evaluate(score[te], pred_ok[te], is_oos[te], t)
    o90 = at_recall(score[te], pred_ok[te], is_oos[te])
    v90 = at_recall(score[v], pred_ok[v], is_oos[v])
    results.append((title, a, r, (a + r) / 2, o90, va, vr, v90))


def sig(x):
    return 1 / (1 + np.exp(-x))


def lse(x, axis=1):
    m = x.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def scores_for(name):
    meta, z, ex, labels, gold, oos, nv = load(name)
    zin = z.copy()
    zin[:, oos] = -np.inf
    pred = np.argmax(zin, axis=1)
    n = len(z)
    best = zin[np.arange(n), pred]
    zs = np.sort(zin, axis=1)
    second = zs[:, -2]
    zo = z[:, oos]
    u = ex["unseen"]
    gap = best - zo
    p = np.exp(zin - lse(zin)[:, None])
    msp = p.max(axis=1)
    energy = lse(zin)
    margin = best - second
    pall = np.exp(z - lse(z)[:, None])
    out = {}
    out["current gap-10u"] = gap - 10 * u
    out["gap"] = gap
    out["msp (intents)"] = msp
    out["msp all (oos class)"] = pall[np.arange(n), pred]
    out["energy"] = energy
    out["energy - zoos"] = energy - zo
    out["margin"] = margin
    out["knnAll"] = ex["knnAll"]
    out["knnPred"] = ex["knnPred"]
    out["knn5Pred"] = ex["knn5Pred"]
    out["knnPred - knnOos"] = ex["knnPred"] - ex["knnOos"]
    out["-unseen"] = -u
    for a in (5, 10, 20):
        out[f"gap-10u+{a}knnPred"] = gap - 10 * u + a * ex["knnPred"]
        out[f"gap-10u+{a}knn5Pred"] = gap - 10 * u + a * ex["knn5Pred"]
    for b in (1, 2, 4):
        out[f"gap-10u+{b}log knnPred"] = gap - 10 * u + b * np.log(np.maximum(ex["knnPred"], 1e-3)) * 5
    out["gap-10u + margin"] = gap - 10 * u + margin
    out["gap-10u + 0.5 margin"] = gap - 10 * u + 0.5 * margin
    out["gap-10u + log msp"] = gap - 10 * u + np.log(msp)
    out["gap-10u + 5(knnPred - knnOos)"] = gap - 10 * u + 5 * (ex["knnPred"] - ex["knnOos"])
    cs = meta.get("classStats")
    if cs:
        single = np.array([c["singleton"] for c in cs])[pred]
        singleW = np.array([c["singletonWord"] for c in cs])[pred]
        gm = np.array([c["gapMean"] for c in cs])[pred]
        gsd = np.array([c["gapStd"] for c in cs])[pred]
        uw, uc, uwc = ex["unseenWord"], ex["unseenChar"], ex["unseenWordCount"]
        out["singleton(pred)"] = single
        out["gap-10*max(0,u-single)"] = gap - 10 * np.maximum(0, u - single)
        out["gap-10*(u-single)"] = gap - 10 * (u - single)
        out["gap-10*u/(single+.1)*.1"] = gap - u / (single + 0.1)
        out["gap - gapMean(pred)"] = gap - gm
        out["(gap - gapMean)/gapStd"] = (gap - gm) / gsd
        out["gap-10u - gapMean"] = gap - 10 * u - gm
        out["gap-10u - 0.5gapMean"] = gap - 10 * u - 0.5 * gm
        out["gap - 10 uw"] = gap - 10 * uw
        out["gap - 10 uc"] = gap - 10 * uc
        out["gap - 10 uwc"] = gap - 10 * uwc
        out["gap - 5uw - 5uc"] = gap - 5 * uw - 5 * uc
        out["gap-10u-5uwc"] = gap - 10 * u - 5 * uwc
        out["gap-10u+margin-10(u-single)"] = gap + margin - 10 * (u - single)
        out["gap-10u+margin - 0.5gapMean"] = gap - 10 * u + margin - 0.5 * gm
    if "covWord" in ex:
        cw, cc, pw, pc, nw, cm, cw2 = (ex[k] for k in ("covWord", "covChar", "posWord", "posChar", "negWord", "contribMax", "covWord2"))
        out["covWord"] = cw
        out["covWord*(1-u)"] = cw * (1 - u)
        out["posWord"] = pw
        for a in (2, 5, 10):
            out[f"gap-10u+{a}covWord"] = gap - 10 * u + a * cw
            out[f"gap-10u+{a}posWord"] = gap - 10 * u + a * pw
            out[f"gap-10u+{a}covChar"] = gap - 10 * u + a * cc
            out[f"gap-10u+{a}covWord2"] = gap - 10 * u + a * cw2
            out[f"gap-10u+margin+{a}covWord"] = gap - 10 * u + margin + a * cw
            out[f"gap-10u-{a}contribMax"] = gap - 10 * u - a * cm
        out["gap-10u+margin+5covWord+5covChar"] = gap - 10 * u + margin + 5 * cw + 5 * cc
        out["gap-10u+5log covWord"] = gap - 10 * u + 5 * np.log(cw + 0.05)
    return out, pred, gold, labels, nv, meta


def main():
    for name in sys.argv[1:]:
        out, pred, gold, labels, nv, meta = scores_for(name)
        print(f"== {name} (train {meta['trainSeconds']:.1f} s); top-1 in-scope test acc {np.mean((labels[pred] == gold)[nv:][gold[nv:] != 'oos']) * 100:.2f}")
        results = []
        for title, s in out.items():
            report(title, s, pred, gold, labels, nv, results)
        print(f"{'score':38s} {'test in':>8s} {'test oos':>8s} {'bal':>6s} {'in@90 test':>10s} | {'valid in':>8s} {'oos':>6s} {'in@90 valid':>11s}")
        for t, a, r, b, o90, va, vr, v90 in results:
            print(f"{t:38s} {a*100:8.2f} {r*100:8.2f} {b*100:6.2f} {o90*100:10.2f} | {va*100:8.2f} {vr*100:6.1f} {v90*100:11.2f}")


if __name__ == "__main__":
    main()
