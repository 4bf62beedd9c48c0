import type { ReactNode } from 'react';

/** A titled section of a column. */
export function Section({ title, aside, children, id }: { title: string; aside?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section className="section" aria-labelledby={id ? `${id}-h` : undefined}>
      <h3 className="section-title" id={id ? `${id}-h` : undefined}>
        <span>{title}</span>
        {aside && <span className="section-aside">{aside}</span>}
      </h3>
      {children}
    </section>
  );
}
