/**
 * 支部党员大会 voting (docs/rules.md §2, 支部工作条例): the meeting is valid with more than half of the voting
 * members present; a resolution passes with yes votes from more than half of those who SHOULD attend
 * (应到), not of those present. 预备党员 attend but do not vote; approved exclusions leave 应到.
 */
export interface QuorumResult {
  expectedVoting: number
  presentVoting: number
  met: boolean
}

export function quorum(expectedVoting: number, presentVoting: number): QuorumResult {
  return { expectedVoting, presentVoting, met: expectedVoting > 0 && presentVoting * 2 > expectedVoting }
}

export function resolutionPasses(yes: number, expectedVoting: number): boolean {
  return expectedVoting > 0 && yes * 2 > expectedVoting
}

/** Votes cannot exceed the voting members present. */
export function voteProblem(yes: number, no: number, abstain: number, presentVoting: number): string | null {
  if (yes + no + abstain > presentVoting) return `表决票数（${yes + no + abstain}）超过出席的有表决权党员人数（${presentVoting}）`
  return null
}
