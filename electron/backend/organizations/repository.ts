import type { Database } from 'better-sqlite3'
import type { Organization, OrgStatus, OrgType } from '../../shared/organizations'

interface OrgRow {
  id: number
  name: string
  type: OrgType
  parent_id: number | null
  founded_on: string | null
  term_years: number | null
  term_started_on: string | null
  status: OrgStatus
  dissolved_on: string | null
  dissolved_reason: string | null
  note: string | null
  sort_order: number
  created_at: string
  updated_at: string
  departments: string
}

const SELECT = `
  SELECT o.*, COALESCE((
    SELECT json_group_array(d.name ORDER BY od.position) FROM organization_departments od
    JOIN departments d ON d.id = od.department_id WHERE od.organization_id = o.id), '[]') AS departments
  FROM organizations o`

function fromRow(r: OrgRow): Organization {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    parentId: r.parent_id,
    departments: JSON.parse(r.departments) as string[],
    foundedOn: r.founded_on,
    termYears: r.term_years,
    termStartedOn: r.term_started_on,
    status: r.status,
    dissolvedOn: r.dissolved_on,
    dissolvedReason: r.dissolved_reason,
    note: r.note,
    sortOrder: r.sort_order,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export function findOrganization(db: Database, id: number): Organization | null {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OrgRow | undefined
  return row ? fromRow(row) : null
}

export function allOrganizations(db: Database): Organization[] {
  return (db.prepare(`${SELECT} ORDER BY o.sort_order, o.id`).all() as OrgRow[]).map(fromRow)
}

export function findActiveByName(db: Database, name: string): Organization | null {
  const row = db.prepare(`${SELECT} WHERE o.name = ? AND o.status = 'active'`).get(name) as OrgRow | undefined
  return row ? fromRow(row) : null
}

export interface OrgWrite {
  name: string
  type: OrgType
  foundedOn: string | null
  termYears: number | null
  termStartedOn: string | null
  note: string | null
}

export function insertOrganization(db: Database, org: OrgWrite & { parentId: number | null }, at: string): number {
  const sortOrder = (db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM organizations WHERE parent_id IS ?').pluck().get(org.parentId) as number)
  const info = db
    .prepare(
      `INSERT INTO organizations (name, type, parent_id, founded_on, term_years, term_started_on, note, sort_order, created_at, updated_at)
       VALUES (@name, @type, @parentId, @foundedOn, @termYears, @termStartedOn, @note, @sortOrder, @at, @at)`,
    )
    .run({ ...org, sortOrder, at })
  return Number(info.lastInsertRowid)
}

export function updateOrganization(db: Database, id: number, org: OrgWrite, at: string): void {
  db.prepare(
    `UPDATE organizations SET name = @name, type = @type, founded_on = @foundedOn, term_years = @termYears,
       term_started_on = @termStartedOn, note = @note, updated_at = @at WHERE id = @id`,
  ).run({ ...org, id, at })
}

export function setParent(db: Database, id: number, parentId: number | null, at: string): void {
  db.prepare('UPDATE organizations SET parent_id = ?, updated_at = ? WHERE id = ?').run(parentId, at, id)
}

export function setStatus(db: Database, id: number, status: OrgStatus, dissolvedOn: string | null, reason: string | null, at: string): void {
  db.prepare('UPDATE organizations SET status = ?, dissolved_on = ?, dissolved_reason = ?, updated_at = ? WHERE id = ?').run(status, dissolvedOn, reason, at, id)
}

/** Replaces the departments (科室) an organization covers, in the clerk's order, creating department names on first use. */
export function setDepartments(db: Database, orgId: number, names: readonly string[]): void {
  db.prepare('DELETE FROM organization_departments WHERE organization_id = ?').run(orgId)
  const ensure = db.prepare('INSERT INTO departments (name) VALUES (?) ON CONFLICT(name) DO NOTHING')
  const link = db.prepare('INSERT INTO organization_departments (organization_id, department_id, position) SELECT ?, id, ? FROM departments WHERE name = ?')
  ;[...new Set(names)].forEach((name, position) => {
    ensure.run(name)
    link.run(orgId, position, name)
  })
}

export function allDepartmentNames(db: Database): string[] {
  return db.prepare('SELECT name FROM departments ORDER BY name').pluck().all() as string[]
}

/** Ids of the organization and everything below it. */
export function descendantIds(db: Database, id: number): number[] {
  return db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id)
       SELECT id FROM sub`,
    )
    .pluck()
    .all(id) as number[]
}
