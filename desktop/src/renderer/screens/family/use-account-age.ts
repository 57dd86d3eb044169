import { useTranslation } from 'react-i18next';
import { daysSince } from './format';

/** "account made 3 days ago", in the interface's language. */
export function useAccountAge(): (createdAt: number) => string {
  const { t } = useTranslation();
  return (createdAt) => {
    const days = daysSince(createdAt);
    return days === 0 ? t('pane.invites.accountToday') : t('pane.invites.accountAge', { count: days });
  };
}
