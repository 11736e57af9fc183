import type { Database } from 'better-sqlite3'
import { PACKAGE_KIND_LABELS, PACKAGE_STATUS_LABELS, type Direction, type KnownUnit, type Manifest, type PackageKind, type PackageRow, type PackageStatus } from '../../shared/exchange'
import { readSettings } from '../settings'
import { fingerprintOf } from './keys'

/** This installation as it signs (docs/exchange.md §4): made by the migration at set-up. */
export interface OwnIdentity {
  installationId: string
  publicKey: string
  privateKey: string
  unitName: string
  unitCode: string
}

export function ownIdentity(db: Database): OwnIdentity {
  const row = db.prepare('SELECT installation_id AS installationId, public_key AS publicKey, private_key AS privateKey FROM exchange_identity WHERE id = 1').get() as
    | { installationId: string; publicKey: string; privateKey: string }
    | undefined
  if (!row) throw new Error('exchange_identity is missing: the database was not set up by migration 0019')
  const s = readSettings(db)
  return { ...row, unitName: s['unit.name'].trim(), unitCode: s['unit.code'].trim() }
}

/**
 * The next number of this installation's packages: a larger one is newer (docs/exchange.md §2, §6). The larger of
 * the last one + 1 and the time in milliseconds: a database restored from an older backup has forgotten what it
 * sent since, and its next packages still number after them (with the clock right); a clock set back cannot make
 * a number go down.
 */
export function nextSequence(db: Database, nowMs: number): number {
  db.prepare('UPDATE exchange_identity SET last_sequence = max(last_sequence + 1, ?) WHERE id = 1').run(Math.floor(nowMs))
  return db.prepare('SELECT last_sequence FROM exchange_identity WHERE id = 1').pluck().get() as number
}

const unitColumns = `id, unit_name AS unitName, unit_code AS unitCode, installation_id AS installationId, public_key AS publicKey, fingerprint, trusted_at AS trustedAt, trusted_by AS trustedBy`
type UnitRow = KnownUnit & { publicKey: string }

export const listUnits = (db: Database): KnownUnit[] =>
  (db.prepare(`SELECT ${unitColumns} FROM exchange_units ORDER BY unit_name, id`).all() as UnitRow[]).map(({ publicKey: _k, ...u }) => u)
export const unitByKey = (db: Database, publicKey: string): UnitRow | undefined => db.prepare(`SELECT ${unitColumns} FROM exchange_units WHERE public_key = ?`).get(publicKey) as UnitRow | undefined
export const unitByCode = (db: Database, code: string): UnitRow | undefined => db.prepare(`SELECT ${unitColumns} FROM exchange_units WHERE unit_code = ?`).get(code) as UnitRow | undefined
export const unitNamed = (db: Database, nameOrCode: string): UnitRow | undefined =>
  db.prepare(`SELECT ${unitColumns} FROM exchange_units WHERE unit_name = ? OR unit_code = ? ORDER BY unit_code = ? DESC LIMIT 1`).get(nameOrCode, nameOrCode, nameOrCode) as UnitRow | undefined

export function insertUnit(db: Database, m: Manifest['sender'], by: string, at: string): number {
  return Number(
    db
      .prepare('INSERT INTO exchange_units (unit_name, unit_code, installation_id, public_key, fingerprint, trusted_at, trusted_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(m.unitName, m.unitCode, m.installationId, m.publicKey, fingerprintOf(m.publicKey), at, by).lastInsertRowid,
  )
}

interface StoredPackage {
  id: number
  direction: Direction
  package_id: string
  file_sha256: string
  kind: string
  period: string
  subject: string
  sequence: number
  from_installation: string
  from_name: string
  from_code: string
  to_name: string | null
  to_code: string | null
  created_at: string
  recorded_at: string
  status: PackageStatus
  reason: string | null
  receipt_at: string | null
  superseded_by: number | null
  manifest_json: string
  data_json: string
}

export function insertPackage(
  db: Database,
  p: { direction: Direction; manifest: Manifest; fileSha256: string; data: unknown; content: Uint8Array | null; status: PackageStatus; by: string; at: string },
): number {
  const m = p.manifest
  return Number(
    db
      .prepare(
        `INSERT INTO exchange_packages (direction, package_id, file_sha256, kind, period, subject, sequence, from_installation, from_name, from_code, to_name, to_code,
           created_at, recorded_at, recorded_by, status, manifest_json, data_json, content)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.direction, m.packageId, p.fileSha256, m.kind, m.period, m.subject, m.sequence, m.sender.installationId, m.sender.unitName, m.sender.unitCode,
        m.receiver?.unitName ?? null, m.receiver?.unitCode ?? null, m.createdAt, p.at, p.by, p.status, JSON.stringify(m), JSON.stringify(p.data), p.content,
      ).lastInsertRowid,
  )
}

export const findPackage = (db: Database, direction: Direction, packageId: string): StoredPackage | undefined =>
  db.prepare('SELECT * FROM exchange_packages WHERE direction = ? AND package_id = ?').get(direction, packageId) as StoredPackage | undefined

/** The package in force for a sender's subject: the received one no newer package has replaced. */
export const currentReceived = (db: Database, installationId: string, kind: string, subject: string): StoredPackage | undefined =>
  db
    .prepare("SELECT * FROM exchange_packages WHERE direction = 'received' AND from_installation = ? AND kind = ? AND subject = ? ORDER BY sequence DESC LIMIT 1")
    .get(installationId, kind, subject) as StoredPackage | undefined

export const dataOf = (p: StoredPackage): unknown => JSON.parse(p.data_json)

export function listPackages(db: Database, direction: Direction | null): PackageRow[] {
  const rows = db
    .prepare(
      `SELECT p.*, n.package_id AS superseded_package FROM exchange_packages p LEFT JOIN exchange_packages n ON n.id = p.superseded_by
       WHERE (@direction IS NULL OR p.direction = @direction) ORDER BY p.recorded_at DESC, p.id DESC`,
    )
    .all({ direction }) as (StoredPackage & { superseded_package: string | null })[]
  return rows.map((r) => ({
    id: r.id,
    direction: r.direction,
    packageId: r.package_id,
    kind: r.kind,
    kindLabel: PACKAGE_KIND_LABELS[r.kind as PackageKind] ?? r.kind,
    period: r.period,
    fromName: r.from_name,
    fromCode: r.from_code,
    toName: r.to_name,
    toCode: r.to_code,
    fileSha256: r.file_sha256,
    createdAt: r.created_at,
    recordedAt: r.recorded_at,
    status: r.status,
    statusText: PACKAGE_STATUS_LABELS[r.status],
    reason: r.reason,
    receiptAt: r.receipt_at,
    supersededBy: r.superseded_package,
    counts: (JSON.parse(r.manifest_json) as Manifest).counts,
  }))
}

export type { StoredPackage }
