import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ok } from '../helpers'
import { craftZip } from './crafted'
import { site } from './sites'

/**
 * Another program that knows only docs/exchange.md: it lays the zip out by §3, signs the manifest's bytes with its
 * own Ed25519 key (§3, §4), formats the JSON its own way, and its package is trusted and imported.
 */
describe('上报与交换：按 docs/exchange.md 另写的程序', () => {
  it('写出的年度党内统计数据包可以信任、导入并得到回执', async () => {
    const bureau = await site('市卫健委党委', 'B-100')
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const der = publicKey.export({ type: 'spki', format: 'der' })
    expect(der.subarray(0, 12).toString('hex')).toBe('302a300506032b6570032100')
    const part = Buffer.from(JSON.stringify({ year: 2025, asOf: '2025-12-31', statistics: { total: 120, gender: { 男: 50, 女: 70 } } }), 'utf8')
    const manifest = {
      format: 'dangban-exchange',
      formatVersion: 1,
      packageId: randomUUID(),
      kind: 'annual-statistics',
      period: '2025年度',
      subject: '2025',
      sequence: 1,
      createdAt: '2026-01-20T09:00:00+08:00',
      sender: { unitName: '另一家医院党委', unitCode: 'OTHER-7', installationId: randomUUID(), publicKey: der.toString('base64') },
      receiver: { unitName: '市卫健委党委', unitCode: 'B-100' },
      app: { name: '党办通', version: '0.0.1', schemaVersion: 1 },
      counts: { members: 120 },
      parts: [{ name: 'statistics.json', bytes: part.length, sha256: createHash('sha256').update(part).digest('hex') }],
    }
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8')
    const signature = Buffer.from(sign(null, manifestBytes, privateKey).toString('base64'), 'ascii')
    const file = craftZip([
      { name: 'manifest.json', data: manifestBytes },
      { name: 'manifest.sig', data: signature },
      { name: 'statistics.json', data: part },
    ])
    const digits = BigInt(`0x${createHash('sha256').update(der).digest().subarray(0, 16).toString('hex')}`) % 10n ** 32n
    const fingerprint = digits.toString().padStart(32, '0').replace(/(\d{4})(?=\d)/g, '$1-')
    const v = await ok(bureau, 'exchange.verify', { contentBase64: file.toString('base64') })
    expect(v).toMatchObject({ ok: false, trusted: false, fingerprint })
    await ok(bureau, 'exchange.trust', { contentBase64: file.toString('base64'), fingerprint })
    const r = await ok(bureau, 'exchange.import', { contentBase64: file.toString('base64') })
    expect(r).toMatchObject({ applied: true, from: '另一家医院党委', period: '2025年度' })
    expect(r.receipt).not.toBeNull()
  })
})
