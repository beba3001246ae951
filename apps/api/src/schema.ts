import path from 'node:path';
import { buildSchema, type AuthChecker } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { Role } from './shared/access';
import { signInRequired } from './shared/errors';
import type { AppPubSub } from './shared/pubsub';
import { validateArgument } from './shared/validation';
import type { Viewer } from './modules/tenancy/tenancy';
import { ProvinceResolver } from './modules/tenancy/province.resolver';
import { AuthResolver } from './modules/accounts/auth.resolver';
import { CadreAccountResolver, UserResolver } from './modules/accounts/user.resolver';
import { AccountResolver } from './modules/accounts/account.resolver';
import { UnitResolver } from './modules/units/unit.resolver';
import { RosterResolver } from './modules/roster/roster.resolver';
import { RulesResolver } from './modules/rules/rules.resolver';
import { PlanningResolver, QuarterlyPlanResolver } from './modules/planning/planning.resolver';
import { DelegationResolver, TripResolver } from './modules/trips/trip.resolver';
import {
  CadreComplianceResolver,
  ComplianceResolver,
  DepartmentComplianceResolver,
} from './modules/compliance/compliance.resolver';
import {
  CorrectiveActionResolver,
  InspectionConclusionResolver,
  InspectionResolver,
  InspectionTeamResolver,
  TripInspectionResolver,
} from './modules/inspections/inspection.resolver';
import {
  GoodModelResolver,
  HostFeedbackResolver,
  RecommendationResolver,
  TripFeedbackResolver,
} from './modules/findings/finding.resolver';
import { ReportResolver } from './modules/reports/report.resolver';
import { CalendarFeedResolver, ImportJobResolver } from './modules/transfer/transfer.resolver';
import { NotificationResolver } from './modules/notifications/notification.resolver';
import { ErrorReasonResolver } from './error-reasons';

export const resolvers = [
  ProvinceResolver,
  AuthResolver,
  UserResolver,
  CadreAccountResolver,
  AccountResolver,
  UnitResolver,
  RosterResolver,
  RulesResolver,
  PlanningResolver,
  QuarterlyPlanResolver,
  TripResolver,
  DelegationResolver,
  ComplianceResolver,
  CadreComplianceResolver,
  DepartmentComplianceResolver,
  InspectionResolver,
  InspectionTeamResolver,
  InspectionConclusionResolver,
  CorrectiveActionResolver,
  TripInspectionResolver,
  GoodModelResolver,
  RecommendationResolver,
  HostFeedbackResolver,
  TripFeedbackResolver,
  ReportResolver,
  ImportJobResolver,
  CalendarFeedResolver,
  NotificationResolver,
  ErrorReasonResolver,
] as const;

export const SCHEMA_FILE = path.resolve(__dirname, '../../../packages/schema/schema.graphql');

const authChecker: AuthChecker<{ viewer: Viewer | null }, Role> = ({ context }, roles) => {
  if (!context.viewer) throw signInRequired();
  return roles.length === 0 || roles.includes(context.viewer.role);
};

export function createSchema(pubSub: AppPubSub, emit = false): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    pubSub,
    validateFn: validateArgument,
    emitSchemaFile: emit ? { path: SCHEMA_FILE, sortedSchema: true } : false,
  });
}
