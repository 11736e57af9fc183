import { describe, expect, it } from 'vitest'
import { inTreeOrder } from '../../../electron/shared/organizations'

describe('按组织树排列', () => {
  it('党委之后是各党总支，每个党总支紧跟它的支部；同级保持原来的次序', () => {
    const orgs = [
      { id: 1, parentId: null, name: '党委' },
      { id: 2, parentId: 1, name: '一总支' },
      { id: 3, parentId: 1, name: '二总支' },
      { id: 4, parentId: 3, name: '二总支甲支部' },
      { id: 5, parentId: 2, name: '一总支甲支部' },
      { id: 6, parentId: 1, name: '直属支部' },
      { id: 7, parentId: 2, name: '一总支乙支部' },
    ]
    expect(inTreeOrder(orgs).map((o) => o.name)).toEqual(['党委', '一总支', '一总支甲支部', '一总支乙支部', '二总支', '二总支甲支部', '直属支部'])
  })
  it('上级不在名单中的（已筛掉）排在最前，不会丢失', () => {
    expect(inTreeOrder([{ id: 5, parentId: 99 }, { id: 6, parentId: 5 }]).map((o) => o.id)).toEqual([5, 6])
  })
})
