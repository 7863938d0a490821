import { describe, expect, it } from 'vitest';
import { LOCALES, namespaces } from './index';

const [base, ...others] = LOCALES;

describe('locales', () => {
  it('have the same namespaces', () => {
    for (const locale of others) {
      expect(Object.keys(namespaces[locale]).sort()).toEqual(Object.keys(namespaces[base]).sort());
    }
  });

  for (const ns of Object.keys(namespaces[base])) {
    it(`namespace ${ns}: same keys in every locale`, () => {
      const expected = Object.keys(namespaces[base][ns]).sort();
      for (const locale of others) {
        expect(Object.keys(namespaces[locale][ns]).sort(), `${locale}/${ns}`).toEqual(expected);
      }
    });

    it(`namespace ${ns}: keys are prefixed with "${ns}." and no value is empty`, () => {
      for (const locale of LOCALES) {
        for (const [key, value] of Object.entries(namespaces[locale][ns])) {
          expect(key.startsWith(`${ns}.`), `${locale}: ${key}`).toBe(true);
          expect(typeof value === 'string' && value.trim().length > 0, `${locale}: ${key} is empty`).toBe(true);
        }
      }
    });

    it(`namespace ${ns}: interpolations match between locales`, () => {
      const vars = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).map((v) => v.replace(/\s/g, '')).sort();
      for (const [key, value] of Object.entries(namespaces[base][ns])) {
        for (const locale of others) {
          expect(vars(namespaces[locale][ns][key] ?? ''), `${locale}: ${key}`).toEqual(vars(value));
        }
      }
    });
  }

  it('no key is defined in two namespaces', () => {
    const seen = new Map<string, string>();
    for (const [ns, dict] of Object.entries(namespaces[base])) {
      for (const key of Object.keys(dict)) {
        expect(seen.get(key), `${key} in ${ns} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, ns);
      }
    }
  });
});
