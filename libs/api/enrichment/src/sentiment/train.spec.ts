import { DEFAULT_FEATURES } from './features';
import { LinearModel, type LinearModelJson } from './linear-model';
import { Pipeline, encodeRow } from './pipeline';
import { mulberry32, trainLinearModel, type TrainConfig } from './train';

const CLASSES = ['neutral', 'negative', 'positive'];

/** a small synthetic corpus: sentences drawn from word lists with a seeded generator */
function corpus(seed: number, size: number): { texts: string[]; labels: number[] } {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const subjects = [
    'the app',
    'my order',
    'the new update',
    'customer service',
    'this phone',
    'the delivery',
  ];
  const words = [
    ['arrives on tuesday', 'is listed on the site', 'ships from the warehouse', 'has a new colour'],
    ['is broken', 'never arrived', 'crashes all the time', 'was a disaster', 'keeps failing'],
    ['is brilliant', 'works perfectly', 'made my day', 'is wonderful', 'exceeded my hopes'],
  ];
  const texts: string[] = [];
  const labels: number[] = [];
  for (let i = 0; i < size; i++) {
    const label = Math.floor(random() * 3);
    texts.push(`${pick(subjects)} ${pick(words[label])}`);
    labels.push(label);
  }
  return { texts, labels };
}

const CONFIG: TrainConfig = {
  name: 'test',
  classes: CLASSES,
  bits: 12,
  shared: false,
  languages: ['en'],
  features: { ...DEFAULT_FEATURES },
  optimizer: 'adagrad',
  epochs: 4,
  averageEpochs: 2,
  learningRate: 0.1,
  l2: 1e-4,
  seed: 42,
  classWeightPower: 1,
  precision: 8,
};

function train(config: TrainConfig, data = corpus(1, 300)): LinearModel {
  const pipeline = new Pipeline();
  const rows = data.texts.map((t) => encodeRow(t, 'en', config.features, pipeline));
  return trainLinearModel(rows, data.labels, config);
}

function predict(model: LinearModel, text: string): Float64Array {
  const pipeline = new Pipeline();
  pipeline.read(text, null);
  pipeline.score('en', model.features);
  return Float64Array.from(model.score(pipeline.features, 'en', [-1, 1], pipeline.tokens.n).probabilities);
}

describe('training a linear model', () => {
  it.each([
    ['adagrad', 8],
    ['adagrad', 16],
    ['sgd', 8],
  ] as const)(
    'is deterministic (%s, %d-bit): same seed, same data → identical weights',
    (optimizer, precision) => {
      const config: TrainConfig = { ...CONFIG, optimizer, precision };
      const a = train(config);
      const b = train(config);
      expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
      expect(JSON.stringify(a.toJSON())).toBe(JSON.stringify(b.toJSON()));
      expect(a.weights.some((w) => w !== 0)).toBe(true);
    },
  );

  it('depends on the seed and on the data', () => {
    const base = JSON.stringify(train(CONFIG).toJSON().weights);
    expect(JSON.stringify(train({ ...CONFIG, seed: 43 }).toJSON().weights)).not.toBe(base);
    expect(JSON.stringify(train(CONFIG, corpus(2, 300)).toJSON().weights)).not.toBe(base);
  });

  it('learns the training data and generalises to new sentences of the same kind', () => {
    const model = train(CONFIG);
    const test = corpus(99, 60);
    let correct = 0;
    test.texts.forEach((t, i) => {
      const p = predict(model, t);
      const k = p.indexOf(Math.max(...p));
      if (k === test.labels[i]) correct++;
    });
    expect(correct / test.texts.length).toBeGreaterThan(0.9);
  });

  it.each([8, 16] as const)('round-trips through its serialized form (%d-bit)', (precision) => {
    const model = train({ ...CONFIG, precision });
    const json = JSON.parse(JSON.stringify(model.toJSON())) as LinearModelJson;
    const copy = LinearModel.fromJSON(json);
    expect(JSON.stringify(copy.toJSON())).toBe(JSON.stringify(model.toJSON()));
    for (const text of [
      'the app is brilliant',
      'my order never arrived',
      'the delivery arrives on tuesday',
      'something else entirely',
    ]) {
      expect(predict(copy, text)).toEqual(predict(model, text));
    }
  });

  it('refuses a corrupt or foreign model file', () => {
    const json = train(CONFIG).toJSON();
    expect(() => LinearModel.fromJSON({ ...json, weights: json.weights.slice(0, 100) })).toThrow(
      /weight bytes/,
    );
    expect(() => LinearModel.fromJSON({ ...json, format: 'other' } as unknown as LinearModelJson)).toThrow(
      /format/,
    );
  });
});
