import { crc32 } from 'node:zlib'
import { AppError } from '../../shared/result'

/**
 * The zip container of a package (docs/exchange.md §3, §8), written and read here on Node's zlib crc32 rather
 * than with a zip library. Every entry is *stored* (not compressed) and every header field has one allowed value
 * or must repeat another, so that each byte of a package file is checked by something — a header rule, a CRC, a
 * part's SHA-256 or the signature — and a file changed anywhere is refused. Stored entries also make a
 * "zip bomb" impossible: nothing is inflated, and the sizes are checked against the limits before anything is read.
 * The packages are small JSON files; compression would save little on a USB drive.
 */
export interface ZipPart {
  name: string
  data: Uint8Array
}

const MiB = 1024 * 1024
/** docs/exchange.md §8 */
export const PACKAGE_LIMITS = {
  fileBytes: 20 * MiB,
  entries: 16,
  entryBytes: 16 * MiB,
  totalBytes: 20 * MiB,
}

const damaged = (detail: string): never => {
  throw new AppError('VALIDATION', `数据包文件已损坏或被改动（${detail}），请让对方重新导出后再拷贝一次`)
}
const hostile = (detail: string): never => {
  throw new AppError('VALIDATION', `数据包文件不合要求（${detail}），可能是恶意构造的文件，已停止读取，未做任何修改`)
}

/** docs/exchange.md §3: the only values these header fields take */
const VERSION = 20
const UTF8_NAMES = 0x0800
const STORED = 0
// 1980-01-01 00:00 in MS-DOS form: the earliest date a zip can hold, so the bytes do not depend on the clock
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1

function localHeader(name: Buffer, crc: number, size: number): Buffer {
  const h = Buffer.alloc(30)
  h.writeUInt32LE(0x04034b50, 0)
  h.writeUInt16LE(VERSION, 4)
  h.writeUInt16LE(UTF8_NAMES, 6)
  h.writeUInt16LE(STORED, 8)
  h.writeUInt16LE(DOS_TIME, 10)
  h.writeUInt16LE(DOS_DATE, 12)
  h.writeUInt32LE(crc, 14)
  h.writeUInt32LE(size, 18)
  h.writeUInt32LE(size, 22)
  h.writeUInt16LE(name.length, 26)
  return Buffer.concat([h, name])
}

function centralHeader(name: Buffer, crc: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(46)
  h.writeUInt32LE(0x02014b50, 0)
  h.writeUInt16LE(VERSION, 4)
  h.writeUInt16LE(VERSION, 6)
  h.writeUInt16LE(UTF8_NAMES, 8)
  h.writeUInt16LE(STORED, 10)
  h.writeUInt16LE(DOS_TIME, 12)
  h.writeUInt16LE(DOS_DATE, 14)
  h.writeUInt32LE(crc, 16)
  h.writeUInt32LE(size, 20)
  h.writeUInt32LE(size, 24)
  h.writeUInt16LE(name.length, 28)
  h.writeUInt32LE(offset, 42)
  return Buffer.concat([h, name])
}

function endRecord(count: number, dirSize: number, dirAt: number): Buffer {
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(count, 8)
  end.writeUInt16LE(count, 10)
  end.writeUInt32LE(dirSize, 12)
  end.writeUInt32LE(dirAt, 16)
  return end
}

/** A zip of the parts, stored, in the order given (docs/exchange.md §3). */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8')
    const crc = crc32(p.data)
    const local = localHeader(name, crc, p.data.length)
    locals.push(local, Buffer.from(p.data))
    centrals.push(centralHeader(name, crc, p.data.length, offset))
    offset += local.length + p.data.length
  }
  const directory = Buffer.concat(centrals)
  return Buffer.concat([...locals, directory, endRecord(parts.length, directory.length, offset)])
}

const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && Buffer.compare(a, b) === 0

/**
 * The entries of a package file, under docs/exchange.md §8's limits, in the order written. The file must be
 * laid out exactly as writeZip lays it out: entries one after another from the first byte, the directory right
 * after them, the end record last, every header as §3 says. Anything else — a truncated file, a changed header
 * byte, a name with a folder or `..`, a duplicate or hidden entry, compression, encryption, sizes past the
 * limits — is refused in Chinese.
 */
export function readZip(bytes: Uint8Array): ZipPart[] {
  if (bytes.length > PACKAGE_LIMITS.fileBytes) hostile(`文件有 ${Math.ceil(bytes.length / MiB)} MB，数据包不会超过 ${PACKAGE_LIMITS.fileBytes / MiB} MB`)
  if (bytes.length < 22) damaged('文件不完整')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const endAt = bytes.length - 22
  if (view.getUint32(endAt, true) !== 0x06054b50) damaged('文件不完整，可能没有复制完')
  const count = view.getUint16(endAt + 8, true)
  if (count > PACKAGE_LIMITS.entries) hostile(`压缩包中有 ${count} 项，数据包最多 ${PACKAGE_LIMITS.entries} 项`)
  const dirSize = view.getUint32(endAt + 12, true)
  const dirAt = view.getUint32(endAt + 16, true)
  if (dirAt + dirSize !== endAt || dirAt > endAt) damaged('压缩包目录位置不对')
  if (!same(bytes.subarray(endAt), endRecord(count, dirSize, dirAt))) damaged('压缩包末尾记录不合规定')
  const out: ZipPart[] = []
  const seen = new Set<string>()
  let total = 0
  let local = 0
  let p = dirAt
  for (let k = 0; k < count; k++) {
    if (p + 46 > endAt || view.getUint32(p, true) !== 0x02014b50) damaged('压缩包目录不完整')
    const nameLength = view.getUint16(p + 28, true)
    const crc = view.getUint32(p + 16, true)
    const size = view.getUint32(p + 24, true)
    if (p + 46 + nameLength > endAt) damaged('压缩包目录不完整')
    const nameBytes = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength))
    const name = nameBytes.toString('utf8')
    if (nameLength === 0 || /[/\\]|\.\.|^[A-Za-z]:/.test(name)) hostile(`其中有带路径的项“${name.slice(0, 60)}”`)
    if (seen.has(name)) hostile(`“${name.slice(0, 60)}”出现了两次`)
    seen.add(name)
    const method = view.getUint16(p + 10, true)
    if (method !== STORED) hostile(`“${name.slice(0, 60)}”是压缩存放的（压缩方式 ${method}），数据包的各项都不压缩：这可能是“压缩炸弹”`)
    if (view.getUint16(p + 8, true) & 0x41) hostile('其中有加密的项')
    if (size > PACKAGE_LIMITS.entryBytes) hostile(`“${name.slice(0, 60)}”有 ${Math.ceil(size / MiB)} MB，超过每项 ${PACKAGE_LIMITS.entryBytes / MiB} MB 的上限`)
    if (total + size > PACKAGE_LIMITS.totalBytes) hostile(`各项合计超过 ${PACKAGE_LIMITS.totalBytes / MiB} MB`)
    if (!same(bytes.subarray(p, p + 46 + nameLength), centralHeader(nameBytes, crc, size, local))) damaged(`“${name.slice(0, 60)}”的目录记录不合规定`)
    const header = localHeader(nameBytes, crc, size)
    const start = local + header.length
    if (start + size > dirAt) damaged(`“${name.slice(0, 60)}”被截断`)
    if (!same(bytes.subarray(local, start), header)) damaged(`“${name.slice(0, 60)}”的文件头与目录不一致`)
    const data = bytes.subarray(start, start + size)
    if (crc32(data) !== crc) damaged(`“${name.slice(0, 60)}”的校验值不符`)
    total += size
    out.push({ name, data })
    local = start + size
    p += 46 + nameLength
  }
  // nothing hidden between the entries and the directory, nor after the last directory record
  if (local !== dirAt || p !== endAt) damaged('压缩包中有多余的内容')
  return out
}
