import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportKind } from './import.sheets';

export enum ImportStatus {
  RUNNING = 'RUNNING',
  INVALID = 'INVALID',
  DONE = 'DONE',
  ERROR = 'ERROR',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'Đang chạy; tệp có lỗi (không ghi gì); đã nhập xong; lỗi hệ thống (không ghi gì)',
});

export enum ImportPhase {
  READING = 'READING',
  CHECKING = 'CHECKING',
  WRITING = 'WRITING',
  FINISHED = 'FINISHED',
}
registerEnumType(ImportPhase, { name: 'ImportPhase', description: 'Đọc tệp; kiểm tra từng dòng; ghi dữ liệu; xong' });

@ObjectType({ simpleResolvers: true, description: 'Một lỗi trong tệp nhập: trang, dòng, cột và mô tả' })
export class ImportProblem {
  @Field() sheet: string;
  @Field(() => Int, { nullable: true, description: 'Số dòng như Excel hiển thị' }) row: number | null;
  @Field(() => String, { nullable: true, description: 'Cột, ví dụ "C (Loại đơn vị)"' }) column: string | null;
  @Field() message: string;
}

@ObjectType({ simpleResolvers: true, description: 'Một lần nhập tệp và tiến độ của nó' })
export class ImportJob {
  @Field(() => ID) id: string;
  @Field(() => Int) provinceId: number;
  @Field(() => ImportKind) kind: ImportKind;
  @Field(() => ImportStatus) status: ImportStatus;
  @Field(() => ImportPhase) phase: ImportPhase;
  @Field() fileName: string;
  @Field(() => Int, { description: 'Phần trăm hoàn thành 0–100' }) percent: number;
  @Field(() => Int, { description: 'Số dòng đã xử lý trong bước hiện tại' }) processedRows: number;
  @Field(() => Int, { description: 'Số dòng dữ liệu của tệp (khi đã đọc hết)' }) totalRows: number;
  @Field(() => Int, { description: 'Số bản ghi mới' }) createdCount: number;
  @Field(() => Int, { description: 'Số bản ghi đã có, được cập nhật theo tệp' }) updatedCount: number;
  @Field(() => Int, { description: 'Số dòng đã có từ trước, không có gì mới: giữ nguyên' }) skippedCount: number;
  @Field(() => Int) problemCount: number;
  @Field(() => [ImportProblem], { description: 'Tối đa 1.000 lỗi đầu tiên' }) problems: ImportProblem[];
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

export enum CalendarOwner {
  CADRE = 'CADRE',
  UNIT = 'UNIT',
}
registerEnumType(CalendarOwner, { name: 'CalendarOwner', description: 'Lịch của một cán bộ; lịch đón đoàn của một đơn vị' });

@ObjectType({ simpleResolvers: true, description: 'Đường dẫn lịch riêng (iCalendar) đang dùng' })
export class CalendarFeed {
  @Field(() => ID) id: string;
  @Field(() => CalendarOwner) owner: CalendarOwner;
  @Field(() => Date) createdAt: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Đường dẫn lịch vừa tạo: chỉ hiển thị một lần' })
export class CalendarLink {
  @Field(() => CalendarFeed) feed: CalendarFeed;
  @Field({ description: 'Đường dẫn /calendar/<mã bí mật>.ics, thêm vào ứng dụng lịch' }) path: string;
}
