import type { Backend } from '../../electron/backend/boot/dispatch'
import type { Figure } from '../harness'
import { excelFigures } from './excel'
import { coldFigures } from './cold'
import { coldCalls, largeDataset, queryFigures } from './large'
import { searchFigures } from './search'
import { uiFigures } from './ui'

export interface BenchEnv {
  /** a temporary folder for databases and files, removed afterwards */
  dir: string
  scale: 'small' | 'large' | 'city'
}

/** Every area's figures, in the order they are printed; all run against one seeded dataset. */
export async function runFigures(env: BenchEnv): Promise<Figure[]> {
  const backend: Backend = await largeDataset(env)
  const figures = [...(await queryFigures(backend)), ...(await excelFigures(env, backend)), ...(await uiFigures(env, backend))]
  const cold = coldCalls(backend)
  const file = backend.context.databasePath
  backend.context.db.close()
  figures.push(...coldFigures(file, cold))
  figures.push(...(await searchFigures(env)))
  return figures
}
