import { Text, type TextProps } from '@mantine/core';
import { formatDateTime, formatRelativeTime } from './format';
import { useNow } from './use-now';

export interface RelativeTimeProps extends Omit<TextProps, 'children'> {
  date: string;
  locale: string;
}

/** "5 min ago", kept current by a shared clock; the exact date is in the title and in `datetime`. */
export function RelativeTime({ date, locale, size = 'xs', c = 'dimmed', ...rest }: RelativeTimeProps) {
  const now = useNow();
  return (
    <Text
      component="time"
      dateTime={date}
      title={formatDateTime(date, locale)}
      size={size}
      c={c}
      style={{ whiteSpace: 'nowrap' }}
      {...rest}
    >
      {formatRelativeTime(date, locale, now)}
    </Text>
  );
}
