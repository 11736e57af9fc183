import { formatChineseDate } from '../dates'
import { AppError } from '../result'
import { esc, refuseSensitive } from './html'
import { issuerBlock, issuerCss, page } from './layout'
import type { NoticeData, NoticeKeyDates, NoticeKind } from './types'

type DateKey = keyof NoticeKeyDates

/** What each 公示 says and which dates it shows (发展党员工作细则: 公示 before each step; docs/rules.md §3). */
export const NOTICE_KINDS: Record<NoticeKind, { title: string; decided: string; dates: [DateKey, string][] }> = {
  发展对象: { title: '关于拟确定发展对象的公示', decided: '确定为发展对象', dates: [['appliedOn', '申请入党时间'], ['activistOn', '确定为积极分子时间']] },
  预备党员: { title: '关于拟接收预备党员的公示', decided: '接收为中共预备党员', dates: [['activistOn', '确定为积极分子时间'], ['candidateOn', '确定为发展对象时间']] },
  转正: { title: '关于预备党员拟转为正式党员的公示', decided: '按期转为中共正式党员', dates: [['joinedOn', '入党时间'], ['probationEndsOn', '预备期满时间']] },
}

const YEAR_MONTH = /^(\d{4})-(\d{2})$/
/** Table dates stay short so ten columns fit 156 mm: 2024.1.10, 1995.6 (no leading zeros). */
const dotted = (iso: string | null | undefined) => (iso ? iso.split('-').map((v, i) => (i ? String(Number(v)) : v)).join('.') : '')

const CSS = `
  /* dates, birth month and education never wrap; names, departments and titles take what is left */
  .people { margin: 6pt 0 4pt; }
  .people th, .people td { font-size: 10.5pt; line-height: 1.35; text-align: center; padding: 3pt 1pt; }
  .people td.name { font-size: 12pt; }
  .people .nw { white-space: nowrap; }
  ${issuerCss()}`

/**
 * 公示 for the bulletin board (docs/rules.md §8): name, gender, ethnicity, birth year-month only, education,
 * department, title, key dates, notice period, where to object, issuer and date. Never ID numbers, phones or
 * addresses: the person type has no such fields and the template refuses them; the birth date must be a
 * year-month (YYYY-MM) so a full date cannot slip through either.
 */
export function notice(d: NoticeData): string {
  refuseSensitive(d.people, '公示')
  const bad = d.people.find((p) => p.birthYearMonth !== null && !YEAR_MONTH.test(p.birthYearMonth))
  if (bad) throw new AppError('VALIDATION', `公示只印出生年月：${bad.name}的出生年月应写成 1995-06`)
  const w = NOTICE_KINDS[d.kind]
  const birth = (ym: string | null) => (ym ? `${ym.slice(0, 4)}.${Number(ym.slice(5, 7))}` : '')
  const body = `
  <h1>${esc(w.title)}</h1>
  <p>根据《中国共产党发展党员工作细则》有关规定，经${esc(d.issuer)}研究，拟将下列${d.people.length}名同志${esc(w.decided)}，现将有关情况予以公示。</p>
  <table class="people">
    <thead><tr>${['姓名', '性别', '民族', '出生年月', '学历', '科室', '职称'].map((h) => `<th class="nw">${h}</th>`).join('')}${w.dates.map(([, label]) => `<th>${esc(label)}</th>`).join('')}</tr></thead>
    <tbody>${d.people
      .map((p) => `<tr><td class="name">${esc(p.name)}</td><td class="nw">${esc(p.gender)}</td><td>${esc(p.ethnicity)}</td><td class="nw">${esc(birth(p.birthYearMonth))}</td><td class="nw">${esc(p.education)}</td><td>${esc(p.department)}</td><td>${esc(p.title)}</td>${w.dates.map(([k]) => `<td class="nw">${esc(dotted(p.keyDates[k]))}</td>`).join('')}</tr>`)
      .join('')}</tbody>
  </table>
  <p>公示时间：${esc(formatChineseDate(d.periodFrom))}至${esc(formatChineseDate(d.periodTo))}（${d.workingDays}个工作日）。</p>
  <p>公示期间，党员和群众对公示对象如有意见，可通过来电、来信、来访等方式向${esc(d.feedback)}反映。反映情况应实事求是，以个人名义反映的请署真实姓名，以单位名义反映的请加盖公章。</p>
  ${issuerBlock(d.issuer, d.issuedOn)}`
  return page(body, { title: w.title, css: CSS })
}
