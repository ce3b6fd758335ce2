import { notifications } from '@mantine/notifications';

export const notifySuccess = (message: string) =>
  notifications.show({ color: 'green', message, withBorder: true });

export const notifyFailure = (title: string, message: string) =>
  notifications.show({ color: 'red', title, message, withBorder: true, autoClose: 8000 });
