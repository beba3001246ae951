import { Extensions, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { Role } from '../../shared/access';
import type { Loaders } from '../../context';
import type { Scope, Viewer } from '../tenancy/tenancy';
import type { Cadre, Exemption } from './cadre.entity';

/**
 * What a field of a cadre tells, and so who may read it. A field of neither kind (name, position,
 * department) is read by anyone who may read the cadre at all, host units included.
 * - ROSTER: the organisation's facts about a cadre (gender, categories, term, subject period): the
 *   province's own staff and the central union, not a host unit receiving a delegation.
 * - PERSONAL: the cadre's exemptions (maternity, long sick leave, with their notes) and account
 *   (username, role): see `mayReadPersonal`.
 */
export enum CadreFieldKind {
  ROSTER = 'ROSTER',
  PERSONAL = 'PERSONAL',
}

/** Who reads, as the policy needs it: the viewer, the provinces they read, their own department. */
export interface CadreReader {
  viewer: Viewer | null;
  readable: readonly number[];
  /** The department of the viewer's own roster entry (for a department head); null when none. */
  ownDepartmentId: string | null;
}

type CadreFacts = Pick<Cadre, 'id' | 'provinceId' | 'departmentId'>;

/**
 * A cadre's personal data is read by the organisation department and the standing board of the
 * cadre's province (or of its successor, which keeps its history), the head of the cadre's
 * department, and the cadre themself. Not by colleagues, not by host units, and not by the central
 * union, whose comparison needs figures (required days already net of exemptions), not people's health.
 */
export function mayReadPersonal(reader: CadreReader, cadre: CadreFacts): boolean {
  const { viewer } = reader;
  if (!viewer) return false;
  if (viewer.cadreId !== null && viewer.cadreId === cadre.id) return true;
  if (viewer.role === Role.CENTRAL || !reader.readable.includes(cadre.provinceId)) return false;
  if (viewer.role === Role.PROVINCE_ADMIN || viewer.role === Role.STANDING_BOARD) return true;
  return viewer.role === Role.DEPARTMENT_HEAD && reader.ownDepartmentId !== null && reader.ownDepartmentId === cadre.departmentId;
}

/**
 * An exemption's note may carry a medical or family reason: the organisation department (Ban Tổ
 * chức, the province administrator) of the cadre's province, and the cadre themself. Everyone else
 * who may see the exemption (the standing board, the department head) reads its kind and dates only.
 */
export function mayReadExemptionNote(
  reader: Pick<CadreReader, 'viewer' | 'readable'>,
  exemption: Pick<Exemption, 'provinceId' | 'cadreId'>,
): boolean {
  const { viewer } = reader;
  if (!viewer) return false;
  if (viewer.cadreId !== null && viewer.cadreId === exemption.cadreId) return true;
  return viewer.role === Role.PROVINCE_ADMIN && reader.readable.includes(exemption.provinceId);
}

/** Guards an exemption's note: null for a viewer the policy refuses (the row itself stays, as a list entry). */
export const ExemptionNoteField = (): MethodDecorator & PropertyDecorator =>
  UseMiddleware((async ({ root, context }, next): Promise<unknown> =>
    mayReadExemptionNote({ viewer: context.viewer, readable: context.scope?.readable ?? [] }, root as Exemption)
      ? next()
      : null) as MiddlewareFn<GuardContext>);

/** The roster's facts: everyone who reads cadres except a host unit, which sees its visitors' names and posts. */
export function mayReadRoster(reader: CadreReader, cadre: CadreFacts): boolean {
  const { viewer } = reader;
  if (!viewer || viewer.role === Role.HOST_UNIT) return false;
  return viewer.role === Role.CENTRAL || reader.readable.includes(cadre.provinceId);
}

export function mayReadCadreField(kind: CadreFieldKind, reader: CadreReader, cadre: CadreFacts): boolean {
  return kind === CadreFieldKind.PERSONAL ? mayReadPersonal(reader, cadre) : mayReadRoster(reader, cadre);
}

interface GuardContext {
  viewer: Viewer | null;
  scope: Scope;
  /** Absent in a subscription's context: a department head is then not recognised (the guard fails closed). */
  loaders?: Loaders;
}

async function readerOf(ctx: GuardContext): Promise<CadreReader> {
  const viewer = ctx.viewer;
  let ownDepartmentId: string | null = null;
  if (viewer?.role === Role.DEPARTMENT_HEAD && viewer.cadreId && ctx.loaders) {
    ownDepartmentId = (await ctx.loaders.cadreById.load(viewer.cadreId))?.departmentId ?? null;
  }
  return { viewer, readable: ctx.scope?.readable ?? [], ownDepartmentId };
}

const guard =
  (kind: CadreFieldKind): MiddlewareFn<GuardContext> =>
  async ({ root, context }, next): Promise<unknown> =>
    mayReadCadreField(kind, await readerOf(context), root as Cadre) ? next() : null;

/**
 * Guards a field of Cadre: it resolves to null for a viewer the policy refuses. Null rather than
 * FORBIDDEN, because these fields sit inside lists (a trip's members, a team, the roster): an error
 * would fail the whole page for a host unit opening a delegation, where "not yours to see" is enough.
 * The kind is recorded in the field's extensions, so a test walking the schema finds an unguarded one.
 */
export function CadreField(kind: CadreFieldKind): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    UseMiddleware(guard(kind))(target, key, descriptor as never);
    Extensions({ cadreField: kind })(target, key, descriptor as never);
  };
}
