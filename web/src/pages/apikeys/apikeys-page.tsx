import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { ConfirmButton, CopyField } from '../../components/buttons';
import { DataTable } from '../../components/data-table';
import { FormError, SelectField, SubmitRow, TextField, useApiForm } from '../../components/form';
import { useItemAction } from '../../components/resource-list';
import { ActionError, EmptyState, ListStates, PageHeader } from '../../components/states';

export const APIKEY_FIELDS = [
  { name: 'name', labels: ['Name'] },
  { name: 'description', labels: ['Description'] },
  { name: 'expirationDays', labels: ['Number of days before expiry'] },
];

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'One year' },
  { value: 'never', label: 'Never' },
];

function formatDate(iso: string | null): string {
  if (!iso) return 'Never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function ApiKeysPage() {
  const queryClient = useQueryClient();
  const [fresh, setFresh] = useState<{ name: string; token: string } | null>(null);
  const list = useQuery({ queryKey: keys.apikeys, queryFn: () => api.get('/apikeys.json') });
  const revoke = useItemAction((keyId) => api.delete('/forms/account/apikey/{keyId}', { path: { keyId }, body: { keyId } }), [keys.apikeys]);
  const rotate = useMutation({
    mutationFn: (k: { keyId: string; name: string }) => api.post('/forms/account/apikey/{keyId}/increment', { path: { keyId: k.keyId }, body: { keyId: k.keyId } }),
    onSuccess: (res, k) => setFresh({ name: k.name, token: res.token }),
  });
  const form = useApiForm({
    initial: { name: '', description: '', expirationDays: '90' },
    fields: APIKEY_FIELDS,
    submit: (v) =>
      api.post('/forms/account/apikey/add', {
        body: { name: v.name.trim(), description: v.description.trim() || undefined, expirationDays: v.expirationDays },
      }),
    onSuccess: async (res, v, patch) => {
      setFresh({ name: v.name.trim(), token: res.token });
      patch({ name: '', description: '' });
      await queryClient.invalidateQueries({ queryKey: keys.apikeys });
    },
  });
  return (
    <>
      <PageHeader title="API keys" />
      <p className="lead">
        A key lets a program call the API as you: send it as <code>Authorization: Bearer &lt;key&gt;</code>. It can do what you can
        do, in every team of yours.
      </p>
      {fresh ? (
        <section className="card card-highlight" aria-labelledby="fresh-key-title">
          <h2 id="fresh-key-title">Your new key “{fresh.name}”</h2>
          <p>Copy it now: it is shown only once.</p>
          <CopyField value={fresh.token} label="New API key" />
          <button type="button" className="button-quiet" onClick={() => setFresh(null)}>
            I have copied it
          </button>
        </section>
      ) : null}
      <section className="card">
        <h2>Create a key</h2>
        <form className="form form-inline" onSubmit={form.onSubmit} noValidate>
          <TextField form={form} name="name" label="Name" required placeholder="e.g. CI pipeline" />
          <TextField form={form} name="description" label="Description" />
          <SelectField form={form} name="expirationDays" label="Expires after" options={EXPIRY} />
          <FormError form={form} />
          <SubmitRow form={form} label="Create key" busyLabel="Creating…" />
        </form>
      </section>
      <section>
        <h2>Your keys</h2>
        <ActionError error={revoke.error ?? rotate.error} />
        <ListStates query={list} items={list.data?.keys} empty={<EmptyState title="No API keys">Create one above when a script or another service needs to call Nimbus.</EmptyState>}>
          {(apikeys) => (
            <DataTable columns={['Name', { label: 'Created', hideNarrow: true }, 'Expires', { label: 'Last used', hideNarrow: true }]}>
              {apikeys.map((k) => (
                <tr key={k._id}>
                  <td>
                    <strong>{k.name}</strong>
                    {k.description ? <div className="muted small">{k.description}</div> : null}
                  </td>
                  <td className="hide-narrow">{formatDate(k.createdDate)}</td>
                  <td>{formatDate(k.expirationDate)}</td>
                  <td className="hide-narrow">{k.lastUsedDate ? formatDate(k.lastUsedDate) : 'Never'}</td>
                  <td className="row-actions">
                    <ConfirmButton
                      className="button-secondary"
                      label="Rotate"
                      confirmLabel="Yes, new token"
                      question="The old token stops working."
                      onConfirm={() => rotate.mutate({ keyId: k._id, name: k.name })}
                    />
                    <ConfirmButton label="Revoke" question={`Revoke ${k.name}?`} onConfirm={() => revoke.run(k._id)} busy={revoke.busy(k._id)} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </ListStates>
      </section>
    </>
  );
}
