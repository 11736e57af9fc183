import { FORMAT_VERSION, manifestSchema, PACKAGE_FORMAT, type Manifest } from '../../shared/exchange'
import { AppError } from '../../shared/result'
import { sha256Hex, signBytes, verifyBytes } from './keys'
import { readZip, writeZip } from './zip'

/**
 * One package file (docs/exchange.md §3): manifest.json, manifest.sig (the Ed25519 signature over manifest.json's
 * exact bytes, in base64) and the JSON parts the manifest lists with their SHA-256. Pure: bytes in, bytes out.
 */
export const MANIFEST = 'manifest.json'
export const SIGNATURE = 'manifest.sig'

export interface Part {
  name: string
  json: unknown
}

/** What a package file holds once every check of its own has passed (whether its sender is trusted is not known here). */
export interface OpenedPackage {
  manifest: Manifest
  /** the parts' JSON, parsed, by name */
  parts: Map<string, unknown>
  fileSha256: string
}

const refuse = (message: string): never => {
  throw new AppError('VALIDATION', message)
}

/** Writes a package: the manifest gets the parts' sizes and hashes, then is signed as the bytes written. */
export function writePackage(head: Omit<Manifest, 'parts'>, parts: readonly Part[], privateKey: string): { bytes: Buffer; sha256: string; manifest: Manifest } {
  const data = parts.map((p) => ({ name: p.name, data: Buffer.from(JSON.stringify(p.json), 'utf8') }))
  const manifest: Manifest = { ...head, parts: data.map((d) => ({ name: d.name, bytes: d.data.length, sha256: sha256Hex(d.data) })) }
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8')
  const signature = Buffer.from(signBytes(privateKey, manifestBytes).toString('base64'), 'ascii')
  const bytes = writeZip([{ name: MANIFEST, data: manifestBytes }, { name: SIGNATURE, data: signature }, ...data])
  return { bytes, sha256: sha256Hex(bytes), manifest }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
function parseJson(name: string, data: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(data))
  } catch {
    return refuse(`数据包中的“${name}”不是有效的 JSON（UTF-8）文本，文件已损坏或不是党办通的数据包`)
  }
}

/**
 * Reads a package file and checks everything it can say about itself (docs/exchange.md §9, in this order): the zip
 * limits, exactly the expected entries, the format and its version, the manifest's fields, the signature under the
 * key it names, and each part's size and SHA-256. Any failure is an AppError in Chinese; nothing is written.
 */
export function openPackage(bytes: Uint8Array): OpenedPackage {
  const entries = readZip(bytes)
  const byName = new Map(entries.map((e) => [e.name, e.data]))
  const manifestBytes = byName.get(MANIFEST)
  const sig = byName.get(SIGNATURE)
  if (!manifestBytes || !sig) refuse('这不是党办通的数据包（其中没有 manifest.json 和 manifest.sig），请确认选择的文件')
  const raw = parseJson(MANIFEST, manifestBytes!) as { format?: unknown; formatVersion?: unknown } | null
  if (!raw || typeof raw !== 'object' || raw.format !== PACKAGE_FORMAT) refuse('这不是党办通的数据包（manifest.json 的 format 不对），请确认选择的文件')
  if (typeof raw!.formatVersion === 'number' && raw!.formatVersion > FORMAT_VERSION) {
    refuse(`数据包的格式版本是 ${raw!.formatVersion}，本程序只认得 ${FORMAT_VERSION}：对方使用了更新版本的党办通，请先升级本机的党办通再导入`)
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) refuse(`数据包的说明（manifest.json）不合格式：${parsed.error.issues[0]?.path.join('.') || '整体'} 不正确。文件可能被改动过，请让对方重新导出`)
  const manifest = parsed.data!
  // base64 has spare bits in its last character: only the one canonical spelling of the 64 bytes is accepted
  const sigText = Buffer.from(sig!).toString('latin1')
  const signature = Buffer.from(sigText, 'base64')
  if (signature.toString('base64') !== sigText || !verifyBytes(manifest.sender.publicKey, manifestBytes!, signature)) {
    refuse(`数据包的签名不符：它在“${manifest.sender.unitName}”导出之后被改动过，或签名已损坏。请不要使用这个文件，请对方重新导出`)
  }
  const listed = new Set([MANIFEST, SIGNATURE, ...manifest.parts.map((p) => p.name)])
  const extra = entries.find((e) => !listed.has(e.name))
  if (extra) refuse(`数据包中有说明里没有列出的文件“${extra.name.slice(0, 60)}”，可能被改动过，已拒绝`)
  const parts = new Map<string, unknown>()
  for (const p of manifest.parts) {
    const data = byName.get(p.name)
    if (!data) refuse(`数据包中缺少“${p.name}”，文件不完整，请对方重新导出`)
    if (data!.length !== p.bytes || sha256Hex(data!) !== p.sha256) refuse(`数据包中“${p.name}”的内容与签名的说明不符（SHA-256 不同），它被改动过，已拒绝`)
    parts.set(p.name, parseJson(p.name, data!))
  }
  return { manifest, parts, fileSha256: sha256Hex(bytes) }
}
