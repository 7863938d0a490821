import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureOutbound, OutboundError } from '../../kernel/outbound.js';
import { startHttpReceiver } from '../../../test/helpers/receivers.js';
import { createMediaLoader } from './media-loader.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('media loader', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-media-'));
  const mediaRoot = join(dataDir, 'media');
  let remote: Awaited<ReturnType<typeof startHttpReceiver>>;
  beforeAll(async () => {
    mkdirSync(join(mediaRoot, 'ws1'), { recursive: true });
    writeFileSync(join(mediaRoot, 'ws1', 'a.png'), PNG);
    writeFileSync(join(dataDir, 'secret.key'), 'not media');
    remote = await startHttpReceiver(() => ({ status: 200, body: { not: 'an image' } }));
  });
  afterAll(async () => {
    configureOutbound({ allowPrivateHosts: false });
    await remote?.close();
  });

  it('reads the media library’s own files and data: URLs', async () => {
    const load = createMediaLoader({ mediaRoot });
    const file = await load({ id: 'm1', kind: 'image', url: pathToFileURL(join(mediaRoot, 'ws1', 'a.png')).href });
    expect(file).toMatchObject({ mimeType: 'image/png', filename: 'm1.png' });
    expect(Buffer.from(file.data)).toEqual(PNG);
    const inline = await load({ id: 'm2', kind: 'image', url: `data:image/png;base64,${PNG.toString('base64')}` });
    expect(Buffer.from(inline.data)).toEqual(PNG);
  });

  it('refuses files outside the media library', async () => {
    const load = createMediaLoader({ mediaRoot });
    await expect(load({ id: 'k', kind: 'image', url: pathToFileURL(join(dataDir, 'secret.key')).href })).rejects.toThrow('not in the media library');
    await expect(load({ id: 'k', kind: 'image', url: `${pathToFileURL(mediaRoot).href}/../secret.key` })).rejects.toThrow('not in the media library');
    await expect(createMediaLoader()({ id: 'k', kind: 'image', url: pathToFileURL(join(mediaRoot, 'ws1', 'a.png')).href })).rejects.toThrow('not in the media library');
    await expect(load({ id: 'g', kind: 'image', url: 'gopher://example.com/x' })).rejects.toThrow('unsupported URL');
  });

  it('fetches media by URL through the outbound policy', async () => {
    const load = createMediaLoader({ mediaRoot });
    configureOutbound({ allowPrivateHosts: false });
    await expect(load({ id: 'r', kind: 'image', url: `${remote.url}/a.png` })).rejects.toBeInstanceOf(OutboundError);
    expect(remote.received).toHaveLength(0);
    configureOutbound({ allowPrivateHosts: true });
    const got = await load({ id: 'r', kind: 'image', url: `${remote.url}/a.png` });
    expect(got.filename).toBe('a.png');
    expect(remote.received).toHaveLength(1);
  });
});
