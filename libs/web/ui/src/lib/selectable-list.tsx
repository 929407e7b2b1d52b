import type { HTMLAttributes, ReactNode, Ref } from 'react';

/** The class to put on the link (or button) that fills a SelectableListItem. */
export const ROW_LINK_CLASS = 'ec-row-link';

export interface SelectableListProps extends HTMLAttributes<HTMLUListElement> {
  children: ReactNode;
  ref?: Ref<HTMLUListElement>;
}

/** A plain list of rows (role list) whose rows can be selected and traversed with the keyboard. */
export function SelectableList({ children, ref, ...rest }: SelectableListProps) {
  return (
    // role="list": Safari drops the list semantics of a <ul> without bullets
    <ul className="ec-list" role="list" ref={ref} {...rest}>
      {children}
    </ul>
  );
}

export interface SelectableListItemProps extends HTMLAttributes<HTMLLIElement> {
  /** the row whose content is open */
  selected?: boolean;
  /** the keyboard cursor (j/k) */
  active?: boolean;
  /** a visual emphasis, e.g. unread */
  emphasized?: boolean;
  testId?: string;
  children: ReactNode;
}

export function SelectableListItem({
  selected,
  active,
  emphasized,
  testId,
  children,
  ...rest
}: SelectableListItemProps) {
  return (
    <li
      className="ec-row"
      data-testid={testId}
      data-selected={selected || undefined}
      data-active={active || undefined}
      data-emphasized={emphasized || undefined}
      {...rest}
    >
      {children}
    </li>
  );
}
