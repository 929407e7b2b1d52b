/** Classification metrics for the evaluation: accuracy, per-class and macro F1. */

export interface Scores {
  accuracy: number;
  macroF1: number;
  /** F1 of each class, in the order of the class names given */
  f1: number[];
  n: number;
}

export function score(gold: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): Scores {
  const tp = new Float64Array(classes);
  const fp = new Float64Array(classes);
  const fn = new Float64Array(classes);
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i];
    const p = predicted[i];
    if (g === p) {
      correct++;
      tp[g]++;
    } else {
      fp[p]++;
      fn[g]++;
    }
  }
  const f1 = Array.from({ length: classes }, (_, k) =>
    tp[k] === 0 ? 0 : (2 * tp[k]) / (2 * tp[k] + fp[k] + fn[k]),
  );
  return {
    accuracy: gold.length > 0 ? correct / gold.length : 0,
    macroF1: f1.reduce((a, b) => a + b, 0) / classes,
    f1,
    n: gold.length,
  };
}
