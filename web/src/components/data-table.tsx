import type { ReactNode } from 'react';

/** A column's heading; `hideNarrow` columns give way on phones. */
export type Column = string | { label: string; hideNarrow: true };

/** A table of items with a last, unlabelled column for each row's buttons; children are the rows. */
export function DataTable({ columns, children }: { columns: Column[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === 'string' ? (
                <th key={c} scope="col">
                  {c}
                </th>
              ) : (
                <th key={c.label} scope="col" className="hide-narrow">
                  {c.label}
                </th>
              ),
            )}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
