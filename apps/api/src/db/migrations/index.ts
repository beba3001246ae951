import { Foundation1764300000000 } from './1764300000000-Foundation';
import { Organisation1764300000001 } from './1764300000001-Organisation';
import { AccountAdmin1764300000002 } from './1764300000002-AccountAdmin';
import { Compliance1764300000003 } from './1764300000003-Compliance';
import { Findings1764300000004 } from './1764300000004-Findings';
import { ComplianceSpeed1764300000005 } from './1764300000005-ComplianceSpeed';
import { OverdueNotices1764300000006 } from './1764300000006-OverdueNotices';
import { CitusReady1764300000007 } from './1764300000007-CitusReady';
import { Reports1764300000008 } from './1764300000008-Reports';
import { Transfer1764300000009 } from './1764300000009-Transfer';
import { ImportUpdates1764300000010 } from './1764300000010-ImportUpdates';
import { PlanningEdits1764300000011 } from './1764300000011-PlanningEdits';
import { OwnTripDecision1764300000012 } from './1764300000012-OwnTripDecision';
import { SignInRecord1764300000013 } from './1764300000013-SignInRecord';
import { ExemptionKinds1764300000014 } from './1764300000014-ExemptionKinds';
import { NotMetStatus1764300000015 } from './1764300000015-NotMetStatus';
import { PartyCommitteeFeedback1764300000016 } from './1764300000016-PartyCommitteeFeedback';
import { Notifications1764300000017 } from './1764300000017-Notifications';
import { ExemptionEvidence1764300000018 } from './1764300000018-ExemptionEvidence';

/** Every migration, in order. Schema changes only ever happen here. */
export const migrations = [
  Foundation1764300000000,
  Organisation1764300000001,
  AccountAdmin1764300000002,
  Compliance1764300000003,
  Findings1764300000004,
  ComplianceSpeed1764300000005,
  OverdueNotices1764300000006,
  CitusReady1764300000007,
  Reports1764300000008,
  Transfer1764300000009,
  ImportUpdates1764300000010,
  PlanningEdits1764300000011,
  OwnTripDecision1764300000012,
  SignInRecord1764300000013,
  ExemptionKinds1764300000014,
  NotMetStatus1764300000015,
  PartyCommitteeFeedback1764300000016,
  Notifications1764300000017,
  ExemptionEvidence1764300000018,
];
