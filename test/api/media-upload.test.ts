import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, signUpOwner, type Session, type TestRuntime } from '../helpers/runtime.js';

// A real 2×3 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEklEQVR42mNk+M9QzwAEjDAGACCDAv8cI7IoAAAAAElFTkSuQmCC', 'base64');

describe('media uploads are what they say they are', () => {
  let rt: TestRuntime;
  let owner: Session & { workspaceId: string };
  const upload = (fileName: string, data: Buffer) => rt.app.inject({
    method: 'POST', url: `/api/v1/workspaces/${owner.workspaceId}/media`, headers: owner.headers, payload: { fileName, dataBase64: data.toString('base64') },
  });

  beforeAll(async () => {
    rt = await createTestRuntime();
    owner = await signUpOwner(rt, 'media');
  });
  afterAll(async () => rt?.close());

  it('takes a real image', async () => {
    const res = await upload('新品.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
  });

  it.each([
    ['a GIF header followed by an HTML page', Buffer.concat([Buffer.from('GIF89a'), Buffer.from([2, 0, 3, 0, 0, 0, 0]), Buffer.from('<html><body><script>fetch("/api/v1/me")</script></body></html>')])],
    ['a real PNG with a script appended', Buffer.concat([PNG, Buffer.from('<script>alert(document.cookie)</script>')])],
    ['a JPEG signature on text', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a picture at all, just words '.repeat(20))])],
    ['a PNG signature on a truncated file', PNG.subarray(0, 40)],
  ])('refuses %s', async (_name, data) => {
    const res = await upload('看我.gif', data);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'media.unsupported_type', fields: { dataBase64: expect.any(String) } });
    const { items } = (await rt.app.inject({ method: 'GET', url: `/api/v1/workspaces/${owner.workspaceId}/media`, headers: owner.headers })).json();
    expect(items).toHaveLength(1);
  });
});
