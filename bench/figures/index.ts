import type { Figure } from '../harness'
import { organizationFigures } from './organizations'

export interface BenchEnv {
  /** a temporary folder for databases and files, removed afterwards */
  dir: string
  scale: 'small' | 'large' | 'city'
}

/** Every area's figures, in the order they are printed. */
export const FIGURE_GROUPS: { name: string; run: (env: BenchEnv) => Promise<Figure[]> }[] = [{ name: '党组织', run: organizationFigures }]
