import { describe, expect, it } from 'vitest'
import { pagesOf, type ChartImage, type ChartSize } from '../../../../electron/shared/print/chart-pages'

const chart = (title: string, size: ChartSize = 'cell'): ChartImage => ({ title, src: 'data:image/png;base64,', size })
const layout = (images: ChartImage[]) => pagesOf(images).map((p) => p.map((i) => i.title))

describe('驾驶舱图表打印的分页（A4 横向）', () => {
  it('每页四张图（2×2）；趋势图占半页；排名和热力图各占一页，顺序不变', () => {
    const images = [chart('趋势', 'row'), chart('分布'), chart('星级'), chart('漏斗'), chart('年龄'), chart('学历'), chart('性别'), chart('职称'), chart('人数'), chart('排名', 'page'), chart('热力图', 'page')]
    expect(layout(images)).toEqual([['趋势', '分布', '星级'], ['漏斗', '年龄', '学历', '性别'], ['职称', '人数'], ['排名'], ['热力图']])
  })

  it('半页的图不和单张图挤在同一行：另起下半页，放不下再换页', () => {
    expect(layout([chart('雷达'), chart('达标表', 'row'), chart('性别')])).toEqual([['雷达', '达标表'], ['性别']])
    expect(layout([chart('一'), chart('二'), chart('三'), chart('达标表', 'row')])).toEqual([['一', '二', '三'], ['达标表']])
    expect(layout([chart('达标表', 'row'), chart('雷达'), chart('性别'), chart('年龄')])).toEqual([['达标表', '雷达', '性别'], ['年龄']])
    expect(layout([])).toEqual([])
  })
})
