import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { Agent, Task, Tool, Variable } from '../../api/wire';
import { useTeam } from '../../auth/team-context';
import { CheckboxField, FormError, MultiCheck, SelectField, SubmitRow, TextField, useApiForm } from '../../components/form';
import { ErrorState, Loading, PageHeader } from '../../components/states';
import { initialTaskValues, TASK_FIELDS, taskBody, type TaskValues } from './task-form';

interface TaskFormData {
  task: Task | null;
  tasks: Task[];
  agents: Agent[];
  tools: Tool[];
  variables: Variable[];
}

export function TaskFormPage() {
  const { teamId } = useTeam();
  const { taskId } = useParams();
  const data = useQuery({
    queryKey: taskId ? keys.task(teamId, taskId) : [...keys.tasks(teamId), 'new'],
    queryFn: async (): Promise<TaskFormData> => {
      if (taskId) return api.get('/{teamId}/task/{taskId}.json', { path: { teamId, taskId } });
      const r = await api.get('/{teamId}/tasks.json', { path: { teamId } });
      return { task: null, tasks: r.tasks, agents: r.agents, tools: r.tools, variables: r.variables };
    },
  });
  const back = { to: `/${teamId}/tasks`, label: 'Tasks' };
  if (data.isPending) return <Loading />;
  if (data.error) return <ErrorState error={data.error} retry={() => void data.refetch()} />;
  const task = data.data.task;
  if (taskId && !task) return <ErrorState error={new Error('This task does not exist (any more).')} title="Not found" />;
  return (
    <>
      <PageHeader title={task ? `Edit ${task.name}` : 'Create a task'} back={back} />
      <TaskForm key={task?._id ?? 'new'} task={task} tasks={data.data.tasks} agents={data.data.agents} tools={data.data.tools} variables={data.data.variables} />
    </>
  );
}

function TaskForm(p: { task: Task | null; tasks: Task[]; agents: Agent[]; tools: Tool[]; variables: Variable[] }) {
  const { teamId } = useTeam();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { task } = p;
  const form = useApiForm({
    initial: initialTaskValues(task),
    fields: TASK_FIELDS,
    submit: async (v: TaskValues) =>
      task
        ? api.post('/{teamId}/forms/task/{taskId}/edit', { path: { teamId, taskId: task._id }, body: taskBody(v) })
        : api.post('/{teamId}/forms/task/add', { path: { teamId }, body: taskBody(v) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.tasks(teamId) });
      navigate(`/${teamId}/tasks`);
    },
  });
  return (
    <form className="card form" onSubmit={form.onSubmit} noValidate>
      <TextField form={form} name="name" label="Name" required autoFocus />
      <TextField form={form} name="description" label="Description" required multiline rows={4} placeholder="What should be done, in detail" />
      <TextField form={form} name="expectedOutput" label="Expected output" required multiline rows={2} placeholder="What a good result looks like" />
      <SelectField form={form} name="agentId" label="Agent" placeholder="Any agent of the crew" options={p.agents.map((a) => ({ value: a._id, label: a.name }))} />
      <details className="more">
        <summary>Tools, context and options</summary>
        <MultiCheck form={form} name="toolIds" label="Tools" options={p.tools.map((t) => ({ value: t._id, label: t.name }))} empty="No tools are available." />
        <MultiCheck
          form={form}
          name="context"
          label="Context: results of these tasks are given to this one"
          options={p.tasks.filter((t) => t._id !== task?._id).map((t) => ({ value: t._id, label: t.name }))}
          empty="No other tasks yet."
        />
        <MultiCheck form={form} name="variableIds" label="Variables" options={p.variables.map((v) => ({ value: v._id, label: v.name }))} empty="The team has no variables." />
        <CheckboxField form={form} name="requiresHumanInput" label="Ask a person before finishing" />
        <CheckboxField form={form} name="asyncExecution" label="Run asynchronously" />
        <CheckboxField form={form} name="displayOnlyFinalOutput" label="Show only the final output" />
        <CheckboxField form={form} name="storeTaskOutput" label="Store the output as a file" />
      </details>
      <FormError form={form} />
      <SubmitRow form={form} label={task ? 'Save changes' : 'Create task'} />
    </form>
  );
}
