/**
 * Pure helpers for the live preview: findings carry UTF-16 offsets into the text they were
 * computed for (JavaScript strings index the same way), so slicing needs no conversion.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Segment<F extends Span> {
  text: string;
  /** Findings covering this piece (several rules may flag the same words). */
  findings: F[];
}

/** Cuts `text` at every finding boundary; each piece lists the findings that cover it. */
export function segment<F extends Span>(text: string, findings: readonly F[]): Array<Segment<F>> {
  const valid = findings.filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end);
  const cuts = new Set<number>([0, text.length]);
  for (const f of valid) {
    cuts.add(f.start);
    cuts.add(f.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Array<Segment<F>> = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = valid.filter((f) => f.start <= from && f.end >= to);
    const last = out[out.length - 1];
    if (last && covering.length === 0 && last.findings.length === 0) last.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), findings: covering });
  }
  return out;
}

/**
 * Moves findings computed for `before` onto `after` (one contiguous edit): findings before the
 * edit stay, findings after it shift, findings touching it are dropped until the next check.
 */
export function rebase<F extends Span>(before: string, after: string, findings: readonly F[]): F[] {
  if (before === after) return [...findings];
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < max - prefix
    && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix += 1;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  return findings.flatMap((f) => {
    if (f.end <= prefix) return [f];
    if (f.start >= editEnd) return [{ ...f, start: f.start + delta, end: f.end + delta }];
    return [];
  });
}

/** The text with one finding's span replaced. */
export function replaceSpan(text: string, span: Span, replacement: string): string {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}
