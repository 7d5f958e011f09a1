import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { Keyring } from '../../auth/crypto.js';
import { agents, crews, models, teams } from '../schema.js';
import { existingIds } from './references.js';

export type ModelRow = typeof models.$inferSelect;

/** A model as the code sees it: the sealed secrets column opened into `secrets`. */
export interface ModelRecord extends Omit<ModelRow, 'secrets'> {
  secrets: Record<string, unknown>;
}

export interface ModelWrite {
  name: string;
  model: string;
  type: string;
  modelType: string;
  embeddingLength: number;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
}

/** What the runtime needs to call a provider. Never presented: the secrets are in clear. */
export interface RuntimeModel {
  id: string;
  type: string;
  model: string;
  modelType: string;
  embeddingLength: number;
  config: Record<string, unknown>;
}

/** Team-scoped: the team id is the first argument of everything. Secrets are sealed here and only here. */
export class ModelRepository {
  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
  ) {}

  async list(teamId: string): Promise<ModelRecord[]> {
    const rows = await this.db.select().from(models).where(eq(models.teamId, teamId)).orderBy(asc(models.id));
    return rows.map((r) => this.open(r));
  }

  async get(teamId: string, id: string): Promise<ModelRecord | undefined> {
    const [row] = await this.db.select().from(models).where(and(eq(models.teamId, teamId), eq(models.id, id))).limit(1);
    return row ? this.open(row) : undefined;
  }

  existing(teamId: string, ids: readonly string[]): Promise<Set<string>> {
    return existingIds(this.db, models, teamId, ids);
  }

  async getForRuntime(teamId: string, id: string): Promise<RuntimeModel | undefined> {
    const [row] = await this.db.select().from(models).where(and(eq(models.teamId, teamId), eq(models.id, id))).limit(1);
    return row ? runtimeModel(row, this.keyring) : undefined;
  }

  async insert(teamId: string, orgId: string, id: string, write: ModelWrite): Promise<void> {
    await this.db.insert(models).values({ id, teamId, orgId, ...this.seal(write) });
  }

  async update(teamId: string, id: string, write: ModelWrite): Promise<boolean> {
    const rows = await this.db
      .update(models)
      .set({ ...this.seal(write), updatedAt: new Date() })
      .where(and(eq(models.teamId, teamId), eq(models.id, id)))
      .returning({ id: models.id });
    return rows.length > 0;
  }

  /** Deletes the model and every reference the team holds to it, all or nothing. */
  async delete(teamId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.update(agents).set({ modelId: null }).where(and(eq(agents.teamId, teamId), eq(agents.modelId, id)));
      await tx.update(agents).set({ functionModelId: null }).where(and(eq(agents.teamId, teamId), eq(agents.functionModelId, id)));
      await tx.update(crews).set({ managerModelId: null }).where(and(eq(crews.teamId, teamId), eq(crews.managerModelId, id)));
      await tx.update(teams).set({ defaultLlmModelId: null }).where(and(eq(teams.id, teamId), eq(teams.defaultLlmModelId, id)));
      await tx
        .update(teams)
        .set({ defaultEmbeddingModelId: null })
        .where(and(eq(teams.id, teamId), eq(teams.defaultEmbeddingModelId, id)));
      const rows = await tx
        .delete(models)
        .where(and(eq(models.teamId, teamId), eq(models.id, id)))
        .returning({ id: models.id });
      return rows.length > 0;
    });
  }

  private seal(write: ModelWrite) {
    const { secrets, ...rest } = write;
    return { ...rest, secrets: Object.keys(secrets).length > 0 ? this.keyring.encryptJson(secrets) : null };
  }

  private open(row: ModelRow): ModelRecord {
    return openModel(row, this.keyring);
  }
}

function openModel(row: ModelRow, keyring: Keyring): ModelRecord {
  const { secrets, ...rest } = row;
  let opened: Record<string, unknown> = {};
  try {
    opened = keyring.decryptJson(secrets);
  } catch {
    // Sealed under another NIMBUS_SECRET: the keys are lost; the model shows none, so an
    // edit must supply them again rather than the whole list failing.
  }
  return { ...rest, secrets: opened };
}

/** A stored model as a provider call needs it: config with the secrets in clear. Never presented. */
export function runtimeModel(row: ModelRow, keyring: Keyring): RuntimeModel {
  const m = openModel(row, keyring);
  return {
    id: m.id,
    type: m.type,
    model: m.model,
    modelType: m.modelType,
    embeddingLength: m.embeddingLength,
    config: { ...m.config, ...m.secrets, model: m.model },
  };
}
