import { describe, expect, it } from 'vitest';
import { kernelErrors } from '../../src/kernel/errors.js';
import { errorMaps } from '../../src/server/registry.js';
import { messagesOf } from '../../web/src/locales/index.js';

/** Every error code the server can answer with has a message in both console languages. */
describe('console error messages', () => {
  const codes = [...new Set([...Object.keys(kernelErrors), ...errorMaps.flatMap((m) => Object.keys(m))])].sort();

  it.each(['zh-CN', 'en-US'] as const)('%s has errors.<code> for every server error code', (locale) => {
    const messages = messagesOf(locale);
    const missing = codes.filter((c) => !messages[`errors.${c}`]);
    expect(missing).toEqual([]);
  });
});
