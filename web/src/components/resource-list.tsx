import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { ConfirmButton } from './buttons';
import { ActionError, EmptyState, ListStates, PageHeader, type ListQuery } from './states';

/** An action on one item of a list (delete, revoke, cancel), refreshing the list after it. */
export interface ItemAction {
  run(id: string): void;
  /** This item's action is under way: its button shows it and cannot be pressed twice. */
  busy(id: string): boolean;
  error: Error | null;
}

export function useItemAction(action: (id: string) => Promise<unknown>, refresh: QueryKey[]): ItemAction {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: async () => {
      for (const queryKey of refresh) await queryClient.invalidateQueries({ queryKey });
    },
  });
  return {
    run: (id) => mutation.mutate(id),
    busy: (id) => mutation.isPending && mutation.variables === id,
    error: mutation.error,
  };
}

interface ResourceListProps<T> {
  title: string;
  /** The create button, in the header and in the empty state; false when the caller may not create. */
  add?: { to: string; label: string } | false;
  lead?: ReactNode;
  /** Shown between the lead and the list (an offer, a hint). */
  notice?: ReactNode;
  /** A failed action on an item. */
  error?: unknown;
  query: ListQuery;
  items: T[] | undefined;
  /** `action` replaces the create button in the empty state. */
  empty: { title: string; text: ReactNode; action?: ReactNode };
  children(items: T[]): ReactNode;
}

/** A team's list of one kind of object: header with its create button, then the list in its states. */
export function ResourceListPage<T>(p: ResourceListProps<T>) {
  const add = p.add ? (
    <Link className="button button-primary" to={p.add.to}>
      {p.add.label}
    </Link>
  ) : null;
  return (
    <>
      <PageHeader title={p.title}>{add}</PageHeader>
      {p.lead ? <p className="lead">{p.lead}</p> : null}
      {p.notice}
      <ActionError error={p.error} />
      <ListStates
        query={p.query}
        items={p.items}
        empty={
          <EmptyState title={p.empty.title} action={p.empty.action ?? add}>
            {p.empty.text}
          </EmptyState>
        }
      >
        {p.children}
      </ListStates>
    </>
  );
}

/** An item's Edit link and Delete button, each only where the caller may use it. */
export function EditDeleteButtons(p: { name: string; edit: string | false; remove: (() => void) | false; busy: boolean; question?: string }) {
  return (
    <>
      {p.edit ? (
        <Link className="button button-secondary" to={p.edit} aria-label={`Edit ${p.name}`}>
          Edit
        </Link>
      ) : null}
      {p.remove ? <ConfirmButton label="Delete" question={p.question ?? `Delete ${p.name}?`} onConfirm={p.remove} busy={p.busy} /> : null}
    </>
  );
}
