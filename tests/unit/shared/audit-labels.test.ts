import { describe, expect, it } from 'vitest'
import { METHOD_LABELS } from '../../../electron/shared/audit-labels'
import { contract } from '../../../electron/shared/contract'

describe('审计日志的中文名称', () => {
  it('每一种会改动数据的操作，以及打印、导出、查看原值、登录，在审计日志中都有中文名称', () => {
    const audited = Object.entries(contract)
      .filter(([m, spec]) => spec.access === 'write' || spec.access === 'admin' || ['print.document', 'exports.workbook', 'members.reveal', 'auth.login', 'auth.logout', 'auth.setup'].includes(m))
      .map(([m]) => m)
    // methods behind a write-level door that only read (the import preview answers whose ID number a row holds)
    const read = new Set(['backup.list', 'backup.inspect', 'backup.verify', 'users.list', 'audit.search', 'backup.testRestore', 'imports.preview', 'imports.errorWorkbook'])
    expect(audited.filter((m) => !read.has(m) && !METHOD_LABELS[m])).toEqual([])
  })
})
