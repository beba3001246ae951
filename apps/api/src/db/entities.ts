import { Province } from '../modules/tenancy/province.entity';
import { User } from '../modules/accounts/user.entity';
import { Unit } from '../modules/units/unit.entity';
import { Cadre, Exemption } from '../modules/roster/cadre.entity';
import { PolicyRule } from '../modules/rules/policy-rule.entity';
import { Batch, QuarterlyPlan, Topic } from '../modules/planning/planning.entity';
import { Delegation, Trip, TripDestination, TripMember, TripReport, TripTimelineEntry } from '../modules/trips/trip.entity';

import { CorrectiveAction, InspectionConclusion, InspectionPlan, InspectionTeam } from '../modules/inspections/inspection.entity';

import { GoodModel, HostFeedback, Recommendation } from '../modules/findings/finding.entity';
import { Report } from '../modules/reports/report.entity';
import { Notification } from '../modules/notifications/notification.entity';

export const entities = [
  GoodModel,
  Recommendation,
  HostFeedback,
  InspectionPlan,
  InspectionTeam,
  InspectionConclusion,
  CorrectiveAction,
  Province,
  User,
  Unit,
  Cadre,
  Exemption,
  PolicyRule,
  Batch,
  Topic,
  QuarterlyPlan,
  Delegation,
  Trip,
  TripMember,
  TripDestination,
  TripTimelineEntry,
  TripReport,
  Report,
  Notification,
];
