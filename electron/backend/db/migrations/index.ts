import type { Database } from 'better-sqlite3'
import { m0001Foundation } from './0001-foundation'
import { m0002Members } from './0002-members'
import { m0003Accounts } from './0003-accounts'
import { m0004Meetings } from './0004-meetings'
import { m0006Imports } from './0006-imports'
import { m0007TemplateMappings } from './0007-template-mappings'
import { m0008CharSearch } from './0008-char-search'
import { m0009Assessments } from './0009-assessments'
import { m0010AssessmentDetails } from './0010-assessment-details'
import { m0011ImportMappings } from './0011-import-mappings'
import { m0012BranchSecretary } from './0012-branch-secretary'
import { m0013AssessmentEvidence } from './0013-assessment-evidence'
import { m0014ExampleAutoSources } from './0014-example-auto-sources'
import { m0015Dues } from './0015-dues'
import { m0016Supervision } from './0016-supervision'
import { m0017EventCorrections } from './0017-event-corrections'
import { m0018MeetingStatusIndex } from './0018-meeting-status-index'
import { m0019Exchange } from './0019-exchange'
import { m0021ImportValueMappings } from './0021-import-value-mappings'
import { m0022MeetingPlans } from './0022-meeting-plans'
import { m0023WorkPoints } from './0023-work-points'
import { m0025SupervisionAttachments } from './0025-supervision-attachments'
import { m0026SupervisionMilestones } from './0026-supervision-milestones'
import { m0027SchemeOrigin } from './0027-scheme-origin'

export interface Migration {
  version: number
  name: string
  up: (db: Database) => void
}

/** In order; never edit one that has shipped — add the next number instead. */
export const migrations: readonly Migration[] = [m0001Foundation, m0002Members, m0003Accounts, m0004Meetings, m0006Imports, m0007TemplateMappings, m0008CharSearch, m0009Assessments, m0010AssessmentDetails, m0011ImportMappings, m0012BranchSecretary, m0013AssessmentEvidence, m0014ExampleAutoSources, m0015Dues, m0016Supervision, m0017EventCorrections, m0018MeetingStatusIndex, m0019Exchange, m0021ImportValueMappings, m0022MeetingPlans, m0023WorkPoints, m0025SupervisionAttachments, m0026SupervisionMilestones, m0027SchemeOrigin]
