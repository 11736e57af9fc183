import { z } from 'zod'
import { isIsoDate } from './dates'

/** Building blocks for input schemas, each with a message that tells the clerk what to fix. */
export const isoDate = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isIsoDate, { message: `${label}不是有效日期，请按“年-月-日”填写，例如 2024-03-05` })

export const optionalIsoDate = (label: string) =>
  z.union([isoDate(label), z.null()]).optional().transform((v) => v ?? null)

export const id = (label: string) => z.number({ error: `缺少${label}` }).int().positive({ message: `请选择${label}` })

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `请填写${label}` })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { message: `请填写${label}` }).max(max, { message: `${label}不能超过${max}个字` }))

export const optionalText = (label: string, max = 2000) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((s) => (s == null || s.trim() === '' ? null : s.trim()))
    .pipe(z.union([z.string().max(max, { message: `${label}不能超过${max}个字` }), z.null()]))

export const empty = z.object({}).strict()

// Default messages for anything our own schemas do not word themselves (unknown keys, wrong types).
z.config(z.locales.zhCN())
