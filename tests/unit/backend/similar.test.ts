import { describe, expect, it } from 'vitest'
import { closeMatches } from '../../../electron/backend/imports/similar'

const BRANCHES = ['放射科党支部', '妇科党支部', '眼科党支部', '产科党支部', '内科党总支', '外科党总支', '妇儿党总支', '心血管内科党支部', '中共示范医院委员会']

describe('“是否是……”：打错的党组织名称提示最像的', () => {
  it('错一个字、少一个字、写成另一级组织：最像的排第一，共同的“党支部”不算相像', () => {
    expect(closeMatches('放设科党支部', BRANCHES)[0]).toBe('放射科党支部')
    expect(closeMatches('外壳党总支', BRANCHES)).toEqual(['外科党总支'])
    expect(closeMatches('内科党支', BRANCHES)[0]).toBe('内科党总支')
    expect(closeMatches('心内科党支部', BRANCHES)[0]).toBe('心血管内科党支部')
    expect(closeMatches('药剂科党支部', BRANCHES)).toEqual([])
  })
})
