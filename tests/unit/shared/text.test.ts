import { describe, expect, it } from 'vitest'
import { nfkc } from '../../../electron/shared/text'

describe('全角与兼容字符的规范化', () => {
  it('与 Unicode NFKC 的结果完全一致', () => {
    const samples = ['王芳', '王　芳', 'ＡＢＣ１２３', '１１０１０５ｘ', '①', 'Ⅲ', 'ﾃｽﾄ', 'e\u0301', 'é', '1院区心血管内科党支部', '买买提·艾力', '豈', '', ' 2024年3月5日 ', '\u3000']
    for (const s of samples) expect(nfkc(s)).toBe(s.normalize('NFKC'))
  })
  it('把全角数字、字母和全角空格变成半角', () => {
    expect(nfkc('１９８５．０３')).toBe('1985.03')
    expect(nfkc('王　芳')).toBe('王 芳')
  })
})
