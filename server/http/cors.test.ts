import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installAdminCors } from './cors';

describe('admin CORS', () => {
  async function app() {
    const a = Fastify();
    installAdminCors(a);
    a.put('/api/v1/admin/imports/:id/file', async () => ({ ok: true }));
    a.get('/api/v1/portfolio', async () => ({ ok: true }));
    await a.ready();
    return a;
  }

  it('answers the preflight of the desk origin for admin routes, with bearer headers only', async () => {
    const a = await app();
    const pre = await a.inject({ method: 'OPTIONS', url: '/api/v1/admin/imports/i1/file', headers: { origin: 'http://127.0.0.1:5180', 'access-control-request-method': 'PUT' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5180');
    expect(pre.headers['access-control-allow-headers']).toBe('authorization, content-type');
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    const put = await a.inject({ method: 'PUT', url: '/api/v1/admin/imports/i1/file', headers: { origin: 'app://recaudo' } });
    expect(put.headers['access-control-allow-origin']).toBe('app://recaudo');
    await a.close();
  });

  it('leaves every other route without CORS', async () => {
    const a = await app();
    const res = await a.inject({ method: 'GET', url: '/api/v1/portfolio', headers: { origin: 'http://127.0.0.1:5180' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await a.inject({ method: 'OPTIONS', url: '/api/v1/portfolio', headers: { origin: 'http://evil.example' } });
    expect(pre.statusCode).toBe(404);
    await a.close();
  });
});
