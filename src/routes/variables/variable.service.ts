import { newId } from '../../shared/ids.js';
import { NotFound, ValidationError } from '../../shared/errors.js';
import type { TeamAccess } from '../../auth/auth.service.js';
import type { VariableRepository } from '../../db/repositories/variable.repository.js';
import { presentVariable, type VariableJson } from './variable.presenter.js';

export interface VariableInput {
  name: string;
  defaultValue: string;
  description?: string | null;
}

const NOT_FOUND = 'Variable not found';

export class VariableService {
  constructor(private readonly repo: VariableRepository) {}

  async list(teamId: string): Promise<VariableJson[]> {
    const [rows, usage] = await Promise.all([this.repo.list(teamId), this.repo.usage(teamId)]);
    return rows.map((r) => presentVariable(r, usage.get(r.id)));
  }

  async get(teamId: string, id: string): Promise<VariableJson> {
    const row = await this.repo.get(teamId, id);
    if (!row) throw new NotFound(NOT_FOUND);
    return presentVariable(row, (await this.repo.usage(teamId)).get(id));
  }

  async add(team: TeamAccess, accountId: string, input: VariableInput): Promise<string> {
    if (await this.repo.findByName(team.teamId, input.name)) throw new ValidationError('Variable already exists');
    const id = newId();
    try {
      await this.repo.insert({
        id,
        teamId: team.teamId,
        orgId: team.orgId,
        name: input.name,
        defaultValue: input.defaultValue,
        description: input.description ?? null,
        createdBy: accountId,
      });
    } catch (err) {
      if (await this.repo.findByName(team.teamId, input.name)) throw new ValidationError('Variable already exists');
      throw err;
    }
    return id;
  }

  async edit(teamId: string, id: string, input: VariableInput): Promise<void> {
    const clash = await this.repo.findByName(teamId, input.name);
    if (clash && clash.id !== id) throw new ValidationError('Variable already exists');
    const done = await this.repo.update(teamId, id, {
      name: input.name,
      defaultValue: input.defaultValue,
      description: input.description ?? null,
    });
    if (!done) throw new NotFound(NOT_FOUND);
  }

  async delete(teamId: string, id: string): Promise<void> {
    if (!(await this.repo.get(teamId, id))) throw new NotFound('Variable does not exist');
    const used = (await this.repo.usage(teamId)).get(id);
    if (used && (used.agents.length > 0 || used.tasks.length > 0)) {
      throw new ValidationError('Variable is used in agents or tasks. Remove references first before deleting variable.');
    }
    await this.repo.delete(teamId, id);
  }
}
