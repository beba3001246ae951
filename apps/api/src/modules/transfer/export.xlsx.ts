import ExcelJS from 'exceljs';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createContext, type AppDeps } from '../../context';
import { formatVn } from '../../shared/dates';
import { AppError, ErrorCode, formatError } from '../../shared/errors';
import { ScopedTransaction } from '../tenancy/tenancy';
import type { TripKind } from '../trips/trip.entity';
import { TRIP_KIND_LABELS } from './import.sheets';
import { TransferErrorCode } from './transfer.errors';

type Cell = string | number | null;
type Named = { name: string } | null;

interface ExportColumn<N> {
  header: string;
  width: number;
  value: (node: N) => Cell;
}

interface ExportSpec<N> {
  sheet: string;
  fileName: string;
  /** The list's own GraphQL query, paged with $first/$after: the same filters, access and row-level security. */
  query: string;
  /** The variables the client may pass, as the list's query names them. */
  variables: string[];
  columns: ExportColumn<N>[];
}

/** One list's export, its node type kept inside `cells`. */
interface ListExport extends Omit<ExportSpec<never>, 'columns'> {
  columns: Array<{ header: string; width: number }>;
  cells: (node: unknown) => Cell[];
}

function listExport<N>({ columns, ...spec }: ExportSpec<N>): ListExport {
  return {
    ...spec,
    columns: columns.map(({ header, width }) => ({ header, width })),
    // The query is validated against the schema before it runs, so every node has exactly its selection, typed N.
    cells: (node) => columns.map((c) => c.value(node as N)),
  };
}

interface TripNode {
  title: string;
  kind: TripKind;
  state: string;
  startDate: string;
  endDate: string;
  days: number;
  lateRegistration: boolean;
  travelOrderNo: string | null;
  lead: { fullName: string } | null;
  department: Named;
  destinations: Array<{ name: string }>;
}
interface CadreNode {
  fullName: string;
  requiredDays: number;
  countedDays: number;
  upcomingDays: number;
  hardshipDays: number;
  projectedDays: number;
  lateTrips: number;
  overdueReports: number;
  status: string;
  byKind: { topic: number; coordination: number; inspection: number; meeting: number };
  cadre: { position: string | null; department: Named } | null;
}
interface RecommendationNode {
  text: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  answer: string | null;
  createdAt: string | null;
  unit: Named;
  department: Named;
}
interface GoodModelNode {
  name: string;
  field: string;
  replication: string;
  description: string | null;
  unit: Named;
  replicatedAt: Array<{ name: string }>;
}

const TRIP_STATE: Record<string, string> = {
  DRAFT: 'Nháp',
  SUBMITTED: 'Chờ duyệt',
  APPROVED: 'Đã duyệt',
  REJECTED: 'Bị từ chối',
  RETURNED: 'Bị trả lại',
  COMPLETED: 'Đã đi',
  REPORTED: 'Đã báo cáo',
  REPORT_ACCEPTED: 'Báo cáo được chấp nhận',
  CANCELLED: 'Đã hủy',
};
const COMPLIANCE_STATUS: Record<string, string> = {
  MET: 'Đạt',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ không đạt',
  BEHIND: 'Chậm tiến độ',
  NOT_MET: 'Không đạt',
  EXEMPT: 'Được miễn',
};
const RECOMMENDATION_STATUS: Record<string, string> = {
  OPEN: 'Mới',
  IN_PROGRESS: 'Đang xử lý',
  ANSWERED: 'Đã trả lời',
  CLOSED: 'Đã đóng',
};
const MODEL_FIELD: Record<string, string> = {
  ECONOMY: 'Phát triển kinh tế',
  VOLUNTEERING: 'Tình nguyện',
  RELIGIOUS_AREA: 'Vùng tôn giáo',
  ETHNIC_MINORITY: 'Vùng đồng bào dân tộc thiểu số',
  ORGANISATION: 'Xây dựng tổ chức Đoàn',
  CULTURE_SPORTS: 'Văn hóa, thể thao',
  CHILDREN: 'Thiếu nhi',
  OTHER: 'Khác',
};
const REPLICATION: Record<string, string> = {
  IDENTIFIED: 'Mới phát hiện',
  REPLICATING: 'Đang nhân rộng',
  REPLICATED: 'Đã nhân rộng',
};

const date = (value: string | null | undefined): Cell => (value ? formatVn(value.slice(0, 10)) : null);
const names = (units: Array<{ name: string }> | null | undefined): string => (units ?? []).map((u) => u.name).join('; ');

export const EXPORTS: Record<string, ListExport> = {
  trips: listExport<TripNode>({
    sheet: 'Chuyến đi',
    fileName: 'chuyen-di.xlsx',
    variables: ['filter', 'orderBy'],
    query: `query ($filter: TripFilter, $orderBy: TripOrder, $first: Int!, $after: String) {
      page: trips(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id title kind state startDate endDate days lateRegistration travelOrderNo
          lead { fullName } department { name } destinations { name } }
      }
    }`,
    columns: [
      { header: 'Tên chuyến đi', width: 40, value: (n) => n.title },
      { header: 'Loại', width: 18, value: (n) => TRIP_KIND_LABELS[n.kind] ?? n.kind },
      { header: 'Trạng thái', width: 18, value: (n) => TRIP_STATE[n.state] ?? n.state },
      { header: 'Trưởng đoàn', width: 24, value: (n) => n.lead?.fullName ?? null },
      { header: 'Ban, Văn phòng', width: 22, value: (n) => n.department?.name ?? null },
      { header: 'Đơn vị đến', width: 32, value: (n) => names(n.destinations) },
      { header: 'Từ ngày', width: 12, value: (n) => date(n.startDate) },
      { header: 'Đến ngày', width: 12, value: (n) => date(n.endDate) },
      { header: 'Số ngày', width: 9, value: (n) => n.days },
      { header: 'Đăng ký muộn', width: 12, value: (n) => (n.lateRegistration ? 'Có' : '') },
      { header: 'Số công lệnh', width: 14, value: (n) => n.travelOrderNo ?? null },
    ],
  }),
  cadres: listExport<CadreNode>({
    sheet: 'Cán bộ',
    fileName: 'ket-qua-can-bo.xlsx',
    variables: ['year', 'provinceId', 'filter'],
    query: `query ($year: Int!, $provinceId: Int, $filter: CadreComplianceFilter, $first: Int!, $after: String) {
      page: cadreCompliance(year: $year, provinceId: $provinceId, filter: $filter, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { cadreId fullName requiredDays countedDays upcomingDays hardshipDays lateTrips overdueReports status projectedDays
          byKind { topic coordination inspection meeting } cadre { position department { name } } }
      }
    }`,
    columns: [
      { header: 'Họ và tên', width: 26, value: (n) => n.fullName },
      { header: 'Chức vụ', width: 22, value: (n) => n.cadre?.position || null },
      { header: 'Ban, Văn phòng', width: 22, value: (n) => n.cadre?.department?.name ?? null },
      { header: 'Số ngày phải đi', width: 12, value: (n) => n.requiredDays },
      { header: 'Số ngày đã đi', width: 12, value: (n) => n.countedDays },
      { header: 'Chuyên đề', width: 10, value: (n) => n.byKind.topic },
      { header: 'Phối hợp', width: 10, value: (n) => n.byKind.coordination },
      { header: 'Kiểm tra, giám sát', width: 12, value: (n) => n.byKind.inspection },
      { header: 'Dự sinh hoạt', width: 10, value: (n) => n.byKind.meeting },
      { header: 'Vùng khó khăn', width: 10, value: (n) => n.hardshipDays },
      { header: 'Sắp đi (đã duyệt)', width: 12, value: (n) => n.upcomingDays },
      { header: 'Dự kiến cuối kỳ', width: 12, value: (n) => n.projectedDays },
      { header: 'Đăng ký muộn', width: 10, value: (n) => n.lateTrips },
      { header: 'Quá hạn báo cáo', width: 10, value: (n) => n.overdueReports },
      { header: 'Kết quả', width: 20, value: (n) => COMPLIANCE_STATUS[n.status] ?? n.status },
    ],
  }),
  recommendations: listExport<RecommendationNode>({
    sheet: 'Kiến nghị',
    fileName: 'kien-nghi.xlsx',
    variables: ['statuses', 'overdueOnly', 'provinceId'],
    query: `query ($statuses: [RecommendationStatus!], $overdueOnly: Boolean! = false, $provinceId: Int, $first: Int!, $after: String) {
      page: recommendations(statuses: $statuses, overdueOnly: $overdueOnly, provinceId: $provinceId, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id text status dueOn overdue answer createdAt unit { name } department { name } }
      }
    }`,
    columns: [
      { header: 'Nội dung kiến nghị', width: 50, value: (n) => n.text },
      { header: 'Đơn vị nêu', width: 26, value: (n) => n.unit?.name ?? null },
      { header: 'Ngày nêu', width: 12, value: (n) => date(n.createdAt ? todayOf(n.createdAt) : null) },
      { header: 'Ban được giao', width: 22, value: (n) => n.department?.name ?? null },
      { header: 'Hạn trả lời', width: 12, value: (n) => date(n.dueOn) },
      { header: 'Tình trạng', width: 14, value: (n) => RECOMMENDATION_STATUS[n.status] ?? n.status },
      { header: 'Quá hạn', width: 9, value: (n) => (n.overdue ? 'Có' : '') },
      { header: 'Trả lời', width: 50, value: (n) => n.answer ?? null },
    ],
  }),
  models: listExport<GoodModelNode>({
    sheet: 'Mô hình hay',
    fileName: 'mo-hinh-hay.xlsx',
    variables: ['search', 'field', 'replication', 'provinceId'],
    query: `query ($search: String, $field: ModelField, $replication: Replication, $provinceId: Int, $first: Int!, $after: String) {
      page: goodModels(search: $search, field: $field, replication: $replication, provinceId: $provinceId, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id name field replication description unit { name } replicatedAt { name } }
      }
    }`,
    columns: [
      { header: 'Tên mô hình', width: 40, value: (n) => n.name },
      { header: 'Lĩnh vực', width: 22, value: (n) => MODEL_FIELD[n.field] ?? n.field },
      { header: 'Đơn vị', width: 26, value: (n) => n.unit?.name ?? null },
      { header: 'Tình trạng nhân rộng', width: 16, value: (n) => REPLICATION[n.replication] ?? n.replication },
      { header: 'Nơi nhân rộng', width: 30, value: (n) => names(n.replicatedAt) },
      { header: 'Mô tả', width: 50, value: (n) => n.description || null },
    ],
  }),
};

/** A creation time as the Vietnamese calendar day it happened on. */
function todayOf(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
}

const documents = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();
function documentOf(schema: GraphQLSchema, list: string): DocumentNode {
  let bySchema = documents.get(schema);
  if (!bySchema) documents.set(schema, (bySchema = new Map<string, DocumentNode>()));
  let doc = bySchema.get(list);
  if (!doc) {
    doc = parse(EXPORTS[list].query);
    const errors = validate(schema, doc);
    if (errors.length > 0) throw errors[0];
    bySchema.set(list, doc);
  }
  return doc;
}

/** The largest export, so a mistaken request cannot hold the server for long. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * Runs the list's query page by page as the signed-in user, in one read-only transaction (so the rows
 * are exactly what that user's list shows), and writes them to a workbook.
 */
export async function exportList(
  deps: AppDeps,
  schema: GraphQLSchema,
  requestId: string,
  userId: string | null,
  list: string,
  variables: Record<string, unknown>,
): Promise<{ fileName: string; buffer: Buffer }> {
  const spec = EXPORTS[list];
  if (!spec) {
    throw new AppError(ErrorCode.NOT_FOUND, `Không có danh sách "${list}" để xuất.`, { reason: TransferErrorCode.UNKNOWN_LIST });
  }
  const allowed = Object.fromEntries(Object.entries(variables).filter(([k]) => spec.variables.includes(k)));
  const document = documentOf(schema, list);
  const tx = await ScopedTransaction.open(deps.dataSource, userId, deps.provinces.records);
  const nodes: unknown[] = [];
  try {
    await tx.manager.query('SET TRANSACTION READ ONLY');
    const contextValue = createContext(requestId, deps, tx);
    let after: string | null = null;
    do {
      const result = await execute({ schema, document, contextValue, variableValues: { ...allowed, first: 200, after } });
      if (result.errors?.length) {
        const error = result.errors[0];
        const variable = /^Variable "\$(\w+)" got invalid value/.exec(error.message);
        if (variable) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, `Bộ lọc "${variable[1]}" không hợp lệ.`, {
            field: variable[1],
            details: { detail: error.message },
          });
        }
        const formatted = formatError(error.toJSON(), error);
        throw new AppError((formatted.extensions?.code as ErrorCode) ?? ErrorCode.BAD_USER_INPUT, formatted.message, {
          details: { ...formatted.extensions },
        });
      }
      const page = (result.data as { page: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } })
        .page;
      nodes.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      // Loaders cache per request; a long export starts each page afresh.
      contextValue.loaders = createContext(requestId, deps, tx).loaders;
    } while (after && nodes.length < MAX_EXPORT_ROWS);
  } finally {
    await tx.rollback();
  }
  return { fileName: spec.fileName, buffer: await workbookOf(spec, nodes) };
}

async function workbookOf(spec: ListExport, nodes: unknown[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Cơ Sở 1+2';
  const sheet = book.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ header: 'STT', width: 6 }, ...spec.columns];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  nodes.forEach((node, i) => sheet.addRow([i + 1, ...spec.cells(node)]));
  return Buffer.from(await book.xlsx.writeBuffer());
}
