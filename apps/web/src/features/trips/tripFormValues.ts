import type { CreateTripInput, TripKind, UpdateTripInput } from '@/gql/graphql';
import { toLocalDate, type Dayjs } from '@/shared/format/date';

export interface TripFormValues {
  kind: TripKind;
  topicId?: string | null;
  title: string;
  purpose?: string;
  expectedOutput?: string;
  dates?: [Dayjs, Dayjs] | null;
  destinationIds: string[];
  leadCadreId?: string | null;
  memberIds: string[];
  batchId?: string | null;
  estimatedCost?: number | null;
  travelOrderNo?: string;
  lateJustification?: string;
}

/** A registration kept on the device: the form's values, the names behind its ids, its idempotency key. */
export interface TripDraft extends TripFormValues {
  /** Names of the units and cadres picked: a restored id must read as a name, not as an id. */
  names?: Record<string, string>;
  /** The key the registration was (perhaps) sent with: sent again from the draft, it is the same one. */
  idempotencyKey?: string;
}

const blankToNull = (value: string | undefined | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The registration the form holds, once it has what the API needs to check or save it. */
export function toCreateInput(values: TripFormValues, titleFallback = ''): CreateTripInput | null {
  const [start, end] = values.dates ?? [];
  if (!start || !end || !values.leadCadreId || values.destinationIds.length === 0) return null;
  const title = values.title?.trim() ?? '';
  return {
    kind: values.kind,
    title: title.length >= 3 ? title : titleFallback,
    purpose: values.purpose?.trim() ?? '',
    expectedOutput: values.expectedOutput?.trim() ?? '',
    topicId: values.topicId ?? null,
    leadCadreId: values.leadCadreId,
    memberIds: values.memberIds.filter((id) => id !== values.leadCadreId),
    destinationIds: values.destinationIds,
    batchId: values.batchId ?? null,
    startDate: toLocalDate(start),
    endDate: toLocalDate(end),
    estimatedCost: values.estimatedCost ?? null,
    travelOrderNo: blankToNull(values.travelOrderNo),
    lateJustification: blankToNull(values.lateJustification),
  };
}

/** The same registration as a change to an existing trip (kind and lead stay as registered). */
export function toUpdateInput(input: CreateTripInput): UpdateTripInput {
  return {
    title: input.title,
    purpose: input.purpose,
    expectedOutput: input.expectedOutput,
    topicId: input.topicId,
    memberIds: input.memberIds,
    destinationIds: input.destinationIds,
    batchId: input.batchId,
    startDate: input.startDate,
    endDate: input.endDate,
    estimatedCost: input.estimatedCost,
    travelOrderNo: input.travelOrderNo,
    lateJustification: input.lateJustification,
  };
}

const FORM_FIELD: Record<string, keyof TripFormValues> = {
  kind: 'kind',
  title: 'title',
  purpose: 'purpose',
  expectedOutput: 'expectedOutput',
  topicId: 'topicId',
  startDate: 'dates',
  endDate: 'dates',
  destinationIds: 'destinationIds',
  leadCadreId: 'leadCadreId',
  memberIds: 'memberIds',
  batchId: 'batchId',
  estimatedCost: 'estimatedCost',
  travelOrderNo: 'travelOrderNo',
  lateJustification: 'lateJustification',
};

/** The form field an API field path points at: `input.startDate` -> the date range. */
export function formFieldOf(path: string | undefined): keyof TripFormValues | undefined {
  if (!path) return undefined;
  const last = path.split('.').at(-1) ?? '';
  return FORM_FIELD[last.replace(/\[\d+\]$/, '')];
}

/** Purpose and expected output, on submission: at least this many characters, as the API asks (trip.checks.ts). */
export const CONTENT_MIN = 20;

/** Text without marks, case, punctuation or repeated spaces, as the API compares a purpose with the title. */
export const comparableText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** What is wrong with a purpose or expected output about to be submitted: 'empty', 'short', 'title', or null. */
export function contentProblem(text: string | undefined, title: string | undefined): 'empty' | 'short' | 'title' | null {
  const length = [...(text ?? '').trim()].length;
  if (length === 0) return 'empty';
  if (length < CONTENT_MIN) return 'short';
  return comparableText(text ?? '') === comparableText(title ?? '') ? 'title' : null;
}

/** A batch fits a trip whose dates lie within its period. */
export const batchFits = (batch: { startsOn: string; endsOn: string }, start: string, end: string): boolean =>
  start >= batch.startsOn && end <= batch.endsOn;
