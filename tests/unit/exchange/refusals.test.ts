import { describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../../electron/backend/boot/dispatch'
import { newKeyPair } from '../../../electron/backend/exchange/keys'
import { openPackage, writePackage } from '../../../electron/backend/exchange/package-file'
import { fails, ok } from '../helpers'
import { craftZip, resigned } from './crafted'
import { b64, hospital, site, snapshot, trust } from './sites'

/** A hospital and its 局党办 that trust each other, and one 年度党内统计 package from the hospital. */
async function exchange() {
  const h = await hospital()
  const bureau = await site('市卫健委党委', 'B-100')
  await trust(h, bureau)
  await trust(bureau, h)
  const out = await ok(h, 'exchange.export', { kind: 'annual-statistics', year: 2025, to: '市卫健委党委' })
  return { h, bureau, out, bytes: Buffer.from(out.contentBase64, 'base64') }
}

/** The import is refused with `words` in its message, `verify` says the same, and the database is as it was. */
async function refused(b: Backend, bytes: Uint8Array, words: string | RegExp): Promise<void> {
  const before = snapshot(b)
  const error = await fails(b, 'exchange.import', { contentBase64: b64(bytes) })
  expect(error.message).toMatch(words)
  // verify says the same without throwing, unless the input itself is refused (an empty or oversized file)
  const v = await b.call('exchange.verify', { contentBase64: b64(bytes) })
  expect(v.ok ? (v.data as { ok: boolean }).ok : false).toBe(false)
  expect(snapshot(b)).toEqual(before)
}

describe('上报与交换：拒绝与不改动', () => {
  it('改动文件中任何一个字节（逐字节）都被拒绝，数据库不变；之后原文件照常导入', async () => {
    const { bureau, bytes } = await exchange()
    const before = snapshot(bureau)
    const accepted: number[] = []
    for (let at = 0; at < bytes.length; at++) {
      const bad = Buffer.from(bytes)
      bad[at] = bad[at]! ^ 0x01
      const r = await bureau.call('exchange.import', { contentBase64: b64(bad) })
      if (r.ok) accepted.push(at)
      else expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(accepted).toEqual([])
    expect(snapshot(bureau)).toEqual(before)
    expect(snapshot(bureau).chain.ok).toBe(true)
    expect((await ok(bureau, 'exchange.import', { contentBase64: b64(bytes) })).applied).toBe(true)
  })

  it('截断的文件被拒绝', async () => {
    const { bureau, bytes } = await exchange()
    for (const length of [0, 10, 100, Math.floor(bytes.length / 2), bytes.length - 23, bytes.length - 1]) await refused(bureau, bytes.subarray(0, length), /损坏|不完整|文件是空的/)
  })

  it('签名用的不是发件单位的密钥：冒名的单位（同名同代码、另一把钥匙）和换签的说明都被拒绝', async () => {
    const { h, bureau, bytes } = await exchange()
    const impostor = await hospital('示范医院党委', 'H-001')
    await trust(impostor, bureau)
    const forged = Buffer.from((await ok(impostor, 'exchange.export', { kind: 'annual-statistics', year: 2025, to: 'B-100' })).contentBase64, 'base64')
    await refused(bureau, forged, '与本单位信任的该单位公钥')
    // the hospital's own public key named in the manifest, signed with another key
    const other = await site('别处', 'X-9')
    await refused(bureau, resigned(bytes, (m) => ({ ...m, counts: { members: 300 } }), other), '签名不符')
    expect(newKeyPair().publicKey).not.toBe((await ok(h, 'exchange.identity', {})).publicKey)
    // a trusted hospital signing with its own key in the name of another unit code
    await refused(bureau, resigned(bytes, (m) => ({ ...m, sender: { ...m.sender, unitName: '第二医院党委', unitCode: 'H-002' } }), h), '发出单位与公钥不符')
  })

  it('未信任的单位：拒绝并给出指纹，信任之后可以导入', async () => {
    const bureau = await site('市卫健委党委', 'B-100')
    const h2 = await hospital('第二医院党委', 'H-002')
    await trust(h2, bureau)
    const out = await ok(h2, 'exchange.export', { kind: 'annual-statistics', year: 2025, to: 'B-100' })
    const { fingerprint } = await ok(h2, 'exchange.identity', {})
    await refused(bureau, Buffer.from(out.contentBase64, 'base64'), `尚未信任的单位“第二医院党委”（单位代码 H-002），其公钥指纹为 ${fingerprint}`)
    const v = await ok(bureau, 'exchange.verify', { contentBase64: out.contentBase64 })
    expect(v).toMatchObject({ trusted: false, fingerprint })
    await ok(bureau, 'exchange.trust', { contentBase64: out.contentBase64, fingerprint })
    expect((await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })).applied).toBe(true)
  })

  it('同一数据包再次导入：什么也不改（已导入过），不再写回执', async () => {
    const { bureau, out } = await exchange()
    await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })
    const before = snapshot(bureau)
    const again = await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })
    expect(again).toMatchObject({ applied: false, receipt: null, changes: [] })
    expect(again.note).toContain('已导入过')
    expect(snapshot(bureau)).toEqual(before)
  })

  it('较新的数据包取代较旧的并列出改变的数字；较旧的在较新的之后被拒绝', async () => {
    const { h, bureau, out: older } = await exchange()
    const branch = (await ok(h, 'orgs.list', {})).find((o) => o.name === '内科党支部')!
    await ok(h, 'members.create', { organizationId: branch.id, fields: { name: '丁', gender: '男', ethnicity: '汉族', education: '硕士研究生', occupation: '专业技术人员', birthDate: '1985-01-01', joinedOn: '2010-01-01', convertedOn: '2011-01-01' } as never })
    const newer = await ok(h, 'exchange.export', { kind: 'annual-statistics', year: 2025, to: 'B-100' })
    await ok(bureau, 'exchange.import', { contentBase64: newer.contentBase64 })
    await refused(bureau, Buffer.from(older.contentBase64, 'base64'), '较旧的数据包不会覆盖它')

    // the other way round in a fresh 局党办: the newer one replaces the older, with what changed
    const b2 = await site('市卫健委党委', 'B-100')
    await trust(b2, h)
    const bytesOf = (o: { contentBase64: string }) => o.contentBase64
    await ok(b2, 'exchange.import', { contentBase64: bytesOf(older) })
    const r = await ok(b2, 'exchange.import', { contentBase64: bytesOf(newer) })
    expect(r.applied).toBe(true)
    expect(r.changes).toContainEqual({ path: 'statistics.json.statistics.total', before: 3, after: 4 })
    const rows = await ok(b2, 'exchange.packages', { direction: 'received' })
    expect(rows.find((p) => p.packageId === older.packageId)!.supersededBy).toBe(newer.packageId)
  })

  it('发给别的单位的数据包不能导入', async () => {
    const { h, bureau } = await exchange()
    const other = await site('省卫健委党委', 'P-1')
    await trust(h, other)
    await trust(other, h)
    const out = await ok(h, 'exchange.export', { kind: 'annual-statistics', year: 2025, to: '省卫健委党委' })
    await refused(bureau, Buffer.from(out.contentBase64, 'base64'), '是发给“省卫健委党委”（单位代码 P-1）的，不是发给本单位')
  })

  it('更新版本的格式或数据结构、不认识的种类：拒绝并请升级', async () => {
    const { h, bureau, bytes } = await exchange()
    await refused(bureau, resigned(bytes, (m) => ({ ...m, formatVersion: 2 }), h), '格式版本是 2')
    await refused(bureau, resigned(bytes, (m) => ({ ...m, app: { ...m.app, schemaVersion: 999 } }), h), '数据结构版本 999')
    await refused(bureau, resigned(bytes, (m) => ({ ...m, kind: 'city-dashboard' }), h), '不认识的数据包种类')
  })

  it('压缩炸弹、超大项、过多的项、带路径的项、多余的项：读取之前就拒绝', async () => {
    const { bureau, bytes } = await exchange()
    const zeros = Buffer.alloc(50 * 1024 * 1024)
    await refused(bureau, craftZip([{ name: 'manifest.json', data: zeros, deflate: true }]), '压缩炸弹')
    await refused(bureau, craftZip([{ name: 'manifest.json', data: Buffer.from('{}'), declaredSize: 2 ** 31 }]), '超过每项')
    await refused(bureau, craftZip(Array.from({ length: 17 }, (_, i) => ({ name: `p${i}.json`, data: Buffer.from('{}') }))), '最多 16 项')
    await refused(bureau, craftZip([{ name: '../manifest.json', data: Buffer.from('{}') }]), '带路径')
    await refused(bureau, craftZip([{ name: 'C:manifest.json', data: Buffer.from('{}') }]), '带路径')
    await refused(bureau, craftZip([{ name: 'a.json', data: Buffer.from('{}') }, { name: 'a.json', data: Buffer.from('{}') }]), '出现了两次')
    await refused(bureau, Buffer.alloc(21 * 1024 * 1024), '超过 20 MB')
    // a real package with one more file put in: the manifest does not list it
    const { readZip } = await import('../../../electron/backend/exchange/zip')
    const entries = readZip(bytes).map((e) => ({ name: e.name, data: e.data }))
    await refused(bureau, craftZip([...entries, { name: 'extra.json', data: Buffer.from('{}') }]), '没有列出的文件“extra.json”')
  })

  it('回执中的文件 SHA-256 不是我们发出的文件：拒绝，发出的数据包仍是“已发出”', async () => {
    const { h, bureau, out } = await exchange()
    const got = await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })
    const receipt = openPackage(Buffer.from(got.receipt!.contentBase64, 'base64'))
    const { parts: _p, ...head } = receipt.manifest
    const part = { ...(receipt.parts.get('receipt.json') as object), fileSha256: 'f'.repeat(64) }
    const key = bureau.context.db.prepare('SELECT private_key FROM exchange_identity').pluck().get() as string
    const wrongReceipt = writePackage({ ...head, packageId: '00000000-0000-4000-8000-000000000001', sequence: head.sequence + 1 }, [{ name: 'receipt.json', json: part }], key).bytes
    await refused(h, wrongReceipt, '对方收到的不是我们发出的那个文件')
    expect((await ok(h, 'exchange.packages', { direction: 'sent' }))[0]).toMatchObject({ status: 'sent' })
  })

  it('写到一半失败（记下收到的数据包之后，写回执时磁盘出错）：整个导入回滚，什么也没有留下', async () => {
    const { bureau, bytes } = await exchange()
    const db = bureau.context.db
    // a fault injected where the 回执 is recorded, after the received package and its audit entry are written
    db.exec("CREATE TEMP TRIGGER fail_receipt BEFORE INSERT ON exchange_packages WHEN NEW.direction = 'sent' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    const before = snapshot(bureau)
    expect((await bureau.call('exchange.import', { contentBase64: b64(bytes) })).ok).toBe(false)
    expect(snapshot(bureau)).toEqual(before)
    db.exec('DROP TRIGGER fail_receipt')
    expect((await ok(bureau, 'exchange.import', { contentBase64: b64(bytes) })).applied).toBe(true)
  })

  it('本单位没有名称时不能导入（回执要写明本单位），在写入之前就说明', async () => {
    const { bureau, bytes } = await exchange()
    await ok(bureau, 'settings.save', { values: { 'unit.name': null } })
    await refused(bureau, bytes, '请先在“系统设置 → 规则参数 → 单位信息”中填写单位名称')
  })

  it('医院从较早的备份恢复后（忘了之后发出的数据包）再导出：新的数据包仍然较新，取代上级已有的', async () => {
    const { h, bureau, out } = await exchange()
    await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })
    // the restored database: its counter back where the backup left it, a week later by the clock
    h.context.db.prepare('UPDATE exchange_identity SET last_sequence = 0').run()
    const later = createBackend({ ...h.context, now: () => new Date('2026-02-17T10:00:00+08:00') }, () => {})
    const again = await ok(later, 'exchange.export', { kind: 'annual-statistics', year: 2025, to: 'B-100' })
    expect((await ok(bureau, 'exchange.import', { contentBase64: again.contentBase64 })).applied).toBe(true)
    const rows = await ok(bureau, 'exchange.packages', { direction: 'received' })
    expect(rows.find((p) => p.packageId === out.packageId)!.supersededBy).toBe(again.packageId)
  })
})
