import { Client } from 'pg';
import { createAppPubSub, type ImportProgressPayload, type PubSubHandle } from './pubsub';
import { packets, Reassembly } from './pubsub.postgres';

const adminUrl = (): string => {
  const url = process.env.TEST_ADMIN_URL;
  if (!url) throw new Error('TEST_ADMIN_URL is not set: run through jest (global setup)');
  return url;
};

const wait = async (until: () => boolean, ms = 5000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!until()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

function progress(problems: number): ImportProgressPayload {
  return {
    provinceId: 7,
    id: 'job-1',
    kind: 'ROSTER',
    status: 'FINISHED',
    phase: 'FINISHED',
    fileName: 'danh-sách-cán-bộ.xlsx',
    percent: 100,
    processedRows: problems,
    totalRows: problems,
    createdCount: 0,
    updatedCount: 0,
    skippedCount: problems,
    problemCount: problems,
    problems: Array.from({ length: problems }, (_, i) => ({
      sheet: 'Cán bộ',
      row: i + 2,
      column: 'Ngày sinh',
      message: `Dòng ${i + 2}: ngày sinh "31/02/1990" không hợp lệ — đúng dạng dd/MM/yyyy, ví dụ 05/09/1992 "có ngoặc"`,
    })),
    message: null,
    createdAt: '2026-12-06T02:00:00.000Z',
    finishedAt: '2026-12-06T02:00:05.000Z',
  };
}

describe('NOTIFY payloads', () => {
  it('sends a small message whole and a large one in parts under PostgreSQL’s 8000-byte limit', () => {
    expect(packets('TRIP_EVENT:7', 'nhỏ')).toHaveLength(1);
    const message = JSON.stringify(progress(300));
    const parts = packets('IMPORT_PROGRESS:7', message);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThan(8000);
    const reassembly = new Reassembly();
    const results = parts.map((p) => reassembly.add(JSON.parse(p) as never));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results.at(-1)).toEqual({ channel: 'IMPORT_PROGRESS:7', message });
  });

  it('puts back two messages whose parts arrive interleaved', () => {
    const first = JSON.stringify(progress(120));
    const second = JSON.stringify({ ...progress(90), id: 'job-2' });
    const a = packets('A', first);
    const b = packets('B', second);
    const reassembly = new Reassembly();
    const out: Array<{ channel: string; message: string }> = [];
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      for (const list of [a, b]) {
        const packet = list[i];
        const whole = packet ? reassembly.add(JSON.parse(packet) as never) : null;
        if (whole) out.push(whole);
      }
    }
    expect(out).toEqual(
      expect.arrayContaining([
        { channel: 'A', message: first },
        { channel: 'B', message: second },
      ]),
    );
    expect(out).toHaveLength(2);
  });
});

describe('the event bus through PostgreSQL LISTEN/NOTIFY', () => {
  let a: PubSubHandle;
  let b: PubSubHandle;
  let admin: Client;

  beforeAll(async () => {
    a = createAppPubSub({ postgresUrl: adminUrl(), instanceId: 'instance-a' });
    b = createAppPubSub({ postgresUrl: adminUrl(), instanceId: 'instance-b' });
    admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await wait(() => a.status().connected && b.status().connected);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await admin.end();
  });

  const collect = <T>(handle: PubSubHandle, topic: 'IMPORT_PROGRESS', key: string): T[] => {
    const got: T[] = [];
    const iterator = handle.pubsub.subscribe(topic, key)[Symbol.asyncIterator]();
    const pump = async (): Promise<void> => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        got.push(next.value as T);
      }
    };
    void pump();
    return got;
  };

  it('carries an event to the other instance, large ones whole, and to its own subscribers once', async () => {
    const onB = collect<ImportProgressPayload>(b, 'IMPORT_PROGRESS', '7');
    const onA = collect<ImportProgressPayload>(a, 'IMPORT_PROGRESS', '7');
    await new Promise((r) => setTimeout(r, 50));
    const big = progress(400);
    a.pubsub.publish('IMPORT_PROGRESS', '7', progress(1));
    a.pubsub.publish('IMPORT_PROGRESS', '7', big);
    await wait(() => onB.length === 2);
    expect(onB[1]).toEqual(big);
    await new Promise((r) => setTimeout(r, 200));
    // A delivered its own events directly and skipped their echo.
    expect(onA).toHaveLength(2);
  });

  it('asks clients to catch up when its session was cut, and carries events again after', async () => {
    let gaps = 0;
    const stop = b.onGap(() => (gaps += 1));
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'coso-api-events' AND datname = current_database() AND pid <> pg_backend_pid()`,
    );
    // Both sessions were cut: each instance finds out and reconnects.
    await wait(() => gaps > 0 && a.status().connected && b.status().connected, 15_000);
    const onB = collect<ImportProgressPayload>(b, 'IMPORT_PROGRESS', '9');
    await new Promise((r) => setTimeout(r, 50));
    a.pubsub.publish('IMPORT_PROGRESS', '9', { ...progress(2), provinceId: 9 });
    await wait(() => onB.length === 1);
    stop();
  });

  it('counts an event it could not send and never throws', async () => {
    const lonely = createAppPubSub({ postgresUrl: 'postgres://nobody@127.0.0.1:1/none', instanceId: 'lonely' });
    const here = collect<ImportProgressPayload>(lonely, 'IMPORT_PROGRESS', '7');
    await new Promise((r) => setTimeout(r, 50));
    expect(() => lonely.pubsub.publish('IMPORT_PROGRESS', '7', progress(1))).not.toThrow();
    await wait(() => lonely.status().publishFailures === 1);
    // This instance's own subscribers still heard it.
    expect(here).toHaveLength(1);
    expect(lonely.status()).toMatchObject({ shared: true, connected: false });
    await lonely.close();
  });
});
