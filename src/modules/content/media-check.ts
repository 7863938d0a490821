/**
 * An upload must be what its first bytes say, and only that: file-type must agree with our sniffing,
 * an image must decode (sharp), and no file may carry HTML or script beside the picture (a GIF/HTML
 * polyglot served from our origin would run in the console's context). Refused, not repaired.
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { DomainError } from '../../kernel/errors.js';
import type { SniffResult } from './media-meta.js';

const MARKUP = /<(script|html|body|iframe|svg|object|embed|meta|link|style|\?php)[\s>/]|javascript:/i;

const refuse = (why: string): never => {
  throw new DomainError('media.unsupported_type', { message: why, fields: { dataBase64: why } });
};

/** Same family for videos (MP4 brands vary: mp4, m4v, quicktime); exact type for images. */
function agrees(found: string, sniffed: SniffResult) {
  if (sniffed.kind === 'image') return found === sniffed.mime;
  return found.startsWith('video/') || found === 'application/mp4';
}

export async function verifyUpload(data: Buffer, sniffed: SniffResult): Promise<void> {
  const found = await fileTypeFromBuffer(data);
  if (!found || !agrees(found.mime, sniffed)) refuse(`the file's content (${found?.mime ?? 'unknown'}) does not match its ${sniffed.mime} header`);
  if (MARKUP.test(data.toString('latin1'))) refuse(`the file carries HTML or script besides the ${sniffed.kind}`);
  if (sniffed.kind === 'image') {
    try {
      const meta = await sharp(data, { animated: true }).metadata();
      if (`image/${meta.format}` !== sniffed.mime) refuse(`the image decodes as ${meta.format}, not ${sniffed.mime}`);
      // Decoding proves it is a picture; small defects (a bad CRC) that viewers forgive are forgiven here too.
      await sharp(data, { failOn: 'none' }).resize(1, 1).raw().toBuffer();
    } catch (err) {
      if (err instanceof DomainError) throw err;
      refuse(`the file is not a readable ${sniffed.mime} image`);
    }
  }
}
