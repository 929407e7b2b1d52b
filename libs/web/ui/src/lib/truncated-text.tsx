import { Text, Tooltip, type TextProps } from '@mantine/core';

export interface TruncatedTextProps extends Omit<TextProps, 'children'> {
  text: string;
  maxWidth?: number | string;
  testId?: string;
}

/**
 * One ellipsised line with the full text in a tooltip. Focusable, so that the keyboard shows the tooltip too, and
 * the full text is its accessible description.
 */
export function TruncatedText({ text, maxWidth = 240, size = 'xs', testId, ...rest }: TruncatedTextProps) {
  return (
    <Tooltip
      label={text}
      multiline
      maw={420}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
      style={{ overflowWrap: 'anywhere' }}
    >
      <Text size={size} truncate="end" maw={maxWidth} tabIndex={0} data-testid={testId} {...rest}>
        {text}
      </Text>
    </Tooltip>
  );
}
