/** Shared pieces for webhook verification and payload parsing (signatures, tiny XML reader). */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function sha1Hex(s: string | Buffer): string {
  return createHash('sha1').update(s).digest('hex');
}

export function hmacSha256Hex(secret: string, data: string | Buffer): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

/** WeChat/Weibo style: sha1 of the sorted parts joined. */
export function sortedSha1(parts: string[]): string {
  return sha1Hex([...parts].sort().join(''));
}

export function safeEqual(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type XmlNode = { [tag: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/**
 * Reads the simple XML the platforms push (elements, CDATA, text; attributes ignored).
 * Repeated tags become arrays. Not a general XML parser; no entities beyond the five basic ones.
 */
export function parseSimpleXml(xml: string): XmlNode {
  let i = 0;
  const s = xml.replace(/<\?xml[^>]*\?>/, '').trim();
  function parseChildren(closing: string | null): XmlNode | string {
    const node: XmlNode = {};
    let text = '';
    let hasChild = false;
    while (i < s.length) {
      if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i);
        text += s.slice(i + 9, end);
        i = end + 3;
      } else if (s.startsWith('</', i)) {
        const end = s.indexOf('>', i);
        const tag = s.slice(i + 2, end).trim();
        if (tag !== closing) throw new Error(`xml: unexpected </${tag}>`);
        i = end + 1;
        return hasChild ? node : decode(text.trim() === '' && !text.length ? '' : text).trim();
      } else if (s.startsWith('<!--', i)) {
        i = s.indexOf('-->', i) + 3;
      } else if (s[i] === '<') {
        const end = s.indexOf('>', i);
        const rawTag = s.slice(i + 1, end);
        const selfClosing = rawTag.endsWith('/');
        const tag = rawTag.replace(/\/$/, '').trim().split(/\s+/)[0];
        i = end + 1;
        const value: XmlValue = selfClosing ? '' : parseChildren(tag);
        hasChild = true;
        const prev = node[tag];
        node[tag] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      } else {
        text += s[i++];
      }
    }
    if (closing) throw new Error(`xml: missing </${closing}>`);
    return node;
  }
  const root = parseChildren(null);
  return typeof root === 'string' ? {} : root;
}

function decode(t: string): string {
  return t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function xmlText(v: XmlValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return xmlText(v[0]);
  return undefined;
}

export function xmlList(v: XmlValue | undefined): XmlValue[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
