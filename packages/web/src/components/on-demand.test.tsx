import { Menu } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import { useState, type ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { onDemandControl, onDemandDialog, useOnDemandStart, type OnDemandProps } from './on-demand';

const Opener = (props: ComponentProps<'button'>) => (
  <button type="button" {...props}>
    Options
  </button>
);

const FullMenu = ({ start }: OnDemandProps) => {
  const ref = useOnDemandStart<HTMLButtonElement>(start);
  return (
    <Menu>
      <Menu.Target>
        <Opener ref={ref} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item>Rename</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};

/** A menu whose code "arrives" when the test says so. */
const deferredMenu = () => {
  let arrive = () => {};
  const load = vi.fn(
    () =>
      new Promise<typeof FullMenu>((resolve) => {
        arrive = () => resolve(FullMenu);
      }),
  );
  const Control = onDemandControl<object>(load, () => <Opener />);
  return { Control, load, arrive: () => arrive() };
};

describe('onDemandControl', () => {
  it('draws the stand-in, fetches on hover, and opens once the code arrives after a click', async () => {
    const { Control, load, arrive } = deferredMenu();
    const { user } = renderWithProviders(<Control />);
    expect(load).not.toHaveBeenCalled();

    await user.hover(screen.getByRole('button', { name: 'Options' }));
    expect(load).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Options' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    arrive();
    expect(await screen.findByRole('menuitem', { name: 'Rename' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('hands a keyboard focus over to the full control, without opening it', async () => {
    const { Control, arrive } = deferredMenu();
    const { user } = renderWithProviders(<Control />);
    await user.tab();
    arrive();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Options' })).toHaveAttribute(
        'aria-haspopup',
        'menu',
      ),
    );
    expect(screen.getByRole('button', { name: 'Options' })).toHaveFocus();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});

describe('onDemandDialog', () => {
  it('loads nothing until it first opens', async () => {
    const load = vi.fn(() =>
      Promise.resolve(({ opened }: { opened: boolean }) =>
        opened ? <div role="dialog" aria-label="Loaded" /> : null,
      ),
    );
    const Dialog = onDemandDialog(load);
    const Page = () => {
      const [opened, setOpened] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpened(true)}>
            Open
          </button>
          <Dialog opened={opened} />
        </>
      );
    };
    const { user } = renderWithProviders(<Page />);
    expect(load).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('dialog', { name: 'Loaded' })).toBeInTheDocument();
  });
});
