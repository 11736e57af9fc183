import { displayWidth } from '../../shared/text'
/** How a CLI command reports: Chinese text for people, `--json` for scripts, a non-zero exit code on failure. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

export interface Io {
  out: (text: string) => void
  err: (text: string) => void
  /** where a command reads what must not be a command-line argument (a new password); the terminal or a pipe */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown }
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  stdin: process.stdin,
}

/** A plain aligned table for people reading a terminal. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))))
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - displayWidth(c))).join('  ').trimEnd()
  return [line(headers), ...rows.map(line)].join('\n')
}
