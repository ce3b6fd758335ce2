import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './skip-link.module.css';

export const mainContentId = 'main-content';

/** The first stop of the keyboard on every signed-in page: straight to the page's content. */
export const SkipLink = () => {
  const { t } = useTranslation();
  return (
    <Anchor href={`#${mainContentId}`} className={classes.skipLink} data-testid="skip-link">
      {t('app.skipToContent')}
    </Anchor>
  );
};
