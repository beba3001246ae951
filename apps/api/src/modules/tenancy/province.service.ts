import type { DataSource } from 'typeorm';
import { Province, ProvinceStatus } from './province.entity';
import type { ProvinceRecord } from './province.catalog';
import { unionName } from './province.catalog';

const collator = new Intl.Collator('vi');

/**
 * The provinces, read once at start: they change only by migration. Tenancy decisions (who may read
 * a predecessor's history) and the province fields of every answer come from here without a query.
 */
export class ProvinceDirectory {
  private readonly byId: Map<number, Province>;

  constructor(readonly all: readonly Province[]) {
    this.byId = new Map(all.map((p) => [p.id, p]));
  }

  static async load(dataSource: DataSource): Promise<ProvinceDirectory> {
    const rows = await dataSource.getRepository(Province).find();
    return new ProvinceDirectory(rows.sort((a, b) => collator.compare(a.name, b.name)));
  }

  get records(): ProvinceRecord[] {
    return this.all.map((p) => ({ ...p }));
  }

  get(id: number): Province | undefined {
    return this.byId.get(id);
  }

  byCode(code: string): Province | undefined {
    const upper = code.toUpperCase();
    return this.all.find((p) => p.code === upper);
  }

  list(status?: ProvinceStatus): Province[] {
    return status ? this.all.filter((p) => p.status === status) : [...this.all];
  }

  predecessors(id: number): Province[] {
    return this.all.filter((p) => p.successorId === id);
  }

  unionName(p: Province): string {
    return unionName(p);
  }
}
