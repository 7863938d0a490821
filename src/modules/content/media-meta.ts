/** Cheap facts from a file's first bytes: its type and, for PNG/JPEG/GIF/WebP, its pixel size. Pure. */

export interface SniffResult { mime: string; kind: 'image' | 'video'; width?: number; height?: number }

function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    const len = b.readUInt16BE(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return undefined;
}

export function sniffMedia(b: Buffer): SniffResult | null {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('ascii', 12, 16) === 'IHDR') {
    return { mime: 'image/png', kind: 'image', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', kind: 'image', ...jpegSize(b) };
  if (b.length >= 10 && b.toString('ascii', 0, 3) === 'GIF') return { mime: 'image/gif', kind: 'image', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length >= 30 && b.toString('ascii', 0, 4) === 'RIFF' && b.toString('ascii', 8, 12) === 'WEBP') {
    const chunk = b.toString('ascii', 12, 16);
    if (chunk === 'VP8X') return { mime: 'image/webp', kind: 'image', width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
    if (chunk === 'VP8 ') return { mime: 'image/webp', kind: 'image', width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    return { mime: 'image/webp', kind: 'image' };
  }
  if (b.length >= 12 && b.toString('ascii', 4, 8) === 'ftyp') {
    const brand = b.toString('ascii', 8, 12);
    return { mime: brand.startsWith('qt') ? 'video/quicktime' : 'video/mp4', kind: 'video' };
  }
  if (b.length >= 4 && b.readUInt32BE(0) === 0x1a45dfa3) return { mime: 'video/webm', kind: 'video' };
  return null;
}

/** Duration of an MP4/MOV from its `mvhd` box when it is near the start or the end (cheap scan). */
export function mp4Duration(b: Buffer): number | undefined {
  const at = b.indexOf('mvhd');
  if (at < 4 || at + 24 > b.length) return undefined;
  const version = b[at + 4];
  const base = at + 8;
  if (version === 1) {
    const scale = b.readUInt32BE(base + 16);
    const dur = Number(b.readBigUInt64BE(base + 20));
    return scale ? Math.round((dur / scale) * 10) / 10 : undefined;
  }
  const scale = b.readUInt32BE(base + 8);
  const dur = b.readUInt32BE(base + 12);
  return scale ? Math.round((dur / scale) * 10) / 10 : undefined;
}
