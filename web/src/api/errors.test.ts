import { describe, expect, it } from 'vitest';
import { ApiError, fieldForMessage, toFormErrors } from './errors';
import { VARIABLE_FIELDS } from '../pages/variables/variable-form-page';
import { AGENT_FIELDS } from '../pages/agents/agent-form';
import { modelFieldSpecs } from '../pages/models/providers';
import { REGISTER_FIELDS } from '../pages/auth/register-page';
import { APP_FIELDS } from '../pages/apps/app-form';
import { APIKEY_FIELDS } from '../pages/apikeys/apikeys-page';

const bad = (message: string, status = 400) => new ApiError(status, message, message, { error: message, message, code: status });

describe('server messages go to their field', () => {
  it.each([
    ['Variable Name is empty', VARIABLE_FIELDS, 'name'],
    ['Variable already exists', VARIABLE_FIELDS, 'name'],
    ['Default Value is empty', VARIABLE_FIELDS, 'defaultValue'],
    ['Description is too long', VARIABLE_FIELDS, 'description'],
    ['Name is empty', AGENT_FIELDS, 'name'],
    ['[role] is empty', AGENT_FIELDS, 'role'],
    ['Model is empty', AGENT_FIELDS, 'modelId'],
    ['Model is not of the right length', AGENT_FIELDS, 'modelId'],
    ['Function Calling Model is not of the right length', AGENT_FIELDS, 'functionModelId'],
    ['Invalid Tools', AGENT_FIELDS, 'toolIds'],
    ['Variable with ID 0123 not found', AGENT_FIELDS, 'variableIds'],
    ['[config.api_key] is empty', modelFieldSpecs('open_ai'), 'config.api_key'],
    ['[api_key] is empty', modelFieldSpecs('open_ai'), 'config.api_key'],
    ['[azure_endpoint] is empty', modelFieldSpecs('azure'), 'config.azure_endpoint'],
    ['[groq_api_key] is empty', modelFieldSpecs('groq'), 'config.groq_api_key'],
    ['Type is an invalid value', modelFieldSpecs('open_ai'), 'type'],
    ['[config.model] is an invalid value', modelFieldSpecs('open_ai'), 'model'],
    ['App Name is empty', APP_FIELDS, 'name'],
    ['[description] is empty', APP_FIELDS, 'description'],
    ['Invalid Conversation Starters', APP_FIELDS, 'conversationStarters'],
    ['[sharingMode] is an invalid value', APP_FIELDS, 'sharingMode'],
    ['Only OpenAI, Azure OpenAI, Anthropic, Google, Groq and Ollama models are supported for chat apps.', APP_FIELDS, 'agentId'],
    ['Email does not match regular expression /^\\S+@\\S+\\.\\S+$/', REGISTER_FIELDS, 'email'],
    ['Number of days before expiry is an invalid value (use "never" or 1–3650)', APIKEY_FIELDS, 'expirationDays'],
  ])('%s → %s', (message, fields, field) => {
    expect(fieldForMessage(message, fields)).toBe(field);
    expect(toFormErrors(bad(message), fields)).toEqual({ fields: { [field]: message }, form: null });
  });

  it('needs a whole label, not a prefix of a word', () => {
    expect(fieldForMessage('Names must be unique', [{ name: 'name', labels: ['Name'] }])).toBeNull();
    expect(fieldForMessage('Modelling failed', AGENT_FIELDS)).toBeNull();
  });

  it('shows a message that names no field at the form', () => {
    expect(toFormErrors(bad('Invalid inputs'), VARIABLE_FIELDS)).toEqual({ fields: {}, form: 'Invalid inputs' });
  });

  it('a conflict may name a field', () => {
    expect(toFormErrors(bad('Account already exists with this email', 409), REGISTER_FIELDS).fields).toEqual({
      email: 'Account already exists with this email',
    });
  });

  it('permission and server errors stay at the form, in the server’s words', () => {
    const forbidden = new ApiError(403, 'Missing permission "Create Model"', 'No permission', {});
    expect(toFormErrors(forbidden, modelFieldSpecs('open_ai'))).toEqual({ fields: {}, form: 'Missing permission "Create Model"' });
    const crash = ApiError.from(500, { error: 'An internal error occurred. Please contact support with code: 42', code: 500 });
    expect(toFormErrors(crash, VARIABLE_FIELDS).form).toBe('An internal error occurred. Please contact support with code: 42');
  });

  it('explains a network failure', () => {
    expect(toFormErrors(new TypeError('Failed to fetch'), VARIABLE_FIELDS).form).toMatch(/Cannot reach the server/);
  });

  it('reads {error, message, code} and falls back on the status', () => {
    const e = ApiError.from(403, { error: 'No permission', message: 'You are not a member of this team', code: 403 });
    expect(e.message).toBe('You are not a member of this team');
    expect(e.error).toBe('No permission');
    expect(ApiError.from(404, null).message).toBe('Not found');
    expect(ApiError.from(502, { message: '<html>bad gateway</html>' }).message).toBe('<html>bad gateway</html>');
  });
});
