import { Notifications } from '@mantine/notifications';

/** The toasts' container, its own chunk: app-providers loads it with the first toast. */
export const Toasts = () => <Notifications position="bottom-right" />;
