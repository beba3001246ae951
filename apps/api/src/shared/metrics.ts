import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import cluster from 'node:cluster';
import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import {
  AggregatorRegistry,
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type Metric,
  type PrometheusContentType,
} from 'prom-client';
import type { Env } from '../env';
import type { Logger } from './logger';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** What the gauges read at scrape time. */
export interface MetricsSources {
  pool: () => PoolStats | undefined;
  openSockets: () => number;
  eventBus?: () => { shared: boolean; connected: boolean; publishFailures: number; gaps: number };
  /** Metrics a module keeps itself (sign-ins), served with the rest. */
  own?: readonly Metric[];
}

export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';

/** Distinct client-chosen values kept as labels; past this, `other`, so no client can grow the series without end. */
const MAX_LABEL_VALUES = 100;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

class BoundedLabel {
  private readonly seen = new Set<string>();

  value(raw: string | null | undefined, missing: string): string {
    if (!raw) return missing;
    if (!NAME.test(raw)) return 'other';
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= MAX_LABEL_VALUES) return 'other';
    this.seen.add(raw);
    return raw;
  }
}

let answeringPrimary: AggregatorRegistry<PrometheusContentType> | undefined;

/** The process's Prometheus metrics, in a registry of its own (several servers may share one test process). */
export class Metrics {
  readonly registry = new Registry();
  private readonly names = new BoundedLabel();
  private readonly codes = new BoundedLabel();
  private readonly duration: Histogram<'operation' | 'type'>;
  private readonly errors: Counter<'code'>;
  private readonly deliveries: Counter<'operation'>;

  constructor(sources: MetricsSources) {
    collectDefaultMetrics({ register: this.registry });
    // In an API worker, the primary gathers this registry with every other worker's (see `clusterMetrics`).
    if (cluster.isWorker) {
      AggregatorRegistry.setRegistries(this.registry);
      // Constructing one makes prom-client answer the primary's requests in this worker.
      answeringPrimary ??= new AggregatorRegistry();
    }
    const registers = [this.registry];
    for (const metric of sources.own ?? []) this.registry.registerMetric(metric);
    this.duration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL operation to answering it (subscriptions: until the subscription is set up)',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers, by extensions.code',
      labelNames: ['code'],
      registers,
    });
    this.deliveries = new Counter({
      name: 'subscription_deliveries_total',
      help: 'Events delivered to subscribers over WebSocket',
      labelNames: ['operation'],
      registers,
    });
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of the API role pool: total open, idle, and requests waiting for one',
      labelNames: ['state'],
      registers,
      collect() {
        const stats = sources.pool();
        if (!stats) return;
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
    const bus = sources.eventBus;
    if (bus) {
      new Gauge({
        name: 'event_bus_connected',
        help: 'Whether the bus between API processes and instances is connected (always 1 for a single process)',
        registers,
        // Across the workers of one instance: connected only if every worker is.
        aggregator: 'min',
        collect() {
          this.set(bus().connected ? 1 : 0);
        },
      });
      new Counter({
        name: 'event_bus_publish_failures_total',
        help: 'Live events that could not be sent to the other API instances (Redis unreachable)',
        registers,
        collect() {
          this.reset();
          this.inc(bus().publishFailures);
        },
      });
      new Counter({
        name: 'event_bus_gaps_total',
        help: "Times this instance may have missed other instances' events and asked its live clients to catch up",
        registers,
        collect() {
          this.reset();
          this.inc(bus().gaps);
        },
      });
    }
    new Gauge({
      name: 'ws_open_sockets',
      help: 'Open WebSocket connections on /graphql',
      registers,
      collect() {
        this.set(sources.openSockets());
      },
    });
  }

  operationLabel(name: string | null | undefined, resolved: boolean): string {
    return resolved ? this.names.value(name, 'anonymous') : 'unknown';
  }

  observeOperation(operation: string, type: OperationType, seconds: number, errorCodes: readonly string[]): void {
    this.duration.observe({ operation, type }, seconds);
    this.countErrors(errorCodes);
  }

  countErrors(errorCodes: readonly string[]): void {
    for (const code of errorCodes) this.errors.inc({ code: this.codes.value(code, 'UNKNOWN') });
  }

  countDelivery(operation: string): void {
    this.deliveries.inc({ operation });
  }
}

/** The pg pool behind TypeORM's PostgreSQL driver. */
export function typeormPoolStats(dataSource: DataSource): () => PoolStats | undefined {
  return () => {
    const pool = (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } })
      .master;
    return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : undefined;
  };
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `GET /metrics`: behind `Authorization: Bearer <METRICS_TOKEN>` when a token is configured. Without one
 * it is open in development and absent (404) in production, where it would tell anyone how the service
 * is used.
 */
export function metricsEndpoint(
  metrics: Metrics,
  env: Pick<Env, 'METRICS_TOKEN' | 'NODE_ENV'>,
  log: Pick<Logger, 'warn'>,
): RequestHandler {
  const token = env.METRICS_TOKEN;
  const expected = token ? digest(`Bearer ${token}`) : undefined;
  if (!token && env.NODE_ENV === 'production') {
    log.warn('METRICS_TOKEN is not set: GET /metrics answers 404 in production');
    return (_req, res) => {
      res.status(404).json({ errors: [{ message: 'Không tìm thấy.', extensions: { code: 'NOT_FOUND' } }] });
    };
  }
  return async (req, res) => {
    if (expected && !timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      res.setHeader('www-authenticate', 'Bearer');
      res
        .status(401)
        .json({ errors: [{ message: 'Cần mã truy cập để xem số liệu vận hành.', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    res.setHeader('content-type', metrics.registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(cluster.isWorker ? await workersMetrics(metrics, log) : await metrics.registry.metrics());
  };
}

/** What an API worker and the primary say to each other about metrics (beside prom-client's own messages). */
const ASK = 'coso:cluster-metrics';
const ANSWER = 'coso:cluster-metrics-answer';
interface MetricsMessage {
  type: typeof ASK | typeof ANSWER;
  id: string;
  text?: string;
  error?: string;
}
const isMetricsMessage = (message: unknown): message is MetricsMessage =>
  typeof message === 'object' && message !== null && [ASK, ANSWER].includes((message as { type?: string }).type ?? '');

/**
 * A worker's `/metrics`: the figures of every worker of this instance, summed by the primary (counters,
 * histograms, pool and socket gauges; the bus gauge is the lowest), so a scrape that lands on any worker
 * sees the whole instance. Falls back to this worker's own figures if the primary does not answer.
 */
function workersMetrics(metrics: Metrics, log: Pick<Logger, 'warn'>): Promise<string> {
  const id = randomUUID();
  return new Promise<string>((resolve) => {
    const done = (text: string | null, problem?: string) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (text !== null) return resolve(text);
      log.warn({ problem }, 'The primary did not gather the workers metrics: serving this worker only');
      void metrics.registry.metrics().then(resolve);
    };
    const onMessage = (message: unknown) => {
      if (isMetricsMessage(message) && message.type === ANSWER && message.id === id) done(message.text ?? null, message.error);
    };
    const timer = setTimeout(() => done(null, 'timeout'), 5_000);
    process.on('message', onMessage);
    process.send?.({ type: ASK, id } satisfies MetricsMessage);
  });
}

/** In the primary: answers a worker's request for the instance's metrics with every worker's, aggregated. */
export function gatherWorkersMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isMetricsMessage(message) || message.type !== ASK) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id: message.id, text } satisfies MetricsMessage),
      (error: unknown) =>
        worker.send({
          type: ANSWER,
          id: message.id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies MetricsMessage),
    );
  });
}
