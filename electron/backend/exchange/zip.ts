import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { AppError } from '../../shared/result'

/**
 * The zip container of a package (docs/exchange.md §3, §8). Written and read here with Node's zlib rather than a
 * zip library: a package holds a handful of small JSON files, and a file from a USB drive is read as hostile —
 * sizes are checked before anything is inflated, inflating stops at the declared size, and every name must be a
 * plain file name. The writer is deterministic (fixed date, sorted order is the caller's) so the same content
 * gives the same bytes.
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
  entryBytes: 20 * MiB,
  totalBytes: 40 * MiB,
  /** inflated ÷ compressed per entry: JSON of numbers compresses 5–20 times, a bomb thousands */
  ratio: 200,
  /** below this an entry may inflate as it likes */
  ratioFloorBytes: 64 * 1024,
}

const damaged = (detail: string): never => {
  throw new AppError('VALIDATION', `数据包文件已损坏（${detail}），请让对方重新导出后再拷贝一次`)
}
const hostile = (detail: string): never => {
  throw new AppError('VALIDATION', `数据包文件不合要求（${detail}），可能是恶意构造的文件，已停止读取，未做任何修改`)
}

// 1980-01-01 00:00 in MS-DOS form: the earliest date a zip can hold, so the bytes do not depend on the clock
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1

/** A zip of the parts, each deflated; UTF-8 names flagged (bit 11). */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8')
    const packed = deflateRawSync(p.data, { level: 9 })
    const crc = crc32(p.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(p.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt16LE(DOS_TIME, 12)
    central.writeUInt16LE(DOS_DATE, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(p.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += 30 + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

interface Entry {
  name: string
  flags: number
  method: number
  crc: number
  compressed: number
  size: number
  local: number
}

/**
 * The entries of a package file, under docs/exchange.md §8's limits, in the order of the directory. Refuses (with
 * a Chinese message) a truncated or damaged file, a name with a folder, `..` or a drive, a duplicate name, entries
 * over each other, encryption, ZIP64, and anything that would inflate past the limits.
 */
export function readZip(bytes: Uint8Array): ZipPart[] {
  if (bytes.length > PACKAGE_LIMITS.fileBytes) hostile(`文件有 ${Math.ceil(bytes.length / MiB)} MB，数据包不会超过 ${PACKAGE_LIMITS.fileBytes / MiB} MB`)
  if (bytes.length < 22) damaged('文件不完整')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // our writer puts no comment after the directory: its end record is the file's last 22 bytes
  const endAt = bytes.length - 22
  if (view.getUint32(endAt, true) !== 0x06054b50) damaged('文件不完整，可能没有复制完')
  const count = view.getUint16(endAt + 10, true)
  const dirSize = view.getUint32(endAt + 12, true)
  const dirAt = view.getUint32(endAt + 16, true)
  if (view.getUint16(endAt + 20, true) !== 0) damaged('压缩包末尾有多余内容')
  if (count > PACKAGE_LIMITS.entries) hostile(`压缩包中有 ${count} 项，数据包最多 ${PACKAGE_LIMITS.entries} 项`)
  if (dirAt + dirSize !== endAt) damaged('压缩包目录位置不对')
  const entries: Entry[] = []
  let p = dirAt
  for (let k = 0; k < count; k++) {
    if (p + 46 > endAt || view.getUint32(p, true) !== 0x02014b50) damaged('压缩包目录不完整')
    const nameLength = view.getUint16(p + 28, true)
    const extra = view.getUint16(p + 30, true) + view.getUint16(p + 32, true)
    if (p + 46 + nameLength + extra > endAt) damaged('压缩包目录不完整')
    entries.push({
      name: Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8'),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      local: view.getUint32(p + 42, true),
    })
    p += 46 + nameLength + extra
  }
  if (p !== endAt) damaged('压缩包目录长度不符')
  const seen = new Set<string>()
  let total = 0
  let next = 0
  const out: ZipPart[] = []
  // entries must follow one another from the start of the file, as our writer lays them: nothing hidden between
  // them, no two names over the same bytes
  for (const e of [...entries].sort((a, b) => a.local - b.local)) {
    if (e.name.includes('/') || e.name.includes('\\') || e.name.includes('..') || /^[A-Za-z]:/.test(e.name) || e.name.length === 0) hostile(`其中有带路径的项“${e.name.slice(0, 60)}”`)
    if (seen.has(e.name)) hostile(`“${e.name}”出现了两次`)
    seen.add(e.name)
    if (e.flags & 0x41) hostile('其中有加密的项')
    if (e.size === 0xffffffff || e.compressed === 0xffffffff) hostile('数据包不使用 ZIP64')
    if (e.local !== next) damaged('压缩包中的项位置不对')
    if (e.local + 30 > endAt || view.getUint32(e.local, true) !== 0x04034b50) damaged('压缩包中的项位置不对')
    const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true)
    if (start + e.compressed > dirAt) damaged('压缩包中的项被截断')
    next = start + e.compressed
    if (e.size > PACKAGE_LIMITS.entryBytes) hostile(`“${e.name}”解压后有 ${Math.ceil(e.size / MiB)} MB，超过每项 ${PACKAGE_LIMITS.entryBytes / MiB} MB 的上限`)
    if (total + e.size > PACKAGE_LIMITS.totalBytes) hostile(`解压后合计超过 ${PACKAGE_LIMITS.totalBytes / MiB} MB`)
    if (e.size > PACKAGE_LIMITS.ratioFloorBytes && e.size > PACKAGE_LIMITS.ratio * Math.max(1, e.compressed)) hostile(`“${e.name}”的压缩比超过 ${PACKAGE_LIMITS.ratio} 倍（“压缩炸弹”）`)
    const raw = bytes.subarray(start, start + e.compressed)
    const data = e.method === 0 ? raw : e.method === 8 ? inflate(raw, e.size) : hostile(`压缩方式 ${e.method} 不是数据包所用的`)
    if (data.length !== e.size) damaged(`“${e.name}”的大小与记录不符`)
    if (crc32(data) !== e.crc) damaged(`“${e.name}”的校验值不符`)
    total += data.length
    out.push({ name: e.name, data })
  }
  if (next !== dirAt) damaged('压缩包中有多余的内容')
  return entries.map((e) => out.find((o) => o.name === e.name)!)
}

/** zlib stopped at the declared size: a stream that holds more is refused, whatever it says. */
function inflate(raw: Uint8Array, declared: number): Uint8Array {
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, declared) })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return hostile('压缩包中的项比记录的大小更大（“压缩炸弹”）')
    return damaged('压缩数据无法解开')
  }
}
