import { screen, within } from '@testing-library/react';
import { makeFragmentData } from '@/gql';
import { renderPage, setupUser } from '@/test/renderPage';
import { AppHeader, AppHeader_viewer } from './AppHeader';
import { NAV_ITEMS } from './navigation';

jest.setTimeout(60_000);

/** The signed-in standing-board member, with `me.can` as the API answers it, changed by `overrides`. */
function boardMember(overrides: Record<string, boolean> = {}) {
  const can = Object.fromEntries(NAV_ITEMS.flatMap((item) => (item.can ? [[item.can, false]] : [])));
  Object.assign(can, { registerTrip: true, seeOwnTrips: true, decideTrips: true, readFeed: true }, overrides);
  return makeFragmentData(
    {
      fullName: 'Nguyễn Văn Bình',
      role: 'STANDING_BOARD',
      province: { id: 68, name: 'Lâm Đồng' },
      can: can as never,
    },
    AppHeader_viewer,
  );
}

/** The trip pages the drawer offers, opened on the group of the page the user is on. */
async function tripPagesOffered(viewer: ReturnType<typeof boardMember>) {
  const user = setupUser();
  renderPage('/trips/mine', '/trips/mine', <AppHeader viewer={viewer} onSignOut={() => undefined} />, []);
  await user.click(screen.getByRole('button', { name: 'Mở menu' }));
  const drawer = await screen.findByRole('dialog');
  return within(drawer)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('the header menu follows me.can', () => {
  it('offers the standing board “Đăng ký đi cơ sở”, which the API lets it do', async () => {
    expect(await tripPagesOffered(boardMember())).toEqual(
      expect.arrayContaining(['Đăng ký đi cơ sở', 'Chuyến đi của tôi', 'Duyệt đăng ký']),
    );
  });

  it('leaves out a page the API does not open to the viewer', async () => {
    const offered = await tripPagesOffered(boardMember({ registerTrip: false, decideTrips: false }));
    expect(offered).toContain('Chuyến đi của tôi');
    expect(offered).not.toContain('Đăng ký đi cơ sở');
    expect(offered).not.toContain('Duyệt đăng ký');
  });
});

describe('signing out', () => {
  it('is a labelled entry of the menu drawer, after the viewer’s name', async () => {
    const user = setupUser();
    const signOut = jest.fn();
    renderPage('/', '/', <AppHeader viewer={boardMember()} onSignOut={signOut} />, []);
    await user.click(screen.getByRole('button', { name: 'Mở menu' }));
    const drawer = await screen.findByRole('dialog');
    const account = within(drawer).getByRole('menu', { name: 'Tài khoản' });
    expect(within(drawer).getByText('Nguyễn Văn Bình')).toBeInTheDocument();
    const entry = within(account).getByRole('menuitem', { name: 'Đăng xuất' });
    expect(entry).toHaveTextContent('Đăng xuất');
    await user.click(entry);
    expect(signOut).toHaveBeenCalledTimes(1);
  });

  it('says “Đăng xuất” in words on the header button too', () => {
    renderPage('/', '/', <AppHeader viewer={boardMember()} onSignOut={() => undefined} />, []);
    const button = screen.getByRole('button', { name: 'Đăng xuất' });
    expect(button).toHaveTextContent('Đăng xuất');
    // On a screen narrow enough for the drawer the stylesheet hides it: the drawer's entry replaces it.
    expect(button).toHaveClass('app-header__signout--in-drawer');
  });
});
