import { act, render, screen } from '@testing-library/react';
import { i18n } from '@/i18n/i18n';
import { LiveConnection, LiveConnectionContext } from '@/shared/apollo/liveStatus';
import { LiveIndicator } from './LiveIndicator';

function renderIndicator() {
  const reconnections: number[] = [];
  const live = new LiveConnection(() => reconnections.push(Date.now()));
  const view = render(
    <LiveConnectionContext value={live}>
      <LiveIndicator />
    </LiveConnectionContext>,
  );
  return { live, reconnections, view };
}

const status = () => screen.getByRole('status');

afterEach(() => act(() => void i18n.changeLanguage('vi')));

describe('the live connection in the header', () => {
  it('says the page is updated live once the socket is connected', () => {
    const { live, view } = renderIndicator();
    expect(view.container).toBeEmptyDOMElement();

    act(() => live.connecting(false));
    expect(status()).toHaveTextContent('Đang kết nối…');
    act(() => live.connected());
    expect(status()).toHaveTextContent('Đang cập nhật trực tiếp');
    expect(status()).toHaveAttribute('data-status', 'connected');
  });

  it('says it is reconnecting after a drop or a server restart, and catches up once back', () => {
    const { live, reconnections } = renderIndicator();
    act(() => {
      live.connecting(false);
      live.connected();
    });
    expect(reconnections).toHaveLength(0);

    // 1012: the server restarts, or asks its clients to reload what they show.
    act(() => live.closed(1012));
    expect(status()).toHaveTextContent('Đang kết nối lại…');
    act(() => live.closed(1006));
    act(() => live.connecting(true));
    expect(status()).toHaveTextContent('Đang kết nối lại…');

    act(() => live.connected());
    expect(status()).toHaveTextContent('Đang cập nhật trực tiếp');
    // What the page shows may have missed events while the socket was down: it is fetched again.
    expect(reconnections).toHaveLength(1);
  });

  it('says the connection is lost for good when the server refuses it, in English too', () => {
    const { live } = renderIndicator();
    act(() => {
      live.connecting(false);
      live.connected();
      live.closed(4403);
    });
    expect(status()).toHaveTextContent('Mất kết nối trực tiếp — tải lại để xem số liệu mới');
    expect(status()).toHaveAttribute('data-status', 'lost');

    act(() => void i18n.changeLanguage('en'));
    expect(status()).toHaveTextContent('Live connection lost — reload to see the latest figures');
  });

  it('shows nothing once the socket is closed because nothing listens any more', () => {
    const { live, view } = renderIndicator();
    act(() => {
      live.connecting(false);
      live.connected();
      live.closed(1000);
    });
    expect(view.container).toBeEmptyDOMElement();
  });
});
