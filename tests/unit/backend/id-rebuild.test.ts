import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { memberFieldsInput } from '../../../electron/shared/contract/members'
import { daysInMonth, formatIso } from '../../../electron/shared/dates'
import { ROSTER_COLUMNS } from '../../../electron/shared/print'
import { checkChar } from '../../../electron/shared/rules/id-number'
import { AGE_BANDS } from '../../../electron/shared/rules/statistics'
import { b64, rowsOf, workbook } from '../../fixtures/workbooks'
import { enrol, people, type Person } from '../../fixtures/roster'
import { fails, ok, testBackend } from '../helpers'

/**
 * The masked-ID probe, as an attacker would run it: signed in as 只读领导 or 支部书记, collect everything the role can read
 * about the people without pressing “查看（留痕）”, then try to rebuild each ID number from its masked form
 * (first 6 + last 4), any birth date found and the check character. The probe rebuilt 405 of 405.
 */
const signIn = async (backend: Backend, username: string, password: string) => {
  await ok(backend, 'auth.logout', {})
  await ok(backend, 'auth.login', { username, password })
}

async function hospital() {
  const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
  await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const medicine = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const surgery = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  const all = people(405)
  const truth = new Map([...(await enrol(backend, medicine.id, all.slice(0, 200))), ...(await enrol(backend, surgery.id, all.slice(200)))])
  // edits leave before/after images of whole records in the audit log
  // (the form sends the record back as it came, masked ID included)
  const editable = Object.keys(memberFieldsInput.shape)
  for (const id of [...truth.keys()].slice(0, 40)) {
    const shown = (await ok(backend, 'members.get', { id })).member as unknown as Record<string, unknown>
    await ok(backend, 'members.update', { id, fields: { ...Object.fromEntries(editable.map((k) => [k, shown[k]])), department: '心内科' } as never })
  }
  await ok(backend, 'users.create', { username: 'lingdao', displayName: '张书记', role: 'leader', password: 'leader-pass-1' })
  await ok(backend, 'users.create', { username: 'neike', displayName: '内科刘书记', role: 'secretary', organizationId: medicine.id, password: 'secretary-1' })
  return { backend, truth, medicine }
}

/** Everything reachable without a reveal, as text, and the masked ID each visible person is shown with. */
async function collect(backend: Backend, branch: number | null = null): Promise<Seen> {
  const texts: string[] = []
  const keep = (x: unknown) => (texts.push(JSON.stringify(x)), x)
  const masked = new Map<number, string>()
  const months = new Map<number, string>()
  const list = { statuses: ['normal', 'suspended', 'left', 'transferred_out'] as const, pageSize: 200 }
  for (const sort of ['organization', 'birthDate'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      for (let page = 1; ; page++) {
        const r = await ok(backend, 'members.list', { ...list, statuses: [...list.statuses], sort, order, page })
        keep(r)
        for (const row of r.rows) {
          masked.set(row.id, row.idNumber!)
          months.set(row.id, row.birthMonth!)
        }
        if (page * 200 >= r.total) break
      }
    }
  }
  for (const band of AGE_BANDS) keep(await ok(backend, 'members.list', { ...list, statuses: [...list.statuses], ageBand: band }))
  for (const id of masked.keys()) {
    keep(await ok(backend, 'members.get', { id }))
    keep(await ok(backend, 'audit.list', { entity: 'member', entityId: id }))
  }
  const everything = await backend.call('audit.list', { limit: 1000 })
  if (everything.ok) keep(everything.data)
  const workbook = await ok(backend, 'exports.workbook', { source: 'members', scope: {} })
  keep(rowsOf(workbook.contentBase64))
  const print = await ok(backend, 'print.document', { what: 'roster', filters: { organizationId: branch }, columns: ROSTER_COLUMNS.map((c) => c.key) } as never)
  texts.push(print.html)
  return { ...datesAndIds(texts.join('\n')), masked, months }
}

interface Seen {
  /** every full date the text names, in any of the ways a screen, workbook or print writes one, as YYYY-MM-DD */
  dates: Set<string>
  /** every 18-character ID number that appears whole */
  ids: Set<string>
  masked: Map<number, string>
  months: Map<number, string>
}

const pad = (n: string) => n.padStart(2, '0')
function datesAndIds(text: string): Pick<Seen, 'dates' | 'ids'> {
  const dates = new Set<string>()
  for (const m of text.matchAll(/(\d{4})(?:[-./]|年)(\d{1,2})(?:[-./]|月)(\d{1,2})/g)) dates.add(`${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`)
  // 8 digits in a row: YYYYMMDD as inside an ID (and whole IDs)
  for (const m of text.matchAll(/(?<!\d)(?:\d{6})?(19\d{2})(\d{2})(\d{2})/g)) dates.add(`${m[1]}-${m[2]}-${m[3]}`)
  return { dates, ids: new Set(text.match(/\d{17}[\dX]/g) ?? []) }
}

/** The birth dates a masked ID leaves open: the days of the month shown whose check character matches. */
function candidates(masked: string, month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return Array.from({ length: daysInMonth(y, m) }, (_, i) => formatIso(y, m, i + 1)).filter((d) => {
    const body = masked.slice(0, 6) + d.replaceAll('-', '') + masked.slice(14, 17)
    return checkChar(body) === masked[17]
  })
}

function rebuild(seen: Seen, truth: Map<number, Person>): { rebuilt: number; exposed: number; fewest: number } {
  let rebuilt = 0
  let exposed = 0
  let fewest = Infinity
  for (const [id, mask] of seen.masked) {
    const p = truth.get(id)!
    if (seen.ids.has(p.idNumber)) exposed++
    let left = candidates(mask, seen.months.get(id)!)
    // a date seen anywhere that is one of the candidates settles it (the probe matched them up the same way)
    const named = left.filter((d) => seen.dates.has(d))
    if (named.length === 1) left = named
    fewest = Math.min(fewest, left.length)
    if (left.length === 1 && mask.slice(0, 6) + left[0]!.replaceAll('-', '') + mask.slice(14) === p.idNumber) rebuilt++
  }
  return { rebuilt, exposed, fewest }
}

/**
 * The import preview as an oracle: a file of every candidate ID number with the person's name and branch. A row
 * that is not new (更新/跳过, or “与名册中的某某相同”) names the real number. Returns how many it confirmed.
 */
async function previewOracle(backend: Backend, seen: Seen, truth: Map<number, Person>): Promise<number> {
  const tried: [number, string][] = []
  const rows: (string | null)[][] = [['姓名', '身份证号', '所在党支部', '入党日期', '转正日期']]
  for (const [id, mask] of [...seen.masked].slice(0, 30)) {
    for (const d of candidates(mask, seen.months.get(id)!)) {
      const guess = mask.slice(0, 6) + d.replaceAll('-', '') + mask.slice(14)
      tried.push([id, guess])
      rows.push([truth.get(id)!.name, guess, id <= 200 ? '内科党支部' : '外科党支部', '2010-07-01', '2011-07-01'])
    }
  }
  const r = await backend.call('imports.preview', { kind: 'members', fileName: '核对.xlsx', contentBase64: b64(workbook(rows)), mode: 'skip' })
  if (!r.ok) return 0
  const answered = (r.data as { rows: { action: string }[] }).rows
  return tried.filter(([id, guess], i) => answered[i]!.action !== 'insert' && truth.get(id)!.idNumber === guess).length
}

describe('身份证号遮蔽不能被还原', () => {
  it('只读领导：名单、档案、审计日志、导出、打印合起来也还原不出任何一个身份证号', async () => {
    const { backend, truth } = await hospital()
    await signIn(backend, 'lingdao', 'leader-pass-1')
    const seen = await collect(backend)
    expect(seen.masked.size).toBe(405)
    // the import preview matches ID numbers against the roster: the candidates of 30 people tried there at once
    expect(await previewOracle(backend, seen, truth)).toBe(0)
    expect((await fails(backend, 'exports.workbook', { source: 'members', scope: {}, includeSensitive: true })).code).toBe('FORBIDDEN')
    expect(rebuild(seen, truth)).toEqual({ rebuilt: 0, exposed: 0, fewest: 2 })
  }, 60_000)

  it('支部书记：本支部的人同样还原不出（查看原值须点“查看（留痕）”）', async () => {
    const { backend, truth, medicine } = await hospital()
    await signIn(backend, 'neike', 'secretary-1')
    const seen = await collect(backend, medicine.id)
    expect(seen.masked.size).toBe(200)
    expect(rebuild(seen, truth)).toEqual({ rebuilt: 0, exposed: 0, fewest: 2 })
  }, 60_000)
})
