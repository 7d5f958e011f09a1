import { describe, expect, it } from 'vitest';
import type { Agent } from '../../api/wire';
import { agentBody, initialAgentValues } from './agent-form';
import { initialTaskValues, taskBody } from '../tasks/task-form';

describe('agent and task bodies', () => {
  it('an agent: arrays always present, empty limits as null, no function model as null', () => {
    const v = { ...initialAgentValues(null, 'm'.repeat(24)), name: ' Ada ', role: 'Helper', goal: 'Help', backstory: 'Kind', maxIter: ' 5 ' };
    expect(agentBody(v)).toEqual({
      name: 'Ada',
      role: 'Helper',
      goal: 'Help',
      backstory: 'Kind',
      modelId: 'm'.repeat(24),
      functionModelId: null,
      toolIds: [],
      variableIds: [],
      maxIter: 5,
      maxRPM: null,
      verbose: false,
      allowDelegation: false,
    });
    // Not a number: sent as typed, for the server to name the field.
    expect(agentBody({ ...v, maxRPM: 'lots' }).maxRPM).toBe('lots');
  });

  it('an agent read back fills the form', () => {
    const agent: Agent = {
      _id: 'a',
      orgId: 'o',
      teamId: 't',
      dateCreated: '',
      icon: null,
      name: 'A',
      role: 'r',
      goal: 'g',
      backstory: 'b',
      modelId: 'm',
      functionModelId: null,
      maxIter: 3,
      maxRPM: null,
      toolIds: ['t'],
      variableIds: [],
      verbose: false,
      allowDelegation: false,
    };
    expect(initialAgentValues(agent)).toMatchObject({ modelId: 'm', functionModelId: '', maxIter: '3', maxRPM: '', toolIds: ['t'] });
  });

  it('a task: every list the API needs, even empty', () => {
    const body = taskBody({ ...initialTaskValues(null), name: 'Write', description: 'Write it', expectedOutput: 'Text' });
    expect(body).toEqual({
      name: 'Write',
      description: 'Write it',
      expectedOutput: 'Text',
      agentId: null,
      toolIds: [],
      variableIds: [],
      context: [],
      formFields: [],
      requiresHumanInput: false,
      asyncExecution: false,
      displayOnlyFinalOutput: false,
      storeTaskOutput: false,
    });
  });
});
