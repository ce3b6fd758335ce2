import type { CSSProperties, ReactNode, Ref } from 'react';

type NativeScrollerProps = {
  children?: ReactNode;
  className?: string;
  style?: CSSProperties;
  ref?: Ref<HTMLDivElement>;
};

/**
 * Table.ScrollContainer's ScrollArea in a build (vite/tables-without-scroll-area.ts): a native
 * scroller. The theme makes every table's scroll container native already, so this is drawn only
 * if a table asks for `type="scrollarea"`, and then scrolls as natively as the others.
 */
export const ScrollArea = ({ children, className, style, ref }: NativeScrollerProps) => (
  <div ref={ref} className={className} style={{ overflow: 'auto', contain: 'paint', ...style }}>
    {children}
  </div>
);
