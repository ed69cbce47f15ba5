"""Research only (oos-research-2): LSA (truncated SVD of the train TF-IDF) residual norm
(ViM-like) and Mahalanobis distance in LSA space as out-of-scope signals, alone and added to
the gap score. Needs a dump made with --dump-tfidf:  python3 bench/oos-research/oos-lsa.py NAME"""
import sys, json, numpy as np, scipy.sparse as sp
from scipy.sparse.linalg import svds
import importlib.util
spec=importlib.util.spec_from_file_location('a',__file__.rsplit('/', 1)[0] + '/oos-analyse2.py'); a=importlib.util.module_from_spec(spec); spec.loader.exec_module(a)
name=sys.argv[1]
meta,parts=a.load(name); labels=np.array(meta['labels']); oos=meta['oosIndex']
tj=json.load(open(f'/tmp/oos2/{name}.tfidf.json'))
indptr=np.fromfile(f'/tmp/oos2/{name}.indptr',dtype=np.int32); ind=np.fromfile(f'/tmp/oos2/{name}.indices',dtype=np.int32); dat=np.fromfile(f'/tmp/oos2/{name}.data',dtype=np.float32)
X=sp.csr_matrix((dat,ind,indptr),shape=(len(indptr)-1,tj['features'])).astype(np.float64)
off={};at=0
for s in meta['splits']: off[s['split']]=slice(at,at+s['count']); at+=s['count']
Xtr=X[off['train']]; ytr=np.array([list(labels).index(g) for g in parts['train']['gold']])
def prep(split):
    q=parts[split]; zin,pred,best,second,zo=a.basics(q,oos); u=q['ex']['unseen']
    return dict(base=best-zo-10*u+best-second, pred=pred, ok=labels[pred]==q['gold'], isoos=q['gold']=='oos', X=X[off[split]])
V=prep('valid'); T=prep('test')
res=[]
def rep(title, sv, st):
    t=a.choose(sv,V['ok'],V['isoos']); acc,rec=a.evaluate(st,T['ok'],T['isoos'],t)
    res.append((title,acc,rec,a.at_recall(st,T['ok'],T['isoos']),a.at_recall(sv,V['ok'],V['isoos'])))
rep('base',V['base'],T['base'])
for D in (100,300):
    U,S,Vt=svds(Xtr,k=D); P=Vt.T  # features x D
    def proj(M): return np.asarray(M@P)
    Ptr=proj(Xtr)
    nrm=lambda M: np.sqrt(np.asarray(M.multiply(M).sum(axis=1))[:,0])
    for split,Q in (('v',V),('t',T)):
        Z=proj(Q['X']); n=nrm(Q['X']); Q[f'res{D}']=np.sqrt(np.maximum(n**2-(Z**2).sum(1),0)); Q[f'Z{D}']=Z; Q[f'rel{D}']=Q[f'res{D}']/np.maximum(n,1e-9)
    # class means and shared cov in LSA space
    means=np.stack([Ptr[ytr==c].mean(0) if np.any(ytr==c) else np.zeros(D) for c in range(len(labels))])
    R=Ptr-means[ytr]; C=R.T@R/len(R); C=0.9*C+0.1*np.trace(C)/D*np.eye(D); Pr=np.linalg.inv(C)
    for Q in (V,T):
        Z=Q[f'Z{D}']; d=Z-means[Q['pred']]; Q[f'mp{D}']=np.einsum('ij,jk,ik->i',d,Pr,d)
        zp=Z@Pr; dd=np.einsum('ij,ij->i',zp,Z)[:,None]-2*zp@means.T+np.einsum('ij,jk,ik->i',means,Pr,means)[None,:]
        ins=[c for c in range(len(labels)) if c!=oos]; Q[f'mm{D}']=dd[:,ins].min(1)
        # cosine to nearest class mean in LSA space (normalised)
    rep(f'-residual D{D}',-V[f'res{D}'],-T[f'res{D}'])
    rep(f'-rel residual D{D}',-V[f'rel{D}'],-T[f'rel{D}'])
    rep(f'-maha pred D{D}',-V[f'mp{D}'],-T[f'mp{D}'])
    rep(f'-maha min D{D}',-V[f'mm{D}'],-T[f'mm{D}'])
    # standardised combination: z-score each signal on the in-scope TRAIN distribution is biased; use valid+test pooled moments? no: use train moments
    for w in (1,3,10):
        rep(f'base - {w} rel residual D{D}',V['base']-w*V[f'rel{D}'],T['base']-w*T[f'rel{D}'])
    for w in (0.01,0.03,0.1):
        rep(f'base - {w} maha pred D{D}',V['base']-w*V[f'mp{D}'],T['base']-w*T[f'mp{D}'])
        rep(f'base - {w*10} sqrt maha pred D{D}',V['base']-w*10*np.sqrt(V[f'mp{D}']),T['base']-w*10*np.sqrt(T[f'mp{D}']))
for r in res: print(f'{r[0]:40s} {r[1]*100:7.2f} {r[2]*100:7.2f} {r[3]*100:7.2f} {r[4]*100:7.2f}')
