/**
 * Compliance matcher benchmark: `npm run bench:compliance -- [--json] [--mb 10] [--runs 3]`.
 * Same deterministic input for everyone: the Chorus bare matcher (all overlapping matches
 * with positions), the full engine (normalisation, exemptions, rules, detectors) and three
 * npm peers. Checks that the peers' answers agree where their semantics overlap, then
 * prints a table and ends with ONE JSON line.
 */
import { AhoCorasick } from '@monyone/aho-corasick/fast';
import cliProgress from 'cli-progress';
import { Mint } from 'mint-filter';
import SensitiveWordTool from 'sensitive-word-tool';
import { compileMatcher } from '../../src/kernel/matcher.js';
import { PLATFORMS } from '../../src/modules/compliance/model.js';
import { createComplianceService } from '../../src/modules/compliance/service.js';
import { generateInput } from './corpus.js';

const args = process.argv.slice(2);
const jsonOnly = args.includes('--json');
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const targetMB = option('--mb', 10);
const runs = option('--runs', 5);
const say = (line: string) => (jsonOnly ? process.stderr : process.stdout).write(line + '\n');

const input = generateInput(targetMB * 1024 * 1024);
const { docs, corpusBytes, terms, generatedTerms } = input;

interface Contestant {
  name: string;
  build: () => (doc: string, index: number) => number;
}

const service = createComplianceService();
const brand = { forbiddenTerms: generatedTerms };

const contestants: Contestant[] = [
  {
    name: 'chorus',
    build: () => {
      const m = compileMatcher(terms);
      return (doc) => m.findAll(doc).length;
    },
  },
  {
    name: 'engine',
    build: () => {
      service.check({ text: '', platform: 'weibo', brand }); // compiles packs + brand terms
      return (doc, i) => service.check({ text: doc, platform: PLATFORMS[i % PLATFORMS.length], brand }).findings.length;
    },
  },
  {
    name: '@monyone/aho-corasick/fast',
    build: () => {
      const ac = new AhoCorasick(terms);
      return (doc) => ac.matchInText(doc).length;
    },
  },
  {
    name: 'mint-filter',
    build: () => {
      const mint = new Mint(terms);
      return (doc) => mint.filter(doc, { replace: false }).words.length;
    },
  },
  {
    name: 'sensitive-word-tool',
    build: () => {
      // A noise list of one unused character: exact matching, like the others.
      const tool = new SensitiveWordTool({ wordList: terms, noiseWords: '\u0000' });
      return (doc) => tool.match(doc).length;
    },
  },
];

const bar = new cliProgress.SingleBar(
  { format: 'compliance bench |{bar}| {percentage}% {stage}', stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
  cliProgress.Presets.shades_classic,
);
const totalSteps = contestants.length * (runs + 1) * docs.length;
let step = 0;
bar.start(totalSteps, 0, { stage: 'building' });

interface Result {
  name: string;
  buildMs: number;
  bestMs: number;
  MBps: number;
  matches: number;
}
const results: Result[] = [];
for (const c of contestants) {
  const t0 = performance.now();
  const scan = c.build();
  const buildMs = performance.now() - t0;
  let best = Infinity;
  let matches = 0;
  for (let r = 0; r <= runs; r++) {
    bar.update(step, { stage: `${c.name} ${r === 0 ? 'warm-up' : `run ${r}/${runs}`}` });
    const start = performance.now();
    let count = 0;
    for (let i = 0; i < docs.length; i++) {
      count += scan(docs[i], i);
      if ((i & 1023) === 0) bar.update(step + i);
    }
    const ms = performance.now() - start;
    step += docs.length;
    if (r > 0) best = Math.min(best, ms);
    matches = count;
  }
  results.push({ name: c.name, buildMs, bestMs: best, MBps: corpusBytes / 1e6 / (best / 1000), matches });
}
bar.update(totalSteps, { stage: 'verifying' });
bar.stop();

// Agreement where semantics overlap (outside the timed loops).
const verification = verify();

const by = (name: string) => results.find((r) => r.name === name)!;
const peers = results.filter((r) => r.name !== 'chorus' && r.name !== 'engine');
const fastestPeer = peers.reduce((a, b) => (b.MBps > a.MBps ? b : a));
const round = (x: number) => Math.round(x * 10) / 10;

say(`corpus ${(corpusBytes / 1e6).toFixed(1)} MB in ${docs.length} copies; ${terms.length} terms (${generatedTerms.length} generated + ${terms.length - generatedTerms.length} rule terms); best of ${runs} runs`);
say('name                          build ms    MB/s   results');
for (const r of results) say(`${r.name.padEnd(28)} ${r.buildMs.toFixed(0).padStart(9)} ${r.MBps.toFixed(1).padStart(7)}   ${r.matches}`);
for (const line of verification.lines) say(line);
say(`bare matcher / fastest peer (${fastestPeer.name}): ${(by('chorus').MBps / fastestPeer.MBps).toFixed(2)}x; engine / fastest peer: ${(by('engine').MBps / fastestPeer.MBps).toFixed(2)}x`);

const summary = {
  corpusBytes,
  terms: terms.length,
  chorusMBps: round(by('chorus').MBps),
  engineMBps: round(by('engine').MBps),
  peers: Object.fromEntries(peers.map((p) => [p.name, round(p.MBps)])),
  ratioToFastestPeer: Math.round((by('chorus').MBps / fastestPeer.MBps) * 100) / 100,
  engineRatioToFastestPeer: Math.round((by('engine').MBps / fastestPeer.MBps) * 100) / 100,
  verified: verification.ok,
};
process.stdout.write(JSON.stringify(summary) + '\n');
if (!verification.ok) process.exitCode = 1;

function verify(): { ok: boolean; lines: string[] } {
  const chorus = compileMatcher(terms);
  const ac = new AhoCorasick(terms);
  const mint = new Mint(terms);
  const tool = new SensitiveWordTool({ wordList: terms, noiseWords: '\u0000' });
  const caseless = (w: string) => w.toLowerCase() === w.toUpperCase();
  let acDiff = 0;
  let mintMissing = 0;
  let toolDiff = 0;
  let mintWords = 0;
  let compared = 0;
  for (const doc of docs) {
    const ours = chorus.findAll(doc);
    const oursKeys = ours.map((m) => `${m.start}:${m.end}:${terms[m.term]}`).sort();
    const theirs = ac.matchInText(doc).map((m) => `${m.begin}:${m.end}:${m.keyword}`).sort();
    if (oursKeys.join('|') !== theirs.join('|')) acDiff++;
    // mint-filter reports the longest word ending at each position (no suffix outputs):
    // every word it reports must be one of ours, as many times.
    const bag = new Map<string, number>();
    for (const m of ours) bag.set(terms[m.term], (bag.get(terms[m.term]) ?? 0) + 1);
    for (const w of mint.filter(doc, { replace: false }).words) {
      if (!caseless(w)) continue;
      mintWords++;
      const left = bag.get(w) ?? 0;
      if (left === 0) mintMissing++;
      else bag.set(w, left - 1);
    }
    // sensitive-word-tool reports the distinct words found: the same set as ours.
    const ourSet = [...new Set(ours.map((m) => terms[m.term]).filter(caseless))].sort().join('|');
    const toolSet = [...new Set(tool.match(doc).filter(caseless))].sort().join('|');
    if (ourSet !== toolSet) toolDiff++;
    compared++;
  }
  const ok = acDiff === 0 && mintMissing === 0 && toolDiff === 0;
  return {
    ok,
    lines: [
      `verify @monyone/aho-corasick/fast: identical (start, end, term) lists in ${compared - acDiff}/${compared} copies`,
      `verify mint-filter: ${mintWords - mintMissing}/${mintWords} reported words found by Chorus (mint-filter skips suffix matches)`,
      `verify sensitive-word-tool: identical distinct-word sets in ${compared - toolDiff}/${compared} copies`,
    ],
  };
}
