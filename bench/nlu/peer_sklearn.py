"""scikit-learn peer for `npm run bench:nlu` (run with Debian's /usr/bin/python3).

TF-IDF (word 1-2 grams + char_wb 2-5 grams, sublinear tf) -> LogisticRegression or
LinearSVC. Trains on --train, classifies every --test message one at a time (timed, like
production), scores --valid in one batch when given (for the out-of-scope threshold),
and prints one JSON object on stdout.
"""

import argparse
import json
import pickle
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.svm import LinearSVC

LR_C = 10.0
SVM_C = 1.0


def read_jsonl(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                texts.append(row["text"])
                labels.append(row["label"])
    return texts, labels


def build(model):
    features = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
    ])
    if model == "lr":
        classifier = LogisticRegression(C=LR_C, max_iter=3000)
    else:
        classifier = LinearSVC(C=SVM_C)
    return make_pipeline(features, classifier)


def scores_of(pipeline, model, texts):
    if model == "lr":
        return pipeline.predict_proba(texts)
    return pipeline.decision_function(texts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["lr", "svm"], required=True)
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--valid")
    args = parser.parse_args()

    train_texts, train_labels = read_jsonl(args.train)
    test_texts, _ = read_jsonl(args.test)

    pipeline = build(args.model)
    started = time.perf_counter()
    pipeline.fit(train_texts, train_labels)
    classifier = pipeline[-1]
    # Scoring computes X @ coef_.T; scipy wants that operand C-contiguous and copies the
    # whole matrix on every call otherwise (~5-20 ms per message). lbfgs leaves coef_ as a
    # strided view, so keep it Fortran-ordered (coef_.T C-contiguous), as a deployment
    # would. Counted as training time.
    classifier.coef_ = np.asfortranarray(classifier.coef_)
    train_seconds = time.perf_counter() - started
    classes = pipeline.classes_

    # Warm-up, then one message at a time.
    scores_of(pipeline, args.model, test_texts[:5])
    labels, top_scores, latencies = [], [], []
    wall_started = time.perf_counter()
    for text in test_texts:
        t0 = time.perf_counter()
        row = scores_of(pipeline, args.model, [text])[0]
        best = int(np.argmax(row))
        latencies.append((time.perf_counter() - t0) * 1000.0)
        labels.append(str(classes[best]))
        top_scores.append(float(row[best]))
    wall_ms = (time.perf_counter() - wall_started) * 1000.0

    result = {
        "train_seconds": train_seconds,
        "test": {"labels": labels, "scores": top_scores},
        "latencies_ms": latencies,
        "wall_ms": wall_ms,
        "settings": {
            "features": "FeatureUnion(TfidfVectorizer(word, 1-2, sublinear_tf), TfidfVectorizer(char_wb, 2-5, sublinear_tf))",
            "classifier": f"LogisticRegression(C={LR_C}, max_iter=3000, lbfgs)" if args.model == "lr" else f"LinearSVC(C={SVM_C})",
            "score": "max predict_proba" if args.model == "lr" else "max decision_function",
        },
        "extra": {"model_mb": len(pickle.dumps(pipeline, protocol=5)) / 2**20},
    }
    if args.valid:
        valid_texts, _ = read_jsonl(args.valid)
        matrix = scores_of(pipeline, args.model, valid_texts)
        best = np.argmax(matrix, axis=1)
        result["valid"] = {
            "labels": [str(classes[i]) for i in best],
            "scores": [float(matrix[i, j]) for i, j in enumerate(best)],
        }
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
