/**
 * Chinese names in the order people expect (拼音), with one collator for the whole program:
 * `localeCompare(…, 'zh-CN')` looks the collation up again on every comparison, which made sorting the large
 * hospital's 1,183-item 工作台 cost 18 ms.
 */
export const zhCompare: (a: string, b: string) => number = new Intl.Collator('zh-CN').compare
