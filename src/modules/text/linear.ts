import type { FeatureVector } from './features.js';

/**
 * Linear models over sparse features: scoring, training (AdaGrad SGD on the log loss,
 * binary or softmax) and a compact JSON packing (pruned, 16-bit quantised, base64).
 * Weights are laid out feature-major: w[f * classes + k].
 */

export function dot(w: Float32Array, x: FeatureVector): number {
  let s = 0;
  for (let k = 0; k < x.n; k++) s += w[x.idx[k]] * x.val[k];
  return s;
}

/** Class scores into `out` (length = classes). */
export function scores(w: Float32Array, classes: number, x: FeatureVector, out: Float64Array): Float64Array {
  out.fill(0);
  for (let k = 0; k < x.n; k++) {
    const base = x.idx[k] * classes;
    const v = x.val[k];
    for (let c = 0; c < classes; c++) out[c] += w[base + c] * v;
  }
  return out;
}

export function softmaxInPlace(z: Float64Array): Float64Array {
  let m = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c] > m) m = z[c];
  let sum = 0;
  for (let c = 0; c < z.length; c++) { z[c] = Math.exp(z[c] - m); sum += z[c]; }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** A training set of sparse rows stored flat (copied out of the reused featurizer buffer). */
export class SparseRows {
  idx: Int32Array = new Int32Array(1 << 16);
  val: Float32Array = new Float32Array(1 << 16);
  start: number[] = [0];
  labels: number[] = [];
  weights: number[] = [];

  get size(): number { return this.labels.length; }

  add(x: FeatureVector, label: number, weight = 1): void {
    const end = this.start[this.start.length - 1];
    if (end + x.n > this.idx.length) {
      const cap = Math.max(this.idx.length * 2, end + x.n);
      const i2 = new Int32Array(cap); i2.set(this.idx); this.idx = i2;
      const v2 = new Float32Array(cap); v2.set(this.val); this.val = v2;
    }
    this.idx.set(x.idx.subarray(0, x.n), end);
    this.val.set(x.val.subarray(0, x.n), end);
    this.start.push(end + x.n);
    this.labels.push(label);
    this.weights.push(weight);
  }

  row(r: number, into: FeatureVector): FeatureVector {
    const a = this.start[r], b = this.start[r + 1];
    into.idx = this.idx.subarray(a, b);
    into.val = this.val.subarray(a, b);
    into.n = b - a;
    return into;
  }
}

export interface TrainOptions {
  epochs: number;
  lr: number;
  l2: number;
  seed?: number;
  /** return the mean of the end-of-epoch weights from the second epoch on (a cheap Polyak average) */
  average?: boolean;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

function shuffled(n: number, rand: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]; order[i] = order[j]; order[j] = t;
  }
  return order;
}

/**
 * Softmax regression (classes ≥ 2; with classes = 1 it is binary logistic regression on
 * labels 0/1) trained by AdaGrad with L2 applied to the touched weights.
 */
export function trainLinear(rows: SparseRows, dim: number, classes: number, opt: TrainOptions): Float32Array {
  const K = classes;
  const w = new Float32Array(dim * K);
  const g2 = new Float32Array(dim * K).fill(1e-6);
  const rand = rng(opt.seed ?? 7);
  const x: FeatureVector = { idx: new Int32Array(0), val: new Float32Array(0), n: 0 };
  const z = new Float64Array(K);
  const grad = new Float64Array(K);
  const avg = opt.average && opt.epochs > 1 ? new Float64Array(dim * K) : undefined;
  let snapshots = 0;
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    const order = shuffled(rows.size, rand);
    const lr = opt.lr / Math.sqrt(1 + epoch * 0.5);
    for (let t = 0; t < order.length; t++) {
      const r = order[t];
      rows.row(r, x);
      const y = rows.labels[r];
      const sw = rows.weights[r];
      if (K === 1) {
        grad[0] = (sigmoid(dot(w, x)) - y) * sw;
      } else {
        softmaxInPlace(scores(w, K, x, z));
        for (let c = 0; c < K; c++) grad[c] = (z[c] - (c === y ? 1 : 0)) * sw;
      }
      for (let k = 0; k < x.n; k++) {
        const base = x.idx[k] * K;
        const v = x.val[k];
        for (let c = 0; c < K; c++) {
          const f = base + c;
          const gr = grad[c] * v + opt.l2 * w[f];
          g2[f] += gr * gr;
          w[f] -= (lr * gr) / Math.sqrt(g2[f]);
        }
      }
    }
    if (avg && epoch >= 1) {
      for (let f = 0; f < w.length; f++) avg[f] += w[f];
      snapshots++;
    }
  }
  if (avg) for (let f = 0; f < w.length; f++) w[f] = avg[f] / snapshots;
  return w;
}

export interface PackedWeights {
  dim: number;
  classes: number;
  scale: number;
  nnz: number;
  /** base64 of LEB128 varints: gaps between successive non-zero positions */
  positions: string;
  /** base64 of little-endian Int16 quantised weights (weight = q * scale) */
  values: string;
}

/** Keep the `keep` largest weights (by magnitude), quantise to 16 bits. */
export function packWeights(w: Float32Array, dim: number, classes: number, keep: number): PackedWeights {
  const mags: number[] = [];
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) mags.push(Math.abs(w[i]));
  mags.sort((a, b) => b - a);
  const cut = mags.length > keep ? mags[keep - 1] : 0;
  const maxAbs = mags.length ? mags[0] : 1;
  const scale = maxAbs / 32767;
  // Weights above the cut are always kept; weights equal to it (many rare n-grams share one
  // value) only up to the budget. Stopping at `keep` in index order instead would drop the
  // dense features, which sit at the end of the array.
  let ties = keep;
  for (const a of mags) { if (a > cut) ties--; else break; }
  const gaps: number[] = [];
  const q: number[] = [];
  let prev = -1;
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]);
    if (a === 0 || a < cut) continue;
    if (cut > 0 && a === cut) { if (ties <= 0) continue; ties--; }
    const qi = Math.round(w[i] / scale);
    if (qi === 0) continue;
    let gap = i - prev;
    prev = i;
    while (gap >= 0x80) { gaps.push((gap & 0x7f) | 0x80); gap = Math.floor(gap / 128); }
    gaps.push(gap);
    q.push(qi);
  }
  const values = Buffer.from(new Int16Array(q).buffer).toString('base64');
  return { dim, classes, scale, nnz: q.length, positions: Buffer.from(gaps).toString('base64'), values };
}

export function unpackWeights(p: PackedWeights): Float32Array {
  const w = new Float32Array(p.dim * p.classes);
  const gaps = Buffer.from(p.positions, 'base64');
  const vb = Buffer.from(p.values, 'base64');
  const q = new Int16Array(vb.buffer.slice(vb.byteOffset, vb.byteOffset + vb.byteLength));
  let pos = -1, k = 0, j = 0;
  while (j < gaps.length && k < q.length) {
    let gap = 0, mult = 1, b: number;
    do { b = gaps[j++]; gap += (b & 0x7f) * mult; mult *= 128; } while (b & 0x80);
    pos += gap;
    w[pos] = q[k++] * p.scale;
  }
  return w;
}
