#!/usr/bin/env bash
# Language gate: segmentation (MSR, PKU) and NER (MSRA) scores of the committed models on the official
# test sets, each against a floor pinned a little under the measured score (see models/MODELS.md).
# Usage: .ci/eval.d/language.sh DATA_DIR   (about 30 s)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="$1"
cli=(dotnet run --no-build -c Release --project src/NewsLens.Cli --)

echo "-- segmentation, MSR (model cws-msr.bin)"
"${cli[@]}" eval cws --model cws-msr.bin --gold "$data/cws/msr_test_gold.utf8" --input "$data/cws/msr_test.utf8" \
  --words "$data/cws/msr_training_words.utf8" --min-f1 0.968
echo "-- segmentation, PKU (model cws-pku.bin)"
"${cli[@]}" eval cws --model cws-pku.bin --gold "$data/cws/pku_test_gold.utf8" --input "$data/cws/pku_test.utf8" \
  --words "$data/cws/pku_training_words.utf8" --min-f1 0.953
echo "-- entities, MSRA (model ner-msra.bin)"
"${cli[@]}" eval ner --model ner-msra.bin --gold "$data/ner/msra/test_word_tag.utf8" --min-f1 0.895  # measured 0.8998 (context ±5)
