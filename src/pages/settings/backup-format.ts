import type { BackupInfo } from '@shared/contract/backup'

/** How a backup is described to a clerk: when, how big, what is inside. */
export const backupTime = (b: BackupInfo): string => new Date(b.createdAt).toLocaleString('zh-CN', { hour12: false })

const LABELS: [string, string, string][] = [
  ['organizations', '党组织', '个'],
  // every person on the roster, applicants and activists included (not only 党员)
  ['members', '名册人员', '人'],
  ['meetings', '会议', '次'],
  ['attachments', '附件', '个'],
  ['users', '账号', '个'],
]

export const backupContents = (b: BackupInfo): string =>
  LABELS.filter(([key]) => key in b.counts)
    .map(([key, label, unit]) => `${label} ${b.counts[key]} ${unit}`)
    .join('，')
