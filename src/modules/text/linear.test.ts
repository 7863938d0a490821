import { describe, expect, it } from 'vitest';
import { packWeights, SparseRows, trainLinear, unpackWeights, dot } from './linear.js';

describe('packWeights / unpackWeights', () => {
  it('round-trips within the quantisation step and prunes the smallest weights', () => {
    const w = new Float32Array(5000);
    w[3] = 0.5; w[200] = -1.25; w[4999] = 2; w[1000] = 0.0001;
    const packed = packWeights(w, 5000, 1, 3);
    expect(packed.nnz).toBe(3);
    const back = unpackWeights(JSON.parse(JSON.stringify(packed)));
    expect(back[3]).toBeCloseTo(0.5, 3);
    expect(back[200]).toBeCloseTo(-1.25, 3);
    expect(back[4999]).toBeCloseTo(2, 3);
    expect(back[1000]).toBe(0);
  });

  it('keeps large weights at the end of the array when many weights tie at the cut', () => {
    const w = new Float32Array(1000);
    for (let i = 0; i < 900; i++) w[i] = 0.01; // rare n-grams often share one value
    w[990] = 3; w[995] = -2; // dense features sit last
    const packed = packWeights(w, 1000, 1, 10);
    expect(packed.nnz).toBe(10);
    const back = unpackWeights(packed);
    expect(back[990]).toBeCloseTo(3, 3);
    expect(back[995]).toBeCloseTo(-2, 3);
  });
});

describe('trainLinear', () => {
  it('learns a separable binary problem', () => {
    const rows = new SparseRows();
    for (let i = 0; i < 50; i++) {
      rows.add({ idx: Int32Array.of(0, 1), val: Float32Array.of(1, 1), n: 2 }, 1);
      rows.add({ idx: Int32Array.of(0, 2), val: Float32Array.of(1, 1), n: 2 }, 0);
    }
    const w = trainLinear(rows, 3, 1, { epochs: 5, lr: 0.5, l2: 0 });
    expect(dot(w, { idx: Int32Array.of(0, 1), val: Float32Array.of(1, 1), n: 2 })).toBeGreaterThan(1);
    expect(dot(w, { idx: Int32Array.of(0, 2), val: Float32Array.of(1, 1), n: 2 })).toBeLessThan(-1);
  });
});
