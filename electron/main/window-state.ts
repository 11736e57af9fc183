import { readFileSync, writeFileSync } from 'node:fs'
import type { WindowBounds } from './window-options'

const DEFAULT: WindowBounds = { width: 1366, height: 860 }

/** Size and position remembered across starts; a corrupt or missing file falls back to the default. */
export function loadWindowBounds(file: string): WindowBounds & { maximized?: boolean } {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowBounds & { maximized: boolean }>
    if (typeof saved.width !== 'number' || typeof saved.height !== 'number') return DEFAULT
    return {
      width: Math.max(1024, saved.width),
      height: Math.max(640, saved.height),
      ...(typeof saved.x === 'number' && typeof saved.y === 'number' ? { x: saved.x, y: saved.y } : {}),
      maximized: saved.maximized === true,
    }
  } catch {
    return DEFAULT
  }
}

export function saveWindowBounds(file: string, bounds: WindowBounds, maximized: boolean): void {
  try {
    writeFileSync(file, JSON.stringify({ ...bounds, maximized }))
  } catch {
    // losing the window position is not worth an error dialog
  }
}
