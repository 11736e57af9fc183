import { ElMessageBox } from 'element-plus'
import { call } from '../../api/client'
import { showError, showSuccess } from '../../api/feedback'

/**
 * 整批撤销, asked first, with the same question wherever a batch is undone (导入记录, the result panel right after an
 * import). Answers whether it was undone; the backend's refusal (a record changed since) is shown as worded.
 */
export async function undoBatch(batch: { id: number; fileName: string; inserted: number; updated: number }): Promise<boolean> {
  const sure = await ElMessageBox.confirm(`撤销“${batch.fileName}”的导入：新增的 ${batch.inserted} 条将被移除，更新的 ${batch.updated} 条恢复原值。确定吗？`, '整批撤销', {
    confirmButtonText: '撤销该批次',
    cancelButtonText: '取消',
    type: 'warning',
  }).then(
    () => true,
    () => false,
  )
  if (!sure) return false
  try {
    await call('imports.undo', { batchId: batch.id })
    showSuccess('已撤销该批次')
    return true
  } catch (error) {
    showError(error)
    return false
  }
}
