import type { assessmentsContract } from '../../shared/contract/assessments'
import type { Handlers } from '../handler'
import { batchHandlers } from './batch'
import { evidenceHandlers } from './evidence'
import { roundHandlers } from './rounds'
import { schemeHandlers } from './schemes'
import { importScores, scoreTemplate } from './scores-import'

export { ballotsHandlers } from './ballots'

/** 考核评价: indicator schemes, rounds through the review chain, score imports and the 公示. */
export const assessmentsHandlers: Handlers<typeof assessmentsContract> = {
  ...schemeHandlers,
  ...roundHandlers,
  ...batchHandlers,
  ...evidenceHandlers,
  'assessments.scoreTemplate': ({ roundId }, ctx) => scoreTemplate(ctx, roundId),
  'assessments.importScores': ({ roundId, fileName, contentBase64, dryRun }, ctx) => importScores(ctx, roundId, Buffer.from(contentBase64, 'base64'), fileName, dryRun),
}
