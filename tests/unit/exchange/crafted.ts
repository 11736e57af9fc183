import { crc32, deflateRawSync } from 'node:zlib'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { openPackage, writePackage } from '../../../electron/backend/exchange/package-file'
import type { Manifest } from '../../../electron/shared/exchange'

/** A zip laid out by hand, for the hostile files a package reader must refuse (docs/exchange.md §8). */
export function craftZip(entries: { name: string; data: Uint8Array; deflate?: boolean; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const body = e.deflate ? deflateRawSync(e.data, { level: 9 }) : Buffer.from(e.data)
    const size = e.declaredSize ?? e.data.length
    const crc = crc32(e.data)
    const l = Buffer.alloc(30)
    l.writeUInt32LE(0x04034b50, 0)
    l.writeUInt16LE(20, 4)
    l.writeUInt16LE(0x0800, 6)
    l.writeUInt16LE(e.deflate ? 8 : 0, 8)
    l.writeUInt16LE(33, 12)
    l.writeUInt32LE(crc, 14)
    l.writeUInt32LE(body.length, 18)
    l.writeUInt32LE(size, 22)
    l.writeUInt16LE(name.length, 26)
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(0x0800, 8)
    c.writeUInt16LE(e.deflate ? 8 : 0, 10)
    c.writeUInt16LE(33, 14)
    c.writeUInt32LE(crc, 16)
    c.writeUInt32LE(body.length, 20)
    c.writeUInt32LE(size, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE(offset, 42)
    locals.push(l, name, body)
    centrals.push(c, name)
    offset += 30 + name.length + body.length
  }
  const dir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, dir, end])
}

const privateKeyOf = (b: Backend): string => b.context.db.prepare('SELECT private_key FROM exchange_identity').pluck().get() as string

/**
 * A package re-made from a real one with its manifest changed by `edit` and signed with `signer`'s key (by default
 * the real sender's, as a newer program of theirs would sign it).
 */
export function resigned(real: Buffer, edit: (m: Manifest) => Manifest, signer: Backend): Buffer {
  const opened = openPackage(real)
  const { parts: _p, ...head } = edit(opened.manifest)
  return writePackage(head, [...opened.parts].map(([name, json]) => ({ name, json })), privateKeyOf(signer)).bytes
}

/** A package re-made from a real one with its parts changed by `edit`, properly signed by its sender: a bad writer's file. */
export function rewritten(real: Buffer, edit: (parts: Map<string, unknown>) => void, signer: Backend): Buffer {
  const opened = openPackage(real)
  const parts = new Map(opened.parts)
  edit(parts)
  const { parts: _p, ...head } = opened.manifest
  return writePackage(head, [...parts].map(([name, json]) => ({ name, json })), privateKeyOf(signer)).bytes
}
