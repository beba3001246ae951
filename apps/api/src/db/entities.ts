import { Province } from '../modules/tenancy/province.entity';
import { User } from '../modules/accounts/user.entity';
import { Unit } from '../modules/units/unit.entity';
import { Cadre, Exemption } from '../modules/roster/cadre.entity';
import { PolicyRule } from '../modules/rules/policy-rule.entity';
import { Batch, QuarterlyPlan, Topic } from '../modules/planning/planning.entity';
import { Delegation, Trip, TripDestination, TripMember, TripReport, TripTimelineEntry } from '../modules/trips/trip.entity';

export const entities = [
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
];
