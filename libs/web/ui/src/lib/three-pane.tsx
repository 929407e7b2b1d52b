import type { ReactNode } from 'react';

export interface ThreePaneProps {
  list: ReactNode;
  main: ReactNode;
  aside: ReactNode;
  /** on narrow screens only one pane shows: the main one when something is open */
  mainOpen: boolean;
  labels: { list: string; main: string; aside: string };
}

/** List, detail and context side by side; the context pane folds away below 1200 px, the list below 768 px. */
export function ThreePane({ list, main, aside, mainOpen, labels }: ThreePaneProps) {
  return (
    <div className="ec-three-pane" data-main-open={mainOpen || undefined}>
      <section className="ec-pane ec-pane-list" aria-label={labels.list}>
        {list}
      </section>
      <section className="ec-pane ec-pane-main" aria-label={labels.main}>
        {main}
      </section>
      <section className="ec-pane ec-pane-aside" aria-label={labels.aside}>
        {aside}
      </section>
    </div>
  );
}
