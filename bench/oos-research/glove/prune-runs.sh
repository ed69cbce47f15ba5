#!/bin/sh
# GloVe research (round 4, bench/oos-research/RESULTS-4.md): pruned / int8 vectors, the key variants only
# (run one at a time). Runs analyse.py with --prune 10000 / 20000 / 50000 and --int8; reads $GLOVE_DIR
# (default /tmp/centralino-glove), which needs the dumps of dump.ts, including
# `dump.ts --prune P` for P = 10000, 20000, 50000. See README.md in this folder.
#
#   sh bench/oos-research/glove/prune-runs.sh > /tmp/centralino-glove/run6-prune.txt
HERE=$(dirname "$0")
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
ONLY="A sif: cos to predicted|A sif: -mahalanobis to predicted|B plain linear: logit|append0.6, mapped u|C+E append0.6 + B plain linear ensemble (a) + sif cen"
for opt in "--prune 10000" "--prune 20000" "--prune 50000" "--int8" "--prune 20000 --int8" "--prune 50000 --int8"; do
  echo "=== $opt"
  python3 "$HERE/analyse.py" $opt --weightings plain,sif --no-mlp --combo-dense "B plain linear" --combo-sig "sif cen" --only "$ONLY" 2>&1 | grep -v "curve c\|^   seed\|done"
done
