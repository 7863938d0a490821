// npm run eval:text [-- --json] — measures the text models on data they were never trained on:
// ../shared/data/waimai_10k.csv (binary polarity, another domain) and the test split of
// test/fixtures/social-comments.jsonl (3-class sentiment, 5-class intent, spam). Also model
// load time and single-core throughput of the full analysis.
import { TextAnalyzer, wordsOf } from '../src/modules/text/analyzer.js';
import { readModels } from '../src/modules/text/bundle.js';
import { readReviews, readSocial } from '../src/modules/text/corpus.js';
import { INTENTS, SENTIMENTS } from '../src/modules/text/model.js';
import { normalizeText } from '../src/modules/text/normalize.js';
import { LexScanner } from '../src/modules/text/scan.js';
import { cutBatch, getJieba } from '../src/modules/text/segmenter.js';

const asJson = process.argv.includes('--json');
const say = (s: string) => { if (!asJson) console.log(s); else console.error(s); };

// Timings are taken in CPU time of this process (user + system) as well as wall time: the
// machines these run on are shared, and CPU time is what "per core" means. Both are printed.
function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - w0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

// ---------- load ----------
const jb = timed(() => getJieba());
const load = timed(() => new TextAnalyzer(readModels()));
const analyzer = load.value;
const loadMs = Math.min(load.cpuMs, load.wallMs);
say(`model load ${load.cpuMs.toFixed(1)} ms CPU, ${load.wallMs.toFixed(1)} ms wall (jieba dictionary, shared by the process: ${jb.cpuMs.toFixed(0)} ms CPU, ${jb.wallMs.toFixed(0)} ms wall)`);

function confusion(labels: readonly string[], pairs: Array<[string, string]>): number[][] {
  const m = labels.map(() => labels.map(() => 0));
  for (const [y, p] of pairs) m[labels.indexOf(y)][labels.indexOf(p)]++;
  return m;
}
function printConfusion(title: string, labels: readonly string[], m: number[][]): void {
  const w = Math.max(10, ...labels.map((l) => l.length + 1));
  say(`${title} (rows = truth, columns = predicted)`);
  say(' '.repeat(w) + labels.map((l) => l.padStart(w)).join(''));
  m.forEach((row, i) => say(labels[i].padEnd(w) + row.map((v) => String(v).padStart(w)).join('')));
}
function f1For(m: number[][], k: number): number {
  const tp = m[k][k];
  const fp = m.reduce((s, row, i) => s + (i === k ? 0 : row[k]), 0);
  const fn = m[k].reduce((s, v, j) => s + (j === k ? 0 : v), 0);
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}
const acc = (m: number[][]) => m.reduce((s, row, i) => s + row[i], 0) / m.flat().reduce((a, b) => a + b, 0);
const r4 = (v: number) => Math.round(v * 10000) / 10000;

// ---------- waimai_10k: binary polarity ----------
const scanner = new LexScanner();
const waimai = readReviews('waimai_10k.csv');
const binLabels = ['negative', 'positive'];
const waimaiNorm = waimai.map((r) => normalizeText(r.text));
const waimaiTokens = cutBatch(waimaiNorm);
const wm = confusion(binLabels, waimai.map((r, i) => {
  const margin = analyzer.polarityOf(waimaiNorm[i], scanner.scan(waimaiNorm[i]), wordsOf(waimaiTokens[i]));
  return [binLabels[r.label], margin > 0 ? 'positive' : 'negative'];
}));
const waimaiAcc = acc(wm);
const waimaiF1 = (f1For(wm, 0) + f1For(wm, 1)) / 2;
say(`\nwaimai_10k (${waimai.length} reviews, never trained on): accuracy ${waimaiAcc.toFixed(4)}, macro-F1 ${waimaiF1.toFixed(4)}`);
printConfusion('waimai polarity', binLabels, wm);

// ---------- social test split ----------
const social = readSocial().filter((e) => e.split === 'test');
const analysed = analyzer.analyzeMany(social.map((e) => e.text));
const results = social.map((e, i) => ({ e, a: analysed[i] }));
const sm = confusion(SENTIMENTS, results.map(({ e, a }) => [e.sentiment, a.sentiment]));
const im = confusion(INTENTS, results.map(({ e, a }) => [e.intent, a.intent]));
const spamLabels = ['ham', 'spam'];
const pm = confusion(spamLabels, results.map(({ e, a }) => [e.spam ? 'spam' : 'ham', a.spam ? 'spam' : 'ham']));
const spamPrecision = pm[1][1] / Math.max(1, pm[0][1] + pm[1][1]);
const spamRecall = pm[1][1] / Math.max(1, pm[1][0] + pm[1][1]);
say(`\nsocial test split (${social.length} comments, never trained on)`);
say(`sentiment 3-class accuracy ${acc(sm).toFixed(4)}, macro-F1 ${(SENTIMENTS.reduce((s, _, k) => s + f1For(sm, k), 0) / 3).toFixed(4)}`);
printConfusion('sentiment', SENTIMENTS, sm);
say(`intent 5-class accuracy ${acc(im).toFixed(4)}`);
printConfusion('intent', INTENTS, im);
const hamFlagged = pm[0][1] / Math.max(1, pm[0][0] + pm[0][1]);
say(`spam precision ${spamPrecision.toFixed(4)}, recall ${spamRecall.toFixed(4)}, share of non-spam flagged ${hamFlagged.toFixed(4)}`);
printConfusion('spam', spamLabels, pm);
say(`\nper class (precision / recall / support)`);
const perClass = (labels: readonly string[], m: number[][]) => Object.fromEntries(labels.map((l, k) => {
  const tp = m[k][k], col = m.reduce((s, row) => s + row[k], 0), row = m[k].reduce((s, v) => s + v, 0);
  return [l, { precision: r4(col ? tp / col : 0), recall: r4(row ? tp / row : 0), support: row }];
}));
const sentimentClasses = perClass(SENTIMENTS, sm), intentClasses = perClass(INTENTS, im);
for (const [l, v] of [...Object.entries(sentimentClasses), ...Object.entries(intentClasses)]) say(`  ${l.padEnd(10)} ${v.precision.toFixed(3)} / ${v.recall.toFixed(3)} / ${v.support}`);
// spam recall per family (second set: every spam row has its family)
const families: Record<string, { caught: number; total: number }> = {};
for (const { e, a } of results) {
  if (!e.spam || !e.family) continue;
  const f = (families[e.family] ??= { caught: 0, total: 0 });
  f.total++;
  if (a.spam) f.caught++;
}
say(`spam recall per family (test split): ${Object.entries(families).map(([f, v]) => `${f} ${v.caught}/${v.total}`).join(', ')}`);
// what each trap of the second set scores (sentiment, intent and spam verdict all right)
const traps: Record<string, { ok: number; total: number }> = {};
for (const { e, a } of results) {
  if (!e.trap) continue;
  const t = (traps[e.trap] ??= { ok: 0, total: 0 });
  t.total++;
  if (e.sentiment === a.sentiment && e.intent === a.intent && e.spam === a.spam) t.ok++;
}
say(`all three right, per trap (test split): ${Object.entries(traps).map(([t, v]) => `${t} ${v.ok}/${v.total}`).join(', ')}`);
if (process.argv.includes('--errors')) {
  for (const { e, a } of results) {
    if (e.sentiment !== a.sentiment || e.intent !== a.intent || e.spam !== a.spam) {
      say(`  ${e.text}  truth=${e.sentiment}/${e.intent}/${e.spam} got=${a.sentiment}/${a.intent}/${a.spam} ${a.score}`);
    }
  }
}

// ---------- throughput: full analysis of short messages, one core ----------
// Inbound paths hand the service batches (a page of comments, a webhook delivery); the
// single-message figure is printed too.
const texts = [...waimai.map((r) => r.text), ...social.map((e) => e.text)].filter((t) => t.length <= 140);
const BATCH = 100;
for (let i = 0; i < 20; i++) analyzer.analyzeMany(texts.slice(i * BATCH, (i + 1) * BATCH)); // warm-up
const N = 40_000;
let chars = 0;
const run = timed(() => {
  for (let done = 0; done < N; done += BATCH) {
    const from = done % (texts.length - BATCH);
    const batch = texts.slice(from, from + BATCH);
    for (const t of batch) chars += t.length;
    analyzer.analyzeMany(batch);
  }
});
const messagesPerSecond = Math.round(N / (run.cpuMs / 1000));
const single = timed(() => { for (let i = 0; i < 10_000; i++) analyzer.analyze(texts[i % texts.length]); });
say(`\nthroughput (batches of ${BATCH}, mean ${(chars / N).toFixed(1)} chars per message): ${messagesPerSecond} messages per CPU-second; wall ${Math.round(N / (run.wallMs / 1000))}/s on this (shared) machine`);
say(`one call per message: ${Math.round(10_000 / (single.cpuMs / 1000))} messages per CPU-second`);

if (asJson) {
  console.log(JSON.stringify({
    waimai: { accuracy: r4(waimaiAcc), macroF1: r4(waimaiF1), confusion: wm },
    social: {
      comments: social.length, sentimentAccuracy: r4(acc(sm)), intentAccuracy: r4(acc(im)), spamPrecision: r4(spamPrecision), spamRecall: r4(spamRecall),
      nonSpamFlagged: r4(hamFlagged), sentimentClasses, intentClasses, sentimentConfusion: sm, intentConfusion: im, spamFamilies: families, traps,
    },
    messagesPerSecond,
    loadMs: Math.round(loadMs * 10) / 10,
  }));
}
