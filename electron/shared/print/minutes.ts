import { formatChineseDate } from '../dates'
import { esc, paragraphs } from './html'
import { page } from './layout'
import type { MinutesData } from './types'

export const MINUTES_CSS = '.header th { width: 18%; font-size: 14pt; } .header td { font-size: 14pt; } .header { margin-bottom: 12pt; }'

/** 会议记录: header block, agenda, discussion, resolutions with votes, attendance summary, signatures. */
export function minutes(d: MinutesData): string {
  return page(minutesBody(d), { title: `${d.title}会议记录`, internal: true }).replace('</style>', `${MINUTES_CSS}</style>`)
}

/** The record itself, also bound into the annual binder. */
export function minutesBody(d: MinutesData): string {
  const absent = d.absentees.map((a) => `${esc(a.name)}（${esc(a.status)}${a.reason ? `：${esc(a.reason)}` : ''}）`).join('、') || '无'
  const resolutions = d.resolutions.length
    ? d.resolutions
        .map((r, i) => `<p>${i + 1}. ${esc(r.text)}${r.category ? `【三重一大·${esc(r.category)}】` : ''}${r.yes !== null ? `（同意 ${r.yes} 票，反对 ${r.no ?? 0} 票，弃权 ${r.abstain ?? 0} 票）` : ''}</p>`)
        .join('')
    : '<p>无</p>'
  return `
  <h1>${esc(d.organizationName)}<br>${esc(d.types.join('、'))}会议记录</h1>
  <table class="header">
    <tr><th>会议主题</th><td colspan="3">${esc(d.title)}</td></tr>
    <tr><th>时间</th><td>${esc(formatChineseDate(d.heldOn))}${d.time ? ` ${esc(d.time)}` : ''}</td><th>地点</th><td>${esc(d.place ?? '')}</td></tr>
    <tr><th>主持人</th><td>${esc(d.host ?? '')}</td><th>记录人</th><td>${esc(d.recorder ?? '')}</td></tr>
    ${d.lecturer ? `<tr><th>讲课人</th><td colspan="3">${esc(d.lecturer)}</td></tr>` : ''}
    <tr><th>应到</th><td>${d.expected ?? ''} 人</td><th>实到</th><td>${d.present ?? ''} 人${d.quorum ? `（${esc(d.quorum)}）` : ''}</td></tr>
    <tr><th>缺席及原因</th><td colspan="3">${absent}</td></tr>
    <tr><th>列席人员</th><td colspan="3">${esc(d.observers ?? '无')}</td></tr>
  </table>
  <h2>一、会议议程</h2>${paragraphs(d.agenda) || '<p>（未填写）</p>'}
  <h2>二、会议内容</h2>${paragraphs(d.minutes) || '<p>（未填写）</p>'}${d.discussion ? paragraphs(d.discussion) : ''}
  <h2>三、会议决议</h2>${resolutions}
  <div class="sign"><span>主持人（签字）：__________</span><span>记录人（签字）：__________</span></div>`
}
