import '@testing-library/jest-dom';
import { randomUUID } from 'node:crypto';
import { TextDecoder, TextEncoder } from 'node:util';
import '@/i18n/i18n';
import '@/i18n/signedIn';

type MessageHandler = ((event: { data: unknown }) => void) | null;

class TimeoutPort {
  onmessage: MessageHandler = null;
  peer: TimeoutPort | null = null;
  postMessage(data: unknown): void {
    setTimeout(() => this.peer?.onmessage?.({ data }), 0);
  }
  close(): void {
    this.onmessage = null;
  }
}

/** antd's form schedules work through MessageChannel; Node's own keeps Jest from exiting. */
class TimeoutMessageChannel {
  port1 = new TimeoutPort();
  port2 = new TimeoutPort();
  constructor() {
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

// jsdom lacks these browser APIs: react-router needs the encoders.
Object.assign(globalThis, { TextEncoder, TextDecoder, MessageChannel: TimeoutMessageChannel });

// jsdom implements neither; antd's responsive grid and table need them.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = NoopResizeObserver;

// jsdom does not implement pseudo-element styles, which antd asks for when measuring scrollbars.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// Registrations carry an idempotency key made with crypto.randomUUID(), which older jsdoms lack.
if (typeof globalThis.crypto?.randomUUID !== 'function') {
  Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID });
}
