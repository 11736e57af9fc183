import type { Backend } from '../../../electron/backend/boot/dispatch'
import { people } from '../../fixtures/roster'
import { ok, testBackend } from '../helpers'

/**
 * A small hospital for the 党费 tests, on 2025-10-15 (January to September have ended):
 *   内科党支部: 张伟 在职 (正式党员 since 2000), 李娜 离退休, 王芳 学生, 赵敏 预备党员 accepted 2025-04-15,
 *               刘洋 transferred out 2025-06-10 (党费交至 2025-05), 陈静 transferred in 2025-03-20 (党费交至 2025-03),
 *               周强 入党积极分子 (not a party member)
 *   外科党支部: 孙磊 在职
 * Everyone has a valid ID number (tests/fixtures/roster.ts). No bases or payments yet.
 */
export const TODAY = '2025-10-15T10:00:00+08:00'

export async function duesHospital(transport: 'cli' | 'web' = 'cli', given?: Backend) {
  // a given backend (a database file for the command line) keeps its own clock
  const backend = given ?? testBackend(TODAY, '党办王干事', transport)
  if (transport === 'web') {
    await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  }
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const medicine = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  const surgery = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  // the oldest first: 李娜 joined in 1980, the others in 2000 or later
  const ids = people(40, 2020).sort((a, b) => a.birthDate.localeCompare(b.birthDate))
  const names = ['李娜', '张伟', '王芳', '赵敏', '刘洋', '陈静', '周强', '孙磊']
  const idOf = Object.fromEntries(names.map((n, i) => [n, ids[i]!.idNumber])) as Record<string, string>
  const add = async (organizationId: number, name: string, dates: Record<string, string>, transferIn: unknown = null) =>
    (await ok(backend, 'members.create', { organizationId, fields: { name, idNumber: idOf[name]!, ...dates }, transferIn } as never)).member.id
  const full = { joinedOn: '2000-07-01', convertedOn: '2001-07-01' }
  const m = {
    张伟: await add(medicine.id, '张伟', full),
    李娜: await add(medicine.id, '李娜', { joinedOn: '1980-07-01', convertedOn: '1981-07-01' }),
    王芳: await add(medicine.id, '王芳', { joinedOn: '2024-11-20', appliedOn: '2022-09-10' }),
    赵敏: await add(medicine.id, '赵敏', { appliedOn: '2022-03-01', activistOn: '2022-09-01', candidateOn: '2024-09-01', joinedOn: '2025-04-15' }),
    刘洋: await add(medicine.id, '刘洋', full),
    陈静: await add(medicine.id, '陈静', full, { date: '2025-03-20', fromOrganization: '中共某大学委员会', letterNo: '组转〔2025〕3号', duesPaidTo: '2025-03' }),
    周强: await add(medicine.id, '周强', { appliedOn: '2024-03-01', activistOn: '2024-09-01' }),
    孙磊: await add(surgery.id, '孙磊', full),
  }
  await ok(backend, 'members.event', { type: 'transfer_out', id: m.刘洋, date: '2025-06-10', toOrganization: '中共某区卫健委委员会', letterNo: '组转〔2025〕8号', duesPaidTo: '2025-05' })
  return { backend, committee: c.id, medicine: medicine.id, surgery: surgery.id, m, idOf }
}

/** Bases for the year as the finance list would give them: 张伟 8500, 李娜 5000.01 pension, 王芳 student, the rest 3000–5000. */
export async function withBases(backend: Backend, m: Record<string, number>) {
  const set = (memberId: number, category: 'salary' | 'pension' | 'student', baseFen: number | null, fromMonth = '2025-01') => ok(backend, 'dues.setBase', { memberId, fromMonth, category, baseFen })
  await set(m.张伟!, 'salary', 850000)
  await set(m.李娜!, 'pension', 500001)
  await set(m.王芳!, 'student', null)
  await set(m.赵敏!, 'salary', 420000)
  await set(m.刘洋!, 'salary', 300000)
  await set(m.陈静!, 'salary', 1000001)
  await set(m.孙磊!, 'salary', 620000)
}

/** A person not on the roster, with a valid ID number (tests/fixtures/roster.ts, another seed). */
export const stranger = () => people(1, 99)[0]!

/**
 * The finance department's 2025 list as it arrives: a title row, their own header words, amounts with thousands
 * separators and 元, months written three ways, a footer — and ten rows a clerk must fix (ID numbers stored by
 * Excel as numbers, someone not on the roster, someone transferred out, an 积极分子, a wrong name, an unknown
 * 人员类别, a base in words, an implausible base, a 减免, a month of the wrong year). Rows are Excel rows 3–18.
 */
export function financeList(idOf: Record<string, string>): (string | number | null)[][] {
  return [
    ['2025年度党员交纳党费计算基数（财务处提供）'],
    ['序号', '姓名', '身份证号码', '所在党支部', '人员类别', '计算基数（元）', '起始月份', '备注'],
    [1, '张伟', idOf.张伟!, '内科党支部', '在职', '8,500.00', '2025-01', null],
    [2, '李娜', idOf.李娜!, null, '退休', 5000.01, null, null],
    [3, '王芳', idOf.王芳!, '内科', '学生', null, null, '在读博士'],
    [4, '赵敏', idOf.赵敏!, '内科党支部', '在岗', '4200元', '2025年4月', '预备党员'],
    [5, '陈静', idOf.陈静!, '内科党支部', '在职', 10000.01, '2025.4', '3月转入'],
    [6, '孙磊', Number(idOf.孙磊), '外科党支部', '在职', 6200, null, null],
    [7, '张伟', idOf.张伟!, '内科党支部', '在职', '10,000.01', '2025.7', '7月起调资'],
    [8, stranger().name, stranger().idNumber, '内科党支部', '在职', 5000, null, null],
    [9, '刘洋', idOf.刘洋!, '内科党支部', '在职', 3000, '2025-07', null],
    [10, '周强', idOf.周强!, '内科党支部', '在职', 5000, null, null],
    [11, '孙蕾', idOf.孙磊!, '外科党支部', '在职', 6200, '2025-02', null],
    [12, '赵敏', idOf.赵敏!, '内科党支部', '临时工', 4200, '2025-06', null],
    [13, '李娜', idOf.李娜!, null, '退休', '八千', '2025-03', null],
    [14, '王芳', idOf.王芳!, '内科', '在职', 250000, '2025-05', null],
    [15, '李娜', idOf.李娜!, null, '减免', null, '2025-08', null],
    [16, '张伟', idOf.张伟!, '内科党支部', '在职', 8500, '2024-12', null],
    ['制表人：财务处 王会计　　审核：李处长'],
  ]
}
