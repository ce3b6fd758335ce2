import { useMergedRef } from '@mantine/hooks';
import type { Ref } from 'react';

/** What Mantine's ScrollArea takes from @floating-ui/react, from Mantine's own hooks instead. */
export const useMergeRefs = <T>(refs: (Ref<T> | undefined)[]) => useMergedRef(...refs);
