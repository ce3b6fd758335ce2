import { Loader } from '@mantine/core';
import {
  cloneElement,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type JSX,
  type ReactElement,
  type Ref,
} from 'react';

/*
 * Code a page needs only once its user reaches for it (a dialog, a menu, a combobox) loads then,
 * not with the page: the first-load budgets of SPEC §7 (e2e/first-load.e2e.test.ts).
 */

const onDemand = <Props extends object>(load: () => Promise<ComponentType<Props>>) => {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  /** The component once its code has arrived: loading it first when `wanted`. */
  const useLoaded = (wanted: boolean) => {
    const [component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (!wanted || component) return;
      let current = true;
      void preload().then((arrived) => {
        if (current) setComponent(() => arrived);
      });
      return () => {
        current = false;
      };
    }, [wanted, component]);
    return component;
  };
  /** Starts fetching the code: for the hover or focus of what will open it. */
  const prefetch = () => {
    void preload();
  };
  return { prefetch, useLoaded };
};

/** Shown while a dialog's code arrives (in practice a hover or a focus has fetched it already). */
const DialogLoading = () => (
  <Loader
    size="sm"
    aria-hidden
    style={{ position: 'fixed', top: '50%', left: '50%', zIndex: 300 }}
  />
);

/**
 * A dialog whose code loads when it first opens (or on `preload`, from its opener's hover or
 * focus). Once loaded it stays mounted, so it animates closed like any dialog.
 */
export const onDemandDialog = <Props extends { opened: boolean }>(
  load: () => Promise<ComponentType<Props>>,
) => {
  const { prefetch, useLoaded } = onDemand(load);
  const Dialog = (props: Props) => {
    const [wanted, setWanted] = useState(props.opened);
    if (props.opened && !wanted) setWanted(true);
    const Loaded = useLoaded(wanted);
    if (!wanted) return null;
    return Loaded ? <Loaded {...props} /> : <DialogLoading />;
  };
  return Object.assign(Dialog, { preload: prefetch });
};

/** What an on-demand control was asked for before its code arrived. */
export type OnDemandStart = { focus: boolean; open: boolean };

/** Props of the full control: the stand-in's element to become its target, and its start. */
export type OnDemandProps = { start: OnDemandStart };

type StandInProps = {
  onPointerEnter?: (event: never) => void;
  onPointerDown?: (event: never) => void;
  onFocus?: (event: never) => void;
  onBlur?: (event: never) => void;
  onClick?: (event: never) => void;
};

/**
 * A control (a menu, a combobox) drawn first as a light stand-in, `standIn(props)`: its button or
 * input. Hovering or focusing the stand-in fetches the full control's code; a click, or a focus
 * from the keyboard, puts the full control in its place, which takes the focus and, after a
 * click, opens (`useOnDemandStart`). A pointer's focus waits for its click: replacing the
 * element between the press and the release would lose the click.
 */
export const onDemandControl = <Props extends object>(
  load: () => Promise<ComponentType<Props & OnDemandProps>>,
  standIn: (props: Props) => ReactElement<StandInProps>,
  alsoPreload?: () => void,
) => {
  const { prefetch, useLoaded } = onDemand(load);
  const prefetchAll = () => {
    prefetch();
    alsoPreload?.();
  };
  const Control = (props: Props): JSX.Element => {
    const [start, setStart] = useState<OnDemandStart | null>(null);
    const pressed = useRef(false);
    const Loaded = useLoaded(start !== null);
    if (Loaded) return <Loaded {...props} start={start ?? { focus: false, open: false }} />;
    return cloneElement(standIn(props), {
      onPointerEnter: prefetchAll,
      onPointerDown: () => {
        pressed.current = true;
        prefetchAll();
      },
      onFocus: () => {
        prefetchAll();
        if (!pressed.current) setStart((previous) => previous ?? { focus: true, open: false });
      },
      // Gone before the control arrived: it must not pull the focus back.
      onBlur: () => setStart((previous) => (previous?.open ? previous : null)),
      onClick: () => {
        pressed.current = false;
        setStart({ focus: true, open: true });
      },
    });
  };
  return Object.assign(Control, { preload: prefetch });
};

/**
 * For the full control: a ref for the element that replaced the stand-in, which takes the focus
 * if the stand-in had it and is clicked (opened) if the stand-in was.
 */
export const useOnDemandStart = <Element extends HTMLElement>({
  focus,
  open,
}: OnDemandStart): Ref<Element> => {
  const ref = useRef<Element>(null);
  useEffect(() => {
    if (focus || open) ref.current?.focus();
    if (open) ref.current?.click();
    // Only what happened before the control arrived: once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
};
