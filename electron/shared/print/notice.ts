import { formatChineseDate } from '../dates'
import { esc } from './html'
import { page } from './layout'
import type { NoticeData } from './types'

const WHAT: Record<NoticeData['kind'], { title: string; date: string; body: string }> = {
  发展对象: { title: '关于拟确定发展对象的公示', date: '确定为积极分子日期', body: '经支部委员会研究，拟将下列同志确定为发展对象' },
  预备党员: { title: '关于拟接收预备党员的公示', date: '确定为发展对象日期', body: '经支部委员会审查，拟将下列同志接收为中共预备党员' },
  转正: { title: '关于预备党员拟转为正式党员的公示', date: '入党日期', body: '下列预备党员预备期已满，经支部委员会研究，拟提交支部党员大会讨论其转正' },
}

/** 公示 for the bulletin board: birth year-month only, never ID numbers, phones or addresses (domain.md §8). */
export function notice(d: NoticeData): string {
  const w = WHAT[d.kind]
  const body = `
  <h1>${esc(w.title)}</h1>
  <p>根据《中国共产党发展党员工作细则》有关规定，${esc(w.body)}，现予以公示。公示期为${esc(formatChineseDate(d.periodFrom))}至${esc(formatChineseDate(d.periodTo))}。</p>
  <table class="people">
    <thead><tr><th>姓名</th><th>性别</th><th>民族</th><th>出生年月</th><th>学历</th><th>科室</th><th>职称</th><th>${esc(w.date)}</th></tr></thead>
    <tbody>${d.people.map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.gender)}</td><td>${esc(p.ethnicity ?? '')}</td><td>${esc(p.birthYearMonth ?? '')}</td><td>${esc(p.education ?? '')}</td><td>${esc(p.department ?? '')}</td><td>${esc(p.title ?? '')}</td><td>${esc(p.keyDate ? formatChineseDate(p.keyDate) : '')}</td></tr>`).join('')}</tbody>
  </table>
  <p>公示期间，党员和群众如有意见，可通过${esc(d.feedback)}反映。反映情况应实事求是，以个人名义反映的请署真实姓名。</p>
  <div class="issuer"><div>${esc(d.issuer)}</div><div>${esc(formatChineseDate(d.issuedOn))}</div></div>`
  return page(body, { title: w.title, pageNumbers: false }).replace('</style>', '.people { margin: 10pt 0; } .people th, .people td { font-size: 10.5pt; text-align: center; line-height: 1.4; white-space: nowrap; padding: 3pt 3pt; } .issuer { margin-top: 30pt; text-align: right; padding-right: 2em; line-height: 2; }</style>')
}
